import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../functions/src/services/config.js";

describe("loadConfig", () => {
  it("defaults to production with the documented limits", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      env: "production",
      maxBodyBytes: 5 * 1024 * 1024,
      maxRows: 5000,
      devAuthSecret: undefined,
      requestBudgetMs: 50_000,
      firestoreCallDeadlineMs: 10_000,
    });
  });

  it("refuses a Firestore call deadline longer than the whole request budget", () => {
    expect(() =>
      loadConfig({ TDKT_REQUEST_BUDGET_MS: "5000", TDKT_FIRESTORE_CALL_DEADLINE_MS: "8000" }),
    ).toThrow(/TDKT_FIRESTORE_CALL_DEADLINE_MS/);
    expect(
      loadConfig({ TDKT_REQUEST_BUDGET_MS: "3000", TDKT_FIRESTORE_CALL_DEADLINE_MS: "1000" }),
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
    expect(loadConfig({ TDKT_AUTH_AUDIENCES: "a.apps.googleusercontent.com, b" }).authAudiences).toEqual([
      "a.apps.googleusercontent.com",
      "b",
    ]);
  });
});
