/**
 * The installable edit trigger: marks the edited rows of a template tab dirty and shows "Chưa gửi"
 * in their status cells, so the officer sees what the next submit will send.
 */

import { recordEdit } from "./dirty.js";
import { FIRST_DATA_ROW, readHeaderRow, statusColumnIndex, tabOfSheet } from "./layout.js";
import type { AppsScriptEnv, RangePort } from "./ports.js";
import { appsScriptMessages } from "./server.js";
import { STATUS_COLOURS } from "./statuses.js";

/** The part of the edit event object the handler reads. */
export interface EditEvent {
  range: RangePort;
}

const nonce = (): string => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function handleEdit(env: Pick<AppsScriptEnv, "documentProperties" | "lock">, event: EditEvent): void {
  const { range } = event;
  const sheet = range.getSheet();
  if (!tabOfSheet(sheet.getName())) return;
  const firstRow = Math.max(range.getRow(), FIRST_DATA_ROW);
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return;
  const statusIndex = statusColumnIndex(readHeaderRow(sheet));
  const statusColumn = statusIndex + 1;
  // Someone typing in the status column changes no data.
  if (statusIndex >= 0 && range.getColumn() === statusColumn && range.getNumColumns() === 1) return;
  recordEdit(env.documentProperties, env.lock, sheet.getSheetId(), [firstRow, lastRow], nonce());
  if (statusIndex < 0) return;
  const height = lastRow - firstRow + 1;
  sheet
    .getRange(firstRow, statusColumn, height, 1)
    .setValues(Array.from({ length: height }, () => [appsScriptMessages.statusPending]))
    .setBackgrounds(Array.from({ length: height }, () => [STATUS_COLOURS.pending]));
}
