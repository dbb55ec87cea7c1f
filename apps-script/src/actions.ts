/**
 * The menu's other actions: checking eligibility and building the dossier (both computed by the
 * server from the stored data, DESIGN.md §4 step 4), and installing the triggers.
 */
import { appsScriptMessages } from "../../functions/src/domain/messages/index.js";
import { type ApiOutcome, callApi, failureOf, idempotencyKey } from "./client.js";
import type { AppsScriptEnv } from "./ports.js";
import type { Settings } from "./settings.js";

/** Function names the triggers call; main.ts exposes them as globals. */
export const TRIGGER_HANDLERS = { edit: "onEditInstallable", schedule: "submitScheduled" } as const;
export const SUBMIT_EVERY_HOURS = 1;

const MAX_LINES = 30;

/** A reply as short lines for a dialog: its scalar fields, two levels deep, arrays by their items. */
export function describeReply(json: unknown, prefix = "", depth = 0): string[] {
  if (json === null || typeof json !== "object") return prefix === "" ? [] : [`${prefix}: ${String(json)}`];
  if (depth >= 2) return [`${prefix}: ${Array.isArray(json) ? json.length : "…"}`];
  const entries = Array.isArray(json)
    ? json.map((item, index) => [String(index + 1), item] as const)
    : Object.entries(json);
  return entries
    .flatMap(([key, value]) => describeReply(value, prefix === "" ? key : `${prefix} ${key}`, depth + 1))
    .slice(0, MAX_LINES);
}

const unitYearPath = (settings: Settings): string =>
  `/v1/units/${encodeURIComponent(settings.unit)}/years/${encodeURIComponent(settings.year)}`;

function outcomeLines(outcome: ApiOutcome): { ok: boolean; lines: string[] } {
  const failure = failureOf(outcome);
  if (failure !== undefined) return { ok: false, lines: [failure] };
  return { ok: true, lines: outcome.kind === "reply" ? describeReply(outcome.json) : [] };
}

/** Kiểm tra điều kiện: the unit's summary for the year, eligibility flags included. */
export function checkEligibility(env: AppsScriptEnv, settings: Settings): string {
  const outcome = callApi(env, settings.apiUrl, { method: "get", path: `${unitYearPath(settings)}/summary` });
  const { ok, lines } = outcomeLines(outcome);
  return ok ? appsScriptMessages.eligibilityDone(lines) : lines.join("\n");
}

/** Tạo hồ sơ đề nghị: one key per click, so retries of this click never build two dossiers. */
export function buildDossier(env: AppsScriptEnv, settings: Settings, clickId: string): string {
  const path = `${unitYearPath(settings)}/dossiers`;
  const body = JSON.stringify({});
  const outcome = callApi(env, settings.apiUrl, {
    method: "post",
    path,
    body,
    idempotencyKey: idempotencyKey(env.sha256Hex, path, `${body}\n${clickId}`),
  });
  const { ok, lines } = outcomeLines(outcome);
  return ok ? appsScriptMessages.dossierDone(lines) : lines.join("\n");
}

/** Replaces this project's triggers: the edit trigger and the hourly submit. */
export function installTriggers(env: Pick<AppsScriptEnv, "triggers">): string {
  const ours: readonly string[] = Object.values(TRIGGER_HANDLERS);
  for (const trigger of env.triggers.list()) if (ours.includes(trigger.handler)) trigger.remove();
  env.triggers.onEdit(TRIGGER_HANDLERS.edit);
  env.triggers.everyHours(TRIGGER_HANDLERS.schedule, SUBMIT_EVERY_HOURS);
  return appsScriptMessages.triggersInstalled(SUBMIT_EVERY_HOURS);
}
