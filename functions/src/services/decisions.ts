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
import { canAccessUnit, isAppraiserOf, isDepartmentRole } from "../domain/access.js";
import { deciderOf } from "../domain/authority.js";
import { dateInVietnam } from "../domain/calendar.js";
import { Target } from "../domain/codes.js";
import { COLLECTIONS } from "../domain/collections.js";
import { awardId, decisionId } from "../domain/document-ids.js";
import { formatDocumentNumber } from "../domain/document-number.js";
import { legalBasisVersionOn } from "../domain/eligibility/index.js";
import { AppError, bodyField } from "../domain/errors.js";
import {
  awardCodeLabels,
  deciderLabels,
  decisionMessages,
  documentKindText,
  dossierStateLabels,
} from "../domain/messages/index.js";
import {
  type Award,
  Decision,
  DecisionLevel,
  type DecisionState,
  type DecisionSubject,
  IsoDate,
  NaturalKey,
  type Proposal,
  type Unit,
  type User,
} from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import type { StepParty } from "../domain/workflow.js";
import { fingerprintOf, withIdempotency } from "../store/idempotency.js";
import { loadDecision, loadUnit, unitDocuments, unitYearDocuments } from "../store/readers.js";
import { sameContent, updateDocuments } from "../store/writes.js";
import { simplifiedProposals } from "./ad-hoc.js";
import { type StoredDossier, takeStep } from "./dossier-workflow.js";
import { unitScopeOf } from "./unit-access.js";
import { evaluateUnitProposals } from "./unit-eligibility.js";

const line = z.string().trim().min(1).max(500);

/** What the deciding level enters (tab "Quyết định khen thưởng", POST /v1/decisions, `tdkt decision record`). */
const DecisionInput = z
  .object({
    level: DecisionLevel,
    number: z.number().int().positive().max(99_999),
    date: IsoDate,
    year: SchoolYear,
    issuer: z.object({ parentName: line.optional(), name: line, abbreviation: line, place: line }).strict(),
    issuerTitle: line,
    signer: z.object({ capacity: line.optional(), title: line, name: line }).strict(),
    /** The tờ trình answered; by default the dossiers' own. */
    proposalRef: line.optional(),
    advisor: line,
    fundSource: line,
    executors: z.array(line).min(1).max(20),
    copies: z.array(line).max(20).default([]),
    dossierIds: z.array(NaturalKey).min(1).max(50),
    /** The approved proposals; absent: every eligible one of the dossiers this level decides. */
    proposals: z
      .array(z.object({ dossierId: NaturalKey, subjectId: NaturalKey, target: Target }).strict())
      .min(1)
      .max(2000)
      .optional(),
  })
  .strict();

const RevokeInput = z.object({ reason: z.string().max(2000) }).strict();

/** Vietnam keeps UTC+7 all year: the legal basis of a step is the one of the Vietnamese day. */

const decisionPath = (id: string) => `${COLLECTIONS.decisions}/${id}`;
const dossierPath = (id: string) => `${COLLECTIONS.dossiers}/${id}`;
const awardPath = (id: string) => `${COLLECTIONS.awards}/${id}`;

/** Dossier states a decision may be recorded on: approved, or already decided in part (a later level's decision). */
const DECIDABLE_STATES: ReadonlySet<string> = new Set(["APPROVED", "DECISION_ISSUED", "PUBLISHED"]);

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

interface LoadedDossier {
  id: string;
  unit: Unit;
  stored: StoredDossier;
}

async function loadDossiers(db: Firestore, user: User, input: z.output<typeof DecisionInput>) {
  const loaded: LoadedDossier[] = [];
  for (const [index, id] of [...new Set(input.dossierIds)].entries()) {
    const field = `body.dossierIds.${index}`;
    const snapshot = await db.doc(dossierPath(id)).get();
    const stored = snapshot.data() as StoredDossier | undefined;
    if (!stored?.unitId)
      throw new AppError("NOT_FOUND", decisionMessages.dossierNotFound(id), undefined, field);
    const unit = await loadUnit(db, stored.unitId);
    const scope = unitScopeOf(unit);
    if (!canAccessUnit(user, scope, "read") || (input.level === "XA" && !isAppraiserOf(user, scope)))
      throw new AppError(
        "PERMISSION_DENIED",
        decisionMessages.notManagingCommune(unit.name),
        undefined,
        field,
      );
    if (stored.year !== input.year)
      throw new AppError(
        "INVALID_ARGUMENT",
        decisionMessages.wrongYear(id, String(stored.year)),
        undefined,
        "body.year",
      );
    requireDecidable(id, stored.state);
    loaded.push({ id, unit, stored });
  }
  return loaded;
}

function requireDecidable(dossierId: string, state: StoredDossier["state"]): void {
  if (state !== undefined && DECIDABLE_STATES.has(state)) return;
  throw new AppError(
    "CONFLICT",
    decisionMessages.dossierNotApproved(dossierId, state ? dossierStateLabels[state] : String(state)),
  );
}

/** The approved subjects, each checked: in its dossier, decided by this level, eligible. */
async function approvedSubjects(
  db: Firestore,
  input: z.output<typeof DecisionInput>,
  dossiers: readonly LoadedDossier[],
): Promise<DecisionSubject[]> {
  const subjects: DecisionSubject[] = [];
  const requested = input.proposals;
  requested?.forEach((proposal, index) => {
    if (!dossiers.some((dossier) => dossier.id === proposal.dossierId))
      throw new AppError(
        "INVALID_ARGUMENT",
        decisionMessages.dossierNotListed(proposal.dossierId),
        undefined,
        bodyField(["proposals", index, "dossierId"]),
      );
  });
  for (const dossier of dossiers) {
    const { unit } = dossier;
    // A simplified (đột xuất) dossier carries its own proposals, judged by the đột xuất table when built.
    const adHoc = simplifiedProposals(dossier.stored, unit.id, input.year);
    const [proposals, people, verdicts, ledger] = await Promise.all([
      adHoc?.proposals ?? unitYearDocuments(db, unit.id, input.year, "proposals"),
      unitDocuments(db, unit.id, "people"),
      adHoc ? undefined : evaluateUnitProposals(db, unit.id, input.year),
      unitDocuments(db, unit.id, "awards"),
    ]);
    // Ledger entries of decisions still standing (revoked ones are not read): "all" leaves them out.
    const decided = new Set(ledger.filter((award) => award.decisionId).map((award) => award.id));
    const nameOf = (subjectId: string) =>
      subjectId === unit.id
        ? unit.name
        : (people.find((person) => person.id === subjectId)?.fullName ??
          adHoc?.names.get(subjectId) ??
          subjectId);
    // Each chosen proposal with the index of its line in the request (for the error's field).
    const chosen: { proposal: Proposal; index?: number }[] = requested
      ? requested.flatMap((wanted, index) => {
          if (wanted.dossierId !== dossier.id) return [];
          const proposal = proposals.find(
            (candidate) => candidate.subjectId === wanted.subjectId && candidate.target === wanted.target,
          );
          if (!proposal)
            throw new AppError(
              "INVALID_ARGUMENT",
              decisionMessages.proposalNotInDossier(dossier.id, wanted.subjectId, wanted.target),
              undefined,
              bodyField(["proposals", index]),
            );
          const decider = deciderOf(proposal.target, unit.managingAuthority);
          if (decider !== input.level)
            throw new AppError(
              "PERMISSION_DENIED",
              decisionMessages.otherDecider(
                nameOf(proposal.subjectId),
                awardCodeLabels[proposal.target],
                deciderLabels[decider],
              ),
              undefined,
              bodyField(["proposals", index, "target"]),
            );
          return [{ proposal, index }];
        })
      : proposals
          .filter(
            (proposal) =>
              deciderOf(proposal.target, unit.managingAuthority) === input.level &&
              !decided.has(awardIdOf(unit.id, input.year, proposal)),
          )
          .map((proposal) => ({ proposal }));
    for (const { proposal, index } of chosen) {
      const verdict = verdicts?.results.find(
        (result) => result.subjectId === proposal.subjectId && result.target === proposal.target,
      );
      if (verdicts && verdict?.status !== "eligible") {
        // Left out of an "all" decision; named when the decision lists it.
        if (index === undefined) continue;
        throw new AppError(
          "UNPROCESSABLE",
          decisionMessages.notEligible(
            nameOf(proposal.subjectId),
            awardCodeLabels[proposal.target],
            verdict?.failed ?? [],
          ),
          undefined,
          bodyField(["proposals", index]),
        );
      }
      const person = people.find((candidate) => candidate.id === proposal.subjectId);
      subjects.push({
        dossierId: dossier.id,
        unitId: unit.id,
        subjectKind: proposal.subjectKind,
        subjectId: proposal.subjectId,
        target: proposal.target,
        kind: proposal.kind,
        name: nameOf(proposal.subjectId),
        positionAndUnit:
          proposal.subjectKind === "individual"
            ? [person?.position ?? adHoc?.positions.get(proposal.subjectId), unit.name]
                .filter(Boolean)
                .join(", ")
            : unit.managingBodyName,
        awardId: awardIdOf(unit.id, input.year, proposal),
      });
    }
  }
  return subjects;
}

const awardIdOf = (unitId: string, year: string, proposal: Proposal): string =>
  awardId({ unitId, subjectId: proposal.subjectId, year, code: proposal.target, kind: proposal.kind });

/** The tờ trình the decision answers: the dossiers' numbered ones, unless the input names it. */
function proposalRefOf(dossiers: readonly LoadedDossier[]): string {
  const refs = dossiers.map((dossier) => {
    const documents = (dossier.stored.documents ?? []) as { type?: string; number?: string }[];
    const numbers = documents.filter((document) => document.type === "to-trinh" && document.number);
    return `Tờ trình ${numbers.length > 0 ? `số ${numbers.map((document) => document.number).join(", ")} ` : ""}của ${dossier.unit.name}`;
  });
  return refs.join("; ");
}

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
