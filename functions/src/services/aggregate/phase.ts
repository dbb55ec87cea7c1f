/**
 * The aggregation as an ordered list of phases (services/aggregate/run.ts): each phase is
 * `(context, progress) => Promise<void>` and resumable per chunk. A chunked phase plans its chunks
 * once, then commits each chunk's effects together with its done mark, so a rerun after a crash
 * does only the chunks not done and ends in the state of one clean run.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { sheets_v4 } from "@googleapis/sheets";
import type { AggregationCounts } from "../../domain/aggregation.js";
import { emptyCounts } from "../../domain/aggregation.js";
import {
  commitChunk,
  type OutcomeCollection,
  planChunks,
  type UnitOutcome,
} from "../../store/aggregations.js";
import type { FileStore } from "../files.js";

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
  /** Where the Department's dossier goes and what it needs beyond the store; none: the phase is skipped. */
  departmentDossier?: DepartmentDossierSetting | undefined;
  /** The Sheets client of the summary spreadsheet (made from TDKT_SHEETS_ROOT_URL when absent). */
  sheets?: sheets_v4.Sheets | undefined;
  /** Wall milliseconds of each phase this run ran, by phase name: the benchmark's per-phase figures. */
  phaseTimings: Record<string, number>;
}

interface DepartmentDossierSetting {
  /** The Department's unit: its council's votes, its dossier record and document numbers. */
  unitId: string;
  /** DepartmentDossierOptions (services/dossier/options.ts), checked when the phase builds. */
  options: unknown;
  files: FileStore;
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
  runChunk: (
    unitIds: readonly string[],
    index: number,
  ) => Promise<{ outcomes: UnitOutcome[]; counts: AggregationCounts }>;
  /** Where the outcomes are stored: `units` by default. */
  collection?: OutcomeCollection;
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
    const { outcomes, counts } = await phase.runChunk(chunk.unitIds, chunk.index);
    await timed(context, "write", () =>
      commitChunk(db, year, jobId, chunk, outcomes, counts, phase.collection),
    );
    done++;
    progress({ phase: phase.name, chunksDone: done, chunksTotal: chunks.length });
    await context.afterChunk?.(phase.name, chunk.index);
  }
}

/**
 * A phase of one step over the whole year (rank, leveling, documents, summary sheet): planned as one
 * chunk, its documents stored under the job's `results` with the chunk's done mark, so a rerun after
 * the commit does nothing and one before it does the step again from the same stored input.
 */
export function stepPhase(
  name: string,
  step: (context: AggregationContext) => Promise<{ id: string; data: Record<string, unknown> }[]>,
): AggregationPhase {
  return {
    name,
    run: (context, progress) =>
      runChunked(context, progress, {
        name,
        collection: "results",
        plan: async () => [[]],
        runChunk: async () => ({
          outcomes: (await timed(context, name, () => step(context))).map(({ id, data }) => ({
            unitId: id,
            data,
          })),
          counts: emptyCounts(),
        }),
      }),
  };
}
