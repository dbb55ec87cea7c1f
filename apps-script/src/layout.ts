/** Where things are in a template tab: which tab a sheet is, its header row, its status column. */

import type { SheetPort } from "./ports.js";
import { appsScriptMessages, sheetMessages, TABS, type TabDefinition } from "./server.js";

/** Row 1 holds the headers; data starts below. */
export const FIRST_DATA_ROW = 2;

/** The tab whose title the sheet bears (the setup names sheets after TABS). */
export const tabOfSheet = (sheetName: string): TabDefinition | undefined =>
  TABS.find((tab) => tab.title === sheetName.trim());

export function readHeaderRow(sheet: SheetPort): unknown[] {
  const width = sheet.getLastColumn();
  return width === 0 ? [] : (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []);
}

/** 0-based index of the "Trạng thái" column, or -1. */
export const statusColumnIndex = (headerRow: readonly unknown[]): number =>
  headerRow.findIndex((cell) => String(cell ?? "").trim() === sheetMessages.statusHeader);

/** 0-based index of the hidden column of fingerprints (dirty.ts), or -1. */
export const trackingColumnIndex = (headerRow: readonly unknown[]): number =>
  headerRow.findIndex((cell) => String(cell ?? "").trim() === appsScriptMessages.trackingHeader);
