/**
 * Thi đua → Tạo mẫu bảng tính: one sheet per tab of functions/src/sheets/tabs/ (the only list of
 * headers), with bold frozen headers carrying the help as notes, widths, dropdowns for choices,
 * plain-text or dd/MM/yyyy formats, the "Trạng thái" column the submit writes into and the hidden
 * column of fingerprints after it (dirty.ts). Running it
 * again refreshes formats and rules; a sheet whose headers differ from the template is left alone.
 */

import { FIRST_DATA_ROW } from "./layout.js";
import type { AppsScriptEnv, SheetPort, ValidationFactory } from "./ports.js";
import type { Column, TabDefinition } from "./server.js";
import { appsScriptMessages, booleanLabels, sheetMessages } from "./server.js";

const TIME_ZONE = "Asia/Ho_Chi_Minh";
/** Sheets then reads a typed 05/09/2025 as 5 September, not May 9. */
const LOCALE = "vi_VN";
const HEADER_COLOUR = "#cfe2f3";
const STATUS_WIDTH_CHARACTERS = 40;

/** Column width: characters → pixels at the default 10 pt font. */
const pixels = (characters: number): number => Math.round(characters * 7 + 16);

export const templateHeaders = (tab: TabDefinition): string[] => [
  ...tab.columns.map((column) => column.header),
  sheetMessages.statusHeader,
  appsScriptMessages.trackingHeader,
];

/** The header's note: the help, whether it is required, and how to fill a list. */
export function headerNote(column: Column): string {
  const parts = [column.help];
  if (column.required) parts.push(appsScriptMessages.requiredNote);
  if (column.type === "list") {
    parts.push(appsScriptMessages.listNote);
    if (Array.isArray(column.item))
      parts.push(appsScriptMessages.choicesNote(column.item.map((o) => o.label)));
  }
  return parts.filter((part) => part !== "").join(" ");
}

/** Text stays text ("00123" keeps its zeros); dates show as dd/MM/yyyy. */
function columnFormat(column: Column): string | undefined {
  if (column.type === "text" || column.type === "list") return "@";
  if (column.type === "date") return "dd/MM/yyyy";
  return undefined;
}

function columnValidation(factory: ValidationFactory, column: Column): unknown {
  switch (column.type) {
    case "enum":
      return factory.list(
        column.options.map((option) => option.label),
        column.help,
      );
    case "boolean":
      return factory.list([booleanLabels.true, booleanLabels.false], column.help);
    case "date":
      return factory.date(column.help);
    case "number":
    case "integer":
      return factory.number(column.min, column.max, column.help);
    default:
      return undefined;
  }
}

export interface TemplateReport {
  created: string[];
  updated: string[];
  /** Sheets whose header row differs from the template. */
  skipped: string[];
}

function headersMatch(sheet: SheetPort, headers: readonly string[]): boolean {
  if (sheet.getLastColumn() === 0) return true;
  const width = Math.min(sheet.getLastColumn(), headers.length);
  const current = sheet.getRange(1, 1, 1, width).getValues()[0] ?? [];
  return current.every((cell, index) => cell === "" || cell === headers[index]);
}

function layOut(sheet: SheetPort, tab: TabDefinition, validation: ValidationFactory): void {
  const headers = templateHeaders(tab);
  if (sheet.getMaxColumns() < headers.length)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  sheet
    .getRange(1, 1, 1, headers.length)
    .setValues([headers])
    .setNotes([
      [...tab.columns.map(headerNote), appsScriptMessages.statusHelp, appsScriptMessages.trackingHelp],
    ])
    .setFontWeight("bold")
    .setBackgrounds([headers.map(() => HEADER_COLOUR)]);
  sheet.setFrozenRows(1);
  const dataHeight = Math.max(sheet.getMaxRows() - FIRST_DATA_ROW + 1, 1);
  tab.columns.forEach((column, index) => {
    sheet.setColumnWidth(index + 1, pixels(column.width));
    const cells = sheet.getRange(FIRST_DATA_ROW, index + 1, dataHeight, 1);
    const format = columnFormat(column);
    if (format !== undefined) cells.setNumberFormat(format);
    const rule = columnValidation(validation, column);
    if (rule !== undefined) cells.setDataValidation(rule);
  });
  const statusColumn = tab.columns.length + 1;
  sheet.setColumnWidth(statusColumn, pixels(STATUS_WIDTH_CHARACTERS));
  sheet.getRange(FIRST_DATA_ROW, statusColumn, dataHeight, 2).setNumberFormat("@");
  sheet.hideColumns(statusColumn + 1, 1);
}

export function setupTemplate(
  env: Pick<AppsScriptEnv, "spreadsheet" | "validation">,
  tabs: readonly TabDefinition[],
): TemplateReport {
  const { spreadsheet } = env;
  spreadsheet.setSpreadsheetTimeZone(TIME_ZONE);
  spreadsheet.setSpreadsheetLocale(LOCALE);
  const report: TemplateReport = { created: [], updated: [], skipped: [] };
  for (const tab of tabs) {
    const existing = spreadsheet.getSheetByName(tab.title);
    if (existing && !headersMatch(existing, templateHeaders(tab))) {
      report.skipped.push(tab.title);
      continue;
    }
    layOut(existing ?? spreadsheet.insertSheet(tab.title), tab, env.validation);
    (existing ? report.updated : report.created).push(tab.title);
  }
  return report;
}

export function templateMessage(report: TemplateReport): string {
  const done = appsScriptMessages.templateDone(report.created, report.updated);
  return report.skipped.length > 0 ? `${done}\n${appsScriptMessages.templateSkipped(report.skipped)}` : done;
}
