import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../functions/src/services/config.js";

const LOG_HASH_KEY = { TDKT_LOG_HASH_KEY: "production-log-hash-key-0123" };

describe("loadConfig", () => {
  it("defaults to production with the documented limits", () => {
    const config = loadConfig(LOG_HASH_KEY);
    expect(config).toMatchObject({
      env: "production",
      maxBodyBytes: 5 * 1024 * 1024,
      maxRows: 5000,
      rateLimitPerMinute: 120,
      addressRateLimitPerMinute: 1200,
      clientAddress: "x-forwarded-for",
      logHashKey: LOG_HASH_KEY.TDKT_LOG_HASH_KEY,
      devAuthSecret: undefined,
      requestBudgetMs: 50_000,
      firestoreCallDeadlineMs: 10_000,
    });
  });

  it("refuses to run in production without a key for the caller hash of the logs", () => {
    expect(() => loadConfig({})).toThrow(/TDKT_LOG_HASH_KEY/);
    expect(loadConfig({ TDKT_ENV: "development" })).toMatchObject({ clientAddress: "socket" });
    expect(loadConfig({ TDKT_ENV: "development" }).logHashKey.length).toBeGreaterThanOrEqual(16);
  });

  it("refuses a Firestore call deadline longer than the whole request budget", () => {
    expect(() =>
      loadConfig({
        TDKT_ENV: "development",
        TDKT_REQUEST_BUDGET_MS: "5000",
        TDKT_FIRESTORE_CALL_DEADLINE_MS: "8000",
      }),
    ).toThrow(/TDKT_FIRESTORE_CALL_DEADLINE_MS/);
    expect(
      loadConfig({
        TDKT_ENV: "development",
        TDKT_REQUEST_BUDGET_MS: "3000",
        TDKT_FIRESTORE_CALL_DEADLINE_MS: "1000",
      }),
    ).toMatchObject({ requestBudgetMs: 3000, firestoreCallDeadlineMs: 1000 });
  });

  it("refuses the local signing key in production", () => {
    expect(() => loadConfig({ TDKT_DEV_AUTH_SECRET: "0123456789abcdef0123" })).toThrow(ConfigError);
    expect(
      loadConfig({ TDKT_ENV: "development", TDKT_DEV_AUTH_SECRET: "0123456789abcdef0123" }).devAuthSecret,
    ).toBe("0123456789abcdef0123");
  });

  it("explains an invalid setting in Vietnamese", () => {
    expect(() => loadConfig({ TDKT_MAX_ROWS: "nhiều" })).toThrow(
      /Cấu hình môi trường không hợp lệ: TDKT_MAX_ROWS/,
    );
  });

  it("splits the accepted audiences", () => {
    expect(
      loadConfig({ ...LOG_HASH_KEY, TDKT_AUTH_AUDIENCES: "a.apps.googleusercontent.com, b" }).authAudiences,
    ).toEqual(["a.apps.googleusercontent.com", "b"]);
  });
});
