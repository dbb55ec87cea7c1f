import { describe, expect, it } from "vitest";
import {
  bytesToHex,
  callApi,
  FETCH_TIMEOUT_MS,
  failureOf,
  idempotencyKey,
} from "../../../apps-script/src/client.js";
import { appsScriptMessages } from "../../../functions/src/domain/messages/index.js";
import { type FakeWorld, fakeWorld, sha256Hex } from "./fakes.js";

/** A server that never answers: each fetch blocks until UrlFetchApp gives up. */
const hung = (world: FakeWorld) => () => {
  world.clock.ms += FETCH_TIMEOUT_MS;
  return new Error("Timeout: https://api.example.test/v1/sheets/can-bo:ingest");
};

const request = {
  method: "post" as const,
  path: "/v1/sheets/can-bo:ingest",
  body: '{"rows":[]}',
  idempotencyKey: "k-1",
};

describe("callApi", () => {
  it("sends the ID token, the key and the JSON body", () => {
    const { env, urlFetch } = fakeWorld();
    urlFetch.reply({ status: 200, body: { ok: true } });
    const outcome = callApi(env, "https://api.example.test/", request);
    expect(outcome).toEqual({ kind: "reply", status: 200, json: { ok: true }, attempts: 1 });
    expect(urlFetch.requests[0]).toEqual({
      url: "https://api.example.test/v1/sheets/can-bo:ingest",
      params: {
        method: "post",
        contentType: "application/json",
        payload: request.body,
        headers: { Authorization: "Bearer id-token", "Idempotency-Key": "k-1" },
        muteHttpExceptions: true,
      },
    });
  });

  it("retries 503, 429 and network errors with backoff, resending the same request", () => {
    const { env, urlFetch, sleeps } = fakeWorld();
    urlFetch.reply(
      { status: 503, body: {} },
      new Error("Address unavailable"),
      { status: 429, body: {}, headers: { "Retry-After": "7" } },
      { status: 200, body: { ok: true } },
    );
    const outcome = callApi(env, "https://api.example.test", request);
    expect(outcome).toMatchObject({ kind: "reply", status: 200, attempts: 4 });
    expect(sleeps).toEqual([1_000, 2_000, 7_000]);
    expect(new Set(urlFetch.requests.map((r) => JSON.stringify(r)))).toHaveProperty("size", 1);
    expect(urlFetch.requests.every((r) => r.params.headers["Idempotency-Key"] === "k-1")).toBe(true);
  });

  it("gives up after the last attempt", () => {
    const { env, urlFetch } = fakeWorld();
    urlFetch.fallback = new Error("DNS error");
    expect(callApi(env, "https://api.example.test", request)).toEqual({
      kind: "unreachable",
      detail: "DNS error",
      attempts: 4,
    });
    urlFetch.fallback = { status: 500, body: { error: { message: "x" } } };
    expect(callApi(env, "https://api.example.test", request)).toMatchObject({
      kind: "reply",
      status: 500,
      attempts: 4,
    });
  });

  it("retries a 409 'đang xử lý' (the first send under this key still runs) after its Retry-After", () => {
    const { env, urlFetch, sleeps } = fakeWorld();
    urlFetch.reply(
      {
        status: 409,
        body: { error: { code: "CONFLICT", message: "đang xử lý", details: { reason: "IN_PROGRESS" } } },
        headers: { "Retry-After": "3" },
      },
      { status: 200, body: { ok: true } },
    );
    expect(callApi(env, "https://api.example.test", request)).toMatchObject({ status: 200, attempts: 2 });
    expect(sleeps).toEqual([3_000]);
  });

  it("does not retry client errors, nor a 409 of another kind", () => {
    const { env, urlFetch } = fakeWorld();
    urlFetch.reply({
      status: 403,
      body: { error: { code: "PERMISSION_DENIED", message: "Không có quyền" } },
    });
    expect(callApi(env, "https://api.example.test", request)).toMatchObject({ status: 403, attempts: 1 });
    expect(urlFetch.requests).toHaveLength(1);
    urlFetch.reply({
      status: 409,
      body: { error: { code: "CONFLICT", message: "Mã đã dùng cho dữ liệu khác" } },
    });
    expect(callApi(env, "https://api.example.test", request)).toMatchObject({ status: 409, attempts: 1 });
  });
});

describe("callApi within the run's deadline", () => {
  it("stops retrying a hung server before the deadline and says the data is kept", () => {
    const world = fakeWorld();
    world.urlFetch.fallback = hung(world);
    const outcome = callApi(world.env, "https://api.example.test", request);
    expect(outcome).toMatchObject({ kind: "unreachable", attempts: 4 });
    // Four blocked fetches and three backoffs: 247 s, inside the run.
    expect(world.clock.ms).toBe(4 * FETCH_TIMEOUT_MS + 7_000);
    expect(world.clock.ms).toBeLessThanOrEqual(world.env.deadline);
    // A second call has room for one attempt only; a third starts none.
    expect(callApi(world.env, "https://api.example.test", request)).toMatchObject({
      kind: "unreachable",
      attempts: 1,
    });
    const third = callApi(world.env, "https://api.example.test", request);
    expect(third).toEqual({ kind: "out-of-time", attempts: 0 });
    expect(world.urlFetch.requests).toHaveLength(5);
    expect(world.clock.ms).toBeLessThanOrEqual(world.env.deadline);
    expect(failureOf(third)).toBe(appsScriptMessages.outOfTime);
  });

  it("does not sleep a Retry-After that would end past the deadline", () => {
    const world = fakeWorld();
    world.clock.ms = world.env.deadline - FETCH_TIMEOUT_MS - 10_000;
    world.urlFetch.reply({ status: 503, body: {}, headers: { "Retry-After": "30" } });
    expect(callApi(world.env, "https://api.example.test", request)).toMatchObject({
      kind: "reply",
      status: 503,
      attempts: 1,
    });
    expect(world.sleeps).toEqual([]);
    expect(world.urlFetch.requests).toHaveLength(1);
  });
});

describe("keys and digests", () => {
  it("gives the same key for the same request and another for another", () => {
    const key = idempotencyKey(sha256Hex, "/p", "{}");
    expect(key).toBe(idempotencyKey(sha256Hex, "/p", "{}"));
    expect(key).not.toBe(idempotencyKey(sha256Hex, "/p", '{"a":1}'));
    expect(key).toMatch(/^tdkt-[0-9a-f]{64}$/);
  });

  it("turns Utilities.computeDigest's signed bytes into hex", () => {
    expect(bytesToHex([0, 15, 127, -128, -1])).toBe("000f7f80ff");
  });
});
