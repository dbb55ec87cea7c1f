/**
 * Idempotency-Key on POST /v1/decisions, …:publish and …:revoke (store/idempotency.ts, as the
 * aggregation and dossier routes use it): a retry under the key gets the first answer and writes
 * nothing; the key with another payload is 409; without a key the decision's own replay rule holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../../../functions/src/domain/decision.js";
import { departmentDecision, seedDecisionProvince, USERS } from "../../fixtures/decisions.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";

const DECISION_ID = "SO_2026-07-15_512";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await seedDecisionProvince(api.db);
});
afterAll(() => api.close());

const post = (path: string, key: string, body?: unknown) =>
  api.fetch(path, {
    method: "POST",
    as: USERS.department.email,
    headers: { "idempotency-key": key },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const auditCount = async () => (await api.db.collection("audit").count().get()).data().count;
const stored = async () => (await api.db.doc(`decisions/${DECISION_ID}`).get()).data() as Decision;

describe("Idempotency-Key on the decision routes", { timeout: 180_000 }, () => {
  it("POST /v1/decisions: a retry under the key replays the first answer; the key with other content is 409", async () => {
    const first = await post("/v1/decisions", "qd-512-lan-1", departmentDecision);
    expect(first.status).toBe(201);
    const answer = await first.json();
    const audits = await auditCount();
    const retry = await post("/v1/decisions", "qd-512-lan-1", departmentDecision);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(answer);
    expect(await auditCount()).toBe(audits);

    const other = await post("/v1/decisions", "qd-512-lan-1", { ...departmentDecision, number: 513 });
    expect(other.status).toBe(409);
    expect((await errorOf(other)).code).toBe("CONFLICT");
    expect((await api.db.doc("decisions/SO_2026-07-15_513").get()).exists).toBe(false);
    expect(await auditCount()).toBe(audits);
  });

  it(":publish: the retry replays the published answer and adds no history step", async () => {
    const first = await post(`/v1/decisions/${DECISION_ID}:publish`, "cong-bo-512");
    expect(first.status).toBe(200);
    const answer = (await first.json()) as Decision;
    expect(answer.state).toBe("PUBLISHED");
    const audits = await auditCount();
    const retry = await post(`/v1/decisions/${DECISION_ID}:publish`, "cong-bo-512");
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(answer);
    expect(await auditCount()).toBe(audits);
    expect((await stored()).history.map((step) => step.state)).toEqual(["ISSUED", "PUBLISHED"]);
  });

  it(":revoke: the retry replays the first answer; the same key with another reason is 409", async () => {
    const reason = { reason: "Kê khai thành tích không đúng sự thật" };
    const first = await post(`/v1/decisions/${DECISION_ID}:revoke`, "huy-512", reason);
    expect(first.status).toBe(200);
    const answer = (await first.json()) as Decision;
    expect(answer.state).toBe("REVOKED");
    const audits = await auditCount();
    // Without the key a second revocation is refused (already revoked); with it, the answer replays.
    const retry = await post(`/v1/decisions/${DECISION_ID}:revoke`, "huy-512", reason);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(answer);
    const other = await post(`/v1/decisions/${DECISION_ID}:revoke`, "huy-512", { reason: "lý do khác" });
    expect(other.status).toBe(409);
    expect(await auditCount()).toBe(audits);
    expect((await stored()).revocationReason).toBe(reason.reason);
    expect((await stored()).history.map((step) => step.state)).toEqual(["ISSUED", "PUBLISHED", "REVOKED"]);
  });
});
