/**
 * The year-end aggregation on the emulator, over the seeded sample province (12 schools, the
 * showcase schools among them): one clean run through every phase, runs stopped after a chunk of
 * the first phase and of later ones and rerun, the same event twice.
 * "Same state" compares every stored document of the job (job, chunks, units, results) with the
 * clean run's, its id and timestamps aside.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departmentOptions } from "../../../functions/sample/demo-department.js";
import { DEPARTMENT_UNIT_ID, SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { aggregationPath, COLLECTIONS } from "../../../functions/src/domain/collections.js";
import { consolidatedLists } from "../../../functions/src/domain/consolidation.js";
import { aggregationResults } from "../../../functions/src/services/aggregate/results.js";
import {
  type RunOptions,
  runAggregation,
  startAggregation,
} from "../../../functions/src/services/aggregate/run.js";
import { localFileStore } from "../../../functions/src/services/files.js";
import { rankYear } from "../../../functions/src/services/rankings.js";
import { sheetsClient } from "../../../functions/src/services/summary-sheet.js";
import { evaluateUnitProposals } from "../../../functions/src/services/unit-eligibility.js";
import { consolidateStoredYear } from "../../../functions/src/services/year-consolidation.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { emulatorHost } from "../../support/firestore.js";
import { type SheetsFake, startSheetsFake } from "../../support/sheets-fake.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
/** 12 schools in chunks of 5: three chunks per chunked phase, so a run can stop between them. */
const UNITS_PER_CHUNK = 5;
const SCHOOLS = 12;
const SPREADSHEET = "summary-sheet-aggregate";
const VOLATILE = new Set(["jobId", "createdAt", "startedAt", "finishedAt", "actor", "eventId"]);
/** evaluate and consolidate in three chunks each; rank, leveling, documents, summary-sheet in one. */
const CHUNKS = 3 + 3 + 4;

let db: Firestore;
let fake: SheetsFake;
let files: string;
const province = sampleProvince();
/** Every run takes the Department's dossier and the summary spreadsheet (the local fake). */
const withOutputs = (options: RunOptions = {}): RunOptions => ({
  departmentDossier: {
    unitId: DEPARTMENT_UNIT_ID,
    options: departmentOptions(province, YEAR),
    files: localFileStore(files),
  },
  sheets: sheetsClient(fake.rootUrl),
  // A rerun plans the phases the crash left unplanned with the same chunk size as the clean run.
  unitsPerChunk: UNITS_PER_CHUNK,
  ...options,
});

beforeAll(async () => {
  emulatorHost();
  // The shared emulator can be slow under load: a generous deadline per call.
  db = createFirestore(`aggregate-${Date.now()}`, { callDeadlineMs: 60_000 });
  await seedProvince(db, province);
  await db.doc(`${COLLECTIONS.years}/${YEAR}`).update({ summarySpreadsheetId: SPREADSHEET });
  fake = await startSheetsFake();
  fake.create(SPREADSHEET);
  files = mkdtempSync(join(tmpdir(), "tdkt-aggregate-"));
}, 400_000);
afterAll(async () => {
  await fake?.close();
  await db.terminate();
});

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
    const { job, timings } = await runAggregation(
      db,
      YEAR,
      cleanJob,
      withOutputs({
        unitsPerChunk: UNITS_PER_CHUNK,
        progress: (event) => events.push(`${event.phase} ${event.chunksDone}/${event.chunksTotal}`),
      }),
    );
    expect(job.state).toBe("SUCCEEDED");
    expect(job).toMatchObject({
      phase: "summary-sheet",
      chunksDone: CHUNKS,
      chunksTotal: CHUNKS,
      error: null,
    });
    expect(events).toEqual([
      ...["0/3", "1/3", "2/3", "3/3"].map((step) => `evaluate ${step}`),
      ...["0/3", "1/3", "2/3", "3/3"].map((step) => `consolidate ${step}`),
      ...["rank", "leveling", "documents", "summary-sheet"].flatMap((phase) => [
        `${phase} 0/1`,
        `${phase} 1/1`,
      ]),
    ]);
    expect(Object.keys(timings).sort()).toEqual(
      ["documents", "evaluate", "leveling", "rank", "read", "summary-sheet", "write"].sort(),
    );

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

  it("stores the consolidation, rankings and bình xét report the services give, and the dossier from the consolidation", async () => {
    const results = await aggregationResults(db, YEAR, cleanJob);
    // The consolidation of the stored verdicts is the one the services give judging the year now.
    expect(JSON.parse(JSON.stringify(results.consolidation))).toEqual(
      JSON.parse(JSON.stringify(await consolidateStoredYear(db, YEAR))),
    );
    expect(results.consolidation.included.length).toBeGreaterThan(0);
    expect(results.rankings).toEqual(await rankYear(db, YEAR));
    expect(results.rankings.clusters.length).toBeGreaterThan(1);
    expect(results.leveling.units.some((unit) => unit.flags.length > 0)).toBe(true);

    // The dossier lists exactly the included proposals that the Department carries: names and titles.
    const carried = consolidatedLists(results.consolidation)
      .filter((list) => list.managingLevel === "SO" && list.decider !== "TRUONG")
      .flatMap((list) => list.groups.flatMap((group) => group.lines));
    expect(carried.length).toBeGreaterThan(0);
    expect(results.documents).toMatchObject({ skipped: null, included: carried.length });
    const documents = results.documents.documents as { type: string; file: string }[];
    const text = documents
      .map((document) => pdfText(readFileSync(join(files, document.file))))
      .join("\n")
      .replace(/\s+/gu, " ");
    for (const line of carried) expect(text, line.name).toContain(line.name);
    const carriedNames = new Set(carried.map((line) => line.name));
    const notCarried = [
      ...results.consolidation.included.filter((line) => line.managingLevel !== "SO"),
      ...results.consolidation.excluded,
    ].filter(
      (line) =>
        !carriedNames.has(line.name) &&
        ![...carriedNames].some((name) => name.includes(line.name)) &&
        // A left-out collective of a carried unit: its name is every carried person's workplace.
        !(line.subjectKind === "collective" && carried.some((kept) => kept.unitId === line.unitId)),
    );
    expect(notCarried.length).toBeGreaterThan(0);
    for (const line of notCarried) expect(text, line.name).not.toContain(line.name);

    // The summary spreadsheet: one values batch update per run, its tabs the stored results, escaped.
    const valueWrites = fake.requests.filter((request) => request.path.endsWith("/values:batchUpdate"));
    expect(valueWrites).toHaveLength(1);
    // The fake's new spreadsheet has its default tab first.
    expect(fake.titles(SPREADSHEET).slice(1)).toEqual([
      "Xếp hạng cụm, khối",
      "Danh sách tổng hợp",
      "Bình xét – cảnh báo",
    ]);
    const ranking = fake.grid(SPREADSHEET, "Xếp hạng cụm, khối") ?? [];
    expect(ranking.length - 1).toBe(
      results.rankings.clusters.reduce((sum, cluster) => sum + cluster.units.length, 0),
    );
    const first = results.rankings.clusters[0]?.units[0];
    expect(ranking[1]?.slice(0, 4)).toEqual([
      results.rankings.clusters[0]?.clusterId,
      1,
      first?.unitId,
      first?.name,
    ]);
    const lists = fake.grid(SPREADSHEET, "Danh sách tổng hợp") ?? [];
    expect(lists.length - 1).toBe(results.consolidation.included.length);
    expect(lists.slice(1).map((row) => row[6])).toEqual(
      consolidatedLists(results.consolidation).flatMap((list) =>
        list.groups.flatMap((group) => group.lines.map((line) => line.name)),
      ),
    );
    const leveling = fake.grid(SPREADSHEET, "Bình xét – cảnh báo") ?? [];
    expect(leveling.length).toBeGreaterThan(1);
  }, 400_000);

  it("a run stopped after its second chunk, then rerun, ends in exactly the clean run's state", async () => {
    const jobId = await newJob();
    const crash = new Error("crash after chunk 1");
    await expect(
      runAggregation(
        db,
        YEAR,
        jobId,
        withOutputs({
          unitsPerChunk: UNITS_PER_CHUNK,
          afterChunk: (phase, index) => {
            if (phase === "evaluate" && index === 1) throw crash;
          },
        }),
      ),
    ).rejects.toBe(crash);
    const halfway = await storedJob(jobId);
    expect(halfway["."]).toMatchObject({ state: "FAILED", chunksDone: 2, chunksTotal: 3 });
    expect(Object.keys(halfway).filter((path) => path.startsWith("units/"))).toHaveLength(10);

    const events: string[] = [];
    const { job } = await runAggregation(
      db,
      YEAR,
      jobId,
      withOutputs({
        progress: (event) => events.push(`${event.phase} ${event.chunksDone}/${event.chunksTotal}`),
      }),
    );
    expect(job.state).toBe("SUCCEEDED");
    // Only the third chunk was left: the first two are not judged again.
    expect(events.slice(0, 2)).toEqual(["evaluate 2/3", "evaluate 3/3"]);
    expect(await storedJob(jobId)).toEqual(clean);
  }, 400_000);

  // The first step the rerun still does: the stopped phase's next chunk, or the phase after it.
  for (const [phase, index, firstLeft] of [
    ["consolidate", 0, "consolidate 1/3"],
    ["documents", 0, "summary-sheet 0/1"],
  ] as const)
    it(`a run stopped after ${phase}'s chunk ${index}, then rerun, ends in exactly the clean run's state`, async () => {
      const jobId = await newJob();
      const crash = new Error(`crash after ${phase}`);
      await expect(
        runAggregation(
          db,
          YEAR,
          jobId,
          withOutputs({
            unitsPerChunk: UNITS_PER_CHUNK,
            afterChunk: (stopped, at) => {
              if (stopped === phase && at === index) throw crash;
            },
          }),
        ),
      ).rejects.toBe(crash);
      expect((await storedJob(jobId))["."]).toMatchObject({ state: "FAILED", phase });
      const events: string[] = [];
      const { job } = await runAggregation(
        db,
        YEAR,
        jobId,
        withOutputs({
          progress: (event) => events.push(`${event.phase} ${event.chunksDone}/${event.chunksTotal}`),
        }),
      );
      expect(job.state).toBe("SUCCEEDED");
      // What was committed before the stop is not done again.
      expect(events.find((event) => !/ (\d+)\/\1$/.test(event))).toBe(firstLeft);
      expect(await storedJob(jobId)).toEqual(clean);
    }, 400_000);

  it("a run stopped after the rank phase committed its parts but not its done mark, then rerun, ends in exactly the clean run's state", async () => {
    const jobId = await newJob();
    const crash = new Error("crash before rank's done mark");
    await expect(
      runAggregation(
        db,
        YEAR,
        jobId,
        withOutputs({
          afterStepCommit: (phase) => {
            if (phase === "rank") throw crash;
          },
        }),
      ),
    ).rejects.toBe(crash);
    const halfway = await storedJob(jobId);
    expect(halfway["."]).toMatchObject({ state: "FAILED", phase: "rank" });
    expect(halfway["chunks/rank-00000"]).toMatchObject({ done: false });
    expect(halfway["results/ranking"]).toBeDefined();
    const events: string[] = [];
    const { job } = await runAggregation(
      db,
      YEAR,
      jobId,
      withOutputs({
        progress: (event) => events.push(`${event.phase} ${event.chunksDone}/${event.chunksTotal}`),
      }),
    );
    expect(job.state).toBe("SUCCEEDED");
    expect(events.find((event) => !/ (\d+)\/\1$/.test(event))).toBe("rank 0/1");
    expect(await storedJob(jobId)).toEqual(clean);
  }, 400_000);

  it("the same event twice starts one job, and its second delivery changes nothing", async () => {
    const eventId = `event-${Date.now()}`;
    const first = await startAggregation(db, YEAR, { actor: "scheduler", eventId });
    expect(first.created).toBe(true);
    await runAggregation(db, YEAR, first.job.jobId, withOutputs({ unitsPerChunk: UNITS_PER_CHUNK }));
    const before = await db.doc(aggregationPath(YEAR, first.job.jobId)).get();
    const audits = await auditCount();
    const jobs = (await db.collection(`${COLLECTIONS.years}/${YEAR}/${COLLECTIONS.aggregations}`).get()).size;

    const second = await startAggregation(db, YEAR, { actor: "scheduler", eventId });
    expect(second.created).toBe(false);
    expect(second.job.jobId).toBe(first.job.jobId);
    const rerun = await runAggregation(db, YEAR, second.job.jobId, withOutputs());
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
    await runAggregation(db, YEAR, jobId, withOutputs({ unitsPerChunk: UNITS_PER_CHUNK }));
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
