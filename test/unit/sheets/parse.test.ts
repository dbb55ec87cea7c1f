import { describe, expect, it } from "vitest";
import { parseTabRows, type SheetRowInput } from "../../../functions/src/sheets/parse.js";
import { findTab } from "../../../functions/src/sheets/tabs/index.js";
import { sheetRows, staffRow, UNIT, YEAR } from "../../fixtures/sheets/rows.js";

const context = { unitId: UNIT, year: YEAR };
const staff = findTab("can-bo");
if (!staff) throw new Error("no can-bo tab");

const parse = (tabId: string, rows: SheetRowInput[]) => {
  const tab = findTab(tabId);
  if (!tab) throw new Error(tabId);
  return parseTabRows(tab, rows, context);
};

describe("parseTabRows", () => {
  it("skips empty and trailing rows", () => {
    const rows = [
      ...sheetRows("can-bo", [staffRow(1)]),
      { row: 3, values: { "Mã cán bộ": "", "Họ và tên": "   ", "Ngày sinh": null } },
      ...sheetRows("can-bo", [staffRow(2)]).map((row) => ({ ...row, row: 4 })),
      { row: 5, values: {} },
      { row: 6, values: { "Trạng thái": "Đã nhận", STT: 4 } },
    ];
    const result = parse("can-bo", rows);
    expect(result.rows.map((row) => row.row)).toEqual([2, 4]);
    expect(result.skipped).toEqual([3, 5, 6]);
  });

  it("tolerates extra and reordered columns and headers in other case or without diacritics", () => {
    const values = {
      STT: 1,
      "GIOI TINH": "Nữ",
      "ho va ten": "Lê Thị Hoa",
      "Ghi chú riêng của trường": "bỏ qua",
      "  mã   cán bộ ": "GV9",
      "NGÀY SINH": "01/01/1990",
    };
    const [row] = parse("can-bo", [{ row: 2, values }]).rows;
    expect(row?.errors).toEqual([]);
    expect(row?.documents[0]?.data).toEqual({
      id: "GV9",
      unitId: UNIT,
      fullName: "Lê Thị Hoa",
      gender: "F",
      birthDate: "1990-01-01",
    });
  });

  it("stores decomposed names NFC and formula strings as text", () => {
    const decomposed = "Nguye\u0302\u0303n Thi\u0323 Ha\u0300";
    const result = parse(
      "can-bo",
      sheetRows("can-bo", [
        staffRow(1, { fullName: decomposed }),
        staffRow(2, { fullName: '=HYPERLINK("a")' }),
      ]),
    );
    const names = result.rows.map((row) => row.documents[0]?.data.fullName);
    expect(names).toEqual(["Nguyễn Thị Hà", '=HYPERLINK("a")']);
    expect(names[0]).toBe(String(names[0]).normalize("NFC"));
  });

  it("reads decimal commas, serial dates and labels without diacritics", () => {
    const rows = sheetRows("ket-qua", [
      {
        subjectKind: "ca nhan",
        subjectId: "GV1",
        rating: "hoan thanh tot nhiem vu",
        score: "78,5",
        monthsWorked: "9,5",
        disciplineLevel: "khien trach",
        disciplineFrom: 45900,
        disciplineDutyRelated: "x",
      },
    ]);
    const [row] = parse("ket-qua", rows).rows;
    expect(row?.errors).toEqual([]);
    expect(row?.documents[0]?.data).toMatchObject({
      subjectKind: "individual",
      rating: "HTT",
      score: 78.5,
      monthsWorked: 9.5,
      discipline: [{ level: "KHIEN_TRACH", dutyRelated: true, from: "2025-08-31" }],
    });
  });

  it("reports each bad cell with its header, a code and a Vietnamese message", () => {
    const [row] = parse(
      "can-bo",
      sheetRows("can-bo", [
        { id: "GV1", gender: "khác", birthDate: "32/01/1990", email: "khong-phai-email" },
      ]),
    ).rows;
    expect(row?.errors.map(({ column, code }) => ({ column, code }))).toEqual([
      { column: "Họ và tên", code: "REQUIRED" },
      { column: "Giới tính", code: "INVALID_ENUM" },
      { column: "Ngày sinh", code: "INVALID_DATE" },
    ]);
    expect(row?.errors[1]?.message).toBe('Cột "Giới tính": không nhận ra "khác". Chọn một trong: Nam; Nữ.');
    expect(row?.documents).toEqual([]);
    // The natural key still reads, so a full-tab send does not withdraw the stored row.
    expect(row?.primaryId).toBe("GV1");

    const [long] = parse("can-bo", sheetRows("can-bo", [staffRow(1, { position: "x".repeat(2001) })])).rows;
    expect(long?.errors[0]?.message).toBe('Cột "Chức vụ": nội dung dài quá 2000 ký tự.');

    const [email] = parse("can-bo", sheetRows("can-bo", [staffRow(1, { email: "khong-phai-email" })])).rows;
    expect(email?.errors.map((e) => [e.column, e.code])).toEqual([["Email", "INVALID_VALUE"]]);
  });

  it("finds the same person twice in a tab and rejects both rows", () => {
    const rows = sheetRows("can-bo", [staffRow(1), staffRow(2), staffRow(1, { fullName: "Người khác" })]);
    const result = parse("can-bo", rows);
    expect(result.rows.map((row) => row.errors.map((error) => error.message))).toEqual([
      ['Trùng với dòng 4: cùng "Mã cán bộ" "GV0001".'],
      [],
      ['Trùng với dòng 2: cùng "Mã cán bộ" "GV0001".'],
    ]);
  });

  it("checks a vote tally against the council size", () => {
    const [row] = parse(
      "de-nghi",
      sheetRows("de-nghi", [
        { subjectKind: "Cá nhân", subjectId: "GV1", target: "CSTĐCS", members: 9, agree: 7, disagree: 3 },
      ]),
    ).rows;
    expect(row?.errors.map((e) => [e.column, e.code])).toEqual([
      ["Số phiếu không đồng ý", "VOTE_EXCEEDS_MEMBERS"],
    ]);
    const [noMembers] = parse(
      "de-nghi",
      sheetRows("de-nghi", [{ subjectKind: "Cá nhân", subjectId: "GV1", target: "LĐTT", agree: 7 }]),
    ).rows;
    expect(noMembers?.errors.map((e) => [e.column, e.code])).toEqual([
      ["Số thành viên hội đồng", "REQUIRED"],
    ]);
  });

  it("refuses ids that cannot be document ids", () => {
    const [row] = parse("can-bo", sheetRows("can-bo", [staffRow(1, { id: "GV/01" })])).rows;
    expect(row?.errors.map((e) => e.code)).toEqual(["INVALID_KEY"]);
  });

  it("asks for a teacher's roster id on an ad-hoc achievement", () => {
    const [row] = parse(
      "dot-xuat",
      sheetRows("dot-xuat", [
        {
          role: "Giáo viên hướng dẫn",
          fullName: "Phan Văn Đức",
          contest: "HSG quốc gia",
          contestLevel: "Quốc gia",
          subject: "Toán",
          prize: "giai nhat",
        },
      ]),
    ).rows;
    expect(row?.errors.map((e) => [e.column, e.code])).toEqual([["Mã cán bộ", "REQUIRED"]]);
  });

  it("parses and validates a 10,000-row tab", () => {
    const rows = sheetRows(
      "can-bo",
      Array.from({ length: 10_000 }, (_, i) => staffRow(i)),
    );
    const result = parse("can-bo", rows);
    expect(result.rows).toHaveLength(10_000);
    expect(result.rows.every((row) => row.errors.length === 0 && row.documents.length === 1)).toBe(true);
  });
});
