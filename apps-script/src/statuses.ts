/**
 * The "Trạng thái" column: the ingest answer per row → the text and colour of its status cell, laid
 * out as one column block so that a whole submit is written back with one setValues and one
 * setBackgrounds (DESIGN.md §9). Rows of the block that were not sent keep the status they had.
 */
import { appsScriptMessages, sheetMessages } from "../../functions/src/domain/messages/index.js";
import { escapeForSheet } from "./escape.js";

export interface IngestCellError {
  column?: string;
  code?: string;
  message: string;
}

export interface IngestReplyRow {
  row: number;
  /** "accepted" or "rejected". */
  status: string;
  /** For accepted rows: "created", "updated" or "unchanged". */
  change?: string;
  errors: IngestCellError[];
}

export interface IngestReply {
  accepted: number;
  rejected: number;
  rows: IngestReplyRow[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The §5.3 answer `{ accepted, rejected, rows: [{ row, status, change?, errors }] }`, or undefined. */
export function parseIngestReply(json: unknown): IngestReply | undefined {
  if (!isRecord(json) || !Array.isArray(json.rows)) return undefined;
  const rows: IngestReplyRow[] = [];
  for (const entry of json.rows) {
    if (!isRecord(entry) || typeof entry.row !== "number") continue;
    const errors = Array.isArray(entry.errors)
      ? entry.errors.filter(isRecord).map((error) => ({
          ...(typeof error.column === "string" ? { column: error.column } : {}),
          ...(typeof error.code === "string" ? { code: error.code } : {}),
          message: String(error.message ?? error.code ?? ""),
        }))
      : [];
    const change = typeof entry.change === "string" ? { change: entry.change } : {};
    rows.push({ row: entry.row, status: String(entry.status ?? ""), ...change, errors });
  }
  return { accepted: Number(json.accepted) || 0, rejected: Number(json.rejected) || 0, rows };
}

export const isRejected = (row: IngestReplyRow): boolean =>
  row.status === "rejected" || row.errors.length > 0;

export function statusText(row: IngestReplyRow): string {
  if (isRejected(row)) {
    return appsScriptMessages.statusErrors(
      sheetMessages.statusRejected,
      row.errors.map((error) => error.message),
    );
  }
  return row.change === "unchanged" ? sheetMessages.statusUnchanged : sheetMessages.statusAccepted;
}

export const STATUS_COLOURS = { accepted: "#d9ead3", rejected: "#f4cccc", pending: "#fff2cc" } as const;

/** The colour follows the text, so rows left untouched keep a colour that matches their status. */
export function statusColour(text: string): string | null {
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
    values: texts.map((text) => [escapeForSheet(text)]),
    colours: texts.map((text) => [statusColour(text)]),
  };
}
