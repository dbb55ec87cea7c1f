/**
 * The province's import templates (docs/province-formats.md): their DANHSACH sheet filled with the
 * Department's list — the template's own workbook, so every other sheet, note, width and style stays
 * as the provincial system made it. The codes written come from domain/province-codes.ts. No file I/O
 * here: the templates come in as bytes and the filled workbook goes out as bytes.
 */
import ExcelJS from "exceljs";
import { AppError } from "../domain/errors.js";
import { provinceMessages } from "../domain/messages/index.js";
import { escapeSheetText } from "./render.js";

/** The two list templates of the provincial system, as bytes. */
export interface ProvinceTemplates {
  /** province-import-canhan.xlsx: individuals. */
  individuals: Uint8Array;
  /** province-import-tapthe.xlsx: collectives. */
  collectives: Uint8Array;
}

const LIST_SHEET = "DANHSACH";
/** DANHSACH: the header is row 3 (row 1 the merged title), the subjects start on row 4. */
const HEADER_ROW = 3;
const FIRST_DATA_ROW = HEADER_ROW + 1;

async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its Buffer as the old non-generic one; the bytes are what it reads.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** One subject's row of DANHSACH, in the template's column order; codes are text, as in DANHMUC. */
export type ProvinceListRow = (string | number)[];

/**
 * The template with its DANHSACH rows filled from row 4: each cell takes the style of the first
 * data row (its borders), every text is escaped so it never becomes a formula.
 */
export async function fillProvinceList(
  template: Uint8Array,
  rows: readonly ProvinceListRow[],
): Promise<Buffer> {
  const workbook = await openWorkbook(template);
  const sheet = workbook.getWorksheet(LIST_SHEET);
  if (!sheet) throw new AppError("MISSING_DATA", provinceMessages.templateWithoutSheet(LIST_SHEET));
  const columns = sheet.getRow(HEADER_ROW).actualCellCount;
  const styleRow = sheet.getRow(FIRST_DATA_ROW);
  rows.forEach((cells, index) => {
    const row = sheet.getRow(FIRST_DATA_ROW + index);
    for (let column = 1; column <= columns; column++) {
      const cell = row.getCell(column);
      const style = styleRow.getCell(column).style;
      cell.style = { ...style, alignment: { ...style.alignment, vertical: "top", wrapText: true } };
      const value = cells[column - 1];
      cell.value =
        typeof value === "string" ? (value === "" ? null : escapeSheetText(value)) : (value ?? null);
    }
    row.commit();
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
