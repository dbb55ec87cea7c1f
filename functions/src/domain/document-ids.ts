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

/** A criteria group: per cluster, or for every cluster (ALL_CLUSTERS). */
const ALL_CLUSTERS = "all";
export const criteriaGroupId = (group: {
  clusterId?: string | undefined;
  code?: string | undefined;
}): string => joinId(group.clusterId ?? ALL_CLUSTERS, group.code);

/** The Thường trực's manual score of a unit in one criteria group. */
export const manualScoreId = (score: { unitId?: string | undefined; group?: string | undefined }): string =>
  joinId(score.unitId, score.group);

/** A unit's registration for, or inspection result in, a thematic field (khen thưởng chuyên đề). */
export const thematicUnitFieldId = (entry: {
  unitId?: string | undefined;
  field?: string | undefined;
}): string => joinId(entry.unitId, entry.field);

/** The dossier of a unit's thematic proposals, which the Department approves and decides (services/thematic.ts). */
export const thematicDossierId = (unitId: string, year: string): string => joinId(unitId, year, "chuyen-de");
/** One member of one inspection team, and the finding on one checklist item of one visit. */
export const inspectionMemberId = (member: { teamId?: string | undefined; memberId?: string | undefined }) =>
  joinId(member.teamId, member.memberId);
export const inspectionFindingId = (finding: { visitId?: string | undefined; item?: string | undefined }) =>
  joinId(finding.visitId, finding.item);

/**
 * A recorded decision: its level, the commune for a UBND xã (two communes may both issue a
 * "15/QĐ-UBND" the same day), its date and number. The same decision entered twice lands on one id.
 */
export const decisionId = (decision: {
  level: string;
  issuerUnitId?: string | undefined;
  date: string;
  number: number;
}): string =>
  joinId(
    decision.level,
    ...(decision.issuerUnitId ? [decision.issuerUnitId] : []),
    decision.date,
    String(decision.number),
  );

/** dossiers/{unit}_{year}_DON_GIAN: a unit's đột xuất dossier under the simplified procedure (Luật 2022 Đ85). */
export const adHocDossierId = (unitId: string, year: string): string => joinId(unitId, year, "DON_GIAN");

/** reminders/{unit}_{year}_{kind}_{day}: one reminder of one unit on one day. */
export const reminderId = (reminder: { year: string; unitId: string; kind: string; date: string }): string =>
  joinId(reminder.unitId, reminder.year, reminder.kind, reminder.date);
