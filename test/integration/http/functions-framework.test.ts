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
});
