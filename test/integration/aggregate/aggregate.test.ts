/**
 * The year-end aggregation on the emulator, over a small generated province (6 schools, 4 years,
 * the showcase school among them): one clean run, a run stopped after a chunk and rerun, the same
 * event twice.
 * "Same state" compares every stored document of the job (job, chunks, units) with the clean
 * run's, its id and timestamps aside.
 */
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateProvince, SAMPLE_SCHOOLS } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { aggregationPath, COLLECTIONS } from "../../../functions/src/domain/collections.js";
import { runAggregation, startAggregation } from "../../../functions/src/services/aggregate/run.js";
import { evaluateUnitProposals } from "../../../functions/src/services/unit-eligibility.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { emulatorHost } from "../../support/firestore.js";

const YEAR = "2025-2026";
/** 6 schools in chunks of 2: three chunks, so a run can stop between them. */
const UNITS_PER_CHUNK = 2;
const SCHOOLS = 6;
const VOLATILE = new Set(["jobId", "createdAt", "startedAt", "finishedAt", "actor", "eventId"]);

let db: Firestore;
beforeAll(async () => {
  emulatorHost();
  // The shared emulator can be slow under load: a generous deadline per call.
  db = createFirestore(`aggregate-${Date.now()}`, { callDeadlineMs: 60_000 });
  await seedProvince(db, generateProvince({ seed: 2026, schools: SCHOOLS, years: 4 }));
}, 400_000);
afterAll(() => db.terminate());

/** Every document of the job, by path relative to it, without its id and timestamps. */
async function storedJob(jobId: string): Promise<Record<string, unknown>> {
  const root = db.doc(aggregationPath(YEAR, jobId));
  const documents: Record<string, unknown> = { ".": strip((await root.get()).data()) };
  for (const collection of await root.listCollections())
    for (const doc of (await collection.get()).docs)
      documents[`${collection.id}/${doc.id}`] = strip(doc.data());
  return documents;
}

const strip = (data: Record<string, unknown> | undefined) =>
  Object.fromEntries(Object.entries(data ?? {}).filter(([key]) => !VOLATILE.has(key)));

async function newJob(eventId?: string): Promise<string> {
  return (await startAggregation(db, YEAR, { actor: "test", eventId })).job.jobId;
}

const auditCount = async () => (await db.collection(COLLECTIONS.audit).count().get()).data().count;

let cleanJob: string;
let clean: Record<string, unknown>;

describe("the year-end aggregation", () => {
  it("judges every unit's proposals, chunk by chunk, and stores each unit's results with the counts", async () => {
    cleanJob = await newJob();
    const events: string[] = [];
    const { job, timings } = await runAggregation(db, YEAR, cleanJob, {
      unitsPerChunk: UNITS_PER_CHUNK,
      progress: (event) => events.push(`${event.phase} ${event.chunksDone}/${event.chunksTotal}`),
    });
    expect(job.state).toBe("SUCCEEDED");
    expect(job).toMatchObject({ phase: "evaluate", chunksDone: 3, chunksTotal: 3, error: null });
    expect(events).toEqual(["evaluate 0/3", "evaluate 1/3", "evaluate 2/3", "evaluate 3/3"]);
    expect(Object.keys(timings).sort()).toEqual(["evaluate", "read", "write"]);

    // The stored results are those of the unit eligibility use case, unit by unit.
    const units = await db.doc(aggregationPath(YEAR, cleanJob)).collection("units").get();
    expect(units.size).toBe(SCHOOLS);
    let proposals = 0;
    let eligible = 0;
    for (const doc of units.docs) {
      const expected = await evaluateUnitProposals(db, doc.id, YEAR);
      expect(doc.get("results")).toEqual(JSON.parse(JSON.stringify(expected.results)));
      proposals += expected.results.length;
      eligible += expected.results.filter((result) => result.status === "eligible").length;
    }
    expect(job.counts).toMatchObject({ units: SCHOOLS, proposals, eligible, failedUnits: 0 });
    expect(job.counts.ineligible).toBeGreaterThan(0);
    const showcase = units.docs.find((doc) => doc.id === SAMPLE_SCHOOLS.nguyenDu);
    const showcaseResults = (showcase?.get("results") ?? []) as { target: string; status: string }[];
    const failed = showcaseResults.filter((result) => result.status === "ineligible");
    expect(failed.map((result) => result.target)).toContain("TTLDXS");
    clean = await storedJob(cleanJob);
  }, 400_000);

  it("a run stopped after its second chunk, then rerun, ends in exactly the clean run's state", async () => {
    const jobId = await newJob();
    const crash = new Error("crash after chunk 1");
    await expect(
      runAggregation(db, YEAR, jobId, {
        unitsPerChunk: UNITS_PER_CHUNK,
        afterChunk: (_phase, index) => {
          if (index === 1) throw crash;
        },
      }),
    ).rejects.toBe(crash);
    const halfway = await storedJob(jobId);
    expect(halfway["."]).toMatchObject({ state: "FAILED", chunksDone: 2, chunksTotal: 3 });
    expect(Object.keys(halfway).filter((path) => path.startsWith("units/"))).toHaveLength(4);

    const events: string[] = [];
    const { job } = await runAggregation(db, YEAR, jobId, {
      progress: (event) => events.push(`${event.chunksDone}/${event.chunksTotal}`),
    });
    expect(job.state).toBe("SUCCEEDED");
    // Only the third chunk was left: the first two are not judged again.
    expect(events).toEqual(["2/3", "3/3"]);
    expect(await storedJob(jobId)).toEqual(clean);
  }, 400_000);

  it("the same event twice starts one job, and its second delivery changes nothing", async () => {
    const eventId = `event-${Date.now()}`;
    const first = await startAggregation(db, YEAR, { actor: "scheduler", eventId });
    expect(first.created).toBe(true);
    await runAggregation(db, YEAR, first.job.jobId, { unitsPerChunk: UNITS_PER_CHUNK });
    const before = await db.doc(aggregationPath(YEAR, first.job.jobId)).get();
    const audits = await auditCount();
    const jobs = (await db.collection(`${COLLECTIONS.years}/${YEAR}/${COLLECTIONS.aggregations}`).get()).size;

    const second = await startAggregation(db, YEAR, { actor: "scheduler", eventId });
    expect(second.created).toBe(false);
    expect(second.job.jobId).toBe(first.job.jobId);
    const rerun = await runAggregation(db, YEAR, second.job.jobId);
    expect(rerun.timings).toEqual({});
    const after = await db.doc(aggregationPath(YEAR, first.job.jobId)).get();
    expect(after.updateTime?.valueOf()).toBe(before.updateTime?.valueOf());
    expect(after.data()).toEqual(before.data());
    expect(await auditCount()).toBe(audits);
    expect((await db.collection(`${COLLECTIONS.years}/${YEAR}/${COLLECTIONS.aggregations}`).get()).size).toBe(
      jobs,
    );
    expect(await storedJob(first.job.jobId)).toEqual(clean);
  }, 400_000);

  it("records the creation and the end of each job in the audit log", async () => {
    const jobId = await newJob();
    await runAggregation(db, YEAR, jobId, { unitsPerChunk: UNITS_PER_CHUNK });
    const entries = await db
      .collection(COLLECTIONS.audit)
      .where("path", "==", aggregationPath(YEAR, jobId))
      .get();
    const actions = entries.docs.map((doc) => `${doc.get("action")} ${doc.get("after.state")}`).sort();
    expect(actions).toEqual(["create QUEUED", "update SUCCEEDED"]);
  }, 400_000);
});

describe("refusals", () => {
  it("refuses a year that is not a school year, and one the Department has not configured", async () => {
    await expect(startAggregation(db, "2025-2027", { actor: "test" })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
      field: "path.year",
    });
    await expect(startAggregation(db, "2040-2041", { actor: "test" })).rejects.toMatchObject({
      code: "MISSING_DATA",
    });
    await expect(runAggregation(db, YEAR, "no-such-job")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
