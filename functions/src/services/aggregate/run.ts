/**
 * Use case "the province's year-end aggregation" (docs/design.md §5.4): one service behind the CLI
 * (`tdkt aggregate`), the API (`POST /v1/years/{year}:aggregate`) and the scheduled CloudEvent job.
 * A job is created once (once per CloudEvent id), then run through AGGREGATION_PHASES in order;
 * each phase is resumable per chunk, so a rerun of a crashed or failed job finishes it and the
 * stored result is the one clean run would give.
 */
import { randomUUID } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { mayAggregateProvince } from "../../domain/access.js";
import { type AggregationJob, emptyCounts, isResumable } from "../../domain/aggregation.js";
import { AppError, isAppError } from "../../domain/errors.js";
import { aggregateMessages, eligibilityServiceMessages } from "../../domain/messages/index.js";
import type { User } from "../../domain/model.js";
import { isSchoolYear } from "../../domain/school-year.js";
import {
  committedCounts,
  createAggregationJob,
  finishAggregationJob,
  loadAggregationJob,
  updateAggregationJob,
} from "../../store/aggregations.js";
import { outsideDeadline } from "../../store/deadline.js";
import { fingerprintOf, withIdempotency } from "../../store/idempotency.js";
import { loadYearConfig } from "../../store/years.js";
import { evaluatePhase } from "./evaluate.js";
import { type AggregationContext, type AggregationPhase, type Progress, runPhase } from "./phase.js";
import {
  aggregationResults,
  consolidatePhase,
  documentsPhase,
  levelingPhase,
  rankPhase,
  resultsSummary,
  summarySheetPhase,
} from "./results.js";

/**
 * The phases, in order (docs/design.md §5.4): judge every unit, consolidate the lists by deciding
 * authority, rank the cụm/khối, the bình xét report, the Department's dossier from the stored
 * consolidation, the summary spreadsheet from what the phases stored.
 */
const AGGREGATION_PHASES: readonly AggregationPhase[] = [
  evaluatePhase,
  consolidatePhase,
  rankPhase,
  levelingPhase,
  documentsPhase,
  summarySheetPhase,
];

export interface StartRequest {
  /** The CloudEvent id: the same event delivered again finds the job it started. */
  eventId?: string | undefined;
  /** Who starts it: a user's e-mail, "cli", "scheduler". */
  actor: string;
  requestId?: string | undefined;
}

function requireYear(year: string): void {
  if (!isSchoolYear(year))
    throw new AppError(
      "INVALID_ARGUMENT",
      eligibilityServiceMessages.invalidYear(year),
      undefined,
      "path.year",
    );
}

/** Creates the year's job (QUEUED), or finds the one the same event created. */
export async function startAggregation(
  db: Firestore,
  year: string,
  request: StartRequest,
): Promise<{ job: AggregationJob; created: boolean }> {
  requireYear(year);
  if (!(await loadYearConfig(db, year)))
    throw new AppError("MISSING_DATA", aggregateMessages.yearNotConfigured(year), undefined, "path.year");
  const job: AggregationJob = {
    jobId: randomUUID(),
    year,
    state: "QUEUED",
    phase: null,
    chunksDone: 0,
    chunksTotal: 0,
    counts: emptyCounts(),
    actor: request.actor,
    eventId: request.eventId ?? null,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
    error: null,
  };
  return createAggregationJob(db, job, {
    actor: request.actor,
    requestId: request.requestId ?? request.eventId ?? job.jobId,
  });
}

/** 25 schools of ~40 staff: a chunk reads a few thousand documents and commits well under Firestore's 10 MiB. */
const UNITS_PER_CHUNK = 25;

export interface RunOptions {
  progress?: Progress;
  /** Units per chunk of a phase planned by this run (UNITS_PER_CHUNK); tests take small chunks. */
  unitsPerChunk?: number;
  /** Called after each committed chunk (tests stop a run there, as a crash would). */
  afterChunk?: AggregationContext["afterChunk"];
  /** Called after each commit of a step phase's documents, before its done mark (tests stop there). */
  afterStepCommit?: AggregationContext["afterStepCommit"];
  /** The Department's dossier: its unit, options and file store; without it the documents phase is skipped. */
  departmentDossier?: AggregationContext["departmentDossier"];
  /** The summary spreadsheet's client (tests: the local fake). */
  sheets?: AggregationContext["sheets"];
}

export interface RunOutcome {
  job: AggregationJob;
  /** Milliseconds per step of this run (read, evaluate, write): nothing when the job was already done. */
  timings: Record<string, number>;
  /** Wall milliseconds per phase of this run, by phase name (the benchmark prints them). */
  phaseTimings: Record<string, number>;
}

/**
 * Runs (or resumes) a job through every phase. A job that already succeeded is returned as it is;
 * a failure is recorded on the job (FAILED, with its reason) and thrown, and a rerun resumes.
 */
export async function runAggregation(
  db: Firestore,
  year: string,
  jobId: string,
  options: RunOptions = {},
): Promise<RunOutcome> {
  requireYear(year);
  const stored = await loadAggregationJob(db, year, jobId);
  if (!stored) throw new AppError("NOT_FOUND", aggregateMessages.jobNotFound(jobId, year));
  const context: AggregationContext = {
    db,
    year,
    jobId,
    afterChunk: options.afterChunk,
    afterStepCommit: options.afterStepCommit,
    unitsPerChunk: options.unitsPerChunk ?? UNITS_PER_CHUNK,
    timings: {},
    departmentDossier: options.departmentDossier,
    sheets: options.sheets,
    phaseTimings: {},
  };
  const measured = { timings: context.timings, phaseTimings: context.phaseTimings };
  if (!isResumable(stored.state)) return { job: stored, ...measured };
  const meta = { actor: stored.actor, requestId: stored.eventId ?? jobId };
  const progress = options.progress ?? (() => {});
  try {
    await updateAggregationJob(db, year, jobId, (job) => ({
      state: "RUNNING",
      startedAt: job.startedAt ?? new Date().toISOString(),
      error: null,
    }));
    for (const phase of AGGREGATION_PHASES) {
      await updateAggregationJob(db, year, jobId, () => ({ phase: phase.name }));
      await runPhase(context, phase, progress);
    }
    const job = await finishAggregationJob(
      db,
      year,
      jobId,
      {
        state: "SUCCEEDED",
        counts: await committedCounts(db, year, jobId),
        finishedAt: new Date().toISOString(),
        error: null,
      },
      meta,
    );
    return { job, ...measured };
  } catch (error) {
    const reason = isAppError(error)
      ? { code: error.code, message: error.message }
      : { code: "INTERNAL", message: aggregateMessages.failed(aggregateMessages.internalFailure()) };
    // Recorded when the store still answers; the error thrown is the run's own either way.
    await committedCounts(db, year, jobId)
      .then((counts) =>
        finishAggregationJob(
          db,
          year,
          jobId,
          { state: "FAILED", counts, finishedAt: null, error: reason },
          meta,
        ),
      )
      .catch(() => {});
    throw error;
  }
}

function requireProvinceRole(user: User): void {
  if (!mayAggregateProvince(user)) throw new AppError("PERMISSION_DENIED", aggregateMessages.forbidden());
}

/**
 * `POST /v1/years/{year}:aggregate`: creates the job and runs it after answering (202). The run
 * is not bound to the request's budget; a run that dies with its instance stays RUNNING until
 * `tdkt aggregate --year Y --job ID` resumes it.
 */
export async function requestAggregation(
  db: Firestore,
  user: User,
  year: string,
  request: { requestId: string; idempotencyKey: string | undefined },
): Promise<Pick<AggregationJob, "jobId" | "state">> {
  requireProvinceRole(user);
  requireYear(year);
  const start = async () => {
    const { job } = await startAggregation(db, year, { actor: user.email, requestId: request.requestId });
    outsideDeadline(() => {
      // The job records its own failure; nobody awaits this run.
      runAggregation(db, year, job.jobId).catch(() => {});
    });
    return { jobId: job.jobId, state: job.state };
  };
  if (!request.idempotencyKey) return start();
  const stored = await withIdempotency(
    db,
    {
      key: request.idempotencyKey,
      scope: `aggregate:${year}:${user.email}`,
      fingerprint: fingerprintOf({ year }),
    },
    start,
  );
  return stored.value;
}

/** `GET /v1/years/{year}/aggregations/{jobId}`: the job as stored. */
export async function aggregationStatus(
  db: Firestore,
  user: User,
  year: string,
  jobId: string,
): Promise<AggregationJob> {
  requireProvinceRole(user);
  requireYear(year);
  const job = await loadAggregationJob(db, year, jobId);
  if (!job) throw new AppError("NOT_FOUND", aggregateMessages.jobNotFound(jobId, year));
  return job;
}

/** `GET /v1/years/{year}/aggregations/{jobId}/results`: what a succeeded job stored, summarised. */
export async function aggregationResultsFor(db: Firestore, user: User, year: string, jobId: string) {
  await aggregationStatus(db, user, year, jobId);
  return resultsSummary(await aggregationResults(db, year, jobId));
}
