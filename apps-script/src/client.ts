/**
 * Calls to the `api` function: a Google ID token as the bearer (docs/design.md §7), JSON bodies, and
 * retries with backoff on 429, 5xx and network failures that resend the very same request — same
 * body, same Idempotency-Key — so a retry after a lost answer is replayed, never applied twice.
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
  | { kind: "unreachable"; detail: string; attempts: number };

interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Four tries over about 7 s, well inside Apps Script's 6-minute run. */
const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 30_000 };

type ApiEnv = Pick<AppsScriptEnv, "fetch" | "identityToken" | "sleep">;

const isRetryable = (status: number): boolean => status === 429 || status >= 500;

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
  for (let attempt = 1; ; attempt++) {
    let delayMs = retry.baseDelayMs * 2 ** (attempt - 1);
    try {
      const response = env.fetch(url, params);
      const status = response.getResponseCode();
      if (!isRetryable(status) || attempt >= retry.attempts) {
        return { kind: "reply", status, json: parseJson(response.getContentText()), attempts: attempt };
      }
      delayMs = retryAfterMs(response.getHeaders()) ?? delayMs;
    } catch (error) {
      if (attempt >= retry.attempts) {
        const detail = error instanceof Error ? error.message : String(error);
        return { kind: "unreachable", detail, attempts: attempt };
      }
    }
    env.sleep(Math.min(delayMs, retry.maxDelayMs));
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
  if (outcome.status < 400) return undefined;
  const message = errorMessageOf(outcome.json) ?? appsScriptMessages.unreadableReply(outcome.status);
  return appsScriptMessages.serverFailed(outcome.status, message);
}

/** Utilities.computeDigest gives signed bytes (-128…127). */
export const bytesToHex = (bytes: readonly number[]): string =>
  bytes.map((byte) => (byte & 0xff).toString(16).padStart(2, "0")).join("");
