/**
 * Statistics by subject class (services/statistics.ts) on a seeded ledger, and its PDF table in the
 * NĐ 30/2020 layout read back with pdftotext.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderThongKe } from "../../../functions/src/documents/thong-ke.js";
import {
  statisticsTable,
  type YearStatistics,
  yearStatistics,
} from "../../../functions/src/services/statistics.js";
import { LEDGER_YEAR, provinceWorld, STAFF, seedProvinceWorld, YEAR } from "../../fixtures/province/world.js";
import { testFirestore } from "../../support/firestore.js";
import { pdfInfo, pdfText } from "../../unit/documents/pdf-tools.js";

const db = testFirestore("stats");
let statistics: YearStatistics;
beforeAll(async () => {
  await seedProvinceWorld(db);
  statistics = await yearStatistics(db, LEDGER_YEAR);
}, 60_000);
afterAll(() => db.terminate());

const lineOf = (code: string) => statistics.lines.find((line) => line.code === code);

describe("statistics of the year's titles and forms by class of subject", () => {
  it("counts each award of the year's ledger once, in the class of its holder", () => {
    // LĐTT: the Hiệu trưởng and the Phó Hiệu trưởng lead; a Tổ trưởng and two teachers work directly.
    expect(lineOf("LDTT")?.counts).toEqual({
      LANH_DAO_BO_TINH: 0,
      LANH_DAO_VU_SO: 0,
      LANH_DAO_TU_PHO_PHONG: 2,
      TRUC_TIEP: 3,
      DON_VI_SU_NGHIEP: 0,
    });
    expect(lineOf("LDTT")?.total).toBe(5);
    expect(lineOf("CSTD_CS")?.counts.LANH_DAO_TU_PHO_PHONG).toBe(1);
    expect(lineOf("BK_CT_UBND_TINH")?.counts.DON_VI_SU_NGHIEP).toBe(1);
    expect(statistics.totals).toEqual({
      LANH_DAO_BO_TINH: 0,
      LANH_DAO_VU_SO: 0,
      LANH_DAO_TU_PHO_PHONG: 3,
      TRUC_TIEP: 3,
      DON_VI_SU_NGHIEP: 1,
      total: 7,
    });
    expect(statistics.units).toBe(2);
  });

  it("counts an entry in the class its province list recorded, over the rules", async () => {
    const recorded = testFirestore("stats-recorded");
    try {
      await seedProvinceWorld(recorded);
      // The Tổ trưởng's LĐTT as the history import wrote it: the list classed her among the leaders.
      const entry = provinceWorld().find(
        ({ path, data }) => path.startsWith("awards/") && data.subjectId === STAFF[2].id,
      );
      if (!entry) throw new Error("no LĐTT of the Tổ trưởng in the world");
      await recorded.doc(entry.path).set({ ...entry.data, subjectClass: "LANH_DAO_TU_PHO_PHONG" });
      const counts = (await yearStatistics(recorded, LEDGER_YEAR)).lines.find((line) => line.code === "LDTT");
      expect(counts?.counts).toMatchObject({ LANH_DAO_TU_PHO_PHONG: 3, TRUC_TIEP: 2 });
    } finally {
      await recorded.terminate();
    }
  }, 60_000);

  it("lists titles before forms and leaves out what nobody received", () => {
    expect(statistics.lines.map((line) => line.code)).toEqual(["LDTT", "CSTD_CS", "BK_CT_UBND_TINH"]);
  });

  it("counts nothing in a year without awards", async () => {
    const empty = await yearStatistics(db, YEAR);
    expect(empty.lines).toEqual([]);
    expect(empty.totals.total).toBe(0);
  });

  it("gives the table of the summary spreadsheet: a title, the classes as columns, a totals row", () => {
    const table = statisticsTable(statistics);
    expect(table.title).toBe(
      `Thống kê danh hiệu thi đua và hình thức khen thưởng năm học ${LEDGER_YEAR} theo phân loại đối tượng`,
    );
    expect(table.header).toEqual([
      "Danh hiệu thi đua, hình thức khen thưởng",
      "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên",
      "Lãnh đạo cấp vụ, sở, ngành và tương đương",
      "Các cấp lãnh đạo từ phó phòng trở lên",
      "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
      "Đơn vị sự nghiệp",
      "Tổng số",
    ]);
    expect(table.rows).toEqual([
      ["Lao động tiên tiến", 0, 0, 2, 3, 0, 5],
      ["Chiến sĩ thi đua cơ sở", 0, 0, 1, 0, 0, 1],
      ["Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh", 0, 0, 0, 0, 1, 1],
      ["Tổng cộng", 0, 0, 3, 3, 1, 7],
    ]);
  });
});

describe("the PDF table (Bảng thống kê)", () => {
  const input = () => {
    const table = statisticsTable(statistics);
    return {
      issuer: {
        parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
        name: "Sở Giáo dục và Đào tạo",
        abbreviation: "SGDĐT",
        place: "Hà Tĩnh",
      },
      date: "2025-08-15",
      schoolYear: LEDGER_YEAR,
      signer: { capacity: "KT. GIÁM ĐỐC", title: "Phó Giám đốc", name: "Hoàng Văn Khánh" },
      units: statistics.units,
      table: { header: table.header, rows: table.rows },
    };
  };

  it("holds the header, the title, every class and count, and the signature, on one landscape page", async () => {
    const pdf = await renderThongKe(input(), { creationDate: new Date("2025-08-15T00:00:00Z") });
    const info = pdfInfo(pdf);
    expect(info.Pages).toBe("1");
    expect(info["Page size"]).toMatch(/^841\.\d+ x 595\.\d+ pts/);
    const text = pdfText(pdf).replace(/\s+/gu, " ");
    for (const expected of [
      "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
      "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Hà Tĩnh, ngày 15 tháng 8 năm 2025",
      "BẢNG THỐNG KÊ",
      `năm học ${LEDGER_YEAR} theo phân loại đối tượng`,
      "Lao động tiên tiến 0 0 2 3 0 5",
      "Chiến sĩ thi đua cơ sở 0 0 1 0 0 1",
      "Tổng cộng 0 0 3 3 1 7",
      "Số liệu lấy từ sổ theo dõi khen thưởng của 2 đơn vị",
      "KT. GIÁM ĐỐC",
      "Hoàng Văn Khánh",
    ])
      expect(text).toContain(expected);
    // The class headers wrap inside their narrow columns, so pdftotext interleaves their lines: each
    // header's words are all there.
    const words = new Set(text.split(" "));
    for (const header of statisticsTable(statistics).header)
      for (const word of header.split(" ")) expect(words, header).toContain(word);
  });

  it("says what is missing, in Vietnamese, rather than print an empty header", async () => {
    await expect(renderThongKe({ ...input(), issuer: undefined })).rejects.toMatchObject({
      code: "MISSING_DATA",
      message: expect.stringContaining("cơ quan ban hành"),
    });
  });
});
