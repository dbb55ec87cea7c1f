/**
 * The aggregation as an ordered list of phases (services/aggregate/run.ts): each phase is
 * `(context, progress) => Promise<void>` and resumable per chunk. A chunked phase plans its chunks
 * once, then commits each chunk's effects together with its done mark, so a rerun after a crash
 * does only the chunks not done and ends in the state of one clean run.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { AggregationCounts } from "../../domain/aggregation.js";
import { commitChunk, planChunks, type UnitOutcome } from "../../store/aggregations.js";

export interface AggregationContext {
  db: Firestore;
  year: string;
  jobId: string;
  /** Called after each committed chunk; tests use it to stop a run halfway, as a crash would. */
  afterChunk?: ((phase: string, index: number) => void | Promise<void>) | undefined;
  /** Units per chunk when a phase is planned (fixed from then on: the plan is stored). */
  unitsPerChunk: number;
  /** Milliseconds spent per step (read, evaluate, write…), summed over this run's phases. */
  timings: Record<string, number>;
  /** Wall milliseconds of each phase this run ran, by phase name: the benchmark's per-phase figures. */
  phaseTimings: Record<string, number>;
}

interface ProgressEvent {
  phase: string;
  chunksDone: number;
  chunksTotal: number;
}

export type Progress = (event: ProgressEvent) => void;

export interface AggregationPhase {
  /** Stored as the job's `phase` while it runs; its label is in aggregateMessages.phaseLabels. */
  name: string;
  run: (context: AggregationContext, progress: Progress) => Promise<void>;
}

/** Adds the time `work` takes to `timings[step]`. */
export const timed = <T>(context: AggregationContext, step: string, work: () => Promise<T> | T): Promise<T> =>
  timeInto(context.timings, step, work);

/** Runs a phase, adding its wall time to `phaseTimings[phase.name]`. */
export const runPhase = (context: AggregationContext, phase: AggregationPhase, progress: Progress) =>
  timeInto(context.phaseTimings, phase.name, () => phase.run(context, progress));

async function timeInto<T>(
  into: Record<string, number>,
  key: string,
  work: () => Promise<T> | T,
): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    into[key] = (into[key] ?? 0) + (performance.now() - started);
  }
}

export interface ChunkedPhase {
  name: string;
  /** The units of each chunk, in order; called once per job (the plan is stored). */
  plan: () => Promise<string[][]>;
  /** A chunk's work: what to store per unit, and what it counts. Reads only; the commit is the runner's. */
  runChunk: (unitIds: readonly string[]) => Promise<{ outcomes: UnitOutcome[]; counts: AggregationCounts }>;
}

/** Runs a phase chunk by chunk, skipping the chunks a previous run committed. */
export async function runChunked(
  context: AggregationContext,
  progress: Progress,
  phase: ChunkedPhase,
): Promise<void> {
  const { db, year, jobId } = context;
  const chunks = await planChunks(db, year, jobId, phase.name, phase.plan);
  let done = chunks.filter((chunk) => chunk.done).length;
  progress({ phase: phase.name, chunksDone: done, chunksTotal: chunks.length });
  for (const chunk of chunks) {
    if (chunk.done) continue;
    const { outcomes, counts } = await phase.runChunk(chunk.unitIds);
    await timed(context, "write", () => commitChunk(db, year, jobId, chunk, outcomes, counts));
    done++;
    progress({ phase: phase.name, chunksDone: done, chunksTotal: chunks.length });
    await context.afterChunk?.(phase.name, chunk.index);
  }
}
