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
import { AppError } from "../domain/errors.js";
import type { Award, CouncilVote, Initiative, Person, Proposal, Unit, YearRecord } from "../domain/model.js";
import { schoolYearStarting, schoolYearsBetween, startYearOf } from "../domain/school-year.js";
import {
  indexedUnitsDocuments,
  type RecordsWanted,
  subjectsLedger,
  unitDocuments,
  unitsSubjectsRecords,
  unitYearDocuments,
} from "../store/readers.js";
import { loadUnit, loadUnits } from "../store/registry.js";

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
  if (proposals.length === 0) return noProposals(unit, year);
  const [people, awards, initiatives, votes] = await Promise.all([
    unitDocuments(db, unitId, "people"),
    subjectsLedger(db, unitId, subjectsOf(proposals)),
    unitDocuments(db, unitId, "initiatives"),
    unitYearDocuments(db, unitId, year, "votes"),
  ]);
  const records =
    (await unitsSubjectsRecords(db, recordsWanted(unitId, year, proposals, people))).get(unitId) ?? [];
  return buildLoadedProposals(year, { unit, proposals, people, records, awards, initiatives, votes });
}

/** A unit of a chunk: its loaded proposals, or why its stored record could not be read. */
export type ChunkUnit = { unitId: string; loaded: LoadedProposals } | { unitId: string; error: AppError };

/**
 * loadUnitProposals for a chunk of units (the year-end aggregation): the chunk's documents read by
 * id through the units' index (indexedUnitsDocuments) rather than by a query per unit — on the
 * emulator every query scans its whole collection —, each unit's inputs built from them as
 * loadUnitProposals builds them. A unit that is missing or malformed is an error of its own.
 */
export async function loadChunkProposals(
  db: Firestore,
  unitIds: readonly string[],
  year: string,
): Promise<ChunkUnit[]> {
  const [units, proposals] = await Promise.all([
    loadUnits(db, unitIds),
    indexedUnitsDocuments(db, unitIds, "proposals", year),
  ]);
  const subjects = new Map([...proposals].map(([unitId, list]) => [unitId, new Set(subjectsOf(list))]));
  const [people, awards, initiatives, votes] = await Promise.all([
    indexedUnitsDocuments(db, unitIds, "people", year),
    // The ledger of the proposals' subjects, as subjectsLedger reads it for one unit.
    indexedUnitsDocuments(db, unitIds, "awards", year, {
      keep: (entry, unitId) => subjects.get(unitId)?.has(entry.subjectId) ?? false,
    }),
    indexedUnitsDocuments(db, unitIds, "initiatives", year),
    indexedUnitsDocuments(db, unitIds, "votes", year),
  ]);
  const held = <T>(byUnit: ReadonlyMap<string, T[]>, unitId: string): T[] => byUnit.get(unitId) ?? [];
  const records = await unitsSubjectsRecords(
    db,
    unitIds.flatMap((unitId) => recordsWanted(unitId, year, held(proposals, unitId), held(people, unitId))),
  );
  // loadUnits holds every unit of the chunk, in its order.
  return [...units].map(([unitId, unit]): ChunkUnit => {
    if (unit instanceof AppError) return { unitId, error: unit };
    const unitProposals = held(proposals, unitId);
    if (unitProposals.length === 0) return { unitId, loaded: noProposals(unit, year) };
    return {
      unitId,
      loaded: buildLoadedProposals(year, {
        unit,
        proposals: unitProposals,
        people: held(people, unitId),
        records: held(records, unitId),
        awards: held(awards, unitId),
        initiatives: held(initiatives, unitId),
        votes: held(votes, unitId),
      }),
    };
  });
}

const noProposals = (unit: Unit, year: string): LoadedProposals => ({
  unit,
  year,
  subjects: [],
  personById: new Map(),
});

const subjectsOf = (proposals: readonly Proposal[]): string[] => [
  ...new Set(proposals.map((proposal) => proposal.subjectId)),
];

/**
 * The records a unit's proposals are judged on: each subject's over the look-back window and, when
 * a collective is proposed, every member's of the year (its roster's record).
 */
function recordsWanted(
  unitId: string,
  year: string,
  proposals: readonly Proposal[],
  people: readonly Person[],
): RecordsWanted[] {
  const years = schoolYearsBetween(schoolYearStarting(startYearOf(year) - LOOKBACK_YEARS + 1), year);
  const subjects = { unitId, subjectIds: subjectsOf(proposals), years };
  return proposals.some((proposal) => proposal.subjectKind === "collective")
    ? [subjects, { unitId, subjectIds: people.map((person) => person.id), years: [year] }]
    : [subjects];
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

/** A unit's documents that its proposals are judged on, however they were read. */
interface UnitReads {
  unit: Unit;
  proposals: readonly Proposal[];
  people: readonly Person[];
  /** The records recordsWanted names (any others are ignored). */
  records: readonly YearRecord[];
  /** The awards ledger: at least the proposals' subjects' entries (any others are ignored). */
  awards: readonly Award[];
  initiatives: readonly Initiative[];
  votes: readonly CouncilVote[];
}

/** Builds each proposal's stored subject from the unit's reads (the pure half of the loading). */
function buildLoadedProposals(year: string, reads: UnitReads): LoadedProposals {
  const { unit, proposals, people, records, awards, initiatives, votes } = reads;
  const personById = new Map(people.map((person) => [person.id, person]));
  const recordOfYear = new Map(
    records.filter((record) => record.year === year).map((record) => [record.subjectId, record]),
  );
  // A collective's members: the unit's roster, each with their record of the year (if any).
  const roster = proposals.some((proposal) => proposal.subjectKind === "collective")
    ? people.map((person) => ({ person, record: recordOfYear.get(person.id) }))
    : [];
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
