/**
 * The workbook face of the tab definitions (exceljs): the template (one sheet per tab, headers with
 * help as notes, frozen header row, widths, dropdowns from the enum labels), reading a filled
 * workbook back into sheet rows, and the status column of an imported copy. No file I/O here.
 */
import ExcelJS from "exceljs";
import { booleanLabels, columnTypeLabels, sheetMessages } from "../domain/messages/index.js";
import { matchKey } from "./cells.js";
import { type Column, type EnumOption, optionsOf, type TabDefinition } from "./definition.js";
import { resolveHeader } from "./headers.js";
import type { SheetRowInput } from "./parse.js";
import { escapeSheetText } from "./render.js";
import { TABS } from "./tabs/index.js";

/** Rows of the template that carry formats and dropdowns. */
const TEMPLATE_ROWS = 1000;
/** The hidden sheet holding the dropdown lists (Excel caps inline lists at 255 characters). */
const LISTS_SHEET = "Danh mục";
const GUIDE_SHEET = "Hướng dẫn";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
const REQUIRED_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FF9C0006" } };

interface DataValidationsSheet {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** The help a header note shows: the column's help, whether it is required, its type. */
function columnNote(column: Column): string {
  const lines = [column.help, `${columnTypeLabels[column.type]}${column.required ? " — bắt buộc" : ""}.`];
  const options = optionsOf(column);
  if (column.type === "list" && options)
    lines.push("Có thể ghi nhiều giá trị, cách nhau bằng dấu chấm phẩy.");
  if (options && options.length <= 12)
    lines.push(`Chọn: ${options.map((option) => option.label).join("; ")}.`);
  return lines.filter(Boolean).join("\n");
}

export function buildTemplate(tabs: readonly TabDefinition[] = TABS): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "TĐKT";
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  const lists = new ListsSheet(workbook);
  for (const tab of tabs) addTabSheet(workbook, tab, lists);
  fillGuide(guide, tabs);
  lists.sheet.state = "veryHidden";
  return workbook;
}

function addTabSheet(workbook: ExcelJS.Workbook, tab: TabDefinition, lists: ListsSheet): void {
  const sheet = workbook.addWorksheet(tab.title, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = tab.columns.map((column) => ({
    header: column.header,
    key: column.key,
    width: column.width,
  }));
  const header = sheet.getRow(1);
  header.height = 32;
  tab.columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.note = columnNote(column);
    cell.font = column.required ? REQUIRED_FONT : { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
    const letter = sheet.getColumn(index + 1).letter;
    const range = `${letter}2:${letter}${TEMPLATE_ROWS}`;
    if (column.type === "date") sheet.getColumn(index + 1).numFmt = "dd/mm/yyyy";
    // Ids such as "0123" must stay text.
    if (column.type === "text") sheet.getColumn(index + 1).numFmt = "@";
    const validation = validationOf(column, lists);
    if (validation) (sheet as unknown as DataValidationsSheet).dataValidations.add(range, validation);
  });
}

function validationOf(column: Column, lists: ListsSheet): ExcelJS.DataValidation | undefined {
  const base = { allowBlank: !column.required, showErrorMessage: true, errorTitle: column.header };
  if (column.type === "boolean")
    return { ...base, type: "list", formulae: [`"${booleanLabels.true},${booleanLabels.false}"`] };
  // A multi-value list cannot be a dropdown; its note lists the choices.
  if (column.type === "enum") return { ...base, type: "list", formulae: [lists.rangeFor(column.options)] };
  if (column.type === "integer" || column.type === "number")
    return column.min === undefined && column.max === undefined
      ? undefined
      : {
          ...base,
          type: column.type === "integer" ? "whole" : "decimal",
          operator: "between",
          formulae: [column.min ?? -1e9, column.max ?? 1e9],
        };
  return undefined;
}

/** One column of the hidden lists sheet per distinct option list. */
class ListsSheet {
  readonly sheet: ExcelJS.Worksheet;
  private readonly ranges = new Map<readonly EnumOption[], string>();
  constructor(workbook: ExcelJS.Workbook) {
    this.sheet = workbook.addWorksheet(LISTS_SHEET);
  }
  rangeFor(options: readonly EnumOption[]): string {
    const known = this.ranges.get(options);
    if (known) return known;
    const column = this.sheet.getColumn(this.ranges.size + 1);
    options.forEach((option, index) => {
      this.sheet.getCell(index + 1, column.number).value = option.label;
    });
    const range = `'${LISTS_SHEET}'!$${column.letter}$1:$${column.letter}$${options.length}`;
    this.ranges.set(options, range);
    return range;
  }
}

/** The guide sheet: every tab and column with its help (the same rows docs/sheets.md shows). */
function guideRows(tabs: readonly TabDefinition[] = TABS): string[][] {
  return tabs.flatMap((tab) =>
    tab.columns.map((column) => [
      tab.title,
      column.header,
      columnTypeLabels[column.type],
      column.required ? "Có" : "",
      [
        column.help,
        ...(optionsOf(column)?.length
          ? [
              `Giá trị: ${optionsOf(column)
                ?.map((o) => o.label)
                .join("; ")}`,
            ]
          : []),
      ]
        .filter(Boolean)
        .join(" "),
    ]),
  );
}

function fillGuide(sheet: ExcelJS.Worksheet, tabs: readonly TabDefinition[]): void {
  sheet.columns = sheetMessages.guideHeader.map((header, index) => ({
    header,
    width: [22, 30, 14, 10, 90][index],
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  for (const row of guideRows(tabs)) sheet.addRow(row.map(escapeSheetText)).alignment = { wrapText: true };
}

/* ---------- reading a filled workbook ---------- */

export interface WorkbookTab {
  tab: TabDefinition;
  sheetName: string;
  /** The row the headers are on (usually 1). */
  headerRow: number;
  rows: SheetRowInput[];
}

/** A sheet is a tab when its name is the tab's title or id (any case, with or without diacritics). */
export function tabOfSheet(
  sheetName: string,
  tabs: readonly TabDefinition[] = TABS,
): TabDefinition | undefined {
  const key = matchKey(sheetName);
  return tabs.find((tab) => matchKey(tab.title) === key || matchKey(tab.id) === key);
}

/** The plain value of an exceljs cell: rich text joined, a formula's result (else its text), a link's text. */
export function plainCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const { result } = value as ExcelJS.CellFormulaValue;
    if (result !== undefined && result !== null && typeof result !== "object") return result;
    if (result instanceof Date) return result;
    return `=${(value as ExcelJS.CellFormulaValue).formula ?? ""}`;
  }
  if ("hyperlink" in value) return plainCellValue(value.text as ExcelJS.CellValue);
  if ("error" in value) return value.error;
  return undefined;
}

/** The tabs a workbook holds, in the order of `tabs`; other sheets are listed as ignored. */
export function readWorkbook(
  workbook: ExcelJS.Workbook,
  tabs: readonly TabDefinition[] = TABS,
): { tabs: WorkbookTab[]; ignored: string[] } {
  const found: WorkbookTab[] = [];
  const ignored: string[] = [];
  for (const sheet of workbook.worksheets) {
    const tab = tabOfSheet(sheet.name, tabs);
    if (!tab) {
      if (sheet.name !== LISTS_SHEET && sheet.name !== GUIDE_SHEET) ignored.push(sheet.name);
      continue;
    }
    found.push(readSheet(sheet, tab));
  }
  found.sort((a, b) => tabs.indexOf(a.tab) - tabs.indexOf(b.tab));
  return { tabs: found, ignored };
}

/** The header row is the first of the top five rows naming a column of the tab (titles may sit above). */
function readSheet(sheet: ExcelJS.Worksheet, tab: TabDefinition): WorkbookTab {
  let headerRow = 1;
  for (let number = 1; number <= Math.min(5, sheet.rowCount); number++) {
    const cells = sheet.getRow(number).values as ExcelJS.CellValue[];
    if (
      cells.some(
        (cell) =>
          typeof plainCellValue(cell) === "string" && resolveHeader(tab, String(plainCellValue(cell))),
      )
    ) {
      headerRow = number;
      break;
    }
  }
  const headers = new Map<number, string>();
  sheet.getRow(headerRow).eachCell((cell, column) => {
    const text = plainCellValue(cell.value);
    if (typeof text === "string" && text.trim()) headers.set(column, text);
  });
  const rows: SheetRowInput[] = [];
  sheet.eachRow((row, number) => {
    if (number <= headerRow) return;
    const values: Record<string, unknown> = {};
    row.eachCell((cell, column) => {
      const header = headers.get(column);
      if (header !== undefined) values[header] = plainCellValue(cell.value);
    });
    rows.push({ row: number, values });
  });
  return { tab, sheetName: sheet.name, headerRow, rows };
}

/** Writes "Trạng thái" after the last header (or into an existing status column) of a sheet. */
export function writeStatusColumn(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
  statuses: ReadonlyMap<number, string>,
): void {
  let column = 0;
  // After the last header with text: a template's styled but empty cells are no headers.
  let lastHeader = 0;
  sheet.getRow(headerRow).eachCell((cell, number) => {
    const text = String(plainCellValue(cell.value) ?? "");
    if (matchKey(text) === matchKey(sheetMessages.statusHeader)) column = number;
    else if (text.trim()) lastHeader = number;
  });
  if (column === 0) {
    column = lastHeader + 1;
    const header = sheet.getRow(headerRow).getCell(column);
    header.value = sheetMessages.statusHeader;
    header.font = { bold: true };
    sheet.getColumn(column).width = 60;
  }
  for (let number = headerRow + 1; number <= sheet.rowCount; number++) {
    const cell = sheet.getRow(number).getCell(column);
    const status = statuses.get(number);
    cell.value = status === undefined ? null : escapeSheetText(status);
    cell.alignment = { wrapText: true, vertical: "top" };
  }
}
