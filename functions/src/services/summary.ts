/**
 * The summary of one unit's school year (GET /v1/units/{unit}/years/{year}/summary and the
 * Department's summary tab): counts by title/form and the list of proposals, from stored data.
 */
import type { Firestore, QuerySnapshot } from "@google-cloud/firestore";
import { TARGETS, TITLES } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { awardCodeLabels, sheetMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { compareVietnameseNames } from "../domain/text.js";
import type { UnitSummary } from "../sheets/index.js";
import { COLLECTIONS } from "../store/firestore.js";
import { requireUnitAccess } from "./unit-access.js";

/** Titles first, then forms, in the order of the legal vocabulary. */
const CODE_ORDER: readonly string[] = [
  ...new Set<string>([...TITLES, ...TARGETS, ...Object.keys(awardCodeLabels)]),
];
const codeRank = (code: string): number => {
  const rank = CODE_ORDER.indexOf(code);
  return rank < 0 ? CODE_ORDER.length : rank;
};
const labelOf = (code: string): string => awardCodeLabels[code as keyof typeof awardCodeLabels] ?? code;

type StoredDoc = Record<string, unknown> & { id: string };

const active = (snapshot: QuerySnapshot): StoredDoc[] =>
  snapshot.docs.filter((doc) => doc.get("withdrawn") !== true).map((doc) => ({ ...doc.data(), id: doc.id }));

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
const numberOrNull = (value: unknown): number | null => (typeof value === "number" ? value : null);

export async function unitSummary(
  db: Firestore,
  user: User,
  unitId: string,
  year: string,
): Promise<UnitSummary> {
  if (!isSchoolYear(year)) throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year));
  const unit = await requireUnitAccess(db, user, unitId, "read");

  const yearDoc = db.collection(COLLECTIONS.years).doc(year);
  const ofUnit = (collection: string) => yearDoc.collection(collection).where("unitId", "==", unitId).get();
  const snapshots = await Promise.all([
    db.collection(COLLECTIONS.people).where("unitId", "==", unitId).get(),
    ofUnit(COLLECTIONS.registrations),
    ofUnit(COLLECTIONS.records),
    ofUnit(COLLECTIONS.proposals),
    ofUnit(COLLECTIONS.votes),
    ofUnit(COLLECTIONS.achievements),
  ]);
  const [people, registrations, records, proposals, votes, achievements] = snapshots.map(active) as [
    StoredDoc[],
    StoredDoc[],
    StoredDoc[],
    StoredDoc[],
    StoredDoc[],
    StoredDoc[],
  ];

  const names = new Map(people.map((person) => [person.id, String(person.fullName ?? "")]));
  names.set(unitId, String(unit.name ?? unitId));
  const recordsBySubject = new Map(records.map((record) => [String(record.subjectId), record]));
  const votesById = new Map(votes.map((vote) => [vote.id, vote]));

  const counts = new Map<string, { registered: number; proposed: number; recognized: number }>();
  const bump = (code: string, field: "registered" | "proposed" | "recognized") => {
    const line = counts.get(code) ?? { registered: 0, proposed: 0, recognized: 0 };
    line[field]++;
    counts.set(code, line);
  };
  for (const registration of registrations)
    for (const code of [...stringsOf(registration.titles), ...stringsOf(registration.forms)])
      bump(code, "registered");
  for (const proposal of proposals) bump(String(proposal.target), "proposed");
  for (const record of records) for (const code of stringsOf(record.titles)) bump(code, "recognized");

  const ratings: Record<string, number> = {};
  for (const record of records)
    if (record.subjectKind === "individual")
      ratings[String(record.rating)] = (ratings[String(record.rating)] ?? 0) + 1;

  return {
    unit: { id: unitId, name: String(unit.name ?? unitId) },
    year,
    people: people.length,
    ratings,
    counts: [...counts.entries()]
      .sort(([a], [b]) => codeRank(a) - codeRank(b))
      .map(([code, line]) => ({ code, label: labelOf(code), ...line })),
    proposals: proposals
      .map((proposal) => {
        const code = String(proposal.target);
        const subjectId = String(proposal.subjectId);
        const vote = votesById.get(proposal.id);
        const rating = recordsBySubject.get(subjectId)?.rating;
        return {
          code,
          label: labelOf(code),
          subjectKind: String(proposal.subjectKind),
          subjectId,
          name: names.get(subjectId) ?? "",
          rating: typeof rating === "string" ? rating : null,
          agree: numberOrNull(vote?.agree),
          members: numberOrNull(vote?.members),
        };
      })
      .sort((a, b) => codeRank(a.code) - codeRank(b.code) || compareVietnameseNames(a.name, b.name)),
    achievements: achievements
      .map((achievement) => ({
        fullName: String(achievement.fullName),
        role: String(achievement.role),
        contest: String(achievement.contest),
        subject: String(achievement.subject),
        prize: String(achievement.prize),
      }))
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)),
  };
}
