/**
 * Use case "record the decision" (docs/domain.md §7, §13, G-10): the deciding level enters its
 * quyết định once — number, date, issuer, signer, the proposals it approves of one or more approved
 * dossiers. One transaction writes the decision, one awards ledger entry per approved subject (ids
 * of document-ids.ts: a retry never duplicates) and the dossiers' step to DECISION_ISSUED, each
 * with its audit entry. Publication freezes the decision; revocation (G-10) needs a reason, keeps
 * everything and marks the ledger entries revoked, so no later count sees them (store/readers.ts).
 */
import type { Firestore } from "@google-cloud/firestore";
import { z } from "zod";
import { canAccessUnit, isDepartmentRole } from "../domain/access.js";
import { dateInVietnam } from "../domain/calendar.js";
import { COLLECTIONS } from "../domain/collections.js";
import { Decision, type DecisionLevel, type DecisionState } from "../domain/decision.js";
import { decisionId } from "../domain/document-ids.js";
import { formatDocumentNumber } from "../domain/document-number.js";
import { legalBasisVersionOn } from "../domain/eligibility/index.js";
import { AppError, bodyField } from "../domain/errors.js";
import { awardCodeLabels, decisionMessages, documentKindText } from "../domain/messages/index.js";
import type { Award, User } from "../domain/model.js";
import type { StepParty } from "../domain/workflow.js";
import { fingerprintOf, withIdempotency } from "../store/idempotency.js";
import { loadDecision } from "../store/readers.js";
import { loadUnit } from "../store/registry.js";
import { sameContent, updateDocuments } from "../store/writes.js";
import {
  approvedSubjects,
  DecisionInput,
  loadDossiers,
  proposalRefOf,
  requireDecidable,
} from "./decision-subjects.js";
import { type StoredDossier, takeStep } from "./dossier-workflow.js";
import { unitScopeOf } from "./unit-access.js";

const RevokeInput = z.object({ reason: z.string().max(2000) }).strict();

const decisionPath = (id: string) => `${COLLECTIONS.decisions}/${id}`;
const dossierPath = (id: string) => `${COLLECTIONS.dossiers}/${id}`;
const awardPath = (id: string) => `${COLLECTIONS.awards}/${id}`;

/** Refuses anyone but the deciding level: a commune's specialist for UBND xã, the Department for itself and the province. */
function requireDecidingLevel(
  user: User,
  level: DecisionLevel,
  issuerUnitId: string | undefined,
  field?: string,
): void {
  const allowed =
    level === "XA"
      ? user.role === "COMMUNE_SPECIALIST" && (issuerUnitId === undefined || issuerUnitId === user.unitId)
      : isDepartmentRole(user.role);
  if (!allowed)
    throw new AppError("PERMISSION_DENIED", decisionMessages.notDecidingLevel(), undefined, field);
}

const partyOf = (user: User, level: DecisionLevel): StepParty => ({
  level: level === "XA" ? "XA" : "SO",
  unitId: user.unitId,
});

function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    "INVALID_ARGUMENT",
    decisionMessages.invalidInput(`${issue?.path.join(".") || "body"}: ${issue?.message ?? ""}`),
    undefined,
    bodyField(issue?.path as PropertyKey[] | undefined),
  );
}

const historyEntry = (state: DecisionState, user: User, note?: string) => ({
  state,
  actor: user.email,
  at: new Date().toISOString(),
  legalBasisVersion: legalBasisVersionOn(dateInVietnam(new Date())),
  ...(note ? { note } : {}),
});

/** What the officer entered, as a replay must repeat it (the proposals only when it names them). */
const enteredOf = (decision: z.output<typeof DecisionInput> | Decision, withProposals: boolean) => ({
  level: decision.level,
  number: decision.number,
  date: decision.date,
  year: decision.year,
  issuer: decision.issuer,
  issuerTitle: decision.issuerTitle,
  signer: decision.signer,
  advisor: decision.advisor,
  fundSource: decision.fundSource,
  executors: decision.executors,
  copies: decision.copies,
  dossierIds: [...new Set(decision.dossierIds)],
  ...(withProposals
    ? {
        proposals: ("subjects" in decision ? decision.subjects : (decision.proposals ?? []))
          .map((subject) => `${subject.dossierId}/${subject.subjectId}/${subject.target}`)
          .sort(),
      }
    : {}),
});

/**
 * The same decision sent again (a retry, a second click) gets the stored one and changes nothing;
 * anything else under its level, number and date is refused: an issued decision is not edited.
 */
function replayOf(stored: Decision, input: z.output<typeof DecisionInput>): Decision {
  if (stored.state === "REVOKED") throw new AppError("CONFLICT", decisionMessages.revoked(stored.id));
  const named = input.proposals !== undefined;
  const same =
    sameContent(enteredOf(stored, named), enteredOf(input, named)) &&
    (input.proposalRef === undefined || input.proposalRef === stored.proposalRef);
  if (same) return stored;
  throw new AppError(
    "CONFLICT",
    stored.state === "PUBLISHED"
      ? decisionMessages.published(stored.id)
      : decisionMessages.alreadyRecorded(stored.id),
  );
}

/** A request's identity and, when the client sent one, its Idempotency-Key (store/idempotency.ts). */
export interface DecisionRequest {
  requestId: string;
  idempotencyKey?: string | undefined;
}

/**
 * Runs a decision change once per Idempotency-Key: a retry with the same key gets the first answer
 * without touching the store; the same key with another payload is 409.
 */
async function once(
  db: Firestore,
  request: DecisionRequest,
  scope: string,
  payload: unknown,
  run: () => Promise<Decision>,
): Promise<Decision> {
  if (!request.idempotencyKey) return run();
  const stored = await withIdempotency(
    db,
    { key: request.idempotencyKey, scope, fingerprint: fingerprintOf(payload) },
    run,
  );
  return stored.value;
}

export async function recordDecision(
  db: Firestore,
  user: User,
  rawInput: unknown,
  request: DecisionRequest,
): Promise<Decision> {
  return once(db, request, `decision:record:${user.email}`, rawInput, async () => {
    const { decision } = await recordOrReplayDecision(db, user, rawInput, request.requestId);
    return decision;
  });
}

/**
 * Records the decision, or finds it recorded with the same content (`replayed`: nothing written).
 * The tab "Quyết định khen thưởng" (services/decision-tab.ts) reports which, row by row.
 */
export async function recordOrReplayDecision(
  db: Firestore,
  user: User,
  rawInput: unknown,
  requestId: string,
): Promise<{ decision: Decision; replayed: boolean }> {
  const input = parseInput(DecisionInput, rawInput);
  const issuerUnitId = input.level === "XA" ? user.unitId : undefined;
  requireDecidingLevel(user, input.level, issuerUnitId, "body.level");
  const id = decisionId({ level: input.level, issuerUnitId, date: input.date, number: input.number });
  const existing = await loadDecision(db, id);
  if (existing) return { decision: replayOf(existing, input), replayed: true };
  const dossiers = await loadDossiers(db, user, input);
  const subjects = await approvedSubjects(db, input, dossiers);
  if (subjects.length === 0)
    throw new AppError(
      "UNPROCESSABLE",
      decisionMessages.nothingToDecide(),
      undefined,
      input.proposals ? "body.proposals" : "body.dossierIds",
    );

  const { proposals: _proposals, proposalRef, ...entered } = input;
  const decision: Decision = {
    ...entered,
    id,
    ...(issuerUnitId ? { issuerUnitId } : {}),
    numberText: formatDocumentNumber(
      input.number,
      documentKindText.quyetDinh.code,
      input.issuer.abbreviation,
    ),
    proposalRef: proposalRef ?? proposalRefOf(dossiers),
    dossierIds: dossiers.map((dossier) => dossier.id),
    subjects,
    state: "ISSUED",
    history: [historyEntry("ISSUED", user)],
  };
  const party = partyOf(user, input.level);
  const paths = [
    decisionPath(id),
    ...dossiers.map((dossier) => dossierPath(dossier.id)),
    ...subjects.map((subject) => awardPath(subject.awardId)),
  ];
  let result = { decision, replayed: false };
  await updateDocuments(
    db,
    paths,
    ([storedDecision, ...rest]) => {
      // Recorded meanwhile by a concurrent request: that one stands, this one is judged as its replay.
      if (storedDecision) {
        result = { decision: replayOf(Decision.parse(storedDecision), input), replayed: true };
        return paths.map(() => undefined);
      }
      result = { decision, replayed: false };
      const storedDossiers = rest.slice(0, dossiers.length) as (StoredDossier | undefined)[];
      const storedAwards = rest.slice(dossiers.length) as (Partial<Award> | undefined)[];
      const nextDossiers = storedDossiers.map((stored, index) => {
        const dossierId = dossiers[index]?.id ?? "";
        requireDecidable(dossierId, stored?.state);
        const withDecision = { ...stored, decisions: { ...stored?.decisions, [id]: "ISSUED" } };
        return stored?.state === "APPROVED"
          ? takeStep(
              withDecision,
              { to: "DECISION_ISSUED", actor: "DECIDER", role: user.role, party },
              user,
              {
                decisionId: id,
              },
            )
          : withDecision;
      });
      const nextAwards = subjects.map((subject, index): Award => {
        const before = storedAwards[index];
        if (before?.decisionId && before.decisionId !== id && before.revoked !== true)
          throw new AppError(
            "CONFLICT",
            decisionMessages.alreadyDecided(subject.name, awardCodeLabels[subject.target], before.decisionId),
          );
        return {
          id: subject.awardId,
          subjectKind: subject.subjectKind,
          subjectId: subject.subjectId,
          unitId: subject.unitId,
          code: subject.target,
          kind: subject.kind,
          year: input.year,
          decisionNo: decision.numberText,
          decisionDate: input.date,
          issuer: input.issuer.name,
          decisionId: id,
        };
      });
      return [decision, ...nextDossiers, ...nextAwards];
    },
    { actor: user.email, requestId },
  );
  return result;
}

/** The stored decision, for whoever may read one of its units. */
export async function getDecision(db: Firestore, user: User, id: string): Promise<Decision> {
  const decision = await loadDecision(db, id);
  if (!decision) throw new AppError("NOT_FOUND", decisionMessages.notFound(id), undefined, "path.id");
  const units = await Promise.all(
    [...new Set(decision.subjects.map((subject) => subject.unitId))].map((unitId) => loadUnit(db, unitId)),
  );
  const readable =
    (decision.level === "XA"
      ? decision.issuerUnitId === user.unitId && user.role === "COMMUNE_SPECIALIST"
      : isDepartmentRole(user.role)) || units.some((unit) => canAccessUnit(user, unitScopeOf(unit), "read"));
  if (!readable) throw new AppError("PERMISSION_DENIED", decisionMessages.notDecidingLevel());
  return decision;
}

/** Publishes the decision: from now on nothing of it changes; its dossiers move to PUBLISHED. */
export async function publishDecision(db: Firestore, user: User, id: string, request: DecisionRequest) {
  return once(db, request, `decision:publish:${id}:${user.email}`, { id }, () =>
    changeDecision(db, user, id, request.requestId, "PUBLISHED"),
  );
}

/** G-10: revokes the decision with its reason; its ledger entries are kept, marked revoked. */
export async function revokeDecision(
  db: Firestore,
  user: User,
  id: string,
  body: unknown,
  request: DecisionRequest,
) {
  const { reason } = parseInput(RevokeInput, body);
  if (!reason.trim())
    throw new AppError("INVALID_ARGUMENT", decisionMessages.reasonRequired(), undefined, "body.reason");
  return once(db, request, `decision:revoke:${id}:${user.email}`, { id, reason }, () =>
    changeDecision(db, user, id, request.requestId, "REVOKED", reason.trim()),
  );
}

async function changeDecision(
  db: Firestore,
  user: User,
  id: string,
  requestId: string,
  to: "PUBLISHED" | "REVOKED",
  reason?: string,
): Promise<Decision> {
  const found = await loadDecision(db, id);
  if (!found) throw new AppError("NOT_FOUND", decisionMessages.notFound(id), undefined, "path.id");
  // G-10: the issuer of a decision is the one competent to publish or cancel it.
  requireDecidingLevel(user, found.level, found.issuerUnitId);
  const party = partyOf(user, found.level);
  const paths = [
    decisionPath(id),
    ...found.dossierIds.map(dossierPath),
    ...found.subjects.map((subject) => awardPath(subject.awardId)),
  ];
  let result = found;
  await updateDocuments(
    db,
    paths,
    ([storedDecision, ...rest]) => {
      const decision = Decision.parse(storedDecision);
      if (decision.state === "REVOKED") throw new AppError("CONFLICT", decisionMessages.revoked(id));
      if (decision.state === to) {
        result = decision;
        return paths.map(() => undefined);
      }
      const next: Decision = {
        ...decision,
        state: to,
        ...(reason ? { revocationReason: reason } : {}),
        history: [...decision.history, historyEntry(to, user, reason)],
      };
      result = next;
      const storedDossiers = rest.slice(0, found.dossierIds.length) as (StoredDossier | undefined)[];
      const storedAwards = rest.slice(found.dossierIds.length) as (Record<string, unknown> | undefined)[];
      const nextDossiers = storedDossiers.map((stored) => {
        if (!stored) return undefined;
        const decisions = { ...stored.decisions, [id]: to };
        const withDecision = { ...stored, decisions };
        if (to === "PUBLISHED")
          return stored.state === "DECISION_ISSUED"
            ? takeStep(withDecision, { to, actor: "DECIDER", role: user.role, party }, user, {
                decisionId: id,
              })
            : withDecision;
        // The dossier is revoked when no decision of it stands any more.
        const allRevoked = Object.values(decisions).every((state) => state === "REVOKED");
        return allRevoked && (stored.state === "DECISION_ISSUED" || stored.state === "PUBLISHED")
          ? takeStep(withDecision, { to, actor: "DECIDER", role: user.role, party, note: reason }, user, {
              decisionId: id,
            })
          : withDecision;
      });
      const nextAwards = storedAwards.map((award) =>
        to === "REVOKED" && award?.decisionId === id
          ? { ...award, revoked: true, revocationReason: reason }
          : undefined,
      );
      return [next, ...nextDossiers, ...nextAwards];
    },
    { actor: user.email, requestId },
  );
  return result;
}
