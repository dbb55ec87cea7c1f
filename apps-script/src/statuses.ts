/**
 * The "Trạng thái" column: the ingest answer per row → the text and colour of its status cell, laid
 * out as one column block so that a whole submit is written back with one setValues and one
 * setBackgrounds (docs/design.md §9). Rows of the block that were not sent keep the status they had.
 * The text of an answered row is the sheets module's (the same as an imported workbook shows).
 */
import {
  appsScriptMessages,
  type CellErrorCode,
  escapeSheetText,
  type RowStatus,
  sheetMessages,
} from "./server.js";

interface IngestReplyRow extends RowStatus {
  row: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

const CHANGES: readonly unknown[] = ["created", "updated", "unchanged"] satisfies RowStatus["change"][];

export interface IngestReply {
  rows: IngestReplyRow[];
  /** Stored rows withdrawn by a full-tab send. */
  withdrawn: number;
}

/**
 * The §5.3 answer `{ accepted, rejected, withdrawn, rows: [{ row, status, change?, errors }] }`, or
 * undefined when it is not one. Rows it cannot read are left out (they count as not answered).
 */
export function parseIngestReply(json: unknown): IngestReply | undefined {
  if (!isRecord(json) || !Array.isArray(json.rows)) return undefined;
  const rows: IngestReplyRow[] = [];
  for (const entry of json.rows) {
    if (!isRecord(entry) || typeof entry.row !== "number") continue;
    if (entry.status !== "accepted" && entry.status !== "rejected") continue;
    const errors = (Array.isArray(entry.errors) ? entry.errors : []).filter(isRecord).map((error) => ({
      column: String(error.column ?? ""),
      // Only shown, never branched on: a code this build does not know is harmless.
      code: String(error.code ?? "") as CellErrorCode,
      message: String(error.message ?? error.code ?? ""),
    }));
    const change = CHANGES.includes(entry.change) ? { change: entry.change as RowStatus["change"] } : {};
    const notes = Array.isArray(entry.notes) ? { notes: entry.notes.map(String) } : {};
    rows.push({ row: entry.row, status: entry.status, ...change, errors, ...notes });
  }
  return { rows, withdrawn: Number(json.withdrawn) || 0 };
}

export const STATUS_COLOURS = { accepted: "#d9ead3", rejected: "#f4cccc", pending: "#fff2cc" } as const;

/** The colour follows the text, so rows left untouched keep a colour that matches their status. */
function statusColour(text: string): string | null {
  if (text.startsWith(sheetMessages.statusRejected)) return STATUS_COLOURS.rejected;
  if (text.startsWith(sheetMessages.statusAccepted)) return STATUS_COLOURS.accepted;
  if (text.startsWith(appsScriptMessages.statusPending)) return STATUS_COLOURS.pending;
  return null;
}

export interface StatusBlock {
  values: string[][];
  colours: (string | null)[][];
}

/**
 * The status cells of rows firstRow…firstRow+current.length-1: `updates` (row → text) where given,
 * else the current text. Every value is escaped for the sheet.
 */
export function statusBlock(
  current: readonly unknown[],
  firstRow: number,
  updates: ReadonlyMap<number, string>,
): StatusBlock {
  const texts = current.map((cell, index) => updates.get(firstRow + index) ?? String(cell ?? ""));
  return {
    values: texts.map((text) => [escapeSheetText(text)]),
    colours: texts.map((text) => [statusColour(text)]),
  };
}
