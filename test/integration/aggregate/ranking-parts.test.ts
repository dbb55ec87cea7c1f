/**
 * The rank phase's results at the size of a large province, on the emulator: a synthetic ranking of
 * 1,500 units (every table filled) stored through the real step phase. Its old single document
 * would pass Firestore's 1 MiB and its old single commit 4 MiB; in parts every document stays under
 * 1 MiB, the commits are several, and the ranking reads back equal. A step stopped between its
 * commits and redone ends as a clean one; a redo that stores fewer parts never reads the old ones.
 */
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregationPath } from "../../../functions/src/domain/collections.js";
import { type QuotaPosition, YearRankings } from "../../../functions/src/domain/ranking/schema.js";
import {
  type AggregationContext,
  runPhase,
  stepPhase,
} from "../../../functions/src/services/aggregate/phase.js";
import { rankingDocuments, storedRankings } from "../../../functions/src/services/aggregate/results.js";
import { startAggregation } from "../../../functions/src/services/aggregate/run.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { AGGREGATE_YEAR, seedAggregateYear } from "../../support/aggregate.js";
import { emulatorHost } from "../../support/firestore.js";

const MIB = 1024 * 1024;
const UNITS = 1_500;

let db: Firestore;
beforeAll(async () => {
  emulatorHost();
  db = createFirestore(`ranking-parts-${Date.now()}`, { callDeadlineMs: 60_000 });
  await seedAggregateYear(db);
}, 120_000);
afterAll(() => db.terminate());

const unitId = (index: number) => `truong-${String(index).padStart(4, "0")}`;

function position(index: number, unit: number, withinQuota: boolean): QuotaPosition {
  return {
    position: index + 1,
    unitId: unitId(unit),
    subjectId: `gv-${unit}-${index}`,
    name: `Nguyễn Thị Hồng Nhung ${index}`,
    gender: index % 3 === 0 ? "M" : "F",
    rating: "HTXS",
    score: 90 - (index % 40) / 4,
    withinQuota,
    reason: withinQuota ? "Trong chỉ tiêu của tỉnh." : "Ngoài chỉ tiêu: xếp sau người có điểm cao hơn.",
  };
}

/** A ranking of `units` units, every table as large as a province's: parsed, so it is a valid answer. */
function largeRankings(units: number): YearRankings {
  const ids = Array.from({ length: units }, (_, index) => index);
  return YearRankings.parse({
    year: AGGREGATE_YEAR,
    rules: { missingData: "Nhóm thiếu dữ liệu được 0 điểm.", tieOrder: "Bằng điểm: xét tiêu chí phụ." },
    quotas: { flagPerCluster: 1, bkPerCluster: 2, cstdTinhCap: 120, bkTinhCap: 80 },
    clusters: Array.from({ length: Math.ceil(units / 50) }, (_, cluster) => ({
      clusterId: `cum-${cluster}`,
      units: ids.slice(cluster * 50, cluster * 50 + 50).map((unit, at) => ({
        unitId: unitId(unit),
        name: `Trường THPT số ${unit} huyện Đức Thọ`,
        position: at + 1,
        total: 95 - at,
        maxTotal: 100,
        scores: ["A", "B", "C"].map((group) => ({
          group,
          name: `Nhóm tiêu chí ${group}`,
          source: "COMMITMENTS",
          score: 30 - at / 10,
          maxScore: 33,
          weight: 1,
          clamped: false,
          missing: false,
          note: "Theo báo cáo cuối năm.",
        })),
        commitmentsMet: 4,
        womenShare: 0.72,
        missing: [],
        leader: at === 0,
        proposedFor: at === 0 ? "CO_TD_TINH" : null,
        tieBreak: null,
      })),
    })),
    commitments: ids.map((unit) => ({
      unitId: unitId(unit),
      subjects: Array.from({ length: 3 }, (_, subject) => ({
        subjectKind: subject === 0 ? "collective" : "individual",
        subjectId: subject === 0 ? unitId(unit) : `gv-${unit}-${subject}`,
        name: subject === 0 ? `Trường THPT số ${unit}` : `Trần Văn Hùng ${subject}`,
        lines: Array.from({ length: 4 }, (_, line) => ({
          key: `chi-tieu-${line}`,
          target: 95,
          unit: "%",
          achieved: line === 3 ? null : 96,
          met: line === 3 ? null : true,
        })),
      })),
    })),
    individuals: {
      provincial: [
        {
          target: "CSTD_TINH",
          cap: 120,
          candidates: 4_000,
          positions: Array.from({ length: 4_000 }, (_, index) => position(index, index % units, index < 120)),
        },
        {
          target: "BK_CT_UBND_TINH",
          cap: 80,
          candidates: 3_000,
          positions: Array.from({ length: 3_000 }, (_, index) => position(index, index % units, index < 80)),
        },
      ],
      htxsCaps: ids.map((unit) => ({
        unitId: unitId(unit),
        ok: unit % 2 === 0,
        basis: "Không quá 20% số người được đánh giá.",
        share: 0.25,
        scopes: [
          {
            group: null,
            htxs: 10,
            denominator: 40,
            max: 8,
            excess: 2,
            message: "Vượt 2 người so với tỷ lệ HTXS cho phép.",
            positions: Array.from({ length: 10 }, (_, index) => position(index, unit, index < 8)),
          },
        ],
      })),
    },
  });
}

const bytes = (data: unknown) => Buffer.byteLength(JSON.stringify(data));

async function newContext(hooks: Partial<AggregationContext> = {}): Promise<AggregationContext> {
  const { job } = await startAggregation(db, AGGREGATE_YEAR, { actor: "test" });
  return {
    db,
    year: AGGREGATE_YEAR,
    jobId: job.jobId,
    unitsPerChunk: 25,
    timings: {},
    phaseTimings: {},
    ...hooks,
  };
}

/** The rank phase as the aggregation runs it, over a given ranking instead of the store's. */
const rankOf = (rankings: YearRankings) => stepPhase("rank", async () => rankingDocuments(rankings));
const noProgress = () => {};

/** The job's results and chunks, by path, and its progress: what a clean step and a redone one must share. */
async function storedStep(jobId: string): Promise<Record<string, unknown>> {
  const root = db.doc(aggregationPath(AGGREGATE_YEAR, jobId));
  const job = (await root.get()).data() ?? {};
  const documents: Record<string, unknown> = { progress: [job.chunksDone, job.chunksTotal] };
  for (const name of ["results", "chunks"])
    for (const doc of (await root.collection(name).get()).docs) documents[`${name}/${doc.id}`] = doc.data();
  return documents;
}

describe("the rank phase's results in parts", () => {
  const rankings = largeRankings(UNITS);
  let clean: Record<string, unknown>;

  it("stores a ranking too large for one document in bounded parts and commits, and reads it back equal", async () => {
    const { clusters, ...rest } = rankings;
    // What the rank phase stored before: one document of everything but the clusters, all in one commit.
    expect(bytes({ kind: "ranking", ...rest })).toBeGreaterThan(MIB);
    expect(bytes(rankings)).toBeGreaterThan(4 * MIB);

    const commits: number[] = [];
    const context = await newContext({ afterStepCommit: (_, index) => void commits.push(index) });
    await runPhase(context, rankOf(rankings), noProgress);
    expect(commits.length).toBeGreaterThanOrEqual(3);

    const stored = await db.doc(aggregationPath(AGGREGATE_YEAR, context.jobId)).collection("results").get();
    expect(stored.size).toBe(rankingDocuments(rankings).length);
    for (const doc of stored.docs) expect(bytes(doc.data())).toBeLessThan(MIB);
    expect(await storedRankings(db, AGGREGATE_YEAR, context.jobId)).toEqual(rankings);
    clean = await storedStep(context.jobId);
  }, 300_000);

  it("a step stopped after a commit of its parts, then redone, ends in exactly the clean step's state", async () => {
    const crash = new Error("crash after the first commit");
    const context = await newContext({
      afterStepCommit: (phase, index) => {
        if (phase === "rank" && index === 0) throw crash;
      },
    });
    await expect(runPhase(context, rankOf(rankings), noProgress)).rejects.toBe(crash);
    const halfway = await storedStep(context.jobId);
    expect(halfway["chunks/rank-00000"]).toMatchObject({ done: false });
    expect(Object.keys(halfway).filter((path) => path.startsWith("results/")).length).toBeGreaterThan(0);

    await runPhase({ ...context, afterStepCommit: undefined }, rankOf(rankings), noProgress);
    expect(await storedStep(context.jobId)).toEqual(clean);
    expect(await storedRankings(db, AGGREGATE_YEAR, context.jobId)).toEqual(rankings);
  }, 300_000);

  it("a redo that stores fewer parts reads back only its own, not the parts the stopped attempt left", async () => {
    const crash = new Error("crash after two commits");
    const context = await newContext({
      afterStepCommit: (_, index) => {
        if (index === 1) throw crash;
      },
    });
    await expect(runPhase(context, rankOf(rankings), noProgress)).rejects.toBe(crash);
    // The year's data changed before the redo: a province of 30 units, far fewer parts.
    const smaller = largeRankings(30);
    await runPhase({ ...context, afterStepCommit: undefined }, rankOf(smaller), noProgress);
    const left = await db.doc(aggregationPath(AGGREGATE_YEAR, context.jobId)).collection("results").get();
    expect(left.size).toBeGreaterThan(rankingDocuments(smaller).length);
    expect(await storedRankings(db, AGGREGATE_YEAR, context.jobId)).toEqual(smaller);
  }, 300_000);
});
