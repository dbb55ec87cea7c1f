/** The province's code table: the templates' code sheets, read by code or by name, written by TĐKT's codes. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ProvinceCodesConfig, provinceCodeTable } from "../../../functions/src/domain/province-codes.js";
import { TEMPLATES } from "../../fixtures/province/lists.js";

const table = provinceCodeTable();

async function codeSheet(
  file: string,
  sheet: string,
  nameColumn: number,
  codeColumn: number,
  firstRow: number,
) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const rows: { code: string; name: string }[] = [];
  (workbook.getWorksheet(sheet) as ExcelJS.Worksheet).eachRow((row, number) => {
    const code = row.getCell(codeColumn).value;
    const name = row.getCell(nameColumn).value;
    if (number >= firstRow && code !== null && name !== null)
      rows.push({ code: String(code), name: String(name) });
  });
  return rows;
}

describe("the province code table", () => {
  it("knows every code and name of the general list's HTKT and PLDT sheets", async () => {
    for (const { code, name } of await codeSheet(TEMPLATES.general, "HTKT", 1, 2, 2)) {
      expect(table.award(code).kind, code).not.toBe("unknown");
      expect(table.award(name).kind, name).not.toBe("unknown");
    }
    for (const { code, name } of await codeSheet(TEMPLATES.general, "PLDT", 1, 2, 2)) {
      expect(table.subjectClass(code)).toMatchObject({ kind: "mapped" });
      expect(table.subjectClass(name)).toEqual(table.subjectClass(code));
    }
  });

  it("knows the DANHMUC forms and titles of the individual list, by the same codes", async () => {
    const forms = (await codeSheet(TEMPLATES.individuals, "DANHMUC", 3, 2, 3)).filter(({ code }) =>
      /^\d+$/.test(code),
    );
    expect(forms).toHaveLength(19);
    for (const { code } of forms) expect(table.award(code).kind, code).not.toBe("unknown");
    const titles = (await codeSheet(TEMPLATES.individuals, "DANHMUC", 7, 6, 3)).filter(({ code }) =>
      /^\d+$/.test(code),
    );
    expect(titles).toHaveLength(12);
    for (const { code, name } of titles) expect(table.award(name)).toEqual(table.award(code));
  });

  it("reads the collective list's own class codes apart from PLDT's", () => {
    expect(table.collectiveClass("1660638226")).toMatchObject({ value: "DON_VI_SU_NGHIEP" });
    expect(table.subjectClass("1660638226")).toMatchObject({ value: "CO_QUAN_DANG" });
  });

  it("matches names after NFC, case and diacritics, and TĐKT's own codes and labels", () => {
    expect(table.award("CHIẾN SĨ THI ĐUA CƠ SỞ".normalize("NFD"))).toMatchObject({ value: "CSTD_CS" });
    expect(table.award("chien si thi dua co so")).toMatchObject({ value: "CSTD_CS", code: "1647933380" });
    expect(table.award("  Huân chương Lao động   hạng ba ")).toMatchObject({ value: "HCLD_3" });
    expect(table.award("CSTD_TINH")).toMatchObject({ value: "CSTD_TINH" });
    expect(table.award("Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh")).toMatchObject({
      value: "BK_CT_UBND_TINH",
    });
    expect(table.award("Huân chương Sao vàng")).toEqual({ kind: "unmapped", name: "Huân chương Sao vàng" });
    expect(table.award("Bằng khen của Giám đốc Công an")).toEqual({ kind: "unknown" });
  });

  it("tells the Ministry's Bằng khen from the province's by the issuer", () => {
    expect(table.award("1650360491", "Ủy ban nhân dân tỉnh")).toMatchObject({ value: "BK_CT_UBND_TINH" });
    expect(table.award("1650360491", "Bộ Giáo dục và Đào tạo")).toMatchObject({ value: "BK_BO_TRUONG_GDDT" });
    expect(table.provinceAward("BK_BO_TRUONG_GDDT")).toEqual({
      code: "1650360491",
      name: "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương",
    });
    expect(table.provinceAward("CSTD_CS")).toEqual({ code: "1647933380", name: "Chiến sĩ thi đua cơ sở" });
    expect(table.provinceSubjectClass("TRUC_TIEP")?.code).toBe("1660638976");
    expect(table.provinceField("0003")).toEqual({ code: "0003", name: "Giáo dục - Đào tạo" });
  });

  it("lets the Department's mappings extend and override the built-in table", () => {
    const config = ProvinceCodesConfig.parse({
      mappings: [
        { table: "award", code: "1650360499", value: "GK_CT_UBND_XA" },
        { table: "award", name: "Giấy khen của Giám đốc Sở", value: "GK_GD_SO" },
      ],
    });
    const extended = provinceCodeTable(config.mappings);
    expect(extended.award("1650360499")).toMatchObject({ value: "GK_CT_UBND_XA" });
    expect(extended.award("giay khen cua giam doc so")).toMatchObject({ value: "GK_GD_SO" });
    expect(table.award("1650360499").kind).toBe("unmapped");
    expect(ProvinceCodesConfig.safeParse({ mappings: [{ table: "award", value: "LDTT" }] }).success).toBe(
      false,
    );
    expect(
      ProvinceCodesConfig.safeParse({ mappings: [{ table: "subjectClass", code: "1", value: "LDTT" }] })
        .success,
    ).toBe(false);
  });

  it("writes each list's own codes: sex, the individual's class by PLDT, the collective's by its DANHMUC", () => {
    expect(table.provinceGender("M")).toEqual({ code: "NAM", name: "Giới tính Nam" });
    expect(table.provinceGender("F")).toEqual({ code: "NU", name: "Giới tính Nữ" });
    expect(table.provinceSubjectClass("DON_VI_SU_NGHIEP")?.code).toBe("1668477403");
    expect(table.provinceCollectiveClass("DON_VI_SU_NGHIEP")).toEqual({
      code: "1660638226",
      name: "Cơ quan hành chính, sự nghiệp",
    });
    expect(table.provinceCollectiveClass("TRUC_TIEP")).toBeUndefined();
    expect(table.provinceAward("GK_HIEU_TRUONG")).toBeUndefined();
  });

  it("writes a Department's renumbered code only when its mapping says export, and reads both", () => {
    const renumbered = provinceCodeTable(
      ProvinceCodesConfig.parse({
        mappings: [
          { table: "award", code: "9999999999", value: "LDTT", export: true },
          { table: "award", code: "1650360499", value: "GK_CT_UBND_XA" },
          { table: "collectiveClass", code: "77", value: "DON_VI_SU_NGHIEP", export: true },
        ],
      }).mappings,
    );
    expect(renumbered.provinceAward("LDTT")).toEqual({ code: "9999999999", name: "Lao động tiên tiến" });
    expect(renumbered.award("9999999999")).toMatchObject({ value: "LDTT" });
    expect(renumbered.award("1647933042")).toMatchObject({ value: "LDTT" });
    // A read-only mapping (an old code of past lists) leaves what the export writes alone.
    expect(renumbered.provinceAward("GK_CT_UBND_XA")?.code).toBe("1672804473");
    expect(renumbered.provinceCollectiveClass("DON_VI_SU_NGHIEP")?.code).toBe("77");
    expect(
      ProvinceCodesConfig.safeParse({
        mappings: [{ table: "award", name: "Lao động tiên tiến", value: "LDTT", export: true }],
      }).success,
    ).toBe(false);
  });
});
