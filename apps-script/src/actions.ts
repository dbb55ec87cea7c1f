/**
 * The menu's other actions, computed by the server from the stored data (docs/design.md §4 step 4): the
 * eligibility of every proposal (with the rule and article for every "no") in a "Kiểm tra điều
 * kiện" tab, the unit's summary for the year in a "Tổng hợp" tab, and the dossier; and installing
 * the triggers.
 */

import { callApi, failureOf, idempotencyKey } from "./client.js";
import { isoDateIn } from "./payload.js";
import type { AppsScriptEnv } from "./ports.js";
import type { BoardSheet, DossierDocument } from "./server.js";
import {
  appsScriptMessages,
  type EligibilityReport,
  renderEligibility,
  renderSummary,
  type UnitSummary,
} from "./server.js";
import type { Settings } from "./settings.js";

/** Function names the triggers call; main.ts exposes them as globals. */
export const TRIGGER_HANDLERS = { edit: "onEditInstallable", schedule: "submitScheduled" } as const;
const SUBMIT_EVERY_HOURS = 1;

const unitYearPath = (settings: Settings): string =>
  `/v1/units/${encodeURIComponent(settings.unit)}/years/${encodeURIComponent(settings.year)}`;

/** The reply's JSON, or the Vietnamese reason the call failed. */
function replyOf(outcome: ReturnType<typeof callApi>): { json: unknown } | { failure: string } {
  const failure = failureOf(outcome);
  if (failure !== undefined || outcome.kind !== "reply") return { failure: failure ?? "" };
  return { json: outcome.json };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/**
 * Rewrites a result tab with one setValues (a tab of its own, created when missing), growing its grid
 * first: Sheets throws for a range past getMaxRows() or getMaxColumns().
 */
function writeTab(env: AppsScriptEnv, name: string, rows: readonly (readonly unknown[])[]): void {
  const width = Math.max(1, ...rows.map((row) => row.length));
  const sheet = env.spreadsheet.getSheetByName(name) ?? env.spreadsheet.insertSheet(name);
  sheet.clearContents();
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (sheet.getMaxRows() < rows.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  sheet
    .getRange(1, 1, rows.length, width)
    .setValues(rows.map((row) => Array.from({ length: width }, (_, index) => row[index] ?? "")));
}

/** Kiểm tra điều kiện: every stored proposal judged by the server, into its own tab. */
export function checkEligibility(env: AppsScriptEnv, settings: Settings): string {
  const reply = replyOf(
    callApi(env, settings.apiUrl, { method: "get", path: `${unitYearPath(settings)}/eligibility` }),
  );
  if ("failure" in reply) return reply.failure;
  if (!isObject(reply.json) || !Array.isArray(reply.json.results)) return appsScriptMessages.unexpectedReply;
  const report = reply.json as unknown as EligibilityReport;
  const name = appsScriptMessages.eligibilitySheet;
  writeTab(env, name, renderEligibility(report, settings.unit));
  const eligible = report.results.filter((result) => result.status === "eligible").length;
  return appsScriptMessages.eligibilityWritten(name, settings.year, eligible, report.results.length);
}

/** Tổng hợp năm học: the unit's summary rewritten into the "Tổng hợp" tab with one setValues. */
export function writeSummary(env: AppsScriptEnv, settings: Settings): string {
  const reply = replyOf(
    callApi(env, settings.apiUrl, { method: "get", path: `${unitYearPath(settings)}/summary` }),
  );
  if ("failure" in reply) return reply.failure;
  if (!isObject(reply.json) || !Array.isArray(reply.json.proposals))
    return appsScriptMessages.unexpectedReply;
  const summary = reply.json as unknown as UnitSummary;
  const name = appsScriptMessages.summarySheet;
  writeTab(env, name, renderSummary(summary));
  return appsScriptMessages.summaryWritten(name, settings.year, summary.proposals.length);
}

/** Bảng công khai thi đua: the server's rows of the public board (already escaped) into their own tab. */
export function writeBoard(env: AppsScriptEnv, settings: Settings): string {
  const reply = replyOf(
    callApi(env, settings.apiUrl, { method: "get", path: `${unitYearPath(settings)}/board` }),
  );
  if ("failure" in reply) return reply.failure;
  const sheet = isObject(reply.json) && isObject(reply.json.sheet) ? reply.json.sheet : undefined;
  if (!sheet || typeof sheet.tab !== "string" || !Array.isArray(sheet.headers) || !Array.isArray(sheet.rows))
    return appsScriptMessages.unexpectedReply;
  const board = sheet as unknown as BoardSheet;
  writeTab(env, board.tab, [board.headers, ...board.rows]);
  return appsScriptMessages.boardWritten(board.tab, settings.year, board.rows.length);
}

/** Tạo hồ sơ đề nghị, dated today in Vietnam; one key per click, so its retries never build two. */
export function buildDossier(env: AppsScriptEnv, settings: Settings, clickId: string, now: Date): string {
  const path = `${unitYearPath(settings)}/dossiers`;
  const body = JSON.stringify({ date: isoDateIn(env.spreadsheet.getSpreadsheetTimeZone(), now) });
  const reply = replyOf(
    callApi(env, settings.apiUrl, {
      method: "post",
      path,
      body,
      idempotencyKey: idempotencyKey(env.sha256Hex, path, `${body}\n${clickId}`),
    }),
  );
  if ("failure" in reply) return reply.failure;
  if (!isObject(reply.json) || !Array.isArray(reply.json.documents))
    return appsScriptMessages.unexpectedReply;
  const documents = reply.json.documents as DossierDocument[];
  return appsScriptMessages.dossierDone(
    String(reply.json.id ?? ""),
    documents.map((document) =>
      appsScriptMessages.dossierLine(document.type, document.number, document.file),
    ),
  );
}

/** Who installed the triggers, in the document properties (every user sees the record, not the triggers). */
const TRIGGER_OWNER_KEY = "tdkt.triggers.owner";
/** What an officer types to install their own triggers although a colleague's already run. */
export const TAKE_OVER_ANSWER = "BẬT";

interface TriggerOwner {
  email: string;
  /** ISO instant of the install. */
  at: string;
}

export function readTriggerOwner(properties: AppsScriptEnv["documentProperties"]): TriggerOwner | undefined {
  try {
    const owner = JSON.parse(
      properties.getProperty(TRIGGER_OWNER_KEY) ?? "null",
    ) as Partial<TriggerOwner> | null;
    return typeof owner?.email === "string" ? { email: owner.email, at: String(owner.at ?? "") } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Replaces the current user's triggers: the edit trigger and the hourly submit. Triggers are per
 * user, so a second officer's install would run a second hourly submit; it is refused unless they
 * confirm that they take over (the colleague's triggers keep running until that colleague, or an
 * owner of the script, removes them — the message says so).
 */
export function installTriggers(
  env: Pick<AppsScriptEnv, "triggers" | "documentProperties" | "userEmail" | "ui">,
  now: Date,
): string {
  const me = env.userEmail();
  const owner = readTriggerOwner(env.documentProperties);
  if (owner && owner.email !== me) {
    const answer = env.ui?.prompt(
      appsScriptMessages.triggersOwnedBy(owner.email, owner.at, TAKE_OVER_ANSWER),
    );
    if (answer?.trim().toUpperCase() !== TAKE_OVER_ANSWER)
      return appsScriptMessages.triggersNotInstalled(owner.email);
  }
  const ours: readonly string[] = Object.values(TRIGGER_HANDLERS);
  for (const trigger of env.triggers.list()) if (ours.includes(trigger.handler)) trigger.remove();
  env.triggers.onEdit(TRIGGER_HANDLERS.edit);
  env.triggers.everyHours(TRIGGER_HANDLERS.schedule, SUBMIT_EVERY_HOURS);
  const record: TriggerOwner = { email: me, at: now.toISOString() };
  env.documentProperties.setProperty(TRIGGER_OWNER_KEY, JSON.stringify(record));
  const installed = appsScriptMessages.triggersInstalled(SUBMIT_EVERY_HOURS, me);
  return owner && owner.email !== me
    ? `${installed}\n${appsScriptMessages.triggersTakenOver(owner.email)}`
    : installed;
}
