/** POST /v1/years/{year}:aggregate and GET …/aggregations/{jobId} over a real socket, on the emulator. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  AGGREGATE_USERS,
  AGGREGATE_YEAR,
  COUNCIL,
  SPECIALIST,
  seedAggregateYear,
} from "../../support/aggregate.js";
import { startTestApi, type TestApi } from "../../support/api.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: AGGREGATE_USERS, env: { TDKT_FIRESTORE_CALL_DEADLINE_MS: "30000" } });
  await seedAggregateYear(api.db);
});
afterAll(() => api.close());

/** Polls the job until it has ended. */
async function settled(location: string, as: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const response = await api.fetch(location, { as });
    expect(response.status).toBe(200);
    const job = (await response.json()) as Record<string, unknown>;
    if (job.state === "SUCCEEDED" || job.state === "FAILED") return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the job did not end");
}

describe("POST /v1/years/{year}:aggregate", () => {
  it("answers 202 with the job and its Location, then runs it to the end", async () => {
    const response = await api.fetch(`/v1/years/${AGGREGATE_YEAR}:aggregate`, {
      method: "POST",
      as: SPECIALIST.email,
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as { jobId: string; state: string };
    expect(body.state).toBe("QUEUED");
    const location = response.headers.get("location") ?? "";
    expect(location).toBe(`/v1/years/${AGGREGATE_YEAR}/aggregations/${body.jobId}`);
    const job = await settled(location, COUNCIL.email);
    expect(job).toMatchObject({
      jobId: body.jobId,
      state: "SUCCEEDED",
      actor: SPECIALIST.email,
      // One unit: one chunk of evaluate and of consolidate, one step each of the four later phases.
      chunksDone: 6,
      chunksTotal: 6,
      phase: "summary-sheet",
    });
    expect(job.counts).toMatchObject({ units: 1, failedUnits: 0 });
    expect((job.counts as { proposals: number }).proposals).toBeGreaterThan(0);
  }, 400_000);

  it("replays the first answer to a retry under the same Idempotency-Key", async () => {
    const send = () =>
      api.fetch(`/v1/years/${AGGREGATE_YEAR}:aggregate`, {
        method: "POST",
        as: ADMIN.email,
        headers: { "idempotency-key": "tong-hop-2026-lan-1" },
      });
    const first = (await (await send()).json()) as { jobId: string };
    const second = await send();
    expect(second.status).toBe(202);
    expect(((await second.json()) as { jobId: string }).jobId).toBe(first.jobId);
    await settled(`/v1/years/${AGGREGATE_YEAR}/aggregations/${first.jobId}`, ADMIN.email);
  }, 400_000);
});
