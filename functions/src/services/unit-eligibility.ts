/**
 * Use case "check a unit's proposals against the law" (menu Kiểm tra điều kiện): loads each stored
 * proposal's subject — year records over the look-back window, awards ledger, initiatives, council
 * vote, and for collectives every member's record — builds the cases and runs the engine.
 */
import type { Firestore } from "@google-cloud/firestore";
import { isTitle, type SubjectKind, type Title } from "../domain/codes.js";
import {
  type CaseResult,
  caseFromStoredSubject,
  evaluateCaseFile,
  type StoredSubject,
} from "../domain/eligibility/index.js";
import type { Person, Unit } from "../domain/model.js";
import { schoolYearStarting, schoolYearsBetween, startYearOf } from "../domain/school-year.js";
import {
  loadUnit,
  subjectsLedger,
  subjectsRecords,
  unitDocuments,
  unitYearDocuments,
} from "../store/readers.js";

/** Consecutive-year rules look back at most 10 years (docs/design.md §1). */
const LOOKBACK_YEARS = 10;

export interface UnitEligibility {
  unitId: string;
  year: string;
  results: (CaseResult & { subjectKind: SubjectKind; subjectId: string; subjectName: string })[];
}

/**
 * `known.unit`: the unit document when the caller has already read it (the routes' access check, a
 * dossier's data), so that it is not read again.
 */
export async function evaluateUnitProposals(
  db: Firestore,
  unitId: string,
  year: string,
  known: { unit?: Unit } = {},
): Promise<UnitEligibility> {
  return judgeUnitProposals(await loadUnitProposals(db, unitId, year, known));
}

/** A unit's stored proposals with everything their judgement reads; no judging yet. */
export interface LoadedProposals {
  unit: Unit;
  year: string;
  subjects: StoredSubject[];
  personById: ReadonlyMap<string, Person>;
}

/** Reads a unit's proposals of the year and their subjects' stored records (the I/O half). */
export async function loadUnitProposals(
  db: Firestore,
  unitId: string,
  year: string,
  known: { unit?: Unit } = {},
): Promise<LoadedProposals> {
  const unit = known.unit?.id === unitId ? known.unit : await loadUnit(db, unitId);

  // Every read is of the unit's own documents, withdrawn ones left out (store/readers.ts): another
  // unit's rows about the same person or collective never count here.
  const proposals = await unitYearDocuments(db, unitId, year, "proposals");
  if (proposals.length === 0) return { unit, year, subjects: [], personById: new Map() };

  const years = schoolYearsBetween(schoolYearStarting(startYearOf(year) - LOOKBACK_YEARS + 1), year);
  const subjectIds = [...new Set(proposals.map((p) => p.subjectId))];
  const hasCollective = proposals.some((p) => p.subjectKind === "collective");

  const [people, records, awards, initiatives, votes] = await Promise.all([
    unitDocuments(db, unitId, "people"),
    subjectsRecords(db, unitId, subjectIds, years),
    subjectsLedger(db, unitId, subjectIds),
    unitDocuments(db, unitId, "initiatives"),
    unitYearDocuments(db, unitId, year, "votes"),
  ]);
  const roster = hasCollective ? await membersOf(db, unitId, year, people) : [];

  const personById = new Map(people.map((person) => [person.id, person]));
  const subjects: StoredSubject[] = proposals.map((proposal) => ({
    proposal,
    person: personById.get(proposal.subjectId),
    unit,
    records: records.filter((record) => record.subjectId === proposal.subjectId),
    awards: awards.filter((award) => award.subjectId === proposal.subjectId),
    initiatives: initiatives.filter((initiative) => initiative.ownerIds.includes(proposal.subjectId)),
    vote: votes.find((vote) => vote.subjectId === proposal.subjectId && vote.target === proposal.target),
    ...(proposal.subjectKind === "collective" ? { members: roster } : {}),
  }));
  return { unit, year, subjects, personById };
}

/** Judges loaded proposals with the engine (the pure half). */
export function judgeUnitProposals(loaded: LoadedProposals): UnitEligibility {
  const { unit, year, subjects, personById } = loaded;
  // Individuals first: a collective's member rules count the members eligible in this same round.
  const evaluate = (list: StoredSubject[]) =>
    evaluateCaseFile({ cases: list.map(caseFromStoredSubject) }).results;
  const individuals = subjects.filter((subject) => subject.proposal.subjectKind === "individual");
  const individualResults = evaluate(individuals);
  const thisRound = new Map<string, Title[]>();
  individualResults.forEach((result, index) => {
    const proposal = individuals[index]?.proposal;
    if (!proposal || result.status !== "eligible" || !isTitle(proposal.target)) return;
    thisRound.set(proposal.subjectId, [...(thisRound.get(proposal.subjectId) ?? []), proposal.target]);
  });
  const collectives = subjects
    .filter((subject) => subject.proposal.subjectKind === "collective")
    .map((subject) => ({ ...subject, memberTitlesThisRound: thisRound }));
  const collectiveResults = evaluate(collectives);
  const judged = [
    ...individuals.map((subject, index) => ({ subject, result: individualResults[index] })),
    ...collectives.map((subject, index) => ({ subject, result: collectiveResults[index] })),
  ];
  return {
    unitId: unit.id,
    year,
    results: judged.flatMap(({ subject, result }) => {
      if (!result) return [];
      const { proposal } = subject;
      const subjectName =
        proposal.subjectKind === "collective"
          ? unit.name
          : (personById.get(proposal.subjectId)?.fullName ?? proposal.subjectId);
      return [{ ...result, subjectKind: proposal.subjectKind, subjectId: proposal.subjectId, subjectName }];
    }),
  };
}

/** A collective's members: the unit's roster, each with their record of the year (if any). */
async function membersOf(db: Firestore, unitId: string, year: string, people: readonly Person[]) {
  const records = await subjectsRecords(
    db,
    unitId,
    people.map((person) => person.id),
    [year],
  );
  const recordBySubject = new Map(records.map((record) => [record.subjectId, record]));
  return people.map((person) => ({ person, record: recordBySubject.get(person.id) }));
}
