/**
 * Deadlines and idempotency keys over sockets: a request never waits past its budget, a key never
 * runs twice at once nor for another payload. Faults that need a hung or dead emulator or server are
 * in faults.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "../../functions/src/http/route.js";
import { sheetRoutes } from "../../functions/src/http/routes/sheets.js";
import { COLLECTIONS } from "../../functions/src/store/firestore.js";
import { ingestBody, officer, seedProvince, staffRow } from "../fixtures/sheets/rows.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const BUDGET_MS = 1_500;
/** A route whose store never answers: what a hung Firestore looks like from the handler. */
const hanging: Route = { method: "GET", path: "/v1/hang", handle: () => new Promise(() => {}) };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [officer], routes: sheetRoutes });
  await seedProvince(api.db);
});
afterAll(() => api.close());

const ingest = (body: unknown, key: string) =>
  api.fetch("/v1/sheets/can-bo:ingest", {
    method: "POST",
    as: officer.email,
    headers: { "idempotency-key": key },
    body: JSON.stringify(body),
  });

const count = async (collection: string) => (await api.db.collection(collection).count().get()).data().count;

describe("deadlines", () => {
  it("fault: a request whose store never answers gets 503 with Retry-After at its budget, not a wait", async () => {
    const short = await startTestApi({
      users: [officer],
      routes: [hanging],
      env: { TDKT_REQUEST_BUDGET_MS: String(BUDGET_MS), TDKT_FIRESTORE_CALL_DEADLINE_MS: "1000" },
    });
    const started = Date.now();
    const response = await short.fetch("/v1/hang", { as: officer.email }).finally(() => short.close());
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(elapsed).toBeGreaterThanOrEqual(BUDGET_MS - 50);
    expect(elapsed).toBeLessThan(BUDGET_MS + 1_500);
    expect(response.headers.get("retry-after")).toBe("1");
    const error = await errorOf(response);
    expect(error.code).toBe("UNAVAILABLE");
    expect(error.message).toBe(
      "Máy chủ dữ liệu không phản hồi kịp nên yêu cầu chưa hoàn tất. Vui lòng gửi lại sau 1 giây; dữ liệu đã gửi sẽ không bị trùng lặp.",
    );
  });
});

describe("idempotency keys", () => {
  it("attack: replay an Idempotency-Key with another payload", async () => {
    const first = await ingest(ingestBody("can-bo", [staffRow(1)]), "k-reused");
    expect(first.status).toBe(200);
    const people = await count(COLLECTIONS.people);
    const audit = await count(COLLECTIONS.audit);

    const forged = await ingest(ingestBody("can-bo", [staffRow(1, { fullName: "Kẻ Giả Mạo" })]), "k-reused");
    expect(forged.status).toBe(409);
    expect((await errorOf(forged)).code).toBe("CONFLICT");
    expect((await api.db.doc("people/GV0001").get()).get("fullName")).toBe(staffRow(1).fullName);
    expect(await count(COLLECTIONS.people)).toBe(people);
    expect(await count(COLLECTIONS.audit)).toBe(audit);
  });

  it("attack: resend the same key while the first send is still running, to have it applied twice", async () => {
    const rows = Array.from({ length: 600 }, (_, i) => staffRow(100 + i));
    const body = ingestBody("can-bo", rows);
    const audit = await count(COLLECTIONS.audit);
    const running = await api.db.collection(COLLECTIONS.idempotency).where("status", "==", "running").count();
    const first = ingest(body, "k-double");
    while ((await running.get()).data().count === 0) await new Promise((resolve) => setTimeout(resolve, 10));

    const second = await ingest(body, "k-double");
    expect(second.status).toBe(409);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(0);
    const error = await errorOf(second);
    expect(error).toMatchObject({ code: "CONFLICT", details: { reason: "IN_PROGRESS" } });
    expect(error.message).toContain("đang được xử lý");

    expect((await first).status).toBe(200);
    expect(await count(COLLECTIONS.audit)).toBe(audit + rows.length);
    const replay = await ingest(body, "k-double");
    expect(replay.status).toBe(200);
    expect(await count(COLLECTIONS.audit)).toBe(audit + rows.length);
  });
});
