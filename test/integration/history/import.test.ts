/** The history import over the province's real templates, against the Firestore emulator. */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { HistoryDefaults } from "../../../functions/src/domain/history-import.js";
import type { User } from "../../../functions/src/domain/model.js";
import { importHistory, setProvinceCodes } from "../../../functions/src/services/history-import.js";
import { awardHistory } from "../../../functions/src/sheets/tabs/lich-su.js";
import { buildTemplate } from "../../../functions/src/sheets/xlsx.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import {
  DEPARTMENT,
  filledIndividuals,
  fillRow,
  seedProvince,
  smallProvince,
  template,
} from "../../fixtures/province/lists.js";
import { fill } from "../../fixtures/sheets/workbook.js";
import { testFirestore } from "../../support/firestore.js";

/** The shared emulator serves eight test runs on two cores: its calls take seconds at worst. */
const SLOW = 180_000;

const DEFAULTS = {
  year: "2022-2023",
  decisionNo: "1234/QĐ-UBND",
  decisionDate: "2023-08-15",
  issuer: "Ủy ban nhân dân tỉnh",
};

async function setUp() {
  const db = testFirestore("history");
  const province = smallProvince("a");
  await seedProvince(db, province);
  return { db, province };
}

const options = (dryRun: boolean, defaults: HistoryDefaults = DEFAULTS) => ({
  format: "province" as const,
  defaults,
  dryRun,
  file: "khen-thuong-2023.xlsx",
  requestId: `req-${dryRun}-${defaults.decisionNo}`,
});

const countOf = async (db: FirebaseFirestore.Firestore, collection: string) =>
  (await db.collection(collection).count().get()).data().count;

describe("history import: the individual list (DANHSACH)", { timeout: SLOW }, () => {
  it("matches every row by name, birth date and unit, and reports what it cannot take", async () => {
    const { db, province } = await setUp();
    const { people, school } = province;
    const result = await importHistory(db, DEPARTMENT, await filledIndividuals(province), options(false));
    const byRow = new Map(result.rows.map((row) => [row.row, row]));
    // Rows 7 (empty) and 8 (a merged section title) are no data rows.
    expect([...byRow.keys()]).toEqual([4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16]);

    expect(byRow.get(4)).toMatchObject({ status: "new", subject: people.lanOlder.fullName });
    expect(byRow.get(4)?.awards?.map((award) => award.code)).toEqual(["CSTD_CS", "BK_CT_UBND_TINH"]);
    expect(byRow.get(5)).toMatchObject({ status: "new" });
    expect(byRow.get(5)?.awards?.[0]?.subjectId).toBe(people.lanYounger.id);

    const ambiguous = byRow.get(6);
    expect(ambiguous?.status).toBe("rejected");
    expect(ambiguous?.reason).toContain("Có 2 cán bộ");
    expect(ambiguous?.candidates?.map((candidate) => candidate.id).sort()).toEqual(
      [people.hungA.id, people.hungB.id].sort(),
    );

    expect(byRow.get(9)).toMatchObject({ status: "new", subject: people.thuy.fullName });
    expect(byRow.get(9)?.awards?.[0]).toMatchObject({ subjectId: people.thuy.id, code: "LDTT" });
    expect(byRow.get(10)?.awards?.[0]).toMatchObject({ subjectId: people.duc.id, code: "CSTD_CS" });
    expect(byRow.get(11)).toMatchObject({
      status: "rejected",
      reason:
        'Không nhận ra danh hiệu / hình thức khen thưởng "Bằng khen của Giám đốc Công an" (không có trong danh mục của tỉnh).',
    });
    expect(byRow.get(12)).toMatchObject({ status: "rejected" });
    expect(byRow.get(12)?.reason).toMatch(/^Không tìm thấy cán bộ/);
    expect(byRow.get(13)?.reason).toContain("không ai sinh ngày 02/02/1999");
    expect(
      byRow
        .get(13)
        ?.candidates?.map((candidate) => candidate.birthDate)
        .sort(),
    ).toEqual(["1985-03-12", "1990-07-01"]);
    expect(byRow.get(14)?.awards?.[0]).toMatchObject({ subjectId: people.retired.id, code: "HCLD_3" });
    expect(byRow.get(15)?.reason).toContain("Giấy khen của Chủ tịch Ủy ban nhân dân cấp huyện");
    expect(byRow.get(16)?.reason).toBe('Cột "Ngày sinh": "31/02/1979" không phải ngày (dd/mm/yyyy).');

    // The ledger: each entry with its decision, subject class and audit entry.
    const stored = await db
      .doc(`${COLLECTIONS.awards}/${school.id}_${people.lanOlder.id}_2022-2023_CSTD_CS_CONG_TRANG`)
      .get();
    expect(stored.data()).toMatchObject({
      subjectKind: "individual",
      unitId: school.id,
      year: "2022-2023",
      decisionNo: "1234/QĐ-UBND",
      decisionDate: "2023-08-15",
      issuer: "Ủy ban nhân dân tỉnh",
      subjectClass: "TRUC_TIEP",
      kind: "CONG_TRANG",
    });
    expect(result.written).toBe(6);
    expect(await countOf(db, COLLECTIONS.awards)).toBe(6);
    const audit = await db.collection(COLLECTIONS.audit).get();
    expect(audit.size).toBe(6);
    expect(audit.docs[0]?.get("actor")).toBe(DEPARTMENT.email);
    expect(audit.docs.map((doc) => doc.get("source.file"))).toContain("khen-thuong-2023.xlsx");
  });

  it("writes nothing on a dry run, then writes, then a second run of the same file is all unchanged", async () => {
    const { db, province } = await setUp();
    const dry = await importHistory(db, DEPARTMENT, await filledIndividuals(province), options(true));
    expect(dry.written).toBe(0);
    expect(dry.rows.filter((row) => row.status === "new")).toHaveLength(5);
    expect(await countOf(db, COLLECTIONS.awards)).toBe(0);
    expect(await countOf(db, COLLECTIONS.audit)).toBe(0);

    const first = await importHistory(db, DEPARTMENT, await filledIndividuals(province), options(false));
    expect(first.rows.map((row) => row.status)).toEqual(dry.rows.map((row) => row.status));
    const second = await importHistory(db, DEPARTMENT, await filledIndividuals(province), options(false));
    expect(second.written).toBe(0);
    expect(second.rows.filter((row) => row.status === "new")).toEqual([]);
    expect(second.rows.filter((row) => row.status === "unchanged")).toHaveLength(5);
    expect(await countOf(db, COLLECTIONS.audit)).toBe(6);

    // The same entries under another decision are not overwritten.
    const other = await importHistory(
      db,
      DEPARTMENT,
      await filledIndividuals(province),
      options(false, { ...DEFAULTS, decisionNo: "99/QĐ-UBND" }),
    );
    expect(other.written).toBe(0);
    expect(other.rows.find((row) => row.row === 4)?.reason).toContain(
      "theo quyết định số 1234/QĐ-UBND; không ghi đè",
    );
  });

  it("writes the status of every row into the workbook, as tdkt import does", async () => {
    const { db, province } = await setUp();
    const workbook = await filledIndividuals(province);
    await importHistory(db, DEPARTMENT, workbook, options(true));
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(await workbook.xlsx.writeBuffer());
    const sheet = copy.getWorksheet("DANHSACH") as ExcelJS.Worksheet;
    expect(sheet.getCell("L3").value).toBe("Trạng thái");
    expect(sheet.getCell("L4").value).toBe("Mới");
    expect(String(sheet.getCell("L6").value)).toMatch(/^Không nhận: Có 2 cán bộ/);
    expect(sheet.getCell("L7").value).toBeNull();
  });

  it("takes the Department's own mappings and the Ministry's Bằng khen by its issuer", async () => {
    const { db, province } = await setUp();
    await setProvinceCodes(
      db,
      DEPARTMENT,
      { mappings: [{ table: "award", code: "1650360499", value: "GK_CT_UBND_XA" }] },
      "req-codes",
    );
    const result = await importHistory(
      db,
      DEPARTMENT,
      await filledIndividuals(province),
      options(true, { ...DEFAULTS, issuer: "Bộ Giáo dục và Đào tạo" }),
    );
    const byRow = new Map(result.rows.map((row) => [row.row, row]));
    expect(byRow.get(15)?.awards?.[0]?.code).toBe("GK_CT_UBND_XA");
    expect(byRow.get(4)?.awards?.map((award) => award.code)).toContain("BK_BO_TRUONG_GDDT");
    const audit = await db.collection(COLLECTIONS.audit).where("path", "==", "config/province-codes").get();
    expect(audit.size).toBe(1);
  });

  it("refuses a school role and leaves the ledger empty", async () => {
    const { db, province } = await setUp();
    const principal: User = { email: "ht@thcs.example.vn", role: "PRINCIPAL", unitId: province.school.id };
    await expect(
      importHistory(db, principal, await filledIndividuals(province), options(false)),
    ).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
    expect(await countOf(db, COLLECTIONS.awards)).toBe(0);
  });
});

describe("history import: the collective list and the general list", { timeout: SLOW }, () => {
  it("reads the collective DANHSACH: units by name, titles checked against the subject kind", async () => {
    const { db, province } = await setUp();
    const workbook = await template("collectives");
    const sheet = workbook.getWorksheet("DANHSACH") as ExcelJS.Worksheet;
    fillRow(sheet, 4, { A: 1, B: province.school.name, C: "1660638226", E: "1647933151" });
    fillRow(sheet, 5, { A: 2, B: province.primary.name, E: "1647933380" });
    fillRow(sheet, 6, { A: 3, B: "Trường Mầm non Hoa Sen", D: "1650360491" });
    const result = await importHistory(db, DEPARTMENT, workbook, options(false));
    expect(result.rows.map((row) => [row.row, row.status])).toEqual([
      [4, "new"],
      [5, "rejected"],
      [6, "rejected"],
    ]);
    expect(result.rows[0]?.awards?.[0]).toMatchObject({
      subjectKind: "collective",
      subjectId: province.school.id,
      code: "TTLDXS",
      subjectClass: "DON_VI_SU_NGHIEP",
    });
    expect(result.rows[1]?.reason).toBe('"Chiến sĩ thi đua cơ sở" không tặng cho tập thể.');
    expect(result.rows[2]?.reason).toBe(
      'Không tìm thấy tập thể "Trường Mầm non Hoa Sen" trong danh mục đơn vị.',
    );
  });

  it('reads "file nhận": the VLOOKUP code when it has a result, the name when it is #N/A', async () => {
    const { db, province } = await setUp();
    const workbook = await template("general");
    const sheet = workbook.getWorksheet("file nhận") as ExcelJS.Worksheet;
    fillRow(sheet, 2, {
      A: 1,
      B: "Ông",
      C: province.people.duc.fullName,
      D: "Giáo viên",
      E: province.school.name,
      F: "Khen thưởng cá nhân",
      G: "Bằng khen",
      H: "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
      I: "Giáo dục - Đào tạo",
    });
    fillRow(sheet, 3, {
      A: 2,
      C: province.primary.name,
      F: "Khen thưởng tập thể",
      G: "Tập thể lao động tiên tiến",
      S: { formula: "VLOOKUP(G3,HTKT!$A$2:$B$300,2,0)", result: "1647933198" } as ExcelJS.CellFormulaValue,
    });
    fillRow(sheet, 4, { A: 3, C: "Hộ ông Nguyễn Văn Tư", F: "Khen thưởng hộ gia đình", G: "Bằng khen" });
    const result = await importHistory(
      db,
      DEPARTMENT,
      workbook,
      options(false, { ...DEFAULTS, year: "2021-2022", decisionNo: "77/QĐ-UBND" }),
    );
    // The 549 rows holding only VLOOKUPs of empty cells are empty rows.
    expect(result.rows.map((row) => [row.row, row.status])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "rejected"],
    ]);
    expect(result.rows[0]?.awards?.[0]).toMatchObject({
      subjectId: province.people.duc.id,
      code: "BK_CT_UBND_TINH",
      subjectClass: "TRUC_TIEP",
      year: "2021-2022",
    });
    expect(result.rows[1]?.awards?.[0]).toMatchObject({ subjectId: province.primary.id, code: "TTLDTT" });
    expect(result.rows[2]?.reason).toBe(
      '"Khen thưởng hộ gia đình" không phải đối tượng của TĐKT (chỉ cá nhân và tập thể).',
    );
  });

  it("reads the header by name wherever the columns stand, and a year and decision per row", async () => {
    const { db, province } = await setUp();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("DANHSACH");
    sheet.addRow(["DANH SÁCH KHEN THƯỞNG NĂM HỌC 2019-2020"]);
    sheet.addRow([
      "Số QĐ",
      "Năm học",
      "Mã danh hiệu thi đua (nếu có)",
      "HỌ VÀ TÊN",
      "ngay sinh",
      "Đơn vị công tác",
    ]);
    sheet.addRow([
      "55/QĐ-SGDĐT",
      "2019-2020",
      "1647933042",
      province.people.thuy.fullName,
      "9/9/1988",
      province.school.id,
    ]);
    sheet.addRow(["", "2019", "1647933042", province.people.duc.fullName, "", province.school.name]);
    const result = await importHistory(
      db,
      DEPARTMENT,
      workbook,
      options(false, { ...DEFAULTS, year: undefined }),
    );
    expect(result.rows[0]).toMatchObject({ row: 3, status: "new" });
    expect(result.rows[0]?.awards?.[0]).toMatchObject({ year: "2019-2020", decisionNo: "55/QĐ-SGDĐT" });
    expect(result.rows[1]).toMatchObject({
      row: 4,
      status: "rejected",
      reason: 'Năm học "2019" không đúng dạng 2023-2024.',
    });
  });

  it("reads TĐKT's own history tab (--format tdkt): ids, labels and a decision per row", async () => {
    const { db, province } = await setUp();
    const workbook = buildTemplate([awardHistory]);
    fill(workbook, "lich-su", [
      {
        subjectKind: "Cá nhân",
        subjectId: province.people.thuy.id,
        subjectName: province.people.thuy.fullName,
        year: "2020-2021",
        code: "Chiến sĩ thi đua cơ sở",
        kind: "Công trạng",
        decisionNo: "88/QĐ-SGDĐT",
        decisionDate: "20/08/2021",
        issuer: "Sở Giáo dục và Đào tạo",
        proposalNo: "12/TTr-THCS",
      },
      {
        subjectKind: "Tập thể",
        subjectId: province.school.id,
        year: "2020-2021",
        code: "TTLDXS",
        decisionNo: "89/QĐ-UBND",
      },
      {
        subjectKind: "Cá nhân",
        subjectId: "khong-co-ai",
        year: "2020-2021",
        code: "LDTT",
        decisionNo: "88/QĐ-SGDĐT",
      },
    ]);
    const result = await importHistory(db, DEPARTMENT, workbook, {
      ...options(false, {}),
      format: "tdkt",
    });
    expect(result.rows.map((row) => [row.row, row.status])).toEqual([
      [2, "new"],
      [3, "new"],
      [4, "rejected"],
    ]);
    expect(result.rows[0]?.awards?.[0]).toEqual({
      id: `${province.school.id}_${province.people.thuy.id}_2020-2021_CSTD_CS_CONG_TRANG`,
      subjectKind: "individual",
      subjectId: province.people.thuy.id,
      unitId: province.school.id,
      code: "CSTD_CS",
      kind: "CONG_TRANG",
      year: "2020-2021",
      decisionNo: "88/QĐ-SGDĐT",
      decisionDate: "2021-08-20",
      issuer: "Sở Giáo dục và Đào tạo",
      proposalNo: "12/TTr-THCS",
    });
    expect(result.rows[1]?.awards?.[0]).toMatchObject({ subjectKind: "collective", code: "TTLDXS" });
    expect(result.rows[2]?.reason).toBe('Không có cán bộ mã "khong-co-ai".');
  });
});
