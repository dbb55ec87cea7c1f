/**
 * Calls to the `api` function: a Google ID token as the bearer (docs/design.md §7), JSON bodies, and
 * retries with backoff on 429, 5xx, a 409 "đang xử lý" and network failures that resend the very same request — same
 * body, same Idempotency-Key — so a retry after a lost answer is replayed, never applied twice.
 * Every attempt fits the run's deadline (`env.deadline`): UrlFetchApp can block about 60 s and
 * Apps Script stops a run at 6 minutes without a word, so a request that might not end before the
 * deadline is not started and the caller writes what it knows instead.
 */

import type { AppsScriptEnv, FetchParams } from "./ports.js";
import { appsScriptMessages } from "./server.js";

export interface ApiRequest {
  method: "get" | "post";
  path: string;
  body?: string;
  idempotencyKey?: string;
}

export type ApiOutcome =
  | { kind: "reply"; status: number; json: unknown; attempts: number }
  | { kind: "unreachable"; detail: string; attempts: number }
  /** The run's deadline came before a request could be (re)sent. */
  | { kind: "out-of-time"; attempts: number };

interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Four tries over about 7 s, well inside Apps Script's 6-minute run. */
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 30_000 };

/** Apps Script ends every run at 6 minutes (simple and installable triggers and menu clicks alike). */
const RUN_LIMIT_MS = 6 * 60_000;
/** Kept for writing statuses and alerting after the last request. */
const WRITE_RESERVE_MS = 30_000;
/** How long one UrlFetchApp.fetch can block on a server that does not answer. */
export const FETCH_TIMEOUT_MS = 60_000;

/** The moment by which a run started at `startedAtMs` must have its last answer. */
export const requestDeadline = (startedAtMs: number): number => startedAtMs + RUN_LIMIT_MS - WRITE_RESERVE_MS;

type ApiEnv = Pick<AppsScriptEnv, "fetch" | "identityToken" | "sleep" | "now" | "deadline">;

/**
 * 429 and 5xx, and the server's 409 "đang xử lý" (reason IN_PROGRESS): the first send under this very
 * key is still running, so the same request, sent again after Retry-After, gets its answer.
 */
const isRetryable = (status: number, json: unknown): boolean =>
  status === 429 || status >= 500 || (status === 409 && reasonOf(json) === "IN_PROGRESS");

function reasonOf(json: unknown): unknown {
  if (typeof json !== "object" || json === null || !("error" in json)) return undefined;
  const details = (json as { error?: { details?: { reason?: unknown } } }).error?.details;
  return typeof details === "object" && details !== null ? details.reason : undefined;
}

/** Seconds of a Retry-After header, in ms, when the server sent one. */
function retryAfterMs(headers: object): number | undefined {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === "retry-after");
  const seconds = Number(entry?.[1]);
  return entry && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1_000 : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The same key for the same request, so that a resend of an unchanged dirty set is a replay. */
export const idempotencyKey = (sha256Hex: (text: string) => string, path: string, body: string): string =>
  `tdkt-${sha256Hex(`${path}\n${body}`)}`;

export function callApi(
  env: ApiEnv,
  baseUrl: string,
  request: ApiRequest,
  retry = DEFAULT_RETRY,
): ApiOutcome {
  // Without a token the server answers 401 with a message that says what to do.
  const headers: Record<string, string> = { Authorization: `Bearer ${env.identityToken() ?? ""}` };
  if (request.idempotencyKey !== undefined) headers["Idempotency-Key"] = request.idempotencyKey;
  const params: FetchParams = {
    method: request.method,
    headers,
    muteHttpExceptions: true,
    ...(request.body === undefined ? {} : { contentType: "application/json", payload: request.body }),
  };
  const url = `${baseUrl.replace(/\/+$/, "")}${request.path}`;
  const fitsDeadline = (waitMs: number) => env.now() + waitMs + FETCH_TIMEOUT_MS <= env.deadline;
  if (!fitsDeadline(0)) return { kind: "out-of-time", attempts: 0 };
  for (let attempt = 1; ; attempt++) {
    let delayMs = retry.baseDelayMs * 2 ** (attempt - 1);
    let outcome: ApiOutcome;
    try {
      const response = env.fetch(url, params);
      const status = response.getResponseCode();
      outcome = { kind: "reply", status, json: parseJson(response.getContentText()), attempts: attempt };
      if (!isRetryable(status, outcome.json)) return outcome;
      delayMs = retryAfterMs(response.getHeaders()) ?? delayMs;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      outcome = { kind: "unreachable", detail, attempts: attempt };
    }
    const waitMs = Math.min(delayMs, retry.maxDelayMs);
    if (attempt >= retry.attempts || !fitsDeadline(waitMs)) return outcome;
    env.sleep(waitMs);
  }
}

/** The message of an error body `{ error: { message } }`, else a generic one. */
function errorMessageOf(json: unknown): string | undefined {
  if (typeof json !== "object" || json === null || !("error" in json)) return undefined;
  const error = (json as { error?: { message?: unknown } }).error;
  return typeof error?.message === "string" ? error.message : undefined;
}

/** What went wrong, in Vietnamese, when the call did not succeed; undefined for a 2xx reply. */
export function failureOf(outcome: ApiOutcome): string | undefined {
  if (outcome.kind === "unreachable")
    return appsScriptMessages.networkFailed(outcome.attempts, outcome.detail);
  if (outcome.kind === "out-of-time") return appsScriptMessages.outOfTime;
  if (outcome.status < 400) return undefined;
  const message = errorMessageOf(outcome.json) ?? appsScriptMessages.unreadableReply(outcome.status);
  return appsScriptMessages.serverFailed(outcome.status, message);
}

/** Utilities.computeDigest gives signed bytes (-128…127). */
export const bytesToHex = (bytes: readonly number[]): string =>
  bytes.map((byte) => (byte & 0xff).toString(16).padStart(2, "0")).join("");
