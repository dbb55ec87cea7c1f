/**
 * The aggregation's records (docs/design.md §6): the job at years/{year}/aggregations/{jobId}, its
 * chunks (each chunk's units and done mark) and its units (each unit's judged proposals). Every
 * write that moves the job is a transaction: a job and the event that started it are created
 * together; a chunk's results, its done mark and the job's progress are committed together, so a
 * crash leaves whole chunks and a rerun (even one running alongside) never applies a chunk twice.
 * A step phase's results, too large for one commit, go in commits of their own before its done
 * mark, which lists them: a rerun overwrites them by id and reads back only the listed ones.
 */
import { createHash } from "node:crypto";
import type { Firestore, Transaction } from "@google-cloud/firestore";
import { type AggregationCounts, AggregationJob, addCounts, emptyCounts } from "../domain/aggregation.js";
import { aggregationPath, COLLECTIONS } from "../domain/collections.js";
import { checkDeadline } from "./deadline.js";
import { appendAudit, type WriteMeta } from "./writes.js";

const CHUNKS = "chunks";
/** Where a chunk's outcomes go: `units` (each unit's judged proposals) or `results` (the later phases' documents). */
export type OutcomeCollection = "units" | "results";

/** One planned chunk of a phase: the units it covers, and whether its effects are committed. */
export interface StoredChunk {
  phase: string;
  index: number;
  unitIds: string[];
  done: boolean;
  counts?: AggregationCounts;
  /**
   * A step phase's results, by id, in the order it stored them: what its done mark covers, so a
   * part left by an earlier attempt that stored more parts is never read back.
   */
  documents?: string[];
}

const chunkId = (phase: string, index: number): string => `${phase}-${String(index).padStart(5, "0")}`;

const eventRef = (db: Firestore, eventId: string) =>
  db.collection(COLLECTIONS.aggregationEvents).doc(createHash("sha256").update(eventId).digest("hex"));

/** The job as stored, or undefined when there is none (or it does not parse). */
export async function loadAggregationJob(
  db: Firestore,
  year: string,
  jobId: string,
): Promise<AggregationJob | undefined> {
  const snapshot = await db.doc(aggregationPath(year, jobId)).get();
  const job = AggregationJob.safeParse(snapshot.data());
  return snapshot.exists && job.success ? job.data : undefined;
}

/**
 * Creates a QUEUED job, or, for an event already received, finds the job it started: the event's
 * record and the job are written in one transaction, so a redelivered event can never start a
 * second job.
 */
export async function createAggregationJob(
  db: Firestore,
  job: AggregationJob,
  meta: WriteMeta,
): Promise<{ job: AggregationJob; created: boolean }> {
  return db.runTransaction(async (tx) => {
    checkDeadline();
    const { eventId } = job;
    if (eventId !== null) {
      const event = await tx.get(eventRef(db, eventId));
      if (event.exists) {
        const existing = await tx.get(
          db.doc(aggregationPath(String(event.get("year")), String(event.get("jobId")))),
        );
        const parsed = AggregationJob.safeParse(existing.data());
        if (parsed.success) return { job: parsed.data, created: false };
      }
      tx.set(eventRef(db, eventId), { eventId, year: job.year, jobId: job.jobId, receivedAt: job.createdAt });
    }
    const path = aggregationPath(job.year, job.jobId);
    tx.create(db.doc(path), job);
    appendAudit(db, tx, { action: "create", path, before: null, after: job, meta, source: undefined });
    return { job, created: true };
  });
}

/** Changes some fields of the job (state, phase, times), in a transaction that rereads it. */
export async function updateAggregationJob(
  db: Firestore,
  year: string,
  jobId: string,
  change: (job: AggregationJob) => Partial<AggregationJob>,
): Promise<AggregationJob> {
  return db.runTransaction(async (tx) => {
    const job = await jobIn(tx, db, year, jobId);
    const next = { ...job, ...change(job) };
    tx.set(db.doc(aggregationPath(year, jobId)), next);
    return next;
  });
}

async function jobIn(tx: Transaction, db: Firestore, year: string, jobId: string): Promise<AggregationJob> {
  checkDeadline();
  const snapshot = await tx.get(db.doc(aggregationPath(year, jobId)));
  return AggregationJob.parse(snapshot.data());
}

/**
 * The chunks of a phase: planned once (the plan and the job's new total in one transaction), then
 * read back as planned, so a rerun covers exactly the units the first run planned.
 */
export async function planChunks(
  db: Firestore,
  year: string,
  jobId: string,
  phase: string,
  plan: () => Promise<string[][]>,
): Promise<StoredChunk[]> {
  const chunksOf = db.doc(aggregationPath(year, jobId)).collection(CHUNKS);
  const stored = await chunksOf.where("phase", "==", phase).get();
  if (!stored.empty)
    return stored.docs.map((doc) => doc.data() as StoredChunk).sort((a, b) => a.index - b.index);
  const planned = (await plan()).map(
    (unitIds, index): StoredChunk => ({ phase, index, unitIds, done: false }),
  );
  return db.runTransaction(async (tx) => {
    const job = await jobIn(tx, db, year, jobId);
    const again = await tx.get(chunksOf.where("phase", "==", phase));
    if (!again.empty)
      return again.docs.map((doc) => doc.data() as StoredChunk).sort((a, b) => a.index - b.index);
    for (const chunk of planned) tx.create(chunksOf.doc(chunkId(phase, chunk.index)), chunk);
    tx.set(db.doc(aggregationPath(year, jobId)), { ...job, chunksTotal: job.chunksTotal + planned.length });
    return planned;
  });
}

/** What one chunk stores: one document (a unit's, or a result's) under the job's `units` or `results`. */
export interface UnitOutcome {
  unitId: string;
  data: Record<string, unknown>;
}

/**
 * Commits a chunk's effects with its done mark and the job's progress, unless another run did
 * already (then nothing is written and false is returned).
 */
export async function commitChunk(
  db: Firestore,
  year: string,
  jobId: string,
  chunk: StoredChunk,
  outcomes: readonly UnitOutcome[],
  counts: AggregationCounts,
  collection: OutcomeCollection = "units",
): Promise<boolean> {
  const jobRef = db.doc(aggregationPath(year, jobId));
  const ref = jobRef.collection(CHUNKS).doc(chunkId(chunk.phase, chunk.index));
  return db.runTransaction(async (tx) => {
    const job = await jobIn(tx, db, year, jobId);
    const snapshot = await tx.get(ref);
    if (snapshot.get("done") === true) return false;
    for (const outcome of outcomes) tx.set(jobRef.collection(collection).doc(outcome.unitId), outcome.data);
    tx.set(ref, { ...chunk, done: true, counts });
    tx.set(jobRef, { ...job, chunksDone: job.chunksDone + 1 });
    return true;
  });
}

/**
 * Writes a step's results in several commits (a batch each, as `commits` groups them), before
 * the done mark: documents are set by id, so an attempt that stops between commits and is
 * redone leaves what one clean attempt writes. `afterCommit` runs after each (tests stop there).
 */
export async function writeResultCommits(
  db: Firestore,
  year: string,
  jobId: string,
  commits: readonly (readonly UnitOutcome[])[],
  afterCommit?: (index: number) => void | Promise<void>,
): Promise<void> {
  const results = db.doc(aggregationPath(year, jobId)).collection("results");
  for (const [index, outcomes] of commits.entries()) {
    checkDeadline();
    const batch = db.batch();
    for (const outcome of outcomes) batch.set(results.doc(outcome.unitId), outcome.data);
    await batch.commit();
    await afterCommit?.(index);
  }
}

/** The documents a step phase's done mark lists, in its order; none while the step is not done. */
export async function stepDocuments(
  db: Firestore,
  year: string,
  jobId: string,
  phase: string,
): Promise<Record<string, unknown>[]> {
  const jobRef = db.doc(aggregationPath(year, jobId));
  const mark = await jobRef.collection(CHUNKS).doc(chunkId(phase, 0)).get();
  const ids = mark.get("done") === true ? ((mark.get("documents") ?? []) as string[]) : [];
  if (ids.length === 0) return [];
  const snapshots = await db.getAll(...ids.map((id) => jobRef.collection("results").doc(id)));
  return snapshots.map((doc) => doc.data() ?? {});
}

/** The sum of the counts of every committed chunk: the job's totals, whichever run committed them. */
export async function committedCounts(
  db: Firestore,
  year: string,
  jobId: string,
): Promise<AggregationCounts> {
  const chunks = await db
    .doc(aggregationPath(year, jobId))
    .collection(CHUNKS)
    .where("done", "==", true)
    .get();
  return chunks.docs.reduce(
    (sum, doc) => addCounts(sum, (doc.get("counts") as AggregationCounts | undefined) ?? emptyCounts()),
    emptyCounts(),
  );
}

/** Records the job's end (SUCCEEDED or FAILED) with an audit entry of the change. */
export async function finishAggregationJob(
  db: Firestore,
  year: string,
  jobId: string,
  end: Pick<AggregationJob, "state" | "counts" | "finishedAt" | "error">,
  meta: WriteMeta,
): Promise<AggregationJob> {
  return db.runTransaction(async (tx) => {
    const before = await jobIn(tx, db, year, jobId);
    const after = { ...before, ...end };
    const path = aggregationPath(year, jobId);
    tx.set(db.doc(path), after);
    appendAudit(db, tx, { action: "update", path, before, after, meta, source: undefined });
    return after;
  });
}

/** The job's documents of one collection whose `kind` is `kind`, in id order (a result split in parts). */
export async function jobDocuments(
  db: Firestore,
  year: string,
  jobId: string,
  collection: OutcomeCollection,
  kind?: string,
): Promise<Record<string, unknown>[]> {
  const documents = db.doc(aggregationPath(year, jobId)).collection(collection);
  const snapshot = await (kind === undefined ? documents : documents.where("kind", "==", kind)).get();
  return snapshot.docs.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((doc) => doc.data());
}

/** The year's most recently finished job that succeeded, if any. */
export async function latestSucceededJob(db: Firestore, year: string): Promise<AggregationJob | undefined> {
  // A year holds a few jobs: sorted here, so the query needs no composite index.
  const snapshot = await db
    .collection(`${COLLECTIONS.years}/${year}/${COLLECTIONS.aggregations}`)
    .where("state", "==", "SUCCEEDED")
    .get();
  return snapshot.docs
    .flatMap((doc) => {
      const job = AggregationJob.safeParse(doc.data());
      return job.success ? [job.data] : [];
    })
    .sort((a, b) => (b.finishedAt ?? "").localeCompare(a.finishedAt ?? ""))[0];
}

/** The stored verdicts of `unitIds` under the job, in that order (a unit without a document left out). */
export async function judgedUnits(
  db: Firestore,
  year: string,
  jobId: string,
  unitIds: readonly string[],
): Promise<{ unitId: string; results: unknown[]; error: unknown }[]> {
  if (unitIds.length === 0) return [];
  const units = db.doc(aggregationPath(year, jobId)).collection("units");
  const snapshots = await db.getAll(...unitIds.map((id) => units.doc(id)));
  return snapshots.flatMap((doc) =>
    doc.exists
      ? [
          {
            unitId: doc.id,
            results: (doc.get("results") ?? []) as unknown[],
            error: doc.get("error") ?? null,
          },
        ]
      : [],
  );
}
