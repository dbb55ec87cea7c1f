/**
 * The installable edit trigger, a convenience only: it shows "Chưa gửi" in the status cells of the
 * edited rows of a template tab, so the officer sees what the next submit will send. What is sent is
 * decided by the fingerprints (dirty.ts), so edits it never sees (sorts, inserts, another user's
 * trigger-less edits) are sent all the same.
 */

import { FIRST_DATA_ROW, readHeaderRow, statusColumnIndex, tabOfSheet } from "./layout.js";
import type { RangePort } from "./ports.js";
import { appsScriptMessages } from "./server.js";
import { STATUS_COLOURS } from "./statuses.js";

/** The part of the edit event object the handler reads. */
export interface EditEvent {
  range: RangePort;
}

export function handleEdit(event: EditEvent): void {
  const { range } = event;
  const sheet = range.getSheet();
  if (!tabOfSheet(sheet.getName())) return;
  const firstRow = Math.max(range.getRow(), FIRST_DATA_ROW);
  const lastRow = range.getRow() + range.getNumRows() - 1;
  if (lastRow < firstRow) return;
  const statusIndex = statusColumnIndex(readHeaderRow(sheet));
  if (statusIndex < 0) return;
  const statusColumn = statusIndex + 1;
  // Someone typing in the status column (or the hidden one after it) changes no data.
  if (range.getColumn() >= statusColumn) return;
  const height = lastRow - firstRow + 1;
  sheet
    .getRange(firstRow, statusColumn, height, 1)
    .setValues(Array.from({ length: height }, () => [appsScriptMessages.statusPending]))
    .setBackgrounds(Array.from({ length: height }, () => [STATUS_COLOURS.pending]));
}
