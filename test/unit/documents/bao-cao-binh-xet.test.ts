/**
 * Báo cáo phân tích kết quả bình xét thi đua from the sample province's data (in memory): the
 * NĐ 30/2020 header, the per-unit table, every flag's sentence with its figures, the reference
 * render of page 1.
 */
import { describe, expect, it } from "vitest";
import { LEVELING_SAMPLE_UNITS } from "../../../functions/sample/leveling.js";
import { sampleProvince } from "../../../functions/sample/province.js";
import { renderBaoCaoBinhXet } from "../../../functions/src/documents/bao-cao-binh-xet.js";
import {
  levelingReport,
  sumDistributions,
  unitDistribution,
} from "../../../functions/src/domain/leveling.js";
import { DEFAULT_LEVELING_CONFIG } from "../../../functions/src/domain/leveling-config.js";
import { expectMatchesReference, firstOutOfOrder, pdfInfo, pdfText } from "./pdf-tools.js";

const YEAR = "2025-2026";
const province = sampleProvince();
const ofUnit = <T extends { unitId: string }>(items: readonly T[], unitId: string) =>
  items.filter((item) => item.unitId === unitId);
const report = levelingReport(
  province.units.map((unit) => ({
    unit,
    people: ofUnit(province.people, unit.id),
    records: ofUnit(province.records, unit.id),
    initiatives: ofUnit(province.initiatives, unit.id),
    registration: ofUnit(province.registrations, unit.id)[0],
  })),
  sumDistributions(province.units.map((unit) => unitDistribution(ofUnit(province.records, unit.id), YEAR))),
  { year: YEAR, htxsCapDenominator: "HTT_ONLY", config: DEFAULT_LEVELING_CONFIG },
);
const input = {
  issuer: {
    parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
    name: "Sở Giáo dục và Đào tạo",
    abbreviation: "SGDĐT",
    place: "Hà Tĩnh",
  },
  date: "2026-06-10",
  number: 7,
  signer: { capacity: "KT. GIÁM ĐỐC", title: "Phó Giám đốc", name: "Nguyễn Văn Hùng" },
  copies: ["Các phòng thuộc Sở"],
  report,
};

describe("Báo cáo phân tích kết quả bình xét thi đua", () => {
  it("lays out the header, the table, the flags with their figures and the thresholds", async () => {
    const pdf = await renderBaoCaoBinhXet(input, { creationDate: new Date("2026-06-10T08:00:00Z") });
    const text = pdfText(pdf);
    expect(pdfInfo(pdf)["Page size"]).toMatch(/^841\.89 x 595\.28/);
    expect(
      firstOutOfOrder(text, [
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Số: 07/BC-SGDĐT",
        "BÁO CÁO",
        "Phân tích kết quả bình xét thi đua năm học 2025-2026",
        "I. XẾP LOẠI VÀ DANH HIỆU THEO ĐƠN VỊ",
        "Trường Mầm non Quang Mỹ",
        "91,2% (10,6%)",
        "Gần như tất cả xếp loại HTXS",
        "II. CÁC CẢNH BÁO VÀ SỐ LIỆU",
        "III. NGƯỠNG CẢNH BÁO",
        "KT. GIÁM ĐỐC",
        "Nguyễn Văn Hùng",
      ]),
    ).toBeUndefined();
    const flat = text.replace(/\s+/g, " ");
    for (const id of Object.values(LEVELING_SAMPLE_UNITS)) {
      const unit = report.units.find((u) => u.unitId === id);
      for (const flag of unit?.flags ?? []) expect(flat).toContain(flag.message.slice(0, 60));
    }
    expect(flat).toContain("gấp từ 3 lần");
    expectMatchesReference("bao-cao-binh-xet", pdf);
  });

  it("says so when no unit raises a flag", async () => {
    const calm = { ...report, units: report.units.filter((unit) => unit.flags.length === 0) };
    const text = pdfText(await renderBaoCaoBinhXet({ ...input, report: calm }));
    expect(text).toContain("Không có cảnh báo.");
    expect(text.replace(/\s+/g, " ")).toContain("0 đơn vị có cảnh báo");
  });
});
