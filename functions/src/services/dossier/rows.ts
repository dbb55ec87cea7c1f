/**
 * The rows of the danh sách trích ngang (docs/domain.md §9.2) from stored data: individuals with
 * their rating, initiatives, prior awards and vote; collectives with their members' counts;
 * students with their prize. Items the data lacks stay absent for the danh sách to report.
 */

import type { DanhSachInput } from "../../documents/danh-sach.js";
import type { Draft } from "../../documents/inputs.js";
import type { Rating } from "../../domain/codes.js";
import { awardCodeLabels, documentText, prizeLabels } from "../../domain/messages/index.js";
import { schoolYearStarting, startYearOf } from "../../domain/school-year.js";
import { formatDateVi } from "../../domain/text.js";
import type { DossierEntry } from "./channels.js";
import type { DossierContext } from "./context.js";
import { voteShareOf } from "./votes.js";

type RowOf<Kind extends DanhSachInput["kind"]> = Draft<
  Extract<DanhSachInput, { kind: Kind }>["rows"][number]
>;
export type IndividualRow = RowOf<"individual">;
export type CollectiveRow = RowOf<"collective">;
export type StudentRow = RowOf<"student">;

/** The ratings counted in a collective's "HTXS 5, HTT 20, HT 2, KHT 0". */
const BREAKDOWN_RATINGS = ["HTXS", "HTT", "HT", "KHT"] as const satisfies readonly Rating[];

/** How far back the "danh hiệu, hình thức đã được tặng" column looks. */
const PRIOR_AWARD_YEARS = 5;

const dateVi = (iso: string | undefined): string | undefined => (iso ? formatDateVi(iso) : undefined);

/** "Lao động tiên tiến 2023-2024; …": the subject's higher awards of the last five years. */
function priorAwardsOf(context: DossierContext, subjectId: string): string | undefined {
  const from = schoolYearStarting(startYearOf(context.year) - PRIOR_AWARD_YEARS);
  return (
    context.data.awards
      // LĐTT, held by most, would bury the higher awards the column is read for.
      .filter(
        (award) =>
          award.subjectId === subjectId &&
          award.year < context.year &&
          award.year >= from &&
          award.code !== "LDTT",
      )
      .map((award) => `${awardCodeLabels[award.code]} ${award.year}`)
      .join("; ") || undefined
  );
}

/** The subject's initiatives of the year, each with the decision recognising it. */
const initiativesOf = (context: DossierContext, subjectId: string): string | undefined =>
  context.data.initiatives
    .filter((item) => item.year === context.year && item.ownerIds.includes(subjectId))
    .map((item) =>
      documentText.initiative(item.title, item.decisionNo || undefined, dateVi(item.decisionDate)),
    )
    .join("; ") || undefined;

export function individualRows(context: DossierContext, entries: readonly DossierEntry[]): IndividualRow[] {
  return entries
    .filter((entry) => entry.subjectKind === "individual")
    .map((entry) => {
      const person = context.personOf(entry.subjectId);
      const vote = context.data.votes.find(
        (candidate) => candidate.subjectId === entry.subjectId && candidate.target === entry.code,
      );
      return {
        code: entry.code,
        fullName: entry.name,
        gender: person?.gender,
        birthDate: person?.birthDate,
        ethnicity: person?.ethnicity || undefined,
        positionAndUnit: [person?.position, context.data.unit.name].filter(Boolean).join(", "),
        rating: context.recordOf(entry.subjectId)?.rating,
        initiatives: initiativesOf(context, entry.subjectId),
        priorAwards: priorAwardsOf(context, entry.subjectId),
        achievements: entry.summary,
        vote: voteShareOf(vote),
      };
    });
}

/**
 * The unit itself counts every person of its roster; a tổ, the people of its group. The counts of
 * LĐTT and CSTĐCS are of the members proposed for them in this dossier.
 */
export function collectiveRows(context: DossierContext, entries: readonly DossierEntry[]): CollectiveRow[] {
  const { unit, people } = context.data;
  return entries
    .filter((entry) => entry.subjectKind === "collective")
    .map((entry) => {
      const memberIds = people
        .filter((person) => entry.subjectId === unit.id || person.group === entry.name)
        .map((person) => person.id);
      const memberRecords = memberIds.flatMap((id) => context.recordOf(id) ?? []);
      const countRating = (rating: string) =>
        memberRecords.filter((record) => record.rating === rating).length;
      const holds = (code: string) =>
        memberIds.filter((id) => entries.some((other) => other.subjectId === id && other.code === code))
          .length;
      return {
        code: entry.code,
        name: entry.name,
        // The school itself answers to its managing body; its tổ answer to the school.
        parentUnit: entry.subjectId === unit.id ? unit.managingBodyName : unit.name,
        members: memberIds.length,
        ldttCount: holds("LDTT"),
        cstdcsCount: holds("CSTD_CS"),
        ratingBreakdown: BREAKDOWN_RATINGS.map((rating) => `${rating} ${countRating(rating)}`).join(", "),
        rating: context.recordOf(entry.subjectId)?.rating,
        achievements: entry.summary,
      };
    });
}

/**
 * Students' national and international prizes (khen thưởng đột xuất): the form entered in the tab,
 * or, given the simplified dossier's entries, one row per form proposed for the student.
 */
export const studentRows = (context: DossierContext, entries?: readonly DossierEntry[]): StudentRow[] =>
  context.data.achievements
    .filter((achievement) => achievement.role === "STUDENT")
    .flatMap((achievement) =>
      entries
        ? entries
            .filter((entry) => entry.subjectId === achievement.id)
            .map((entry) => ({ achievement, code: entry.code }))
        : [{ achievement, code: achievement.proposedForm }],
    )
    .map(({ achievement, code }) => ({
      code,
      fullName: achievement.fullName,
      birthDate: achievement.birthDate,
      className: achievement.className || undefined,
      school: context.data.unit.name,
      competition: achievement.contest,
      subject: achievement.subject,
      prize: prizeLabels[achievement.prize],
      prizeDecision: achievement.decisionNo
        ? documentText.prizeDecision(achievement.decisionNo, dateVi(achievement.decisionDate))
        : undefined,
      supervisor: achievement.coachIds.map((id) => context.nameOf("individual", id)).join(", ") || undefined,
    }));
