/**
 * Reads the lists a history import takes (docs/province-formats.md "Nhập lịch sử"): the province's
 * DANHSACH (individuals or collectives) and "file nhận" (the general list), or TĐKT's own "Lịch sử
 * khen thưởng" tab. Columns are found by their header's name, never by position; title rows above
 * the headers, merged section titles, empty rows and VLOOKUP cells (their cached result; an error
 * result is an empty cell) are handled here, so the matching (domain/history-import.ts) sees cells
 * by meaning. No file I/O here.
 */
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { SubjectKind } from "../domain/codes.js";
import type { DateCell, HistoryRow } from "../domain/history-import.js";
import { normalizeText } from "../domain/text.js";
import { isEmptyCell, matchKey, toIsoDate } from "./cells.js";
import { unescapeSheetText } from "./render.js";
import { plainCellValue } from "./xlsx.js";

export const HISTORY_FORMATS = ["province", "tdkt"] as const;
export type HistoryFormat = (typeof HISTORY_FORMATS)[number];

/** The sheets each format reads, by name (any case, with or without diacritics). */
const SHEETS: Record<HistoryFormat, readonly string[]> = {
  province: ["DANHSACH", "file nhận"],
  tdkt: ["Lịch sử khen thưởng"],
};

type TextField =
  | "personName"
  | "collectiveName"
  | "name"
  | "subjectId"
  | "kind"
  | "unit"
  | "subjectClass"
  | "collectiveClass"
  | "title"
  | "form"
  | "award"
  | "year"
  | "decisionNo"
  | "issuer"
  | "awardKind"
  | "proposalNo";
type DateField = "birthDate" | "decisionDate" | "proposalDate";
type Field = TextField | DateField;

/**
 * The headers each field goes by in the province's templates and in TĐKT's tab. Compared after
 * dropping a parenthesised note ("(nếu có)") and folding case, diacritics and punctuation. A field
 * may have two columns (a name and the VLOOKUP of its code): the first listed that is filled wins.
 */
const HEADERS: readonly (readonly [Field, string])[] = [
  ["personName", "Họ và tên"],
  ["collectiveName", "Tên đơn vị / tập thể"],
  ["name", "Tên tập thể/cá nhân/hộ gia đình"],
  ["name", "Họ và tên / Tên tập thể"],
  ["subjectId", "Mã cán bộ / Mã tập thể"],
  ["subjectId", "Mã cán bộ"],
  ["kind", "Mã Phân loại khen thưởng"],
  ["kind", "Phân loại khen thưởng"],
  ["kind", "Loại đối tượng"],
  ["unit", "Tên đơn vị/tập thể công tác"],
  ["unit", "Đơn vị công tác"],
  ["unit", "Mã đơn vị"],
  ["unit", "Đơn vị"],
  ["birthDate", "Ngày sinh"],
  ["subjectClass", "Mã phân loại cán bộ"],
  ["subjectClass", "Mã phân loại loại tượng"],
  ["subjectClass", "Mã phân loại đối tượng"],
  ["subjectClass", "Phân loại đối tượng"],
  ["collectiveClass", "Mã phân loại tập thể"],
  ["form", "Mã hình thức khen thưởng"],
  ["title", "Mã danh hiệu thi đua"],
  ["award", "Danh hiệu thi đua/Hình thức khen thưởng"],
  ["year", "Năm học"],
  ["decisionNo", "Số quyết định"],
  ["decisionNo", "Số QĐ"],
  ["decisionDate", "Ngày quyết định"],
  ["decisionDate", "Ngày QĐ"],
  ["issuer", "Cơ quan ban hành"],
  ["awardKind", "Loại hình khen thưởng"],
  ["proposalNo", "Số tờ trình"],
  ["proposalDate", "Ngày tờ trình"],
];

const headerKey = (text: string): string => matchKey(text.replace(/\([^)]*\)/g, ""));
const HEADER_FIELDS = new Map(HEADERS.map(([field, header]) => [headerKey(header), field]));
const headerRank = (header: string): number => HEADERS.findIndex(([, known]) => headerKey(known) === header);

/** The top rows searched for the header row (the templates put a merged title above it). */
const HEADER_SEARCH_ROWS = 10;

interface ColumnOfField {
  column: number;
  header: string;
  rank: number;
}

interface HistorySheet {
  sheetName: string;
  headerRow: number;
  rows: HistoryRow[];
}

export type HistoryWorkbook =
  | { ok: true; sheets: HistorySheet[] }
  | { ok: false; problem: "no-sheet" | "no-header"; sheet?: string };

/** A cell's value as the sheet shows it: a formula's cached result, nothing for an error. */
function cellValue(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    if ("error" in value) return undefined;
    if ("formula" in value || "sharedFormula" in value) {
      const { result } = value as ExcelJS.CellFormulaValue;
      if (result === undefined || result === null) return undefined;
      if (typeof result === "object" && !(result instanceof Date)) return undefined;
      return result;
    }
  }
  return plainCellValue(value);
}

const textOf = (raw: unknown): string | undefined => {
  if (isEmptyCell(raw)) return undefined;
  const text = unescapeSheetText(
    normalizeText(raw instanceof Date ? raw.toISOString().slice(0, 10) : String(raw)),
  );
  return text.length > 0 ? text : undefined;
};

function dateOf(raw: unknown, header: string): DateCell | undefined {
  if (isEmptyCell(raw)) return undefined;
  const iso = toIsoDate(raw);
  return iso ? { iso } : { invalid: textOf(raw) ?? String(raw), header };
}

function findHeader(
  sheet: ExcelJS.Worksheet,
): { row: number; columns: Map<Field, ColumnOfField[]> } | undefined {
  for (let number = 1; number <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); number++) {
    const columns = new Map<Field, ColumnOfField[]>();
    sheet.getRow(number).eachCell((cell, column) => {
      const text = textOf(cellValue(cell));
      if (!text) return;
      const key = headerKey(text);
      const field = HEADER_FIELDS.get(key);
      if (!field) return;
      columns.set(field, [...(columns.get(field) ?? []), { column, header: text, rank: headerRank(key) }]);
    });
    const names = ["personName", "collectiveName", "name", "subjectId"] as const;
    if (columns.size >= 2 && names.some((field) => columns.has(field))) {
      for (const list of columns.values()) list.sort((a, b) => a.rank - b.rank);
      return { row: number, columns };
    }
  }
  return undefined;
}

/** A section title ("I. CÁ NHÂN") merged across the row: its cells share one master cell. */
function isMergedTitle(row: ExcelJS.Row, columns: readonly number[]): boolean {
  const masters = columns
    .map((column) => row.getCell(column))
    .filter((cell) => cell.isMerged)
    .map((cell) => cell.master.address);
  return masters.length >= 2 && new Set(masters).size < masters.length;
}

function layoutKindOf(columns: Map<Field, ColumnOfField[]>): SubjectKind | undefined {
  if (columns.has("personName")) return "individual";
  if (columns.has("collectiveName")) return "collective";
  return undefined;
}

function readRow(
  sheetName: string,
  row: ExcelJS.Row,
  columns: Map<Field, ColumnOfField[]>,
  layoutKind: SubjectKind | undefined,
): HistoryRow | undefined {
  const first = (field: Field): { raw: unknown; header: string } | undefined => {
    for (const { column, header } of columns.get(field) ?? []) {
      const raw = cellValue(row.getCell(column));
      if (!isEmptyCell(raw)) return { raw, header };
    }
    return undefined;
  };
  const text = (field: TextField) => textOf(first(field)?.raw);
  const date = (field: DateField) => {
    const found = first(field);
    return found ? dateOf(found.raw, found.header) : undefined;
  };
  // Each of form, title and the general list's award cell (its code's VLOOKUP first) names an award.
  const awards = (["title", "form", "award"] as const)
    .map((field) => text(field))
    .filter((value): value is string => value !== undefined);
  const values = {
    name: text("personName") ?? text("collectiveName") ?? text("name"),
    subjectId: text("subjectId"),
    kind: text("kind"),
    unit: text("unit"),
    birthDate: date("birthDate"),
    subjectClass: text("subjectClass"),
    collectiveClass: text("collectiveClass"),
    year: text("year"),
    decisionNo: text("decisionNo"),
    decisionDate: date("decisionDate"),
    issuer: text("issuer"),
    awardKind: text("awardKind"),
    proposalNo: text("proposalNo"),
    proposalDate: date("proposalDate"),
  };
  const filled = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
  if (Object.keys(filled).length === 0 && awards.length === 0) return undefined;
  return { sheet: sheetName, row: row.number, layoutKind, awards, ...filled };
}

function readSheet(sheet: ExcelJS.Worksheet): HistorySheet | undefined {
  const header = findHeader(sheet);
  if (!header) return undefined;
  const layoutKind = layoutKindOf(header.columns);
  const allColumns = [...header.columns.values()].flat().map(({ column }) => column);
  const rows: HistoryRow[] = [];
  for (let number = header.row + 1; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    if (isMergedTitle(row, allColumns)) continue;
    const read = readRow(sheet.name, row, header.columns, layoutKind);
    if (read) rows.push(read);
  }
  return { sheetName: sheet.name, headerRow: header.row, rows };
}

/** The lists of the workbook the format reads, each with its header row and its data rows. */
export function readHistoryWorkbook(workbook: ExcelJS.Workbook, format: HistoryFormat): HistoryWorkbook {
  const wanted = new Set(SHEETS[format].map(matchKey));
  const sheets = workbook.worksheets.filter((sheet) => wanted.has(matchKey(sheet.name)));
  if (sheets.length === 0) return { ok: false, problem: "no-sheet" };
  const read: HistorySheet[] = [];
  for (const sheet of sheets) {
    const parsed = readSheet(sheet);
    if (!parsed) return { ok: false, problem: "no-header", sheet: sheet.name };
    read.push(parsed);
  }
  return { ok: true, sheets: read };
}

/** What an uploaded workbook may unpack to: a province list of thousands of rows is a few MB. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/**
 * How many bytes a zip archive's entries unpack to, each inflated with a cap on its output (the sizes
 * an archive declares may lie), before exceljs unpacks it: "too-large" past `limit`, undefined when the
 * bytes are no zip archive this can read.
 */
function unpackedBytes(bytes: Buffer, limit: number): number | "too-large" | undefined {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= searchFrom; at--)
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  if (end < 0) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const local = bytes.readUInt32LE(at + 42);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) return undefined;
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (dataAt + compressed > bytes.length) return undefined;
    const data = bytes.subarray(dataAt, dataAt + compressed);
    if (method === STORED) total += data.length;
    else if (method === DEFLATED) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total + 1) }).length;
      } catch (error) {
        if (error instanceof RangeError) return "too-large";
        return undefined;
      }
    } else return undefined;
    if (total > limit) return "too-large";
  }
  return total;
}

/** An uploaded .xlsx as a workbook, or why not ("not-workbook", "too-large" once unpacked). */
export async function workbookFromBytes(
  bytes: Buffer,
): Promise<{ ok: true; workbook: ExcelJS.Workbook } | { ok: false; problem: "not-workbook" | "too-large" }> {
  const unpacked = bytes.length >= 22 ? unpackedBytes(bytes, MAX_UNPACKED_BYTES) : undefined;
  if (unpacked === undefined) return { ok: false, problem: "not-workbook" };
  if (unpacked === "too-large") return { ok: false, problem: "too-large" };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { ok: false, problem: "not-workbook" };
  }
  return { ok: true, workbook };
}
