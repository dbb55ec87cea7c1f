/**
 * The ids of stored documents that carry a subject (docs/design.md §6, §11): one rule for the tabs, the
 * seed and the readers. Every such id begins with the unit that holds the document, so one unit's
 * row can never land on, or be read as, another unit's.
 */

/** Ids join natural-key parts with "_" (checked against NaturalKey when a row is parsed). */
export const joinId = (...parts: readonly (string | undefined)[]): string =>
  parts.map((part) => part ?? "").join("_");

/** A subject's document of one school year held by its unit: a year record or a registration. */
export const subjectYearId = (unitId: string, subjectId: string | undefined): string =>
  joinId(unitId, subjectId);

/**
 * One entry of the awards ledger. The kind is part of the id: one subject may receive the same
 * form twice in a year (a Giấy khen chuyên đề and a Giấy khen đột xuất).
 */
export const awardId = (award: {
  unitId: string;
  subjectId?: string | undefined;
  year?: string | undefined;
  code?: string | undefined;
  kind?: string | undefined;
}): string => joinId(award.unitId, award.subjectId, award.year, award.code, award.kind);

/** A proposal of a subject for a title or form, and the council vote on it (same id). */
export const proposalId = (proposal: {
  unitId: string;
  subjectId?: string | undefined;
  target?: string | undefined;
}): string => joinId(proposal.unitId, proposal.subjectId, proposal.target);

/** reminders/{unit}_{year}_{kind}_{day}: one reminder of one unit on one day. */
export const reminderId = (reminder: { year: string; unitId: string; kind: string; date: string }): string =>
  joinId(reminder.unitId, reminder.year, reminder.kind, reminder.date);
