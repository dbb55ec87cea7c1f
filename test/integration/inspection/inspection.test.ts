/**
 * Kiểm tra, tư vấn on the sample province, over real sockets and the emulator: the dashboard's
 * figures (computed here from the generated rows), who sees which visits, the Biên bản kiểm tra read
 * back with pdftotext and rendered, the three tabs' per-cell errors, and one visit from the plan to
 * its PDF to its re-check moving the unit's ranking.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEPARTMENT_UNIT_ID,
  type Province,
  SAMPLE_SCHOOLS,
  sampleProvince,
} from "../../../functions/sample/province.js";
import { dateInVietnam } from "../../../functions/src/domain/calendar.js";
import { INSPECTION_ITEMS } from "../../../functions/src/domain/codes.js";
import { COLLECTIONS } from "../../../functions/src/domain/collections.js";
import type { InspectionFinding } from "../../../functions/src/domain/inspection.js";
import type { YearRankings } from "../../../functions/src/domain/ranking/schema.js";
import type { InspectionsView } from "../../../functions/src/services/inspections.js";
import { DEPARTMENT, officerOf, startSampleApi, YEAR } from "../../fixtures/sample-actors.js";
import { errorOf, type TestApi } from "../../support/api.js";
import { firstOutOfOrder, pdfText, renderGray } from "../../unit/documents/pdf-tools.js";

let api: TestApi;
let province: Province;
beforeAll(async () => {
  province = sampleProvince();
  api = await startSampleApi(province);
}, 180_000);
afterAll(() => api.close());

const issuer = {
  parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
  name: "Sở Giáo dục và Đào tạo",
  abbreviation: "SGDĐT",
  place: "Hà Tĩnh",
};

const dashboard = async (as: string, query = ""): Promise<InspectionsView> => {
  const response = await api.fetch(`/v1/years/${YEAR}/inspections${query}`, { as });
  expect(response.status).toBe(200);
  return (await response.json()) as InspectionsView;
};

const ingest = (tab: string, rows: Record<string, unknown>[]) =>
  api.fetch(`/v1/sheets/${tab}:ingest`, {
    as: DEPARTMENT,
    method: "POST",
    body: JSON.stringify({
      unit: DEPARTMENT_UNIT_ID,
      year: YEAR,
      rows: rows.map((values, index) => ({ row: index + 2, values })),
    }),
  });

const bienBan = (visitId: string, as = DEPARTMENT) =>
  api.fetch(`/v1/years/${YEAR}/inspections/${visitId}/document`, {
    as,
    method: "POST",
    body: JSON.stringify({ issuer }),
  });

/** Every unit's INSPECTION group, from one read of the ranking. */
const inspectionScores = async () => {
  const response = await api.fetch(`/v1/years/${YEAR}/rankings`, { as: DEPARTMENT });
  expect(response.status).toBe(200);
  const rankings = (await response.json()) as YearRankings;
  return new Map(
    rankings.clusters
      .flatMap((cluster) => cluster.units)
      .map((unit) => [unit.unitId, unit.scores.find((group) => group.source === "INSPECTION")]),
  );
};
const inspectionScore = async (unitId: string) => (await inspectionScores()).get(unitId);

/** The figures of some findings, counted here from the rows themselves. */
const figures = (findings: readonly InspectionFinding[]) => ({
  checked: findings.length,
  met: findings.filter((finding) => finding.finding === "DAT").length,
});

describe("the dashboard on the sample province", { timeout: 60_000 }, () => {
  it("gives the Department every visit, the đạt figures per unit and per item, and what is overdue", async () => {
    const view = await dashboard(DEPARTMENT);
    const { inspectionVisits: visits, inspectionFindings: findings } = province;
    expect(view.visits.map((visit) => visit.visitId).sort()).toEqual(
      visits.map((visit) => visit.visitId).sort(),
    );
    for (const visit of visits) {
      const own = findings.filter((finding) => finding.visitId === visit.visitId);
      const row = view.units.find((unit) => unit.unitId === visit.unitId);
      expect(row).toMatchObject({ visits: 1, ...figures(own) });
      expect(row?.rate).toBeCloseTo(figures(own).met / own.length, 4);
    }
    for (const item of INSPECTION_ITEMS)
      expect(view.items.find((entry) => entry.item === item)).toMatchObject(
        figures(findings.filter((finding) => finding.item === item)),
      );
    const today = dateInVietnam(new Date());
    const overdue = findings.filter(
      (finding) =>
        finding.recommendation !== undefined &&
        finding.deadline !== undefined &&
        finding.deadline < today &&
        finding.recheckDone !== true,
    );
    expect(overdue.length).toBeGreaterThan(0);
    expect(view.overdue.map((entry) => `${entry.visitId}/${entry.item}`).sort()).toEqual(
      overdue.map((finding) => `${finding.visitId}/${finding.item}`).sort(),
    );
    expect(view.totals).toMatchObject({
      visits: visits.length,
      ...figures(findings),
      overdue: overdue.length,
    });
    // Some items fall short somewhere: the sample has figures to show, not a wall of đạt.
    expect(view.totals.met).toBeLessThan(view.totals.checked);
  });

  it("shows a school its own visits only, and a commune the schools it manages", async () => {
    const own = await dashboard(officerOf(SAMPLE_SCHOOLS.nguyenDu));
    expect(own.visits.map((visit) => visit.unitId)).toEqual([SAMPLE_SCHOOLS.nguyenDu]);
    expect(own.units.map((unit) => unit.unitId)).toEqual([SAMPLE_SCHOOLS.nguyenDu]);
    const ownFindings = province.inspectionFindings.filter((finding) =>
      province.inspectionVisits.some(
        (visit) => visit.visitId === finding.visitId && visit.unitId === SAMPLE_SCHOOLS.nguyenDu,
      ),
    );
    expect(own.totals).toMatchObject(figures(ownFindings));

    const nguyenDu = province.units.find((unit) => unit.id === SAMPLE_SCHOOLS.nguyenDu);
    const commune = province.users.find(
      (user) => user.role === "COMMUNE_SPECIALIST" && user.unitId === nguyenDu?.communeUnitId,
    );
    expect(commune).toBeDefined();
    const managed = new Set(
      province.units
        .filter((unit) => unit.managingAuthority === "UBND_XA" && unit.communeUnitId === commune?.unitId)
        .map((unit) => unit.id),
    );
    const seen = await dashboard(commune?.email ?? "");
    expect(seen.visits.map((visit) => visit.unitId).sort()).toEqual(
      province.inspectionVisits
        .filter((visit) => managed.has(visit.unitId))
        .map((visit) => visit.unitId)
        .sort(),
    );
  });

  it("narrows the Department's view to one unit with ?unit=", async () => {
    const view = await dashboard(DEPARTMENT, `?unit=${SAMPLE_SCHOOLS.leQuyDon}`);
    expect(view.visits.map((visit) => visit.unitId)).toEqual([SAMPLE_SCHOOLS.leQuyDon]);
    expect(view.unitNames[SAMPLE_SCHOOLS.leQuyDon]).toBe("Trường THPT Lê Quý Đôn");
  });
});

describe("the ranking's INSPECTION group on the sample province", { timeout: 120_000 }, () => {
  it("scores a visited unit by its items met after the re-check, and an unvisited one by the missing-data rule", async () => {
    const scores = await inspectionScores();
    for (const visit of province.inspectionVisits) {
      const own = province.inspectionFindings.filter((finding) => finding.visitId === visit.visitId);
      const met = own.filter((finding) => finding.finding === "DAT" || finding.recheckDone === true).length;
      expect(scores.get(visit.unitId)).toMatchObject({
        missing: false,
        score: Math.round((met / own.length) * 10 * 100) / 100,
      });
    }
    const visited = new Set(province.inspectionVisits.map((visit) => visit.unitId));
    const unvisited = province.units.find((unit) => !visited.has(unit.id));
    expect(scores.get(unvisited?.id ?? "")).toMatchObject({ missing: true, score: 0 });
  });
});

describe("the Biên bản kiểm tra", { timeout: 60_000 }, () => {
  it("prints the sample visit in the NĐ 30/2020 layout: team, unit, findings, recommendations, re-check, signatures", async () => {
    const visit = province.inspectionVisits.find((candidate) => candidate.unitId === SAMPLE_SCHOOLS.nguyenDu);
    const response = await bienBan(visit?.visitId ?? "");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    mkdirSync(".local/inspection", { recursive: true });
    writeFileSync(".local/inspection/bien-ban-kiem-tra.pdf", pdf);
    const text = pdfText(pdf).replace(/\s+/gu, " ");
    const leader = province.inspectionTeams.find((member) => member.teamRole === "TRUONG_DOAN");
    const shortfall = province.inspectionFindings.find(
      (finding) => finding.visitId === visit?.visitId && finding.finding === "CHUA_DAT",
    );
    expect(
      firstOutOfOrder(text, [
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Độc lập - Tự do - Hạnh phúc",
        `Số: 0${visit?.number}/BB-SGDĐT`,
        "Hà Tĩnh, ngày 15 tháng 10 năm 2025",
        "BIÊN BẢN",
        "Kiểm tra công tác thi đua, khen thưởng năm học 2025-2026 tại Trường THCS Nguyễn Du",
        "I. THÀNH PHẦN",
        `${leader?.fullName}, ${leader?.position}, trưởng đoàn`,
        `${visit?.unitHead}, Hiệu trưởng`,
        "II. KẾT QUẢ KIỂM TRA",
        "Đoàn kiểm tra 9 nội dung; đạt 8, chưa đạt 1",
        "Chưa đạt",
        "III. KIẾN NGHỊ",
        // The recommendation wraps inside its cell: its first words, then its deadline.
        shortfall?.recommendation?.split(" ").slice(0, 5).join(" ") ?? "?",
        "30/11/2025",
        "IV. KẾT QUẢ KIỂM TRA LẠI",
        "Đã khắc phục",
        "ĐẠI DIỆN ĐƠN VỊ",
        "TRƯỞNG ĐOÀN KIỂM TRA",
        leader?.fullName ?? "?",
      ]),
    ).toBeUndefined();
    const page = renderGray(pdf, 40);
    expect(page.pixels.filter((value) => value < 128).length / page.pixels.length).toBeGreaterThan(0.01);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "60",
      ".local/inspection/bien-ban-kiem-tra.pdf",
      ".local/inspection/page",
    ]);
  });

  it("lists everything the records lack in one MISSING_DATA", async () => {
    const response = await ingest("ke-hoach-kiem-tra", [
      {
        "Mã cuộc kiểm tra": "kt-trong",
        "Mã đoàn": "doan-khong-co",
        "Mã đơn vị": SAMPLE_SCHOOLS.leQuyDon,
        "Ngày kiểm tra": "20/05/2026",
        "Hình thức": "Đầu năm học",
      },
    ]);
    expect(response.status).toBe(200);
    const refused = await bienBan("kt-trong");
    expect(refused.status).toBe(422);
    const error = await errorOf(refused);
    expect(error.code).toBe("MISSING_DATA");
    expect(error.message).toContain("doan-khong-co");
    expect(error.message).toContain("số biên bản");
    expect(error.message).toContain("kết quả kiểm tra từng nội dung");
  });
});

describe("the tabs' rows", { timeout: 60_000 }, () => {
  it("refuses, cell by cell, a result of an unplanned visit, an unknown item, a finding other than đạt / chưa đạt, a deadline without a recommendation, a visit to an unknown unit — and keeps the good rows", async () => {
    const visitId = province.inspectionVisits[0]?.visitId ?? "";
    const response = await ingest("ket-qua-kiem-tra", [
      {
        "Mã cuộc kiểm tra": "kt-khong-co",
        "Nội dung kiểm tra": "Hồ sơ, sổ sách thi đua, khen thưởng được lưu giữ",
        "Kết quả": "Đạt",
      },
      { "Mã cuộc kiểm tra": visitId, "Nội dung kiểm tra": "Thể dục buổi sáng", "Kết quả": "Đạt" },
      { "Mã cuộc kiểm tra": visitId, "Nội dung kiểm tra": "HO_SO", "Kết quả": "Tốt" },
      {
        "Mã cuộc kiểm tra": visitId,
        "Nội dung kiểm tra": "VAN_BAN",
        "Kết quả": "Chưa đạt",
        "Thời hạn khắc phục": "01/06/2026",
      },
      {
        "Mã cuộc kiểm tra": visitId,
        "Nội dung kiểm tra": "DAN_CHU",
        "Kết quả": "Đạt",
        "Ghi chú": "Có quy chế dân chủ.",
      },
    ]);
    expect(response.status).toBe(422);
    const body = (await response.json()) as {
      accepted: number;
      rows: { row: number; status: string; errors: { column: string; code: string; message: string }[] }[];
    };
    expect(body.accepted).toBe(1);
    expect(
      body.rows.map((row) => [row.row, row.status, row.errors.map((e) => `${e.column}:${e.code}`)]),
    ).toEqual([
      [2, "rejected", ["Mã cuộc kiểm tra:UNKNOWN_REFERENCE"]],
      [3, "rejected", ["Nội dung kiểm tra:INVALID_ENUM"]],
      [4, "rejected", ["Kết quả:INVALID_ENUM"]],
      [5, "rejected", ["Thời hạn khắc phục:REQUIRES_RECOMMENDATION"]],
      [6, "accepted", []],
    ]);
    expect(body.rows[0]?.errors[0]?.message).toContain("kt-khong-co");
    const plan = await ingest("ke-hoach-kiem-tra", [
      {
        "Mã cuộc kiểm tra": "kt-lac",
        "Mã đoàn": "doan-1",
        "Mã đơn vị": "truong-khong-co",
        "Ngày kiểm tra": "20/05/2026",
        "Hình thức": "Đầu năm học",
      },
    ]);
    expect(plan.status).toBe(422);
    const planBody = (await plan.json()) as { rows: { errors: { column: string; code: string }[] }[] };
    expect(planBody.rows[0]?.errors).toMatchObject([{ column: "Mã đơn vị", code: "UNKNOWN_REFERENCE" }]);
  });

  it("keeps a team member's seniority and experience, and a resend changes nothing", async () => {
    const row = {
      "Mã đoàn": "doan-2",
      "Tên đoàn": "Đoàn kiểm tra số 2",
      "Mã thành viên": "tv-09",
      "Họ và tên": "Lê Thị Minh",
      "Chức vụ, đơn vị công tác": "Phó Giám đốc Sở",
      "Nhiệm vụ trong đoàn": "Trưởng đoàn",
      "Số năm công tác": 18,
      "Kinh nghiệm": "Kiểm tra trường chuẩn quốc gia",
    };
    expect((await ingest("doan-kiem-tra", [row])).status).toBe(200);
    const audit = (await api.db.collection(COLLECTIONS.audit).count().get()).data().count;
    const again = (await (await ingest("doan-kiem-tra", [row])).json()) as { rows: { change: string }[] };
    expect(again.rows[0]?.change).toBe("unchanged");
    expect((await api.db.collection(COLLECTIONS.audit).count().get()).data().count).toBe(audit);
    const stored = (
      await api.db.doc(`${COLLECTIONS.years}/${YEAR}/${COLLECTIONS.inspectionTeams}/doan-2_tv-09`).get()
    ).data();
    expect(stored).toMatchObject({
      seniorityYears: 18,
      experience: "Kiểm tra trường chuẩn quốc gia",
      teamRole: "TRUONG_DOAN",
    });
  });
});

describe("one visit from the plan to its Biên bản to its re-check", { timeout: 180_000 }, () => {
  it("moves the unit from the missing-data rule to its findings' score, and up again after the re-check", async () => {
    const visited = new Set(province.inspectionVisits.map((visit) => visit.unitId));
    const unit = province.units.find((candidate) => !visited.has(candidate.id) && candidate.principalName);
    const unitId = unit?.id ?? "";
    expect(await inspectionScore(unitId)).toMatchObject({ missing: true, score: 0 });

    expect(
      (
        await ingest("ke-hoach-kiem-tra", [
          {
            "Mã cuộc kiểm tra": "kt-moi",
            "Mã đoàn": "doan-1",
            "Mã đơn vị": unitId,
            "Ngày kiểm tra": "12/05/2026",
            "Hình thức": "Kết hợp kiểm tra",
            "Số biên bản": 9,
          },
        ])
      ).status,
    ).toBe(200);
    const short = new Set(["HO_SO", "SANG_KIEN", "CONG_KHAI"]);
    const resultRows = INSPECTION_ITEMS.map((item) => ({
      "Mã cuộc kiểm tra": "kt-moi",
      "Nội dung kiểm tra": item,
      "Kết quả": short.has(item) ? "Chưa đạt" : "Đạt",
      ...(short.has(item) ? { "Kiến nghị": `Khắc phục ${item}`, "Thời hạn khắc phục": "30/06/2026" } : {}),
    }));
    expect((await ingest("ket-qua-kiem-tra", resultRows)).status).toBe(200);
    expect(await inspectionScore(unitId)).toMatchObject({ missing: false, score: 6.67 });
    const document = await bienBan("kt-moi");
    expect(document.status).toBe(200);
    const text = pdfText(Buffer.from(await document.arrayBuffer())).replace(/\s+/gu, " ");
    expect(text).toContain("Số: 09/BB-SGDĐT");
    expect(text).toContain("đạt 6, chưa đạt 3");
    expect(text).not.toContain("IV. KẾT QUẢ KIỂM TRA LẠI");
    const before = await dashboard(DEPARTMENT, `?unit=${unitId}`);
    expect(before.units[0]).toMatchObject({ checked: 9, met: 6, overdue: 3 });

    // The re-check, on the same rows: two recommendations done, one not.
    const recheck = resultRows.map((row) =>
      short.has(String(row["Nội dung kiểm tra"]))
        ? {
            ...row,
            "Ngày kiểm tra lại": "15/07/2026",
            "Đã khắc phục": row["Nội dung kiểm tra"] === "CONG_KHAI" ? "Không" : "Có",
          }
        : row,
    );
    expect((await ingest("ket-qua-kiem-tra", recheck)).status).toBe(200);
    expect(await inspectionScore(unitId)).toMatchObject({ missing: false, score: 8.89 });
    const after = await dashboard(DEPARTMENT, `?unit=${unitId}`);
    expect(after.units[0]).toMatchObject({ checked: 9, met: 6, metAfterRecheck: 8, overdue: 1 });
    expect(after.visits[0]?.rechecked).toBe(true);
    const rechecked = pdfText(Buffer.from(await (await bienBan("kt-moi")).arrayBuffer())).replace(
      /\s+/gu,
      " ",
    );
    expect(rechecked).toContain("IV. KẾT QUẢ KIỂM TRA LẠI");
    expect(rechecked).toContain("Chưa khắc phục");
  });
});
