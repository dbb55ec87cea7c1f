/**
 * Which rows of each tab changed since they were last sent. One document property per tab,
 * `tdkt.dirty.<sheetId>` = {"revision": edits so far, "rows": "2-40,55"}, changed under the document
 * lock. An edit made while a submit holds the lock cannot wait for it, so it leaves a side record
 * `tdkt.dirty.<sheetId>.<nonce>` instead; the next read folds side records in, so no edit is lost.
 */
import type { LockPort, PropertiesPort } from "./ports.js";
import { compactRanges, formatRanges, parseRanges, type RowRange } from "./ranges.js";

const KEY_PREFIX = "tdkt.dirty.";
/** A property value holds at most 9 kB; past this the record is coarsened (extra rows are harmless). */
const MAX_RECORD_CHARS = 8_000;
/** An edit trigger waits this long for a running submit before leaving a side record. */
const EDIT_LOCK_WAIT_MS = 5_000;

const keyOf = (sheetId: number): string => `${KEY_PREFIX}${sheetId}`;

const sideKeysOf = (all: Record<string, string>, sheetId: number): string[] =>
  Object.keys(all).filter((key) => key.startsWith(`${keyOf(sheetId)}.`));

export interface DirtyState {
  sheetId: number;
  /** False until the tab's first submit: every filled row then counts as dirty. */
  tracked: boolean;
  revision: number;
  ranges: RowRange[];
  /** Side records folded into `ranges`; deleted when the state is written back. */
  sideKeys: string[];
}

interface DirtyRecord {
  revision: number;
  rows: string;
}

function parseRecord(text: string | undefined): DirtyRecord | undefined {
  if (text === undefined) return undefined;
  try {
    const record = JSON.parse(text) as Partial<DirtyRecord>;
    return { revision: Number(record.revision) || 0, rows: String(record.rows ?? "") };
  } catch {
    return undefined;
  }
}

export function readDirty(properties: PropertiesPort, sheetId: number): DirtyState {
  const all = properties.getProperties();
  const record = parseRecord(all[keyOf(sheetId)]);
  const sideKeys = sideKeysOf(all, sheetId);
  const ranges = [
    ...parseRanges(record?.rows ?? ""),
    ...sideKeys.flatMap((key) => parseRanges(all[key] ?? "")),
  ];
  return {
    sheetId,
    tracked: record !== undefined,
    revision: (record?.revision ?? 0) + sideKeys.length,
    ranges: compactRanges(ranges),
    sideKeys,
  };
}

/** Merges the closest ranges until the record fits in one property. */
export function coarsenRanges(ranges: readonly RowRange[], maxChars = MAX_RECORD_CHARS): RowRange[] {
  let current = compactRanges(ranges);
  for (let gap = 1; formatRanges(current).length > maxChars; gap *= 2) {
    current = compactRanges(current.map(([first, last]): RowRange => [first, last + gap]));
  }
  return current;
}

/** Replaces the tab's record (caller holds the lock) and drops the side records it folded in. */
export function writeDirty(
  properties: PropertiesPort,
  state: DirtyState,
  ranges: readonly RowRange[],
  revision: number,
): void {
  const record: DirtyRecord = { revision, rows: formatRanges(coarsenRanges(ranges)) };
  properties.setProperty(keyOf(state.sheetId), JSON.stringify(record));
  for (const key of state.sideKeys) properties.deleteProperty(key);
}

/** Rows that edits recorded as side records after `state` was read (the lock was held meanwhile). */
export function editedSince(properties: PropertiesPort, state: DirtyState): RowRange[] {
  const all = properties.getProperties();
  return compactRanges(
    sideKeysOf(all, state.sheetId)
      .filter((key) => !state.sideKeys.includes(key))
      .flatMap((key) => parseRanges(all[key] ?? "")),
  );
}

/** The edit trigger's side: marks rows first..last of a tab dirty. */
export function recordEdit(
  properties: PropertiesPort,
  lock: LockPort,
  sheetId: number,
  rows: RowRange,
  nonce: string,
): void {
  if (!lock.tryLock(EDIT_LOCK_WAIT_MS)) {
    properties.setProperty(`${keyOf(sheetId)}.${nonce}`, formatRanges([rows]));
    return;
  }
  try {
    const state = readDirty(properties, sheetId);
    // An untracked tab already sends every row; a record holding only this edit would shrink that.
    if (state.tracked) writeDirty(properties, state, [...state.ranges, rows], state.revision + 1);
  } finally {
    lock.releaseLock();
  }
}
