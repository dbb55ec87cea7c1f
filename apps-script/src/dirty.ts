/**
 * Which rows changed since the server last accepted them, independent of row positions and of
 * triggers. Each template tab has a hidden column after "Trạng thái" whose cell holds the
 * fingerprint of the values the server last accepted for that row. The cell travels with its row
 * when rows are sorted, inserted or deleted, so "send changes" compares each row's current values
 * with its own cell: a row is dirty when they differ. An inserted row has an empty cell, a pasted
 * row a stale one, and edits by several officers at once each change the values, so none is lost.
 * The row's stable key is its natural key among the values (what the server stores it under), which
 * the fingerprint covers.
 */

import type { WireValue } from "./payload.js";
import type { Settings } from "./settings.js";

/** Enough of a SHA-256 to tell two rows' values apart, short enough to keep the cells small. */
const FINGERPRINT_CHARS = 24;
/** A letter first: even where a paste reset the "@" format, Sheets never reads the cell as a number. */
const FINGERPRINT_PREFIX = "v1:";

/**
 * The fingerprint of a row's values as sent; the unit and year are part of it, so a change of
 * settings sends every row again. Header order does not matter (users may move columns).
 */
export function fingerprint(
  sha256Hex: (text: string) => string,
  settings: Pick<Settings, "unit" | "year">,
  values: Readonly<Record<string, WireValue>>,
): string {
  const entries = Object.entries(values).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const digest = sha256Hex(JSON.stringify([settings.unit, settings.year, entries]));
  return `${FINGERPRINT_PREFIX}${digest.slice(0, FINGERPRINT_CHARS)}`;
}

/** The text of a tracking cell as read by getValues. */
export const trackedFingerprint = (cell: unknown): string => (typeof cell === "string" ? cell.trim() : "");
