/**
 * Thi đua → Gửi dữ liệu (docs/design.md §4 step 2): under the document lock, each tab is read with one
 * getValues, the rows whose values differ from the fingerprint the server last accepted (dirty.ts)
 * are sent in one request (more only past 5 MB or 5,000 rows), and their statuses and fingerprints
 * written back with one setValues and one setBackgrounds from the first to the last changed row.
 * Accepted rows get the fingerprint of the values sent, so a row edited meanwhile stays dirty; rows
 * rejected or whose request failed keep theirs and are sent again next time.
 */

import { callApi, failureOf } from "./client.js";
import { fingerprint, trackedFingerprint } from "./dirty.js";
import {
  FIRST_DATA_ROW,
  readHeaderRow,
  statusColumnIndex,
  tabOfSheet,
  trackingColumnIndex,
} from "./layout.js";
import {
  buildIngestRows,
  dateFormatter,
  type IngestBody,
  type IngestRow,
  mapHeaders,
  splitIntoBodies,
} from "./payload.js";
import type { AppsScriptEnv, SheetPort } from "./ports.js";
import { type SendKeys, sendKeys } from "./send-keys.js";
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
  /** Rows the server accepted. */
  accepted: number[];
  answered: number;
  rejected: number;
  withdrawn: number;
  failure?: string;
}

function sendBody(
  env: AppsScriptEnv,
  settings: Settings,
  tab: TabDefinition,
  body: IngestBody,
  keys: SendKeys,
): BodyOutcome {
  const path = ingestPath(tab);
  const text = JSON.stringify(body);
  const digest = env.sha256Hex(`${path}\n${text}`);
  const outcome = callApi(env, settings.apiUrl, {
    method: "post",
    path,
    body: text,
    idempotencyKey: keys.keyFor(digest),
  });
  const reply = outcome.kind === "reply" ? parseIngestReply(outcome.json) : undefined;
  const result: BodyOutcome = {
    statuses: new Map(),
    accepted: [],
    answered: 0,
    rejected: 0,
    withdrawn: reply?.withdrawn ?? 0,
  };
  for (const row of reply?.rows ?? []) {
    result.statuses.set(row.row, statusText(row));
    result.answered++;
    if (row.status === "rejected") result.rejected++;
    else result.accepted.push(row.row);
  }
  const unanswered = body.rows.filter(({ row }) => !result.statuses.has(row));
  keys.settle(digest, unanswered.length === 0);
  if (unanswered.length > 0) {
    // A 2xx answer that leaves rows out is as good as unreadable.
    const status = outcome.kind === "reply" ? outcome.status : 0;
    const failure = failureOf(outcome) ?? appsScriptMessages.unreadableReply(status);
    result.failure = failure;
    for (const { row } of unanswered) result.statuses.set(row, appsScriptMessages.statusNotSent(failure));
  }
  return result;
}

/** Writes one column's cells of rows firstRow… (one setValues). */
const writeColumn = (sheet: SheetPort, firstRow: number, index: number, cells: readonly unknown[]) =>
  sheet.getRange(firstRow, index + 1, cells.length, 1).setValues(cells.map((cell) => [cell]));

/**
 * Sends one tab's changed rows (or all of them, `full`: stored rows no longer in the sheet are
 * withdrawn). The caller holds the document lock.
 */
function submitSheet(
  env: AppsScriptEnv,
  settings: Settings,
  sheet: SheetPort,
  tab: TabDefinition,
  full: boolean,
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
  const headerRow = readHeaderRow(sheet);
  const statusIndex = statusColumnIndex(headerRow);
  const trackingIndex = trackingColumnIndex(headerRow);
  if (statusIndex < 0 || trackingIndex < 0) return report({}, appsScriptMessages.statusColumnMissing(name));
  const headers = mapHeaders(tab, headerRow);
  if (headers.missing.length > 0) return report({}, appsScriptMessages.headersMissing(name, headers.missing));
  const lastRow = sheet.getLastRow();
  if (lastRow < FIRST_DATA_ROW) return report({}, appsScriptMessages.nothingToSend(name));

  const block = sheet.getRange(FIRST_DATA_ROW, 1, lastRow - FIRST_DATA_ROW + 1, headerRow.length).getValues();
  const rowNumbers = block.map((_, index) => FIRST_DATA_ROW + index);
  const formatDate = dateFormatter(env.spreadsheet.getSpreadsheetTimeZone());
  const built = buildIngestRows(headers, block, FIRST_DATA_ROW, rowNumbers, formatDate);
  const trackedOf = (row: number) => trackedFingerprint(block[row - FIRST_DATA_ROW]?.[trackingIndex]);
  const fingerprints = new Map(
    built.rows.map(({ row, values }): [number, string] => [
      row,
      fingerprint(env.sha256Hex, settings, values),
    ]),
  );
  const changed: IngestRow[] = built.rows.filter(
    ({ row }) => full || fingerprints.get(row) !== trackedOf(row),
  );
  // An emptied row that had been sent: its status and fingerprint are cleared.
  const emptied = built.blank.filter((row) => trackedOf(row) !== "");
  const touched = [...changed.map(({ row }) => row), ...emptied];
  if (touched.length === 0) return report({}, appsScriptMessages.nothingToSend(name));

  const envelope = {
    unit: settings.unit,
    year: settings.year,
    source: { spreadsheetId: env.spreadsheet.getId(), sheet: name },
    ...(full ? { mode: "full" as const } : {}),
  };
  const bodies = splitIntoBodies(envelope, changed);
  // Each request of a split full send would withdraw the rows of the others.
  if (full && bodies.length > 1) return report({}, appsScriptMessages.fullTooLarge(name, changed.length));

  const statuses = new Map<number, string>(emptied.map((row): [number, string] => [row, ""]));
  const accepted = new Map<number, string>(emptied.map((row): [number, string] => [row, ""]));
  const counts = { accepted: 0, rejected: 0, notSent: 0, withdrawn: 0 };
  let failure: string | undefined;
  const keys = sendKeys(env.documentProperties, sheet.getSheetId(), env.uuid);
  for (const body of bodies) {
    const outcome = sendBody(env, settings, tab, body, keys);
    for (const [row, text] of outcome.statuses) statuses.set(row, text);
    for (const row of outcome.accepted) accepted.set(row, fingerprints.get(row) ?? "");
    counts.accepted += outcome.accepted.length;
    counts.rejected += outcome.rejected;
    counts.notSent += body.rows.length - outcome.answered;
    counts.withdrawn += outcome.withdrawn;
    failure ??= outcome.failure;
  }
  keys.save();

  const firstRow = Math.min(...touched);
  const lastTouched = Math.max(...touched);
  const span = block.slice(firstRow - FIRST_DATA_ROW, lastTouched - FIRST_DATA_ROW + 1);
  const written = statusBlock(
    span.map((cells) => cells[statusIndex]),
    firstRow,
    statuses,
  );
  const trackingCells = span.map(
    (cells, index) => accepted.get(firstRow + index) ?? cells[trackingIndex] ?? "",
  );
  if (trackingIndex === statusIndex + 1) {
    // The template's layout: both columns in one setValues.
    sheet
      .getRange(firstRow, statusIndex + 1, span.length, 2)
      .setValues(written.values.map(([status], index) => [status, trackingCells[index]]));
  } else {
    writeColumn(
      sheet,
      firstRow,
      statusIndex,
      written.values.map(([status]) => status),
    );
    writeColumn(sheet, firstRow, trackingIndex, trackingCells);
  }
  sheet.getRange(firstRow, statusIndex + 1, span.length, 1).setBackgrounds(written.colours);
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
  const settings = readSettings(env);
  if (!settings.ok) return [settings.message];
  if (!env.lock.tryLock(wait ? SUBMIT_LOCK_WAIT_MS : 0)) return [appsScriptMessages.lockBusy];
  try {
    return sheets.map((sheet) => {
      const tab = tabOfSheet(sheet.getName());
      return tab
        ? submitSheet(env, settings.settings, sheet, tab, full).message
        : appsScriptMessages.notATab(sheet.getName());
    });
  } finally {
    env.lock.releaseLock();
  }
}
