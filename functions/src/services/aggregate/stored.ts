/**
 * The consolidation an aggregation stored (one part per chunk of units under the job's `results`),
 * read back whole: for the later phases, and for the Department's dossier and the province export,
 * which take the latest succeeded job's lists rather than judging the year again.
 */
import type { Firestore } from "@google-cloud/firestore";
import { type Consolidation, mergeConsolidations } from "../../domain/consolidation.js";
import { jobDocuments, latestSucceededJob } from "../../store/aggregations.js";

/** The job's consolidation: its parts merged (disjoint chunks: the one-pass result). */
export async function storedConsolidation(
  db: Firestore,
  year: string,
  jobId: string,
): Promise<Consolidation> {
  const parts = await jobDocuments(db, year, jobId, "results", "consolidation");
  return parts.reduce<Consolidation>(
    (merged, stored) =>
      mergeConsolidations(merged, {
        year,
        included: stored.included as Consolidation["included"],
        excluded: stored.excluded as Consolidation["excluded"],
      }),
    { year, included: [], excluded: [] },
  );
}

/** The consolidation of the year's latest succeeded aggregation, with its job; none without one. */
export async function latestConsolidation(
  db: Firestore,
  year: string,
): Promise<{ jobId: string; consolidation: Consolidation } | undefined> {
  const job = await latestSucceededJob(db, year);
  return job
    ? { jobId: job.jobId, consolidation: await storedConsolidation(db, year, job.jobId) }
    : undefined;
}
