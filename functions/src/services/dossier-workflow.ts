/**
 * Use case "move a dossier along its workflow" (docs/domain.md §13, the table of domain/workflow.ts):
 * the school submits; its managing level (its commune for commune-managed schools, the Department
 * otherwise) returns, appraises, brings it to the council, approves, records the decision,
 * suspends (G-04) or revokes (G-10). Each step is a read-modify-write in one transaction, recorded
 * in the dossier's history — who, for which level, under which legal basis — and the audit log.
 */
import type { Firestore } from "@google-cloud/firestore";
import { type WorkflowRole, workflowRolesOf } from "../domain/access.js";
import { dateInVietnam } from "../domain/calendar.js";
import { type DossierState, DossierState as DossierStateSchema } from "../domain/codes.js";
import { COLLECTIONS } from "../domain/collections.js";
import { legalBasisVersionOn } from "../domain/eligibility/index.js";
import { AppError, isAppError } from "../domain/errors.js";
import {
  dossierStateLabels,
  roleLabels,
  workflowActionLabels,
  workflowMessages,
  workflowPartyLabels,
} from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import {
  judgeStep,
  nextSteps,
  StepLevel,
  type StepParty,
  type StepRefusal,
  type StepRequest,
  type WorkflowStep,
} from "../domain/workflow.js";
import { dossierUnitOf } from "../store/readers.js";
import { updateDocument } from "../store/writes.js";
import { requireUnitAccess, unitScopeOf } from "./unit-access.js";

export interface TransitionRequest {
  dossierId: string;
  to: string;
  note?: string | undefined;
  requestId: string;
}

interface HistoryStep {
  to?: unknown;
  level?: unknown;
  unitId?: unknown;
}

export type StoredDossier = Record<string, unknown> & {
  state?: DossierState;
  history?: HistoryStep[];
  unitId?: string;
  year?: string;
  /** The decisions recorded on the dossier and their state (services/decisions.ts). */
  decisions?: Record<string, string>;
};

export async function transitionDossier(db: Firestore, user: User, request: TransitionRequest) {
  const to = DossierStateSchema.safeParse(request.to);
  if (!to.success)
    throw new AppError("INVALID_ARGUMENT", workflowMessages.unknownState(request.to), undefined, "body.to");
  const path = `${COLLECTIONS.dossiers}/${request.dossierId}`;
  const unitId = await dossierUnitOf(db, request.dossierId);
  if (!unitId) throw new AppError("NOT_FOUND", workflowMessages.notFound(request.dossierId));
  const unit = await requireUnitAccess(db, user, unitId, "read");
  const roles = workflowRolesOf(user, unitScopeOf(unit));
  if (roles.length === 0)
    throw new AppError("PERMISSION_DENIED", workflowMessages.notManagingLevel(unit.managingBodyName));

  return updateDocument<StoredDossier>(
    db,
    path,
    (stored) => takeStepAs(stored, roles, to.data, user, request.note),
    { actor: user.email, requestId: request.requestId },
  );
}

/**
 * The step taken in the first of the user's roles whose step it is. Refused in every role, the
 * refusal of a role the step belongs to wins (409 with the allowed steps, 400 for a missing note)
 * over "not your step" (403).
 */
function takeStepAs(
  stored: StoredDossier | undefined,
  roles: readonly WorkflowRole[],
  to: DossierState,
  user: User,
  note: string | undefined,
): StoredDossier {
  const refusals: AppError[] = [];
  for (const { actor, party, onBehalfOf } of roles)
    try {
      return takeStep(
        stored,
        { to, actor, role: user.role, party, note },
        user,
        onBehalfOf ? { onBehalfOf } : {},
      );
    } catch (error) {
      if (!isAppError(error)) throw error;
      refusals.push(error);
    }
  throw refusals.find((refusal) => refusal.code !== "PERMISSION_DENIED") ?? refusals[0];
}

/**
 * The dossier after one step of the table, judged on its stored state: the new state and a history
 * entry naming the action, who took it for which level, when, and the legal basis in force that
 * day. Refused steps throw (409 with the allowed steps, 403, 400). `extra` goes into the entry
 * (the decision behind a decider's step).
 */
export function takeStep(
  stored: StoredDossier | undefined,
  request: Omit<StepRequest, "from" | "suspendedBy">,
  user: User,
  extra: Record<string, unknown> = {},
): StoredDossier {
  const from = stored?.state ?? "DRAFT";
  const history = stored?.history ?? [];
  const verdict = judgeStep({
    ...request,
    from,
    suspendedBy: from === "SUSPENDED" ? suspenderOf(history) : undefined,
  });
  if ("refusal" in verdict) throw refusalError(verdict.refusal, from, request.to);
  return {
    ...stored,
    state: request.to,
    history: [...history, historyEntry(verdict.step, request, user, extra)],
  };
}

function historyEntry(
  step: WorkflowStep,
  request: Omit<StepRequest, "from" | "suspendedBy">,
  user: User,
  extra: Record<string, unknown>,
) {
  const now = new Date();
  return {
    from: step.from,
    to: step.to,
    action: step.action,
    actor: user.email,
    role: user.role,
    level: request.party.level,
    unitId: request.party.unitId,
    at: now.toISOString(),
    legalBasisVersion: legalBasisVersionOn(dateInVietnam(now)),
    ...(request.note ? { note: request.note } : {}),
    ...extra,
  };
}

/** The party of the latest suspension, when the history recorded it. */
function suspenderOf(history: readonly HistoryStep[]): StepParty | undefined {
  const suspension = history.findLast((step) => step.to === "SUSPENDED");
  const level = StepLevel.safeParse(suspension?.level);
  if (!level.success || typeof suspension?.unitId !== "string") return undefined;
  return { level: level.data, unitId: suspension.unitId };
}

function refusalError(refusal: StepRefusal, from: DossierState, to: DossierState): AppError {
  switch (refusal.reason) {
    case "NOT_THEIR_STEP":
      return new AppError(
        "PERMISSION_DENIED",
        refusal.actor === "SCHOOL" ? workflowMessages.appraisersOnly() : workflowMessages.schoolOnly(),
      );
    case "NOT_IN_WORKFLOW":
      return new AppError(
        "CONFLICT",
        workflowMessages.notAllowed(
          dossierStateLabels[from],
          dossierStateLabels[to],
          refusal.allowed.map((state) => dossierStateLabels[state]),
        ),
        { from, allowed: nextSteps(from) },
      );
    case "BY_DECISION":
      return new AppError("CONFLICT", workflowMessages.byDecision(workflowActionLabels[refusal.action]), {
        from,
        allowed: nextSteps(from),
      });
    case "NOT_THEIR_ROLE":
      return new AppError(
        "PERMISSION_DENIED",
        workflowMessages.notTheirRole(refusal.roles.map((role) => roleLabels[role])),
      );
    case "NOT_SUSPENDER":
      return new AppError(
        "PERMISSION_DENIED",
        workflowMessages.suspendedByOther(
          refusal.suspendedBy.level === "SO"
            ? workflowPartyLabels.SO
            : `${workflowPartyLabels[refusal.suspendedBy.level]} (${refusal.suspendedBy.unitId})`,
        ),
      );
    case "NOTE_REQUIRED":
      return new AppError(
        "INVALID_ARGUMENT",
        workflowMessages.noteRequired(dossierStateLabels[to]),
        undefined,
        "body.note",
      );
  }
}
