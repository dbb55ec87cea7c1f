/**
 * What a decision approves (services/decisions.ts): the deciding level's input, the dossiers it names
 * — each in the decider's reach, of the year, approved — and the subjects chosen from them, each in
 * its dossier, decided by this level and eligible.
 */
import type { Firestore } from "@google-cloud/firestore";
import { z } from "zod";
import { canAccessUnit, isAppraiserOf } from "../domain/access.js";
import { deciderOf } from "../domain/authority.js";
import { Target } from "../domain/codes.js";
import { COLLECTIONS } from "../domain/collections.js";
import { DecisionLevel, type DecisionSubject, DecisionText } from "../domain/decision.js";
import { awardId } from "../domain/document-ids.js";
import { AppError, bodyField } from "../domain/errors.js";
import {
  awardCodeLabels,
  deciderLabels,
  decisionMessages,
  dossierStateLabels,
} from "../domain/messages/index.js";
import { IsoDate, NaturalKey, type Proposal, type Unit, type User } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { unitDocuments, unitYearDocuments } from "../store/readers.js";
import { loadUnit } from "../store/registry.js";
import { simplifiedProposals } from "./ad-hoc.js";
import type { StoredDossier } from "./dossier-workflow.js";
import { unitScopeOf } from "./unit-access.js";
import { evaluateUnitProposals } from "./unit-eligibility.js";

const dossierPath = (id: string) => `${COLLECTIONS.dossiers}/${id}`;

/** What the deciding level enters (tab "Quyết định khen thưởng", POST /v1/decisions, `tdkt decision record`). */
export const DecisionInput = z
  .object({
    level: DecisionLevel,
    number: z.number().int().positive().max(99_999),
    date: IsoDate,
    year: SchoolYear,
    issuer: z
      .object({
        parentName: DecisionText.optional(),
        name: DecisionText,
        abbreviation: DecisionText,
        place: DecisionText,
      })
      .strict(),
    issuerTitle: DecisionText,
    signer: z.object({ capacity: DecisionText.optional(), title: DecisionText, name: DecisionText }).strict(),
    /** The tờ trình answered; by default the dossiers' own. */
    proposalRef: DecisionText.optional(),
    advisor: DecisionText,
    fundSource: DecisionText,
    executors: z.array(DecisionText).min(1).max(20),
    copies: z.array(DecisionText).max(20).default([]),
    dossierIds: z.array(NaturalKey).min(1).max(50),
    /** The approved proposals; absent: every eligible one of the dossiers this level decides. */
    proposals: z
      .array(z.object({ dossierId: NaturalKey, subjectId: NaturalKey, target: Target }).strict())
      .min(1)
      .max(2000)
      .optional(),
  })
  .strict();

/** Dossier states a decision may be recorded on: approved, or already decided in part (a later level's decision). */
const DECIDABLE_STATES: ReadonlySet<string> = new Set(["APPROVED", "DECISION_ISSUED", "PUBLISHED"]);

export interface LoadedDossier {
  id: string;
  unit: Unit;
  stored: StoredDossier;
}

export async function loadDossiers(db: Firestore, user: User, input: z.output<typeof DecisionInput>) {
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

export function requireDecidable(dossierId: string, state: StoredDossier["state"]): void {
  if (state !== undefined && DECIDABLE_STATES.has(state)) return;
  throw new AppError(
    "CONFLICT",
    decisionMessages.dossierNotApproved(dossierId, state ? dossierStateLabels[state] : String(state)),
  );
}

/** The approved subjects, each checked: in its dossier, decided by this level, eligible. */
export async function approvedSubjects(
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
export function proposalRefOf(dossiers: readonly LoadedDossier[]): string {
  const refs = dossiers.map((dossier) => {
    const documents = (dossier.stored.documents ?? []) as { type?: string; number?: string }[];
    const numbers = documents.filter((document) => document.type === "to-trinh" && document.number);
    return `Tờ trình ${numbers.length > 0 ? `số ${numbers.map((document) => document.number).join(", ")} ` : ""}của ${dossier.unit.name}`;
  });
  return refs.join("; ");
}
