/**
 * Thi đua → Gửi dữ liệu (docs/design.md §4 step 2): under the document lock, each tab's dirty rows are
 * read with one getValues, sent in one request (more only past 5 MB or 5,000 rows), and their
 * statuses written back with one setValues and one setBackgrounds over the status column from the
 * first to the last dirty row. Rows the server answered are no longer dirty; rows whose request
 * failed stay dirty for the next submit. Without the edit trigger nothing records edits, so every
 * filled row is sent (the server answers "unchanged" for rows it already has).
 */

import { TRIGGER_HANDLERS } from "./actions.js";
import { callApi, failureOf, idempotencyKey } from "./client.js";
import { editedSince, readDirty, writeDirty } from "./dirty.js";
import { FIRST_DATA_ROW, readHeaderRow, statusColumnIndex, tabOfSheet } from "./layout.js";
import { buildIngestRows, dateFormatter, type IngestBody, mapHeaders, splitIntoBodies } from "./payload.js";
import type { AppsScriptEnv, SheetPort } from "./ports.js";
import { clampRanges, type RowRange, rangesOfRows, rowsOfRanges, subtractRanges } from "./ranges.js";
import type { TabDefinition } from "./server.js";
import { appsScriptMessages, statusText } from "./server.js";
import { readSettings, type Settings } from "./settings.js";
import { parseIngestReply, statusBlock } from "./statuses.js";

/** A user's submit waits this long for another one to finish; the scheduled one does not wait. */
const SUBMIT_LOCK_WAIT_MS = 10_000;

interface SubmitReport {
  sheet: string;
  accepted: number;
  rejected: number;
  /** Rows whose request failed; they stay dirty. */
  notSent: number;
  /** Stored rows withdrawn by a full send. */
  withdrawn: number;
  message: string;
}

const ingestPath = (tab: TabDefinition): string => `/v1/sheets/${encodeURIComponent(tab.id)}:ingest`;

/** What one body's request did to its rows. */
interface BodyOutcome {
  statuses: Map<number, string>;
  answered: number[];
  accepted: number;
  rejected: number;
  withdrawn: number;
  failure?: string;
}

interface SubmitOptions {
  /** Whether the edit trigger is installed (else every filled row is sent). */
  tracking: boolean;
  /** Send the whole tab as "full": stored rows no longer in the sheet are withdrawn. */
  full: boolean;
}

function sendBody(env: AppsScriptEnv, settings: Settings, tab: TabDefinition, body: IngestBody): BodyOutcome {
  const path = ingestPath(tab);
  const text = JSON.stringify(body);
  const outcome = callApi(env, settings.apiUrl, {
    method: "post",
    path,
    body: text,
    idempotencyKey: idempotencyKey(env.sha256Hex, path, text),
  });
  const reply = outcome.kind === "reply" ? parseIngestReply(outcome.json) : undefined;
  const result: BodyOutcome = {
    statuses: new Map(),
    answered: [],
    accepted: 0,
    rejected: 0,
    withdrawn: reply?.withdrawn ?? 0,
  };
  for (const row of reply?.rows ?? []) {
    result.statuses.set(row.row, statusText(row));
    result.answered.push(row.row);
    if (row.status === "rejected") result.rejected++;
    else result.accepted++;
  }
  const unanswered = body.rows.filter(({ row }) => !result.statuses.has(row));
  if (unanswered.length > 0) {
    // A 2xx answer that leaves rows out is as good as unreadable.
    const status = outcome.kind === "reply" ? outcome.status : 0;
    const failure = failureOf(outcome) ?? appsScriptMessages.unreadableReply(status);
    result.failure = failure;
    for (const { row } of unanswered) result.statuses.set(row, appsScriptMessages.statusNotSent(failure));
  }
  return result;
}

/** Sends one tab's dirty rows (or all of them, `full`). The caller holds the document lock. */
function submitSheet(
  env: AppsScriptEnv,
  settings: Settings,
  sheet: SheetPort,
  tab: TabDefinition,
  { tracking, full }: SubmitOptions,
): SubmitReport {
  const name = sheet.getName();
  const report = (counts: Partial<SubmitReport>, message: string): SubmitReport => ({
    sheet: name,
    accepted: 0,
    rejected: 0,
    notSent: 0,
    withdrawn: 0,
    ...counts,
    message,
  });
  const state = readDirty(env.documentProperties, sheet.getSheetId());
  const lastRow = sheet.getLastRow();
  // Before a tab's first tracked submit, every filled row is sent.
  const incremental = tracking && state.tracked && !full;
  const candidates: RowRange[] = incremental ? state.ranges : [[FIRST_DATA_ROW, lastRow]];
  const keepRecord = (remaining: readonly RowRange[]) => {
    if (tracking) writeDirty(env.documentProperties, state, remaining, state.revision);
  };
  const dirtyRanges = clampRanges(candidates, FIRST_DATA_ROW, lastRow);
  const dirtyRows = rowsOfRanges(dirtyRanges);
  const firstRow = dirtyRows[0];
  const lastDirtyRow = dirtyRows[dirtyRows.length - 1];
  if (firstRow === undefined || lastDirtyRow === undefined) {
    keepRecord([]);
    return report({}, appsScriptMessages.nothingToSend(name));
  }

  const headerRow = readHeaderRow(sheet);
  const statusIndex = statusColumnIndex(headerRow);
  if (statusIndex < 0) return report({}, appsScriptMessages.statusColumnMissing(name));
  const headers = mapHeaders(tab, headerRow);
  if (headers.missing.length > 0) return report({}, appsScriptMessages.headersMissing(name, headers.missing));

  const blockHeight = lastDirtyRow - firstRow + 1;
  const block = sheet.getRange(firstRow, 1, blockHeight, headerRow.length).getValues();
  const formatDate = dateFormatter(env.spreadsheet.getSpreadsheetTimeZone());
  const built = buildIngestRows(headers, block, firstRow, dirtyRows, formatDate);
  const envelope = {
    unit: settings.unit,
    year: settings.year,
    source: { spreadsheetId: env.spreadsheet.getId(), sheet: name, revision: state.revision },
    ...(full ? { mode: "full" as const } : {}),
  };
  const bodies = splitIntoBodies(envelope, built.rows);
  // Each request of a split full send would withdraw the rows of the others.
  if (full && bodies.length > 1) return report({}, appsScriptMessages.fullTooLarge(name, built.rows.length));

  const statuses = new Map<number, string>(built.blank.map((row): [number, string] => [row, ""]));
  const answered = [...built.blank];
  const counts = { accepted: 0, rejected: 0, notSent: 0, withdrawn: 0 };
  let failure: string | undefined;
  for (const body of bodies) {
    const outcome = sendBody(env, settings, tab, body);
    for (const [row, text] of outcome.statuses) statuses.set(row, text);
    answered.push(...outcome.answered);
    counts.accepted += outcome.accepted;
    counts.rejected += outcome.rejected;
    counts.notSent += body.rows.length - outcome.answered.length;
    counts.withdrawn += outcome.withdrawn;
    failure ??= outcome.failure;
  }

  // Rows edited while this submit ran stay "Chưa gửi": what was sent is not what they hold now.
  for (const row of rowsOfRanges(editedSince(env.documentProperties, state)))
    if (row >= firstRow && row <= lastDirtyRow) statuses.set(row, appsScriptMessages.statusPending);
  const written = statusBlock(
    block.map((cells) => cells[statusIndex]),
    firstRow,
    statuses,
  );
  sheet
    .getRange(firstRow, statusIndex + 1, blockHeight, 1)
    .setValues(written.values)
    .setBackgrounds(written.colours);
  keepRecord(subtractRanges(dirtyRanges, rangesOfRows(answered)));
  const summary = [
    appsScriptMessages.submitSummary(name, counts.accepted, counts.rejected, counts.notSent),
    ...(counts.withdrawn > 0 ? [appsScriptMessages.withdrawn(counts.withdrawn)] : []),
    ...(failure === undefined ? [] : [failure]),
  ];
  return report(counts, summary.join("\n"));
}

/**
 * Submits the given sheets under the document lock. `wait` false (the scheduled run) gives up at
 * once when another submit is running; the next run will send the rows.
 */
export function submitSheets(
  env: AppsScriptEnv,
  sheets: readonly SheetPort[],
  wait: boolean,
  full = false,
): string[] {
  const settings = readSettings(env.scriptProperties);
  if (!settings.ok) return [settings.message];
  if (!env.lock.tryLock(wait ? SUBMIT_LOCK_WAIT_MS : 0)) return [appsScriptMessages.lockBusy];
  try {
    const tracking = env.triggers.list().some((trigger) => trigger.handler === TRIGGER_HANDLERS.edit);
    return sheets.map((sheet) => {
      const tab = tabOfSheet(sheet.getName());
      return tab
        ? submitSheet(env, settings.settings, sheet, tab, { tracking, full }).message
        : appsScriptMessages.notATab(sheet.getName());
    });
  } finally {
    env.lock.releaseLock();
  }
}
