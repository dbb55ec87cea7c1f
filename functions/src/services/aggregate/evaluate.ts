/**
 * The phase "read + evaluate": every unit holding proposals of the year, a chunk of units at a
 * time, is read (by id through the units' document index) and judged by the same use case as the
 * unit eligibility route (services/unit-eligibility.ts); each unit's results are stored under the
 * job, so later phases and `GET` read them without judging again. Nothing outlives its chunk.
 */
import { addCounts, countResults, emptyCounts } from "../../domain/aggregation.js";
import { proposalHolders } from "../../store/readers.js";
import { judgeUnitProposals, loadChunkProposals } from "../unit-eligibility.js";
import { type AggregationContext, type AggregationPhase, runChunked, timed } from "./phase.js";

export const evaluatePhase: AggregationPhase = {
  name: "evaluate",
  run: (context, progress) =>
    runChunked(context, progress, {
      name: "evaluate",
      plan: async () => {
        const units = await timed(context, "read", () => proposalHolders(context.db, context.year));
        const chunks: string[][] = [];
        for (let start = 0; start < units.length; start += context.unitsPerChunk)
          chunks.push(units.slice(start, start + context.unitsPerChunk));
        return chunks;
      },
      runChunk: (unitIds) => evaluateChunk(context, unitIds),
    }),
};

async function evaluateChunk(context: AggregationContext, unitIds: readonly string[]) {
  const { db, year } = context;
  // The chunk is read at once, by id (not a query per unit), then judged unit by unit.
  const loaded = await timed(context, "read", () => loadChunkProposals(db, unitIds, year));
  return timed(context, "evaluate", () => {
    let counts = emptyCounts();
    const outcomes = loaded.map((unit) => {
      if ("error" in unit) {
        // A unit whose stored record is missing or malformed is reported, not allowed to stop the province.
        const error = { code: unit.error.code, message: unit.error.message };
        counts = addCounts(counts, { ...emptyCounts(), units: 1, failedUnits: 1 });
        return { unitId: unit.unitId, data: { unitId: unit.unitId, year, results: [], error } };
      }
      const { results } = judgeUnitProposals(unit.loaded);
      counts = addCounts(counts, countResults(results));
      return { unitId: unit.unitId, data: { unitId: unit.unitId, year, results, error: null } };
    });
    return { outcomes, counts };
  });
}
