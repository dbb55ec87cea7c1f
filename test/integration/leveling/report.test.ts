/**
 * The bình xét report on the emulator, over HTTP on 127.0.0.1, on the seeded sample province: the
 * four schools of functions/sample/leveling.ts raise their flags with their figures, most raise
 * none, the Department reads every school and a commune its own; the PDF reads back with pdftotext;
 * the summary spreadsheet's tab goes to the local Sheets fake.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEVELING_SAMPLE_UNITS } from "../../../functions/sample/leveling.js";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { LevelingReport, type UnitLeveling } from "../../../functions/src/domain/leveling-schema.js";
import { levelingPdf, levelingReport, publishLevelingTab } from "../../../functions/src/services/leveling.js";
import { sheetsClient } from "../../../functions/src/services/summary-sheet.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";
import { type SheetsFake, startSheetsFake } from "../../support/sheets-fake.js";
import { firstOutOfOrder, pdfText, renderGray } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
const province = sampleProvince();
const department = "chuyenvien1@sogddt.example.org";
const quangMy = "xa-quang-my";
const communeOf = (id: string) => province.units.find((unit) => unit.id === id)?.communeUnitId;

let api: TestApi;
let report: LevelingReport;
beforeAll(async () => {
  api = await startTestApi();
  await seedProvince(api.db, province);
  const response = await api.fetch(`/v1/years/${YEAR}/leveling`, { as: department });
  expect(response.status).toBe(200);
  report = LevelingReport.parse(await response.json());
}, 180_000);
afterAll(() => api.close());

const unitOf = (id: string): UnitLeveling => {
  const unit = report.units.find((candidate) => candidate.unitId === id);
  if (!unit) throw new Error(`no ${id} in the report`);
  return unit;
};
const codes = (id: string) => unitOf(id).flags.map((flag) => flag.code);

describe("GET /v1/years/{year}/leveling", { timeout: 120_000 }, () => {
  it("covers every school of the province, against the province's own totals", () => {
    expect(report.units.map((unit) => unit.unitId).sort()).toEqual(province.units.map((u) => u.id).sort());
    const individuals = province.records.filter((r) => r.year === YEAR && r.subjectKind === "individual");
    expect(report.province.people).toBe(individuals.length);
    expect(report.province.ratings.HTXS).toBe(individuals.filter((r) => r.rating === "HTXS").length);
    expect(report.units.reduce((sum, unit) => sum + unit.people, 0)).toBe(individuals.length);
  });

  it("flags the school that rates nearly everyone HTXS, with its figures against the province", () => {
    const flag = unitOf(LEVELING_SAMPLE_UNITS.nearAllHtxs).flags.find((f) => f.code === "NEAR_ALL_HTXS");
    expect(flag?.code).toBe("NEAR_ALL_HTXS");
    if (flag?.code !== "NEAR_ALL_HTXS") return;
    expect(flag.share).toBeGreaterThanOrEqual(0.8);
    expect(flag.provinceShare).toBeCloseTo((report.province.ratings.HTXS ?? 0) / report.province.rated);
    expect(flag.message).toMatch(
      /^\d+\/\d+ người được đánh giá \(\d+(,\d)?%\) xếp loại "Hoàn thành xuất sắc/,
    );
    expect(unitOf(LEVELING_SAMPLE_UNITS.nearAllHtxs).htxsCap.ok).toBe(false);
  });

  it("flags the CSTĐCS held four years running on nothing new, naming the teacher and the years", () => {
    const flag = unitOf(LEVELING_SAMPLE_UNITS.rotation).flags.find((f) => f.code === "ROTATION");
    expect(flag?.code === "ROTATION" && flag.pattern).toBe("REPEAT");
    if (flag?.code !== "ROTATION") return;
    const [holder] = flag.holders;
    expect(holder?.years).toEqual(["2021-2022", "2022-2023", "2023-2024", "2024-2025"]);
    expect(province.people.find((p) => p.id === holder?.personId)?.fullName).toBe(holder?.fullName);
  });

  it("flags the board taking CSTĐCS far above its share of staff", () => {
    const flag = unitOf(LEVELING_SAMPLE_UNITS.managerShare).flags.find((f) => f.code === "MANAGER_SHARE");
    expect(flag?.code).toBe("MANAGER_SHARE");
    if (flag?.code !== "MANAGER_SHARE") return;
    expect(flag.ratio).toBeGreaterThanOrEqual(3);
    expect(flag.ratio).toBeCloseTo(flag.titleShare / flag.staffShare);
    expect(flag.message).toContain(`(${flag.managerTitles}/${flag.titles})`);
  });

  it("flags HTXS ratings beside missed commitments, listing them", () => {
    const flag = unitOf(LEVELING_SAMPLE_UNITS.ratingsVsResults).flags.find(
      (f) => f.code === "RATINGS_VS_RESULTS",
    );
    expect(flag?.code).toBe("RATINGS_VS_RESULTS");
    if (flag?.code !== "RATINGS_VS_RESULTS") return;
    expect(flag.missed.map((c) => c.key)).toEqual([
      "Tỷ lệ học sinh lên lớp (%)",
      "Tỷ lệ học sinh bỏ học (%)",
    ]);
    expect(flag.message).toContain("cam kết 98, đạt 93,5");
  });

  it("leaves most schools, the showcase school among them, without a flag", () => {
    const clean = report.units.filter((unit) => unit.flags.length === 0);
    expect(clean.length).toBeGreaterThan(report.units.length / 2);
    expect(codes(SAMPLE_SCHOOLS.nguyenDu)).toEqual([]);
  });

  it("?unit= narrows the schools, not the province they are compared with", async () => {
    const response = await api.fetch(
      `/v1/years/${YEAR}/leveling?unit=${LEVELING_SAMPLE_UNITS.nearAllHtxs},${SAMPLE_SCHOOLS.nguyenDu}`,
      { as: department },
    );
    const narrowed = LevelingReport.parse(await response.json());
    expect(narrowed.units.map((unit) => unit.unitId).sort()).toEqual(
      [LEVELING_SAMPLE_UNITS.nearAllHtxs, SAMPLE_SCHOOLS.nguyenDu].sort(),
    );
    expect(narrowed.province).toEqual(report.province);
    expect(narrowed.units.find((u) => u.unitId === SAMPLE_SCHOOLS.nguyenDu)).toEqual(
      unitOf(SAMPLE_SCHOOLS.nguyenDu),
    );
  });

  it("gives a commune specialist the schools its UBND xã manages, and only those", async () => {
    const response = await api.fetch(`/v1/years/${YEAR}/leveling`, { as: `vhxh.${quangMy}@xa.example.org` });
    expect(response.status).toBe(200);
    const own = LevelingReport.parse(await response.json());
    const managed = province.units
      .filter((unit) => unit.managingAuthority === "UBND_XA" && unit.communeUnitId === quangMy)
      .map((unit) => unit.id);
    expect(own.units.map((unit) => unit.unitId).sort()).toEqual(managed.sort());
    expect(managed.length).toBeGreaterThan(0);
    const other = province.units.find((u) => communeOf(u.id) !== quangMy) as { id: string };
    const refused = await api.fetch(`/v1/years/${YEAR}/leveling?unit=${other.id}`, {
      as: `vhxh.${quangMy}@xa.example.org`,
    });
    expect(refused.status).toBe(403);
    expect((await errorOf(refused)).code).toBe("PERMISSION_DENIED");
  });

  it("refuses a school's own officer, and names the input of a bad year or unit", async () => {
    const school = await api.fetch(`/v1/years/${YEAR}/leveling`, {
      as: `tdkt.${SAMPLE_SCHOOLS.nguyenDu}@truong.example.org`,
    });
    expect(school.status).toBe(403);
    const year = await api.fetch("/v1/years/2025-2027/leveling", { as: department });
    expect(year.status).toBe(400);
    expect((await errorOf(year)).field).toBe("path.year");
    const unknown = await api.fetch(`/v1/years/${YEAR}/leveling?unit=khong-co`, { as: department });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).field).toBe("query.unit");
  });
});

describe("the report's other faces", { timeout: 120_000 }, () => {
  it("the PDF carries the per-unit table, each flag with its figures, and the thresholds", async () => {
    const pdf = await levelingPdf(api.db, YEAR, {
      issuer: {
        parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
        name: "Sở Giáo dục và Đào tạo",
        abbreviation: "SGDĐT",
        place: "Hà Tĩnh",
      },
      date: "2026-06-10",
      number: 7,
      signer: { capacity: "KT. GIÁM ĐỐC", title: "Phó Giám đốc", name: "Nguyễn Văn Hùng" },
      copies: ["Các phòng thuộc Sở", "UBND các xã"],
    });
    const text = pdfText(pdf);
    const flat = text.replace(/\s+/g, " ");
    expect(
      firstOutOfOrder(text, [
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 07/BC-SGDĐT",
        "Hà Tĩnh, ngày 10 tháng 6 năm 2026",
        "BÁO CÁO",
        "Phân tích kết quả bình xét thi đua năm học 2025-2026",
        "I. XẾP LOẠI VÀ DANH HIỆU THEO ĐƠN VỊ",
        "II. CÁC CẢNH BÁO VÀ SỐ LIỆU",
        "III. NGƯỠNG CẢNH BÁO",
        "Nguyễn Văn Hùng",
      ]),
    ).toBeUndefined();
    for (const unit of report.units) expect(flat).toContain(unit.unitName);
    const nearAll = unitOf(LEVELING_SAMPLE_UNITS.nearAllHtxs).flags[0];
    expect(flat).toContain((nearAll?.message ?? "?").slice(0, 40));
    expect(flat).toContain("12 đơn vị đã được phân tích");
    // Page 1 is a landscape A4 page with ink on it (looked at by eye: docs/leveling.md).
    const page = renderGray(pdf);
    expect(page.width).toBeGreaterThan(page.height);
    expect([...page.pixels].filter((value) => value < 128).length).toBeGreaterThan(1000);
  });

  it("the PDF without its issuer is MISSING_DATA naming what is absent", async () => {
    await expect(levelingPdf(api.db, YEAR, { date: "2026-06-10" })).rejects.toMatchObject({
      code: "MISSING_DATA",
      message: expect.stringContaining("cơ quan ban hành"),
    });
  });

  it("the service gives the same report as the route", async () => {
    expect(await levelingReport(api.db, YEAR)).toEqual(report);
  });

  it("rewrites the 'Bình xét – cảnh báo' tab of the year's summary spreadsheet", async () => {
    const fake: SheetsFake = await startSheetsFake();
    try {
      fake.create("1SummarySpreadsheet0001");
      const written = await publishLevelingTab(api.db, YEAR, sheetsClient(fake.rootUrl), {
        TDKT_SUMMARY_SPREADSHEET_ID: "1SummarySpreadsheet0001",
      });
      const flagRows = report.units.reduce((sum, unit) => sum + Math.max(1, unit.flags.length), 0);
      expect(written.tabs).toEqual([{ title: "Bình xét – cảnh báo", rows: flagRows, created: true }]);
      const grid = fake.grid("1SummarySpreadsheet0001", "Bình xét – cảnh báo") ?? [];
      expect(grid[0]?.[0]).toBe("Mã đơn vị");
      const nearAll = grid.find((row) => row[0] === LEVELING_SAMPLE_UNITS.nearAllHtxs);
      expect(nearAll?.[10]).toBe("Gần như tất cả xếp loại HTXS");
      expect(typeof nearAll?.[4]).toBe("number");
      expect(fake.requests.filter((r) => r.path.endsWith("/values:batchUpdate"))).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });

  it("takes the year's thresholds from years/{year}.leveling", async () => {
    await api.db.doc(`years/${YEAR}`).set({ leveling: { nearAllHtxsShare: 0.95 } }, { merge: true });
    const response = await api.fetch(`/v1/years/${YEAR}/leveling?unit=${LEVELING_SAMPLE_UNITS.nearAllHtxs}`, {
      as: department,
    });
    const strict = LevelingReport.parse(await response.json());
    expect(strict.config.nearAllHtxsShare).toBe(0.95);
    expect(strict.units[0]?.flags.map((flag) => flag.code)).not.toContain("NEAR_ALL_HTXS");
  });
});
