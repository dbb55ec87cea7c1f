/**
 * The aggregation as an ordered list of phases (services/aggregate/run.ts): each phase is
 * `(context, progress) => Promise<void>` and resumable per chunk. A chunked phase plans its chunks
 * once, then commits each chunk's effects together with its done mark, so a rerun after a crash
 * does only the chunks not done and ends in the state of one clean run. A step phase (one chunk over
 * the whole year) writes its documents in bounded commits first and its done mark last.
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
  writeResultCommits,
} from "../../store/aggregations.js";
import type { FileStore } from "../files.js";

export interface AggregationContext {
  db: Firestore;
  year: string;
  jobId: string;
  /** Called after each committed chunk; tests use it to stop a run halfway, as a crash would. */
  afterChunk?: ((phase: string, index: number) => void | Promise<void>) | undefined;
  /** Called after each commit of a step phase's documents, before its done mark (tests stop there). */
  afterStepCommit?: ((phase: string, index: number) => void | Promise<void>) | undefined;
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
  ) => Promise<{ outcomes: UnitOutcome[]; counts: AggregationCounts; documents?: string[] }>;
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
    const { outcomes, counts, documents } = await phase.runChunk(chunk.unitIds, chunk.index);
    const marked = documents ? { ...chunk, documents } : chunk;
    await timed(context, "write", () =>
      commitChunk(db, year, jobId, marked, outcomes, counts, phase.collection),
    );
    done++;
    progress({ phase: phase.name, chunksDone: done, chunksTotal: chunks.length });
    await context.afterChunk?.(phase.name, chunk.index);
  }
}

/** One document a step stores under the job's `results`. */
export interface StepDocument {
  id: string;
  data: Record<string, unknown>;
}

/**
 * Bounds of one commit of a step's documents: Firestore takes 500 writes and a 4 MiB request. The
 * request's encoding is not the documents' JSON (a number takes up to 9 bytes and each field a tag
 * and a length), so 2 MB of JSON in UTF-8 leaves it room to be twice as large.
 */
const DOCUMENTS_PER_COMMIT = 400;
const BYTES_PER_COMMIT = 2_000_000;

/** The documents in order, grouped into commits within both bounds (a document alone when larger). */
function inCommits(documents: readonly StepDocument[]): UnitOutcome[][] {
  const commits: UnitOutcome[][] = [];
  let current: UnitOutcome[] = [];
  let bytes = 0;
  for (const { id, data } of documents) {
    const size = Buffer.byteLength(JSON.stringify(data));
    if (current.length > 0 && (current.length === DOCUMENTS_PER_COMMIT || bytes + size > BYTES_PER_COMMIT)) {
      commits.push(current);
      current = [];
      bytes = 0;
    }
    current.push({ unitId: id, data });
    bytes += size;
  }
  if (current.length > 0) commits.push(current);
  return commits;
}

/** `items` in parts of `perPart` (none when there are no items). */
export function inParts<T>(items: readonly T[], perPart: number): T[][] {
  const parts: T[][] = [];
  for (let start = 0; start < items.length; start += perPart) parts.push(items.slice(start, start + perPart));
  return parts;
}

/**
 * A phase of one step over the whole year (rank, leveling, documents, summary sheet), planned as one
 * chunk: its documents are stored under the job's `results` in bounded commits, then the chunk's
 * done mark lists their ids (read back by stepDocuments). A rerun after the mark does nothing; one
 * before it does the step again from the same stored input and overwrites the same ids, and a part
 * an earlier attempt left beyond the new list is never read.
 */
export function stepPhase(
  name: string,
  step: (context: AggregationContext) => Promise<StepDocument[]>,
): AggregationPhase {
  return {
    name,
    run: (context, progress) =>
      runChunked(context, progress, {
        name,
        plan: async () => [[]],
        runChunk: async () => {
          const documents = await timed(context, name, () => step(context));
          const { db, year, jobId } = context;
          await timed(context, "write", () =>
            writeResultCommits(db, year, jobId, inCommits(documents), (index) =>
              context.afterStepCommit?.(name, index),
            ),
          );
          return { outcomes: [], counts: emptyCounts(), documents: documents.map(({ id }) => id) };
        },
      }),
  };
}
