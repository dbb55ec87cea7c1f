/**
 * Use case "check a unit's proposals against the law" (menu Kiểm tra điều kiện): loads each stored
 * proposal's subject — year records over the look-back window, awards ledger, initiatives, council
 * vote, and for collectives every member's record — builds the cases and runs the engine.
 */
import type { DocumentReference, Firestore } from "@google-cloud/firestore";
import { isTitle, type Title } from "../domain/codes.js";
import {
  type CaseResult,
  caseFromStoredSubject,
  evaluateCaseFile,
  type StoredSubject,
} from "../domain/eligibility/index.js";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { Award, CouncilVote, Initiative, Person, Proposal, Unit, YearRecord } from "../domain/model.js";
import { schoolYearStarting, schoolYearsBetween, startYearOf } from "../domain/school-year.js";
import { COLLECTIONS } from "../store/firestore.js";

/** Consecutive-year rules look back at most 10 years (DESIGN.md §1). */
const LOOKBACK_YEARS = 10;
/** Firestore's limit of values in an `in` / `array-contains-any` filter. */
const IN_LIMIT = 30;

export interface UnitEligibility {
  unitId: string;
  year: string;
  results: (CaseResult & { subjectId: string; subjectName: string })[];
}

type Parser<T> = { safeParse: (value: unknown) => { success: true; data: T } | { success: false } };

function parseAll<T>(schema: Parser<T>, values: readonly unknown[]): T[] {
  return values.flatMap((value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}

async function readDocs(
  db: Firestore,
  refs: DocumentReference[],
): Promise<(Record<string, unknown> | undefined)[]> {
  if (refs.length === 0) return [];
  return (await db.getAll(...refs)).map((snapshot) => snapshot.data());
}

async function queryIn(
  db: Firestore,
  collection: string,
  field: string,
  op: "in" | "array-contains-any",
  values: readonly string[],
) {
  const chunks: string[][] = [];
  for (let i = 0; i < values.length; i += IN_LIMIT) chunks.push(values.slice(i, i + IN_LIMIT));
  const snapshots = await Promise.all(
    chunks.map((chunk) => db.collection(collection).where(field, op, chunk).get()),
  );
  return snapshots.flatMap((snapshot) => snapshot.docs.map((doc) => doc.data()));
}

export async function evaluateUnitProposals(
  db: Firestore,
  unitId: string,
  year: string,
): Promise<UnitEligibility> {
  const unitData = (await db.collection(COLLECTIONS.units).doc(unitId).get()).data();
  const unit = Unit.safeParse(unitData);
  if (!unit.success) throw new AppError("NOT_FOUND", httpMessages.unitNotFound(unitId));

  const yearPath = `${COLLECTIONS.years}/${year}`;
  const proposalDocs = await db
    .collection(`${yearPath}/${COLLECTIONS.proposals}`)
    .where("unitId", "==", unitId)
    .get();
  const proposals = parseAll(
    Proposal,
    proposalDocs.docs.map((doc) => doc.data()).filter((data) => data.withdrawn !== true),
  );
  if (proposals.length === 0) return { unitId, year, results: [] };

  const years = schoolYearsBetween(schoolYearStarting(startYearOf(year) - LOOKBACK_YEARS + 1), year);
  const subjectIds = [...new Set(proposals.map((p) => p.subjectId))];
  const individualIds = [
    ...new Set(proposals.filter((p) => p.subjectKind === "individual").map((p) => p.subjectId)),
  ];
  const hasCollective = proposals.some((p) => p.subjectKind === "collective");

  const [people, records, awards, initiatives, votes, roster] = await Promise.all([
    readDocs(
      db,
      individualIds.map((id) => db.collection(COLLECTIONS.people).doc(id)),
    ).then((docs) => parseAll(Person, docs)),
    readDocs(
      db,
      subjectIds.flatMap((id) =>
        years.map((y) => db.doc(`${COLLECTIONS.years}/${y}/${COLLECTIONS.records}/${id}`)),
      ),
    ).then((docs) => parseAll(YearRecord, docs.filter(Boolean))),
    queryIn(db, COLLECTIONS.awards, "subjectId", "in", subjectIds).then((docs) => parseAll(Award, docs)),
    queryIn(db, COLLECTIONS.initiatives, "ownerIds", "array-contains-any", subjectIds).then((docs) =>
      parseAll(Initiative, docs),
    ),
    db
      .collection(`${yearPath}/${COLLECTIONS.votes}`)
      .where("unitId", "==", unitId)
      .get()
      .then((snapshot) =>
        parseAll(
          CouncilVote,
          snapshot.docs.map((doc) => doc.data()),
        ),
      ),
    hasCollective ? loadRoster(db, unitId, year) : Promise.resolve([]),
  ]);

  const personById = new Map(people.map((person) => [person.id, person]));
  const subjects: StoredSubject[] = proposals.map((proposal) => ({
    proposal,
    person: personById.get(proposal.subjectId),
    unit: unit.data,
    records: records.filter((record) => record.subjectId === proposal.subjectId),
    awards: awards.filter((award) => award.subjectId === proposal.subjectId),
    initiatives: initiatives.filter((initiative) => initiative.ownerIds.includes(proposal.subjectId)),
    vote: votes.find((vote) => vote.subjectId === proposal.subjectId && vote.target === proposal.target),
    ...(proposal.subjectKind === "collective" ? { members: roster } : {}),
  }));
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
    unitId,
    year,
    results: judged.flatMap(({ subject, result }) => {
      if (!result) return [];
      const { proposal } = subject;
      const subjectName =
        proposal.subjectKind === "collective"
          ? unit.data.name
          : (personById.get(proposal.subjectId)?.fullName ?? proposal.subjectId);
      return [{ ...result, subjectId: proposal.subjectId, subjectName }];
    }),
  };
}

async function loadRoster(db: Firestore, unitId: string, year: string) {
  const snapshot = await db.collection(COLLECTIONS.people).where("unitId", "==", unitId).get();
  const members = parseAll(
    Person,
    snapshot.docs.map((doc) => doc.data()),
  ).filter((person) => !person.withdrawn);
  const records = await readDocs(
    db,
    members.map((person) => db.doc(`${COLLECTIONS.years}/${year}/${COLLECTIONS.records}/${person.id}`)),
  );
  return members.map((person, index) => {
    const record = YearRecord.safeParse(records[index]);
    return { person, record: record.success ? record.data : undefined };
  });
}
