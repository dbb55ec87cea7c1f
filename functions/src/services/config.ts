/**
 * Runtime configuration of the functions, read once from the environment. Every setting is listed
 * in the README. Development-only switches are refused in production.
 */
import { z } from "zod";
import { type BaseSalaryStep, DEFAULT_BASE_SALARY } from "../documents/reward-amounts.js";
import { REQUEST_LIMITS } from "../domain/limits.js";
import { systemMessages } from "../domain/messages/index.js";
import { DEFAULT_CALL_DEADLINE_MS } from "../store/firestore.js";

const EnvSchema = z.object({
  NODE_ENV: z.string().optional(),
  TDKT_ENV: z.enum(["production", "development", "test"]).default("production"),
  /** Comma-separated OAuth client IDs accepted as the ID-token audience (the Apps Script project's). */
  TDKT_AUTH_AUDIENCES: z.string().default(""),
  /** Enables the local HS256 signing key for development tokens. Refused when TDKT_ENV=production. */
  TDKT_DEV_AUTH_SECRET: z.string().min(16).optional(),
  TDKT_MAX_BODY_BYTES: z.coerce.number().int().positive().default(REQUEST_LIMITS.maxBodyBytes),
  TDKT_MAX_ROWS: z.coerce.number().int().positive().default(REQUEST_LIMITS.maxRows),
  TDKT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(120),
  /**
   * Requests per client address per minute, counted before the token is checked. Apps Script calls
   * come from Google's shared addresses, so this sits well above the per-user limit: it stops floods.
   */
  TDKT_ADDRESS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  /**
   * Where the client address comes from: the first X-Forwarded-For entry, which Cloud Run's front end
   * sets to the caller's address, or the socket (a local server, where anyone could write the header).
   */
  TDKT_CLIENT_ADDRESS: z.enum(["x-forwarded-for", "socket"]).optional(),
  /** The key of the caller hash in logs (HMAC-SHA256). Required in production. */
  TDKT_LOG_HASH_KEY: z.string().min(16).optional(),
  /** Where generated files go when Drive is not configured. */
  TDKT_FILES_DIR: z.string().default(".local/files"),
  /** A Drive folder ID: when set, dossier files go to Google Drive. */
  TDKT_DRIVE_FOLDER_ID: z.string().optional(),
  /**
   * Total time a request may take before it is answered 503 with Retry-After: below Cloud Run's
   * request timeout and Apps Script's UrlFetch limit, so the caller always gets an answer.
   */
  TDKT_REQUEST_BUDGET_MS: z.coerce.number().int().positive().default(50_000),
  /** Deadline of each Firestore call (its retries included). */
  TDKT_FIRESTORE_CALL_DEADLINE_MS: z.coerce.number().int().positive().default(DEFAULT_CALL_DEADLINE_MS),
  /**
   * The lương cơ sở by effective date for reward amounts (NĐ 152/2025 Đ50–54):
   * "2024-07-01=2340000,2026-07-01=2530000"; unset, the table of documents/reward-amounts.ts.
   */
  TDKT_BASE_SALARY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}=\d{6,9}(,\d{4}-\d{2}-\d{2}=\d{6,9})*$/)
    .optional(),
});

/** The base salary table of TDKT_BASE_SALARY, or the documented default; the CLI reads it too. */
export function baseSalaryTable(value: string | undefined = process.env.TDKT_BASE_SALARY): BaseSalaryStep[] {
  if (!value) return [...DEFAULT_BASE_SALARY];
  return value.split(",").map((step) => {
    const [from = "", amount = ""] = step.split("=");
    return { from, amount: Number(amount) };
  });
}

export type AppConfig = {
  env: "production" | "development" | "test";
  authAudiences: string[];
  devAuthSecret: string | undefined;
  maxBodyBytes: number;
  maxRows: number;
  rateLimitPerMinute: number;
  addressRateLimitPerMinute: number;
  clientAddress: "x-forwarded-for" | "socket";
  logHashKey: string;
  filesDir: string;
  driveFolderId: string | undefined;
  requestBudgetMs: number;
  firestoreCallDeadlineMs: number;
  baseSalary: BaseSalaryStep[];
};

/** Development and tests only: production refuses to start without its own key. */
const LOCAL_LOG_HASH_KEY = "tdkt-local-log-hash-key";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable means "not set", as in most deployment consoles.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new ConfigError(systemMessages.invalidConfig(problems));
  }
  const parsed = result.data;
  if (parsed.TDKT_ENV === "production" && parsed.TDKT_DEV_AUTH_SECRET) {
    throw new ConfigError(systemMessages.devSecretInProduction());
  }
  if (parsed.TDKT_ENV === "production" && !parsed.TDKT_LOG_HASH_KEY) {
    throw new ConfigError(systemMessages.logHashKeyMissing());
  }
  if (parsed.TDKT_FIRESTORE_CALL_DEADLINE_MS > parsed.TDKT_REQUEST_BUDGET_MS) {
    throw new ConfigError(systemMessages.callDeadlineOverBudget());
  }
  return {
    env: parsed.TDKT_ENV,
    authAudiences: parsed.TDKT_AUTH_AUDIENCES.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    devAuthSecret: parsed.TDKT_DEV_AUTH_SECRET,
    maxBodyBytes: parsed.TDKT_MAX_BODY_BYTES,
    maxRows: parsed.TDKT_MAX_ROWS,
    rateLimitPerMinute: parsed.TDKT_RATE_LIMIT_PER_MINUTE,
    addressRateLimitPerMinute: parsed.TDKT_ADDRESS_RATE_LIMIT_PER_MINUTE,
    clientAddress:
      parsed.TDKT_CLIENT_ADDRESS ?? (parsed.TDKT_ENV === "production" ? "x-forwarded-for" : "socket"),
    logHashKey: parsed.TDKT_LOG_HASH_KEY ?? LOCAL_LOG_HASH_KEY,
    filesDir: parsed.TDKT_FILES_DIR,
    driveFolderId: parsed.TDKT_DRIVE_FOLDER_ID,
    requestBudgetMs: parsed.TDKT_REQUEST_BUDGET_MS,
    firestoreCallDeadlineMs: parsed.TDKT_FIRESTORE_CALL_DEADLINE_MS,
    baseSalary: baseSalaryTable(parsed.TDKT_BASE_SALARY),
  };
}
