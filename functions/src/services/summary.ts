/**
 * The summary of one unit's school year (GET /v1/units/{unit}/years/{year}/summary and the
 * Department's summary tab): counts by title/form and the list of proposals, from stored data.
 */
import type { Firestore } from "@google-cloud/firestore";
import { TARGETS, TITLES } from "../domain/codes.js";
import { proposalId } from "../domain/document-ids.js";
import { AppError } from "../domain/errors.js";
import { awardCodeLabels, sheetMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { compareVietnameseNames } from "../domain/text.js";
import type { UnitSummary } from "../sheets/index.js";
import { unitDocuments, unitYearDocuments } from "../store/readers.js";
import { unitAdHocCases } from "./ad-hoc.js";
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

export async function unitSummary(
  db: Firestore,
  user: User,
  unitId: string,
  year: string,
  at: Date = new Date(),
): Promise<UnitSummary> {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, "path.year");
  const unit = await requireUnitAccess(db, user, unitId, "read");

  // The unit's own documents, withdrawn ones left out (store/readers.ts).
  const [people, registrations, records, proposals, votes, adHocCases] = await Promise.all([
    unitDocuments(db, unitId, "people"),
    unitYearDocuments(db, unitId, year, "registrations"),
    unitYearDocuments(db, unitId, year, "records"),
    unitYearDocuments(db, unitId, year, "proposals"),
    unitYearDocuments(db, unitId, year, "votes"),
    unitAdHocCases(db, unit, year, at),
  ]);

  const names = new Map(people.map((person) => [person.id, person.fullName]));
  names.set(unitId, unit.name);
  const recordsBySubject = new Map(records.map((record) => [record.subjectId, record]));
  const votesById = new Map(votes.map((vote) => [proposalId(vote), vote]));

  const counts = new Map<string, { registered: number; proposed: number; recognized: number }>();
  const bump = (code: string, field: "registered" | "proposed" | "recognized") => {
    const line = counts.get(code) ?? { registered: 0, proposed: 0, recognized: 0 };
    line[field]++;
    counts.set(code, line);
  };
  for (const registration of registrations)
    for (const code of [...registration.titles, ...registration.forms]) bump(code, "registered");
  for (const proposal of proposals) bump(proposal.target, "proposed");
  for (const record of records) for (const code of record.titles) bump(code, "recognized");

  const ratings: Record<string, number> = {};
  for (const record of records)
    if (record.subjectKind === "individual") ratings[record.rating] = (ratings[record.rating] ?? 0) + 1;

  return {
    unit: { id: unitId, name: unit.name },
    year,
    people: people.length,
    ratings,
    counts: [...counts.entries()]
      .sort(([a], [b]) => codeRank(a) - codeRank(b))
      .map(([code, line]) => ({ code, label: labelOf(code), ...line })),
    proposals: proposals
      .map((proposal) => {
        const { target: code, subjectId } = proposal;
        const vote = votesById.get(proposalId(proposal));
        return {
          code,
          label: labelOf(code),
          subjectKind: proposal.subjectKind,
          subjectId,
          name: names.get(subjectId) ?? "",
          rating: recordsBySubject.get(subjectId)?.rating ?? null,
          agree: vote?.agree ?? null,
          members: vote?.members ?? null,
        };
      })
      .sort((a, b) => codeRank(a.code) - codeRank(b.code) || compareVietnameseNames(a.name, b.name)),
    achievements: adHocCases
      .map(({ name, role, contest, subject, prize, clock }) => ({
        fullName: name,
        role,
        contest,
        subject,
        prize,
        clock: clock
          ? {
              state: clock.state,
              days: clock.days,
              deadline: clock.deadline,
              ...(clock.decidedOn ? { decidedOn: clock.decidedOn } : {}),
            }
          : null,
      }))
      .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)),
    adHocOverdue: adHocCases.filter((item) => item.clock?.state === "OVERDUE" && !item.clock.decidedOn)
      .length,
  };
}
