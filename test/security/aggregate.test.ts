/** Attacks on the year-end aggregation's routes: who may start it, which job one may read, odd ids, replays. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAggregation } from "../../functions/src/services/aggregate/run.js";
import {
  AGGREGATE_USERS,
  AGGREGATE_YEAR,
  aggregationFootprint,
  COMMUNE,
  OFFICER,
  PRINCIPAL,
  SPECIALIST,
  seedAggregateYear,
} from "../support/aggregate.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

let api: TestApi;
let jobId: string;
beforeAll(async () => {
  api = await startTestApi({ users: AGGREGATE_USERS, env: { TDKT_FIRESTORE_CALL_DEADLINE_MS: "30000" } });
  await seedAggregateYear(api.db);
  // A job of the year, left QUEUED: the attacks read it, none may run or change it.
  jobId = (await startAggregation(api.db, AGGREGATE_YEAR, { actor: SPECIALIST.email })).job.jobId;
});
afterAll(() => api.close());

const aggregate = (as: string, year = AGGREGATE_YEAR, headers: Record<string, string> = {}) =>
  api.fetch(`/v1/years/${year}:aggregate`, { method: "POST", as, headers });

async function expectRefused(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
}

describe("aggregation routes", () => {
  it("attack: a school officer, a principal and a commune specialist start the province's aggregation", async () => {
    const before = await aggregationFootprint(api.db);
    for (const user of [OFFICER, PRINCIPAL, COMMUNE])
      await expectRefused(await aggregate(user.email), 403, "PERMISSION_DENIED");
    expect(await aggregationFootprint(api.db)).toEqual(before);
  });

  it("attack: a school or commune account reads the Department's job", async () => {
    for (const user of [OFFICER, COMMUNE]) {
      const response = await api.fetch(`/v1/years/${AGGREGATE_YEAR}/aggregations/${jobId}`, {
        as: user.email,
      });
      await expectRefused(response, 403, "PERMISSION_DENIED");
    }
  });

  it("attack: another year's path reaches this year's job", async () => {
    const response = await api.fetch(`/v1/years/2024-2025/aggregations/${jobId}`, { as: SPECIALIST.email });
    await expectRefused(response, 404, "NOT_FOUND");
  });

  it("attack: odd job ids and years — a reserved id, an encoded traversal, a bidi override, a lone surrogate, a malformed year", async () => {
    const before = await aggregationFootprint(api.db);
    for (const [path, field] of [
      [`/v1/years/${AGGREGATE_YEAR}/aggregations/__name__`, "path.jobId"],
      [`/v1/years/${AGGREGATE_YEAR}/aggregations/a%2F..%2Fb`, "path.jobId"],
      [`/v1/years/${AGGREGATE_YEAR}/aggregations/job%E2%80%AEtxt`, "path.jobId"],
      [`/v1/years/${AGGREGATE_YEAR}/aggregations/%ED%A0%80`, "path.jobId"],
      [`/v1/years/__${AGGREGATE_YEAR}/aggregations/${jobId}`, "path.year"],
    ] as const)
      await expectRefused(await api.fetch(path, { as: SPECIALIST.email }), 400, "INVALID_ARGUMENT", field);
    await expectRefused(await aggregate(SPECIALIST.email, "2025-2027"), 400, "INVALID_ARGUMENT", "path.year");
    await expectRefused(await aggregate(SPECIALIST.email, "2041-2042"), 422, "MISSING_DATA", "path.year");
    expect(await aggregationFootprint(api.db)).toEqual(before);
  });

  it("attack: replay a start under one Idempotency-Key, to start the aggregation twice", async () => {
    const before = await aggregationFootprint(api.db);
    const headers = { "idempotency-key": "replay-aggregate-1" };
    const answers = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const response = await aggregate(SPECIALIST.email, AGGREGATE_YEAR, headers);
        return { status: response.status, body: (await response.json()) as { jobId?: string } };
      }),
    );
    // Sends that overlap the first are told 409 "đang xử lý"; every 202 names one and the same job.
    const started = answers.filter((answer) => answer.status === 202);
    expect(started.length).toBeGreaterThan(0);
    expect(answers.every((answer) => answer.status === 202 || answer.status === 409)).toBe(true);
    expect(new Set(started.map((answer) => answer.body.jobId)).size).toBe(1);
    const replay = await aggregate(SPECIALIST.email, AGGREGATE_YEAR, headers);
    expect(replay.status).toBe(202);
    expect(((await replay.json()) as { jobId: string }).jobId).toBe(started[0]?.body.jobId);
    expect((await aggregationFootprint(api.db)).jobs).toBe(before.jobs + 1);
  }, 300_000);

  it("attack: a school or commune account reads the Department's results (rankings, flags, lists) of a job", async () => {
    const before = await aggregationFootprint(api.db);
    for (const user of [OFFICER, PRINCIPAL, COMMUNE]) {
      const response = await api.fetch(`/v1/years/${AGGREGATE_YEAR}/aggregations/${jobId}/results`, {
        as: user.email,
      });
      await expectRefused(response, 403, "PERMISSION_DENIED");
    }
    expect(await aggregationFootprint(api.db)).toEqual(before);
  });

  it("attack: read the results of a job not finished, of another year's path, of an odd id", async () => {
    const before = await aggregationFootprint(api.db);
    // The QUEUED job has no results yet: nothing half-made is shown.
    const queued = await api.fetch(`/v1/years/${AGGREGATE_YEAR}/aggregations/${jobId}/results`, {
      as: SPECIALIST.email,
    });
    await expectRefused(queued, 422, "MISSING_DATA");
    const otherYear = await api.fetch(`/v1/years/2024-2025/aggregations/${jobId}/results`, {
      as: SPECIALIST.email,
    });
    await expectRefused(otherYear, 404, "NOT_FOUND");
    const odd = await api.fetch(`/v1/years/${AGGREGATE_YEAR}/aggregations/job%E2%80%AEtxt/results`, {
      as: SPECIALIST.email,
    });
    await expectRefused(odd, 400, "INVALID_ARGUMENT", "path.jobId");
    expect(await aggregationFootprint(api.db)).toEqual(before);
  });
});
