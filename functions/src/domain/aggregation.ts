/**
 * The year-end aggregation's job record (docs/design.md §5.4, §6): its states, the phases it runs
 * through and what it counts. Pure: the store and the service give it life.
 */
import { z } from "zod";

const AGGREGATION_STATES = ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED"] as const;
export const AggregationState = z.enum(AGGREGATION_STATES);
export type AggregationState = z.infer<typeof AggregationState>;

/** What the judged proposals came to, summed over the units. */
export const AggregationCounts = z.object({
  units: z.number().int().nonnegative(),
  proposals: z.number().int().nonnegative(),
  eligible: z.number().int().nonnegative(),
  ineligible: z.number().int().nonnegative(),
  incomplete: z.number().int().nonnegative(),
  error: z.number().int().nonnegative(),
  /** Units whose proposals could not be judged (their stored unit missing or malformed). */
  failedUnits: z.number().int().nonnegative(),
});
export type AggregationCounts = z.infer<typeof AggregationCounts>;

export const emptyCounts = (): AggregationCounts => ({
  units: 0,
  proposals: 0,
  eligible: 0,
  ineligible: 0,
  incomplete: 0,
  error: 0,
  failedUnits: 0,
});

export const addCounts = (a: AggregationCounts, b: AggregationCounts): AggregationCounts => ({
  units: a.units + b.units,
  proposals: a.proposals + b.proposals,
  eligible: a.eligible + b.eligible,
  ineligible: a.ineligible + b.ineligible,
  incomplete: a.incomplete + b.incomplete,
  error: a.error + b.error,
  failedUnits: a.failedUnits + b.failedUnits,
});

/** The counts of one unit's judged proposals. */
export function countResults(results: readonly { status: string }[]): AggregationCounts {
  const counts = { ...emptyCounts(), units: 1, proposals: results.length };
  for (const { status } of results)
    if (status === "eligible" || status === "ineligible" || status === "incomplete" || status === "error")
      counts[status]++;
  return counts;
}

/** The job as stored at years/{year}/aggregations/{jobId} and answered by GET. */
export const AggregationJob = z.object({
  jobId: z.string(),
  year: z.string(),
  state: AggregationState,
  /** The phase running, or the last one run. */
  phase: z.string().nullable(),
  /** Chunks done and planned, over every phase planned so far. */
  chunksDone: z.number().int().nonnegative(),
  chunksTotal: z.number().int().nonnegative(),
  counts: AggregationCounts,
  /** Who started it: a user's e-mail, "cli", or "scheduler". */
  actor: z.string(),
  /** The CloudEvent (Pub/Sub message) that started it, when a scheduler did. */
  eventId: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type AggregationJob = z.infer<typeof AggregationJob>;

/** Jobs that a run may still take up: a crashed or failed one resumes where it stopped. */
export const isResumable = (state: AggregationState): boolean => state !== "SUCCEEDED";
