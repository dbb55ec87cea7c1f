/**
 * The province's import templates (docs/province-formats.md): their code sheets read into a
 * ProvinceCodeTable, and their DANHSACH sheet filled with the Department's list — the template's
 * own workbook, so every other sheet, note, width and style stays as the provincial system made it.
 * No file I/O here: the templates come in as bytes and the filled workbook goes out as bytes.
 */
import ExcelJS from "exceljs";
import type { Gender } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { provinceMessages } from "../domain/messages/index.js";
import {
  codeTableOf,
  type ProvinceCode,
  type ProvinceCodeList,
  type ProvinceCodeTable,
} from "../domain/province-export.js";
import { normalizeText } from "../domain/text.js";
import { escapeSheetText } from "./render.js";
import { plainCellValue } from "./xlsx.js";

/** The three templates of the provincial system, as bytes. */
export interface ProvinceTemplates {
  /** province-import-canhan.xlsx: individuals. */
  individuals: Uint8Array;
  /** province-import-tapthe.xlsx: collectives. */
  collectives: Uint8Array;
  /** province-import-mau-tdkt-2023.xlsx: the general list and its code sheets HTKT, PLDT. */
  general: Uint8Array;
}

const LIST_SHEET = "DANHSACH";
const CODE_SHEET = "DANHMUC";
/** DANHSACH: the header is row 3 (row 1 the merged title), the subjects start on row 4. */
const HEADER_ROW = 3;
const FIRST_DATA_ROW = HEADER_ROW + 1;

/** The headers of the DANHMUC blocks (a block is a "Mã số" column and the name column right of it). */
const DANHMUC_BLOCKS: Record<string, ProvinceCodeList> = {
  "hình thức khen thưởng": "form",
  "danh hiệu thi đua": "title",
  "phân loại cán bộ": "individualClass",
  "tên phân loại đơn vị": "collectiveClass",
  "giới tính": "gender",
};

/** The code sheets of the general list: name in column A, code in B, from row 2. */
const GENERAL_SHEETS: { sheet: string; lists: ProvinceCodeList[] }[] = [
  { sheet: "HTKT", lists: ["form", "title"] },
  { sheet: "PLDT", lists: ["individualClass", "collectiveClass"] },
];

export const PROVINCE_GENDER_NAMES: Record<Gender, string> = { M: "Giới tính Nam", F: "Giới tính Nữ" };

const cellText = (cell: ExcelJS.Cell): string => {
  const value = plainCellValue(cell.value);
  return value === undefined || value === null ? "" : normalizeText(String(value));
};

async function openWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its Buffer as the old non-generic one; the bytes are what it reads.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

/** Every block of a DANHMUC sheet: below a known header, one code per row down to the first blank row. */
function danhmucLists(sheet: ExcelJS.Worksheet): [ProvinceCodeList, ProvinceCode][] {
  const found: [ProvinceCodeList, ProvinceCode][] = [];
  for (let row = 1; row <= sheet.rowCount; row++)
    for (let column = 2; column <= sheet.columnCount; column++) {
      const list = DANHMUC_BLOCKS[cellText(sheet.getCell(row, column)).toLocaleLowerCase("vi")];
      if (!list) continue;
      for (let below = row + 1; below <= sheet.rowCount; below++) {
        const name = cellText(sheet.getCell(below, column));
        const code = cellText(sheet.getCell(below, column - 1));
        if (!name || !code) break;
        found.push([list, { code, name }]);
      }
    }
  return found;
}

/**
 * The code table of the templates: the DANHMUC sheets first (the codes the lists' own sheets
 * show), then the general list's HTKT and PLDT for the names they alone hold.
 */
export async function provinceCodeTable(templates: ProvinceTemplates): Promise<ProvinceCodeTable> {
  const lists: Record<ProvinceCodeList, ProvinceCode[]> = {
    form: [],
    title: [],
    individualClass: [],
    collectiveClass: [],
    gender: [],
  };
  for (const bytes of [templates.individuals, templates.collectives]) {
    const sheet = (await openWorkbook(bytes)).getWorksheet(CODE_SHEET);
    for (const [list, entry] of sheet ? danhmucLists(sheet) : []) lists[list].push(entry);
  }
  const general = await openWorkbook(templates.general);
  for (const { sheet: name, lists: into } of GENERAL_SHEETS) {
    const sheet = general.getWorksheet(name);
    if (!sheet) continue;
    for (let row = 2; row <= sheet.rowCount; row++) {
      const entry = { name: cellText(sheet.getCell(row, 1)), code: cellText(sheet.getCell(row, 2)) };
      if (entry.name && entry.code) for (const list of into) lists[list].push(entry);
    }
  }
  return codeTableOf(lists);
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
