/**
 * The dossier workflow (docs/domain.md §13) as one table: each row is a step — from which state, to
 * action, to which, who takes it (the actor and its roles), and what it needs beyond that. The
 * school sends (and re-sends) its own dossier; the appraiser, the level that manages the school,
 * takes it to approval; the decision's steps belong to the deciding level and are taken by its
 * decision. The README prints this table (test/unit/access/workflow.test.ts keeps it in step).
 */
import { z } from "zod";
import type { ManagingLevel } from "./authority.js";
import type { DossierState, Role } from "./codes.js";

/**
 * SCHOOL: the unit whose dossier it is (a school; the Department for its own dossier to the
 * province). APPRAISER: the unit's managing level (its commune, the Department, or — for the
 * Department's dossier — the province, whose steps the Department records on its behalf). DECIDER: the level that decides the proposals (authority.ts deciderOf), whose steps
 * are taken by recording, publishing or revoking its decision (services/decisions.ts), never by a
 * bare transition.
 */
export const WORKFLOW_ACTORS = ["SCHOOL", "APPRAISER", "DECIDER"] as const;
export type WorkflowActor = (typeof WORKFLOW_ACTORS)[number];

/** The name of each step, as the history records it. */
export const WORKFLOW_ACTIONS = [
  "SUBMIT",
  "RETURN",
  "ACCEPT",
  "SEND_TO_COUNCIL",
  "APPROVE",
  "RECORD_DECISION",
  "PUBLISH",
  "SUSPEND",
  "RESUME",
  "REVOKE",
] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

/**
 * NOTE_REQUIRED: the step states its reason (a dossier returned, suspended or revoked says why).
 * SUSPENDER_ONLY: only the level that suspended the dossier takes it (G-04: who suspends, lifts).
 */
const STEP_CONDITIONS = ["NOTE_REQUIRED", "SUSPENDER_ONLY"] as const;
type StepCondition = (typeof STEP_CONDITIONS)[number];

/**
 * The roles of each actor (access.ts): a school's officer or principal — or the Department's staff
 * for the Department's own dossier to the province; a commune's or the Department's staff.
 */
const ACTOR_ROLES: Record<WorkflowActor, readonly Role[]> = {
  SCHOOL: ["SCHOOL_OFFICER", "PRINCIPAL", "DEPT_SPECIALIST", "ADMIN"],
  APPRAISER: ["COMMUNE_SPECIALIST", "DEPT_SPECIALIST", "ADMIN"],
  DECIDER: ["COMMUNE_SPECIALIST", "DEPT_SPECIALIST", "ADMIN"],
};

export interface WorkflowStep {
  from: DossierState;
  action: WorkflowAction;
  to: DossierState;
  actor: WorkflowActor;
  /** The roles that may take the step for its actor. */
  roles: readonly Role[];
  conditions: readonly StepCondition[];
}

const step = (
  from: DossierState,
  action: WorkflowAction,
  to: DossierState,
  actor: WorkflowActor,
  ...conditions: StepCondition[]
): WorkflowStep => ({ from, action, to, actor, roles: ACTOR_ROLES[actor], conditions });

export const WORKFLOW: readonly WorkflowStep[] = [
  step("DRAFT", "SUBMIT", "SUBMITTED", "SCHOOL"),
  step("RETURNED", "SUBMIT", "SUBMITTED", "SCHOOL"),
  step("SUBMITTED", "RETURN", "RETURNED", "APPRAISER", "NOTE_REQUIRED"),
  step("SUBMITTED", "ACCEPT", "UNDER_APPRAISAL", "APPRAISER"),
  step("SUBMITTED", "SUSPEND", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("UNDER_APPRAISAL", "RETURN", "RETURNED", "APPRAISER", "NOTE_REQUIRED"),
  step("UNDER_APPRAISAL", "SEND_TO_COUNCIL", "COUNCIL_REVIEW", "APPRAISER"),
  step("UNDER_APPRAISAL", "SUSPEND", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("COUNCIL_REVIEW", "RETURN", "RETURNED", "APPRAISER", "NOTE_REQUIRED"),
  step("COUNCIL_REVIEW", "APPROVE", "APPROVED", "APPRAISER"),
  step("COUNCIL_REVIEW", "SUSPEND", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("APPROVED", "RECORD_DECISION", "DECISION_ISSUED", "DECIDER"),
  step("APPROVED", "SUSPEND", "SUSPENDED", "APPRAISER", "NOTE_REQUIRED"),
  step("DECISION_ISSUED", "PUBLISH", "PUBLISHED", "DECIDER"),
  step("DECISION_ISSUED", "REVOKE", "REVOKED", "DECIDER", "NOTE_REQUIRED"),
  step("PUBLISHED", "REVOKE", "REVOKED", "DECIDER", "NOTE_REQUIRED"),
  step("SUSPENDED", "RESUME", "SUBMITTED", "APPRAISER", "SUSPENDER_ONLY"),
  step("SUSPENDED", "RESUME", "UNDER_APPRAISAL", "APPRAISER", "SUSPENDER_ONLY"),
  step("SUSPENDED", "RESUME", "COUNCIL_REVIEW", "APPRAISER", "SUSPENDER_ONLY"),
  step("SUSPENDED", "REVOKE", "REVOKED", "APPRAISER", "SUSPENDER_ONLY", "NOTE_REQUIRED"),
];

export const nextStates = (from: DossierState): DossierState[] =>
  WORKFLOW.filter((row) => row.from === from).map((row) => row.to);

/** The steps a state has, as a refusal lists them: the action and where it leads. */
export const nextSteps = (from: DossierState): { action: WorkflowAction; to: DossierState }[] =>
  WORKFLOW.filter((row) => row.from === from).map(({ action, to }) => ({ action, to }));

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
  role: Role;
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
  /** The step is the decider's: it is taken by recording, publishing or revoking the decision. */
  | { reason: "BY_DECISION"; action: WorkflowAction }
  | { reason: "NOT_THEIR_ROLE"; roles: readonly Role[] }
  | { reason: "NOT_SUSPENDER"; suspendedBy: StepParty }
  | { reason: "NOTE_REQUIRED" };

/** The row that allows the step, or why it is refused (checked in this order). */
export function judgeStep(request: StepRequest): { step: WorkflowStep } | { refusal: StepRefusal } {
  const { from, to, actor } = request;
  // The appraiser is told a decider's step exists (and how it is taken); a school is not.
  const reaches = (row: WorkflowStep) =>
    row.to === to && (row.actor === actor || (actor === "APPRAISER" && row.actor === "DECIDER"));
  if (!WORKFLOW.some(reaches)) return { refusal: { reason: "NOT_THEIR_STEP", actor } };
  const row = WORKFLOW.find((candidate) => candidate.from === from && candidate.to === to);
  if (!row) return { refusal: { reason: "NOT_IN_WORKFLOW", allowed: nextStates(from) } };
  if (row.actor === "DECIDER" && actor !== "DECIDER")
    return { refusal: { reason: "BY_DECISION", action: row.action } };
  if (row.actor !== actor) return { refusal: { reason: "NOT_THEIR_STEP", actor } };
  if (!row.roles.includes(request.role)) return { refusal: { reason: "NOT_THEIR_ROLE", roles: row.roles } };
  // A suspension recorded before levels were kept in the history names no suspender: its appraiser lifts it.
  const { suspendedBy } = request;
  if (row.conditions.includes("SUSPENDER_ONLY") && suspendedBy && !isSameParty(suspendedBy, request.party))
    return { refusal: { reason: "NOT_SUSPENDER", suspendedBy } };
  if (row.conditions.includes("NOTE_REQUIRED") && !request.note?.trim())
    return { refusal: { reason: "NOTE_REQUIRED" } };
  return { step: row };
}
