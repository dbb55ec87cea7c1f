/**
 * The aggregation reads a chunk of units at once (loadChunkProposals); the unit eligibility route
 * reads one unit (loadUnitProposals). On a generated province (the showcase school among its
 * schools, so collectives, council votes, initiatives and refusals all occur), plus a unit that
 * holds proposals but is not stored and one stored malformed, both paths must give the same
 * verdicts, unit by unit, and the same errors.
 */
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateProvince, SAMPLE_SCHOOLS } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { COLLECTIONS, collectionPath } from "../../../functions/src/domain/collections.js";
import { proposalId } from "../../../functions/src/domain/document-ids.js";
import type { Proposal } from "../../../functions/src/domain/model.js";
import { runAggregation, startAggregation } from "../../../functions/src/services/aggregate/run.js";
import {
  judgeUnitProposals,
  loadChunkProposals,
  loadUnitProposals,
} from "../../../functions/src/services/unit-eligibility.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { proposalHolders } from "../../../functions/src/store/readers.js";
import { emulatorHost } from "../../support/firestore.js";

const YEAR = "2025-2026";
const UNSTORED = "truong-chua-nhap";
const MALFORMED = "truong-hong";

let db: Firestore;
let unitIds: string[];
beforeAll(async () => {
  emulatorHost();
  db = createFirestore(`chunk-reads-${Date.now()}`, { callDeadlineMs: 60_000 });
  await seedProvince(db, generateProvince({ seed: 2026, schools: 8, years: 4 }));
  for (const unitId of [UNSTORED, MALFORMED]) {
    const proposal: Proposal = {
      year: YEAR,
      unitId,
      subjectKind: "individual",
      subjectId: `gv-${unitId}`,
      target: "LDTT",
      kind: "CONG_TRANG",
    };
    await db.doc(`${collectionPath("proposals", YEAR)}/${proposalId(proposal)}`).set(proposal);
  }
  // A stored unit whose id is not its document's: loadUnit calls it malformed.
  await db.collection(COLLECTIONS.units).doc(MALFORMED).set({ id: "khac", name: "Trường hỏng" });
  unitIds = await proposalHolders(db, YEAR);
}, 400_000);
afterAll(() => db.terminate());

/** What the per-unit path gives: the judged results, or the error loadUnitProposals throws. */
async function perUnit(unitId: string) {
  try {
    return { results: judgeUnitProposals(await loadUnitProposals(db, unitId, YEAR)).results };
  } catch (error) {
    return { error: { code: (error as { code: string }).code, message: (error as Error).message } };
  }
}

describe("the aggregation's chunk reads", () => {
  it("give each unit the verdicts and errors of the per-unit reads", async () => {
    expect(unitIds).toEqual(expect.arrayContaining([SAMPLE_SCHOOLS.nguyenDu, UNSTORED, MALFORMED]));
    const chunk = await loadChunkProposals(db, unitIds, YEAR);
    expect(chunk.map((unit) => unit.unitId)).toEqual(unitIds);

    let collectives = 0;
    const statuses = new Set<string>();
    for (const unit of chunk) {
      const batch =
        "error" in unit
          ? { error: { code: unit.error.code, message: unit.error.message } }
          : { results: judgeUnitProposals(unit.loaded).results };
      expect(batch, unit.unitId).toEqual(await perUnit(unit.unitId));
      for (const result of batch.results ?? []) {
        statuses.add(result.status);
        if (result.subjectKind === "collective") collectives++;
      }
    }
    // The comparison covered what matters: refusals as well as passes, and collectives' member rules.
    expect([...statuses]).toEqual(expect.arrayContaining(["eligible", "ineligible"]));
    expect(collectives).toBeGreaterThan(0);
    const errors = chunk.flatMap((unit) => ("error" in unit ? [[unit.unitId, unit.error.code]] : []));
    expect(errors).toEqual([
      [UNSTORED, "NOT_FOUND"],
      [MALFORMED, "MISSING_DATA"],
    ]);
  });

  it("leaves out the documents of units inside the chunk's id range but not in it, however many units", async () => {
    // Every other stored school left out: their documents fall inside the range the chunk reads.
    const stored = unitIds.filter((id) => id !== UNSTORED && id !== MALFORMED);
    const kept = stored.filter((_, index) => index % 2 === 0);
    const unknown = Array.from({ length: 30 }, (_, i) => `khong-co-${String(i).padStart(2, "0")}`);
    const chunk = await loadChunkProposals(db, [...kept, ...unknown], YEAR);
    expect(chunk.map((unit) => unit.unitId)).toEqual([...kept, ...unknown]);
    for (const unit of chunk.slice(0, kept.length)) {
      expect("loaded" in unit && judgeUnitProposals(unit.loaded).results, unit.unitId).toEqual(
        (await perUnit(unit.unitId)).results,
      );
      // Each subject is the unit's own: nothing of a left-out neighbour slipped in.
      if ("loaded" in unit)
        for (const subject of unit.loaded.subjects) expect(subject.proposal.unitId).toBe(unit.unitId);
    }
    expect(chunk.slice(kept.length).every((unit) => "error" in unit && unit.error.code === "NOT_FOUND")).toBe(
      true,
    );
  });
});

describe("the aggregation's timings", () => {
  it("gives each phase's wall time, which holds the steps' times measured inside it", async () => {
    const own = createFirestore(`chunk-timings-${Date.now()}`, { callDeadlineMs: 60_000 });
    try {
      await seedProvince(own, generateProvince({ seed: 7, schools: 3, years: 2 }));
      const { job } = await startAggregation(own, YEAR, { actor: "test" });
      const { phaseTimings, timings } = await runAggregation(own, YEAR, job.jobId);
      expect(Object.keys(phaseTimings)).toContain("evaluate");
      const sum = (figures: Record<string, number>) => Object.values(figures).reduce((a, b) => a + b, 0);
      expect(sum(timings)).toBeGreaterThan(0);
      expect(sum(phaseTimings)).toBeGreaterThanOrEqual(sum(timings));
    } finally {
      await own.terminate();
    }
  }, 120_000);
});
