import type { AddressInfo } from "node:net";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorOf } from "../../support/api.js";
import { emulatorHost } from "../../support/firestore.js";

// The deployed entry point: the same handler behind the functions framework's own Express server.
let server: ReturnType<typeof getTestServer>;
let url: string;

beforeAll(async () => {
  emulatorHost();
  process.env.TDKT_ENV = "test";
  // As deployed (README, Deploy): Express, under the framework, then answers its own errors without details.
  process.env.NODE_ENV = "production";
  process.env.GCLOUD_PROJECT = "ff-entry";
  await import("../../../functions/src/index.js");
  server = getTestServer("api");
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("functions framework entry point", () => {
  it("serves /healthz and refuses an unauthenticated API call", async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const response = await fetch(`${url}/v1/eligibility`, {
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("does not echo the body when the framework's own JSON parser refuses it", async () => {
    // body-parser reads application/json before the api handler runs; its error page must not quote the text.
    const response = await fetch(`${url}/v1/eligibility`, {
      method: "POST",
      body: '{"Họ và tên": Nguyễn Thị Lan}',
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toContain("Nguyễn");
    expect(text).not.toContain("Lan");
  });

  it("does not echo a path whose percent-encoding is malformed", async () => {
    const response = await fetch(`${url}/v1/units/Nguy%E1%BB%85n%E0%A4%A/years/2025-2026/summary`);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(await response.text()).not.toMatch(/Nguy|%E0/);
  });
});
