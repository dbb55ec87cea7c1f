/** The pure inspection module: a visit's result, overdue recommendations, the dashboard, the ranking's fraction. */
import { describe, expect, it } from "vitest";
import { INSPECTION_ITEMS } from "../../../functions/src/domain/codes.js";
import {
  type InspectionFinding,
  type InspectionVisit,
  inspectionDashboard,
  inspectionFraction,
  isOverdue,
  visitResult,
} from "../../../functions/src/domain/inspection.js";
import { parseTabRows } from "../../../functions/src/sheets/parse.js";
import { findTab } from "../../../functions/src/sheets/tabs/index.js";

const YEAR = "2025-2026";
const visit = (visitId: string, unitId: string, date = "2025-10-15"): InspectionVisit => ({
  year: YEAR,
  visitId,
  teamId: "doan-1",
  unitId,
  date,
  kind: "DAU_NAM",
  representatives: [],
});
const finding = (
  visitId: string,
  item: InspectionFinding["item"],
  extra: Partial<InspectionFinding> = {},
): InspectionFinding => ({
  year: YEAR,
  visitId,
  item,
  finding: "DAT",
  ...extra,
});
const allMet = (visitId: string) => INSPECTION_ITEMS.map((item) => finding(visitId, item));
const shortfall = (
  deadline: string,
  recheck: Partial<InspectionFinding> = {},
): Partial<InspectionFinding> => ({
  finding: "CHUA_DAT",
  recommendation: "Khắc phục.",
  deadline,
  ...recheck,
});

describe("a recommendation's deadline", () => {
  it("is overdue the day after its deadline, unless a re-check found it done", () => {
    const open = finding("kt-01", "HO_SO", shortfall("2025-11-30"));
    expect(isOverdue(open, "2025-11-30")).toBe(false);
    expect(isOverdue(open, "2025-12-01")).toBe(true);
    expect(isOverdue({ ...open, recheckDate: "2025-12-05", recheckDone: false }, "2025-12-10")).toBe(true);
    expect(isOverdue({ ...open, recheckDate: "2025-12-05", recheckDone: true }, "2025-12-10")).toBe(false);
    // A shortfall noted without a recommendation has no deadline to miss.
    expect(isOverdue(finding("kt-01", "HO_SO", { finding: "CHUA_DAT" }), "2030-01-01")).toBe(false);
  });
});

describe("a visit's result", () => {
  it("is đạt only when every checklist item was checked and found đạt", () => {
    expect(visitResult(visit("kt-01", "a"), allMet("kt-01"), "2026-01-01")).toMatchObject({
      checked: 9,
      met: 9,
      result: "DAT",
      unchecked: [],
    });
    const partial = allMet("kt-01").slice(0, 8);
    expect(visitResult(visit("kt-01", "a"), partial, "2026-01-01")).toMatchObject({
      result: "CHUA_DAT",
      unchecked: ["SANG_KIEN"],
    });
    expect(visitResult(visit("kt-02", "a"), allMet("kt-01"), "2026-01-01")).toMatchObject({
      checked: 0,
      result: "CHUA_KIEM_TRA",
      rate: null,
    });
  });

  it("counts its recommendations, the overdue ones, and whether each was re-checked", () => {
    const findings = [
      ...allMet("kt-01").filter((entry) => entry.item !== "HO_SO" && entry.item !== "CONG_KHAI"),
      finding("kt-01", "HO_SO", shortfall("2025-11-30", { recheckDate: "2025-12-10", recheckDone: true })),
      finding("kt-01", "CONG_KHAI", shortfall("2025-12-31")),
    ];
    expect(visitResult(visit("kt-01", "a"), findings, "2026-01-05")).toMatchObject({
      met: 7,
      metAfterRecheck: 8,
      recommendations: 2,
      overdue: 1,
      rechecked: false,
    });
  });
});

describe("the dashboard", () => {
  it("counts per unit and per item over the planned visits, and leaves out findings of no planned visit", () => {
    const visits = [
      visit("kt-01", "truong-a"),
      visit("kt-02", "truong-b", "2025-11-01"),
      visit("kt-03", "truong-a", "2026-03-01"),
    ];
    const findings = [
      ...allMet("kt-01"),
      ...allMet("kt-02").map((entry) =>
        entry.item === "DAN_CHU" ? { ...entry, ...shortfall("2025-12-01") } : entry,
      ),
      finding("kt-03", "SANG_KIEN", { finding: "CHUA_DAT" }),
      finding("kt-lac", "SANG_KIEN", { finding: "CHUA_DAT" }),
    ];
    const board = inspectionDashboard(YEAR, visits, findings, "2026-01-01");
    expect(board.visits.map((entry) => entry.visitId)).toEqual(["kt-01", "kt-02", "kt-03"]);
    expect(board.units).toEqual([
      { unitId: "truong-a", visits: 2, checked: 10, met: 9, metAfterRecheck: 9, rate: 0.9, overdue: 0 },
      { unitId: "truong-b", visits: 1, checked: 9, met: 8, metAfterRecheck: 8, rate: 0.8889, overdue: 1 },
    ]);
    expect(board.items.find((entry) => entry.item === "SANG_KIEN")).toMatchObject({ checked: 3, met: 2 });
    expect(board.items.find((entry) => entry.item === "DAN_CHU")).toMatchObject({ checked: 2, met: 1 });
    expect(board.overdue).toEqual([
      {
        visitId: "kt-02",
        unitId: "truong-b",
        item: "DAN_CHU",
        recommendation: "Khắc phục.",
        deadline: "2025-12-01",
      },
    ]);
    expect(board.totals).toMatchObject({ visits: 3, checked: 19, met: 17, overdue: 1 });
  });
});

describe("the ranking's INSPECTION fraction", () => {
  it("is the items met after the re-check over the items checked, undefined for a unit not visited", () => {
    expect(inspectionFraction([])).toBeUndefined();
    const findings = [
      finding("kt-01", "DANG_KY"),
      finding("kt-01", "HO_SO", shortfall("2025-11-30", { recheckDone: true })),
      finding("kt-01", "CONG_KHAI", shortfall("2025-11-30", { recheckDone: false })),
      finding("kt-02", "SANG_KIEN", { finding: "CHUA_DAT" }),
    ];
    expect(inspectionFraction(findings)).toEqual({ value: 0.5, met: 2, checked: 4 });
  });
});

describe("a year's own checklist", () => {
  it("is chosen in tab Cấu hình among the default items, and the figures count only its items", () => {
    const tab = findTab("cau-hinh");
    if (!tab) throw new Error("no Cấu hình tab");
    const [row] = parseTabRows(
      tab,
      [
        {
          row: 2,
          values: {
            "Năm học": YEAR,
            "Phiên bản căn cứ pháp lý": "ND152-2025",
            "Nội dung kiểm tra công tác thi đua": "HO_SO; sang_kien",
          },
        },
      ],
      { unitId: "so-gddt", year: YEAR },
    ).rows;
    expect(row?.errors).toEqual([]);
    expect(row?.documents[0]?.data.inspectionChecklist).toEqual(["HO_SO", "SANG_KIEN"]);
    const [rejected] = parseTabRows(
      tab,
      [
        {
          row: 3,
          values: {
            "Năm học": YEAR,
            "Phiên bản căn cứ pháp lý": "x",
            "Nội dung kiểm tra công tác thi đua": "Văn nghệ",
          },
        },
      ],
      { unitId: "so-gddt", year: YEAR },
    ).rows;
    expect(rejected?.errors.map((error) => error.column)).toEqual(["Nội dung kiểm tra công tác thi đua"]);

    const checklist = ["HO_SO", "SANG_KIEN"] as const;
    const findings = [
      ...allMet("kt-01").filter((entry) => entry.item !== "HO_SO"),
      finding("kt-01", "HO_SO", { finding: "CHUA_DAT" }),
    ];
    const board = inspectionDashboard(YEAR, [visit("kt-01", "a")], findings, "2026-01-01", checklist);
    expect(board.totals).toMatchObject({ checked: 2, met: 1 });
    expect(board.items.map((entry) => entry.item)).toEqual(["HO_SO", "SANG_KIEN"]);
    expect(board.visits[0]).toMatchObject({ result: "CHUA_DAT", unchecked: [] });
  });
});
