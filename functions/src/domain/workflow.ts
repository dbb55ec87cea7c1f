/**
 * The dossier workflow (docs/domain.md §13) as one table: each row is a step — from which state, to
 * which, who takes it, and what it needs beyond that. The school sends (and re-sends) its own
 * dossier; every later step belongs to the appraiser, the level that manages the school (the
 * decider matrix, authority.ts). Rows can be added (decisions, publication) without new code.
 */
import { z } from "zod";
import type { ManagingLevel } from "./authority.js";
import type { DossierState } from "./codes.js";

/** SCHOOL: the unit whose dossier it is. APPRAISER: the unit's managing level (its commune, or the Department). */
export const WORKFLOW_ACTORS = ["SCHOOL", "APPRAISER"] as const;
export type WorkflowActor = (typeof WORKFLOW_ACTORS)[number];

/**
 * NOTE_REQUIRED: the step states its reason (a dossier returned, suspended or revoked says why).
 * SUSPENDER_ONLY: only the level that suspended the dossier takes it (G-04: who suspends, lifts).
 */
const STEP_CONDITIONS = ["NOTE_REQUIRED", "SUSPENDER_ONLY"] as const;
type StepCondition = (typeof STEP_CONDITIONS)[number];

export interface WorkflowStep {
  from: DossierState;
  to: DossierState;
  actor: WorkflowActor;
  conditions: readonly StepCondition[];
}

const step = (
  from: DossierState,
  to: DossierState,
  actor: WorkflowActor,
  ...conditions: StepCondition[]
): WorkflowStep => ({ from, to, actor, conditions });

const WORKFLOW: readonly WorkflowStep[] = [
  step("DRAFT", "SUBMITTED", "SCHOOL"),
  step("RETURNED", "SUBMITTED", "SCHOOL"),
  step("SUBMITTED", "RETURNED", "APPRAISER", "NOTE_REQUIRED"),
  step("SUBMITTED", "UNDER_APPRAISAL", "APPRAISER"),
  step("SUBMITTED", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("UNDER_APPRAISAL", "RETURNED", "APPRAISER", "NOTE_REQUIRED"),
  step("UNDER_APPRAISAL", "COUNCIL_REVIEW", "APPRAISER"),
  step("UNDER_APPRAISAL", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("COUNCIL_REVIEW", "RETURNED", "APPRAISER", "NOTE_REQUIRED"),
  step("COUNCIL_REVIEW", "APPROVED", "APPRAISER"),
  step("COUNCIL_REVIEW", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("APPROVED", "DECISION_ISSUED", "APPRAISER"),
  step("APPROVED", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("DECISION_ISSUED", "PUBLISHED", "APPRAISER"),
  step("DECISION_ISSUED", "REVOKED", "APPRAISER", "NOTE_REQUIRED"),
  step("PUBLISHED", "REVOKED", "APPRAISER", "NOTE_REQUIRED"),
  step("SUSPENDED", "SUBMITTED", "APPRAISER", "SUSPENDER_ONLY"),
  step("SUSPENDED", "UNDER_APPRAISAL", "APPRAISER", "SUSPENDER_ONLY"),
  step("SUSPENDED", "COUNCIL_REVIEW", "APPRAISER", "SUSPENDER_ONLY"),
  step("SUSPENDED", "REVOKED", "APPRAISER", "SUSPENDER_ONLY", "NOTE_REQUIRED"),
];

export const nextStates = (from: DossierState): DossierState[] =>
  WORKFLOW.filter((row) => row.from === from).map((row) => row.to);

/** A dossier's documents may be (re)built only while the school still holds it. */
const REBUILDABLE: ReadonlySet<DossierState> = new Set(["DRAFT", "RETURNED"]);
export const isRebuildable = (state: DossierState): boolean => REBUILDABLE.has(state);
export const rebuildableStates = (): DossierState[] => [...REBUILDABLE];

/** The level a step is taken for: the school itself, or its managing level. */
export const StepLevel = z.enum(["SCHOOL", "XA", "SO"] as const satisfies readonly (
  | "SCHOOL"
  | ManagingLevel
)[]);
export type StepLevel = z.infer<typeof StepLevel>;

/** Who took a step, as the history records it: the acting level and the unit it acts from. */
export interface StepParty {
  level: StepLevel;
  unitId: string;
}

/** The Department is one level whatever unit its staff are filed under; a commune or school is itself. */
const isSameParty = (a: StepParty, b: StepParty): boolean =>
  a.level === b.level && (a.level === "SO" || a.unitId === b.unitId);

export interface StepRequest {
  from: DossierState;
  to: DossierState;
  actor: WorkflowActor;
  party: StepParty;
  note?: string | undefined;
  /** Who suspended the dossier, when it is suspended and the history says so. */
  suspendedBy?: StepParty | undefined;
}

export type StepRefusal =
  /** The actor never takes a dossier to this state. */
  | { reason: "NOT_THEIR_STEP"; actor: WorkflowActor }
  /** The state has no such step; `allowed` are the steps it has. */
  | { reason: "NOT_IN_WORKFLOW"; allowed: DossierState[] }
  | { reason: "NOT_SUSPENDER"; suspendedBy: StepParty }
  | { reason: "NOTE_REQUIRED" };

/** The row that allows the step, or why it is refused (checked in this order). */
export function judgeStep(request: StepRequest): { step: WorkflowStep } | { refusal: StepRefusal } {
  const { from, to, actor } = request;
  if (!WORKFLOW.some((row) => row.to === to && row.actor === actor))
    return { refusal: { reason: "NOT_THEIR_STEP", actor } };
  const row = WORKFLOW.find((candidate) => candidate.from === from && candidate.to === to);
  if (!row) return { refusal: { reason: "NOT_IN_WORKFLOW", allowed: nextStates(from) } };
  if (row.actor !== actor) return { refusal: { reason: "NOT_THEIR_STEP", actor } };
  // A suspension recorded before levels were kept in the history names no suspender: its appraiser lifts it.
  const { suspendedBy } = request;
  if (row.conditions.includes("SUSPENDER_ONLY") && suspendedBy && !isSameParty(suspendedBy, request.party))
    return { refusal: { reason: "NOT_SUSPENDER", suspendedBy } };
  if (row.conditions.includes("NOTE_REQUIRED") && !request.note?.trim())
    return { refusal: { reason: "NOTE_REQUIRED" } };
  return { step: row };
}
