/**
 * The eligibility case file of docs/design.md §5.2. The file is read in two steps so that one bad case
 * cannot sink the others: the envelope (`config`, `cases[]`) first, then each case on its own.
 */
import { z } from "zod";
import {
  AwardCode,
  AwardKind,
  DisciplineLevel,
  Gender,
  ManagingAuthority,
  Rating,
  RecognitionLevel,
  Target,
  Title,
} from "../codes.js";
import { IsoDate, YearRecord } from "../model.js";
import { SchoolYear } from "../school-year.js";
import { EligibilityConfigOverride } from "./config.js";

export const CaseDiscipline = z.object({
  level: DisciplineLevel,
  dutyRelated: z.boolean(),
  /** The day the discipline period ends; counting restarts after it (G-04). Default: the record's year. */
  to: IsoDate.optional(),
});
export type CaseDiscipline = z.infer<typeof CaseDiscipline>;

export const CaseAward = z.object({ form: AwardCode, kind: AwardKind });
export type CaseAward = z.infer<typeof CaseAward>;

/**
 * One evaluation year of the subject (individual or collective): the stored year record's facts,
 * without its storage keys, with the case's own award and discipline shapes.
 */
export const HistoryRecord = YearRecord.pick({
  year: true,
  rating: true,
  monthsWorked: true,
  maternityLeaveMonths: true,
  suspended: true,
  spirit: true,
  movement: true,
  solidarity: true,
  leadsCluster: true,
}).extend({
  /** Titles awarded for that year (annual titles are công trạng by nature). */
  titles: z.array(Title).default([]),
  awards: z.array(CaseAward).default([]),
  discipline: z.array(CaseDiscipline).default([]),
});
export type HistoryRecord = z.infer<typeof HistoryRecord>;

/** A member of a collective, for the target year only. */
export const MemberRecord = z.object({
  id: z.string().optional(),
  rating: Rating,
  titles: z.array(Title).default([]),
  discipline: z.array(CaseDiscipline).default([]),
  /** Tổ chuyên môn / tổ văn phòng: the "group of similar duties" of RT-05. */
  group: z.string().optional(),
});
export type MemberRecord = z.infer<typeof MemberRecord>;

export const Achievement = z.object({
  level: RecognitionLevel,
  year: SchoolYear,
  /** The award this initiative or topic already served (CSCS-07 warns on reuse). */
  usedFor: z.string().optional(),
});
export type Achievement = z.infer<typeof Achievement>;

const CaseVote = z
  .object({ agree: z.number().int().nonnegative(), members: z.number().int().positive() })
  .refine((vote) => vote.agree <= vote.members, { message: "vote-agree-exceeds-members", path: ["agree"] });

const Subject = z.object({
  kind: z.enum(["individual", "collective"]),
  gender: Gender.optional(),
  managingAuthority: ManagingAuthority.optional(),
  /** Collectives: founding year (HCLĐ collective route needs ≥ 10 years, Luật Đ44 k4 đ). */
  foundedYear: z.number().int().min(1900).max(2100).optional(),
  /** Collectives that are not objects of Cờ thi đua may count Bằng khen instead (Luật Đ42–44 k4). */
  flagEligible: z.boolean().default(true),
});

export const EligibilityCase = z.object({
  id: z.string().min(1),
  target: Target,
  year: SchoolYear,
  /** Chooses the legal-basis version (T-02). Default: config.defaultProposalMonthDay of the school year. */
  proposalDate: IsoDate.optional(),
  subject: Subject,
  history: z.array(HistoryRecord),
  initiatives: z.array(Achievement).default([]),
  research: z.array(Achievement).default([]),
  vote: CaseVote.optional(),
  members: z.array(MemberRecord).optional(),
});
export type EligibilityCase = z.infer<typeof EligibilityCase>;

export const CaseFile = z.object({
  config: EligibilityConfigOverride.optional(),
  cases: z.array(z.unknown()),
});
export type CaseFile = z.infer<typeof CaseFile>;
