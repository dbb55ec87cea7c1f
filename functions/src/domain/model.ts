/**
 * The stored domain model (docs/design.md §6). Types are inferred from these schemas; the store, the
 * sheets and the documents all speak them. Dates are ISO "yyyy-MM-dd"; school years "YYYY-YYYY".
 */
import { z } from "zod";
import {
  AwardCode,
  AwardKind,
  BallotType,
  DisciplineLevel,
  Gender,
  InspectionItem,
  ManagingAuthority,
  Rating,
  RecognitionLevel,
  Role,
  SchoolLevel,
  SubjectKind,
  Target,
  Title,
} from "./codes.js";
import { isValidId } from "./ids.js";
import { LEGAL_TEXT_IDS, LEGAL_TEXT_KINDS } from "./legal-timeline.js";
import { LevelingConfigOverride } from "./leveling-config.js";
import { SubjectClass } from "./province-codes.js";
import { SchoolYear } from "./school-year.js";

export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** Natural keys become Firestore document IDs and URL path segments: the id rule of ids.ts. */
export const NaturalKey = z.string().refine(isValidId, { message: "invalid-id" });

/** users/{email}: a lower-case address, never a path separator. */
export const EmailKey = z
  .email()
  .max(254)
  .refine((email) => email === email.toLowerCase() && !email.includes("/"), { message: "invalid-email-key" });

export const Unit = z.object({
  id: NaturalKey,
  name: z.string().min(1),
  /** Short form used in ký hiệu of document numbers, e.g. "THPTLQĐ". */
  abbreviation: z.string().min(1),
  level: SchoolLevel,
  /** Cụm/khối thi đua the unit competes in. */
  clusterId: z.string().min(1),
  managingAuthority: ManagingAuthority,
  /** "Ủy ban nhân dân xã Hòa Bình" or "Sở Giáo dục và Đào tạo tỉnh …". */
  managingBodyName: z.string().min(1),
  /** Địa danh used on documents. */
  place: z.string().min(1),
  /** Commune-managed schools: the id of the UBND xã unit whose specialists oversee the school. */
  communeUnitId: NaturalKey.optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  principalName: z.string().optional(),
});
export type Unit = z.infer<typeof Unit>;

export const Person = z.object({
  id: NaturalKey,
  unitId: NaturalKey,
  fullName: z.string().min(1),
  gender: Gender,
  birthDate: IsoDate.optional(),
  ethnicity: z.string().optional(),
  position: z.string().optional(),
  /** Tổ chuyên môn / tổ văn phòng: the "group of similar duties" of RT-05. */
  group: z.string().optional(),
  staffCategory: z.string().optional(),
  email: z.email().optional(),
  withdrawn: z.boolean().optional(),
});
export type Person = z.infer<typeof Person>;

export const Discipline = z.object({
  level: DisciplineLevel,
  dutyRelated: z.boolean(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  decisionNo: z.string().optional(),
});
export type Discipline = z.infer<typeof Discipline>;

const AwardEntry = z.object({ form: AwardCode, kind: AwardKind });

/** One subject's results for one evaluation year (individual or collective). */
export const YearRecord = z.object({
  year: SchoolYear,
  subjectKind: SubjectKind,
  subjectId: NaturalKey,
  unitId: NaturalKey,
  rating: Rating,
  score: z.number().min(0).max(100).optional(),
  titles: z.array(Title).default([]),
  awards: z.array(AwardEntry).default([]),
  discipline: z.array(Discipline).default([]),
  monthsWorked: z.number().min(0).max(12).optional(),
  maternityLeaveMonths: z.number().min(0).max(12).optional(),
  suspended: z.boolean().default(false),
  /** Individuals: tinh thần tự lực, đoàn kết, tham gia phong trào (LDTT-02). */
  spirit: z.boolean().optional(),
  /** Collectives: phong trào thi đua (TTTT-02) and nội bộ đoàn kết (TTTT-05). */
  movement: z.boolean().optional(),
  solidarity: z.boolean().optional(),
  leadsCluster: z.boolean().optional(),
});
export type YearRecord = z.infer<typeof YearRecord>;

const Commitment = z.object({
  key: z.string().min(1),
  target: z.union([z.number(), z.string().min(1)]),
  unit: z.string().optional(),
  achieved: z.union([z.number(), z.string()]).optional(),
});

export const Registration = z.object({
  year: SchoolYear,
  unitId: NaturalKey,
  subjectKind: SubjectKind,
  subjectId: NaturalKey,
  titles: z.array(Title).default([]),
  forms: z.array(AwardCode).default([]),
  commitments: z.array(Commitment).default([]),
  registeredOn: IsoDate.optional(),
});
export type Registration = z.infer<typeof Registration>;

export const Initiative = z.object({
  id: NaturalKey,
  kind: z.enum(["SANG_KIEN", "DE_TAI"]),
  title: z.string().min(1),
  ownerIds: z.array(NaturalKey).min(1),
  unitId: NaturalKey,
  year: SchoolYear,
  level: RecognitionLevel,
  decisionNo: z.string().optional(),
  decisionDate: IsoDate.optional(),
  usedForAwardId: z.string().optional(),
});
export type Initiative = z.infer<typeof Initiative>;

/** The awards ledger behind the sổ theo dõi. */
export const Award = z.object({
  id: NaturalKey,
  subjectKind: SubjectKind,
  subjectId: NaturalKey,
  unitId: NaturalKey,
  code: AwardCode,
  kind: AwardKind,
  year: SchoolYear,
  decisionNo: z.string().optional(),
  decisionDate: IsoDate.optional(),
  issuer: z.string().optional(),
  proposalNo: z.string().optional(),
  proposalDate: IsoDate.optional(),
  /** Entries written by a recorded decision (decisions/{id}); the history tab's entries have none. */
  decisionId: z.string().optional(),
  /** G-10: the decision was revoked. The entry is kept, and no reader of the ledger counts it. */
  revoked: z.boolean().optional(),
  revocationReason: z.string().optional(),
  /** Phân loại đối tượng at the time of the award, when the province's list gave it (province-codes.ts). */
  subjectClass: SubjectClass.optional(),
});
export type Award = z.infer<typeof Award>;

export const CouncilVote = z
  .object({
    year: SchoolYear,
    unitId: NaturalKey,
    subjectId: NaturalKey,
    target: Target,
    ballotType: BallotType.default("KIN"),
    members: z.number().int().positive(),
    issued: z.number().int().nonnegative().optional(),
    returned: z.number().int().nonnegative().optional(),
    valid: z.number().int().nonnegative().optional(),
    agree: z.number().int().nonnegative(),
    disagree: z.number().int().nonnegative().optional(),
  })
  .refine((vote) => vote.agree <= vote.members, { message: "vote-agree-exceeds-members", path: ["agree"] });
export type CouncilVote = z.infer<typeof CouncilVote>;

export const User = z.object({
  email: z.email(),
  role: Role,
  /** The unit the user belongs to; Department roles may read every unit. */
  unitId: NaturalKey,
  displayName: z.string().optional(),
});
export type User = z.infer<typeof User>;

/** An OAuth client ID as Google issues them: "<project number>-<id>.apps.googleusercontent.com". */
const OAuthClientId = z.string().regex(/^[0-9]{1,20}-[a-z0-9]{1,64}\.apps\.googleusercontent\.com$/);

/**
 * config/auth: the ID-token audiences accepted besides TDKT_AUTH_AUDIENCES — the OAuth clients of
 * the province's add-on and of the per-sheet pilots — set by the Department without a redeploy.
 */
export const AuthConfig = z.object({ audiences: z.array(OAuthClientId).max(100) });
export type AuthConfig = z.infer<typeof AuthConfig>;

/** A school's proposal of one subject for one title or form (tab "Đề nghị khen thưởng"). */
export const Proposal = z.object({
  year: SchoolYear,
  unitId: NaturalKey,
  subjectKind: SubjectKind,
  subjectId: NaturalKey,
  target: Target,
  kind: AwardKind.default("CONG_TRANG"),
  /** Tóm tắt thành tích, 1–3 lines (docs/domain.md §9.2 column 12). */
  summary: z.string().optional(),
});
export type Proposal = z.infer<typeof Proposal>;

/** Who won an ad-hoc prize (docs/domain.md §11): a student, or a teacher who coached winners. */
export const ACHIEVER_ROLES = ["STUDENT", "TEACHER"] as const;
export const AchieverRole = z.enum(ACHIEVER_ROLES);
export type AchieverRole = z.infer<typeof AchieverRole>;

export const CONTEST_LEVELS = ["QUOC_GIA", "DONG_NAM_A", "CHAU_A", "QUOC_TE"] as const;
export const ContestLevel = z.enum(CONTEST_LEVELS);
export type ContestLevel = z.infer<typeof ContestLevel>;

export const PRIZES = ["NHAT", "NHI", "BA", "KK", "HCV", "HCB", "HCD"] as const;
export const Prize = z.enum(PRIZES);
export type Prize = z.infer<typeof Prize>;

/** A national or international prize behind a khen thưởng đột xuất (tab "Thành tích đột xuất"). */
export const Achievement = z
  .object({
    id: NaturalKey,
    year: SchoolYear,
    unitId: NaturalKey,
    role: AchieverRole,
    fullName: z.string().min(1),
    birthDate: IsoDate.optional(),
    className: z.string().optional(),
    /** Teachers: their roster id. */
    personId: NaturalKey.optional(),
    contest: z.string().min(1),
    contestLevel: ContestLevel,
    subject: z.string().min(1),
    prize: Prize,
    decisionNo: z.string().optional(),
    decisionDate: IsoDate.optional(),
    /** Students: roster ids of the teachers who coached them. */
    coachIds: z.array(NaturalKey).default([]),
    proposedForm: AwardCode.optional(),
  })
  .refine((achievement) => achievement.role !== "TEACHER" || achievement.personId !== undefined, {
    message: "teacher-needs-person-id",
    path: ["personId"],
  });
export type Achievement = z.infer<typeof Achievement>;

/** Who a row of the đột xuất table proposes (domain/ad-hoc.ts): the student, the coach, a manager of the unit. */
const AD_HOC_ROLES = ["STUDENT", "COACH", "MANAGER"] as const;
const AdHocRole = z.enum(AD_HOC_ROLES);
export type AdHocRole = z.infer<typeof AdHocRole>;

/** One row of the đột xuất table; `confirmed: false` marks a row the law's text does not settle (UNCONFIRMED). */
export const AdHocRule = z
  .object({
    id: NaturalKey,
    role: AdHocRole,
    contestLevel: ContestLevel,
    prizes: z.array(Prize).min(1),
    /** Forms proposed, each to its own decider (domain/authority.ts). */
    forms: z.array(Target).min(1),
    basis: z.string().trim().min(1),
    confirmed: z.boolean(),
  })
  .strict();
export type AdHocRule = z.infer<typeof AdHocRule>;

/** years/{year}.adHoc: what the Department changes for the year; absent figures take domain/ad-hoc.ts defaults. */
export const AdHocConfig = z
  .object({
    /** Replaces the default table as a whole (a province's own rules). */
    rules: z.array(AdHocRule).min(1).max(200).optional(),
    /** Whether managers are proposed at all (the MANAGER rows). */
    managers: z.boolean().optional(),
    /** Positions (tab Cán bộ, "Chức vụ") that make a person a manager of the unit. */
    managerPositions: z.array(z.string().trim().min(1)).min(1).max(10).optional(),
    /** Calendar days from the result's date to the decision. */
    targetDays: z.number().int().min(1).max(365).optional(),
    /** How many days before the target a case is "due soon". */
    dueSoonDays: z.number().int().min(0).max(60).optional(),
  })
  .strict();
export type AdHocConfig = z.infer<typeof AdHocConfig>;

/** RT-05 ambiguity (docs/domain.md §2.1): what the 20% HTXS cap is counted on. */
export const HTXS_CAP_DENOMINATORS = ["HTT_ONLY", "HTT_AND_ABOVE"] as const;
export const HtxsCapDenominator = z.enum(HTXS_CAP_DENOMINATORS);
export type HtxsCapDenominator = z.infer<typeof HtxsCapDenominator>;

/**
 * A căn cứ the Department configures for the year (docs/domain.md §0.3): a text of its own (the
 * province's Quy chế, the Department's guidance) or a corrected citation of a built-in text.
 */
export const YearLegalText = z.union([
  z
    .object({
      kind: z.enum(LEGAL_TEXT_KINDS),
      citation: z.string().trim().min(1),
      from: IsoDate.optional(),
      until: IsoDate.optional(),
    })
    .strict(),
  z.object({ replaces: z.enum(LEGAL_TEXT_IDS), citation: z.string().trim().min(1) }).strict(),
]);
export type YearLegalText = z.infer<typeof YearLegalText>;

/**
 * Where the score of a criteria group of the cụm/khối ranking comes from (docs/domain.md §18):
 * commitments met, the unit's rating and titles, its members' results, emulation movements and
 * thematic fields, inspection findings (tab "Kết quả kiểm tra"), or the Thường trực's manual score.
 */
export const CRITERIA_SOURCES = [
  "COMMITMENTS",
  "UNIT_TITLES",
  "MEMBER_RESULTS",
  "MOVEMENTS",
  "INSPECTION",
  "MANUAL",
] as const;
export const CriteriaSource = z.enum(CRITERIA_SOURCES);
export type CriteriaSource = z.infer<typeof CriteriaSource>;

/** years/{year}/criteria/{cluster_code}: one criteria group (tab "Tiêu chí thi đua"). */
export const CriteriaGroup = z.object({
  year: SchoolYear,
  /** The cụm/khối it applies to; absent: every cluster without a group of the same code of its own. */
  clusterId: z.string().min(1).optional(),
  code: NaturalKey,
  name: z.string().min(1),
  source: CriteriaSource,
  maxScore: z.number().min(0).max(1000),
  weight: z.number().min(0).max(100).default(1),
});
export type CriteriaGroup = z.infer<typeof CriteriaGroup>;

/** years/{year}/scores/{unit_group}: the Thường trực's score of a unit in a MANUAL group (tab "Chấm điểm thi đua"). */
export const ManualScore = z.object({
  year: SchoolYear,
  unitId: NaturalKey,
  group: NaturalKey,
  score: z.number().min(0).max(1000),
  note: z.string().optional(),
});
export type ManualScore = z.infer<typeof ManualScore>;

/**
 * The province's quotas for the ranking (UNCONFIRMED provincial rules, docs/domain.md §18): absent
 * figures take the defaults of domain/ranking/config.ts.
 */
export const RankingQuotas = z.object({
  /** Leaders of each cụm/khối proposed for Cờ thi đua cấp tỉnh. */
  flagPerCluster: z.number().int().min(0).max(50).optional(),
  /** The units ranked next in each cụm/khối, proposed for Bằng khen of the Chủ tịch UBND tỉnh. */
  bkPerCluster: z.number().int().min(0).max(50).optional(),
  /** Province-wide caps on individuals: CSTĐ cấp tỉnh and Bằng khen tỉnh. */
  cstdTinhCap: z.number().int().min(0).max(100_000).optional(),
  bkTinhCap: z.number().int().min(0).max(100_000).optional(),
});
export type RankingQuotas = z.infer<typeof RankingQuotas>;

/** years/{year}: the configuration of one school year (tab "Cấu hình" of the Department). */
export const YearConfig = z.object({
  year: SchoolYear,
  legalBasisVersion: z.string().min(1),
  registrationDeadline: IsoDate.optional(),
  submissionDeadline: IsoDate.optional(),
  registrationRequired: z.boolean().default(true),
  htxsCapDenominator: HtxsCapDenominator.default("HTT_ONLY"),
  /** Share of all council members that must agree (V-06), e.g. { CSTD_CS: 0.8 }. */
  voteThreshold: z.partialRecord(Target, z.number().min(0).max(1)).default({}),
  legalTexts: z.array(YearLegalText).optional(),
  rankingQuotas: RankingQuotas.default({}),
  /** The thresholds of the bình xét report's flags that differ from the defaults (docs/leveling.md). */
  leveling: LevelingConfigOverride.optional(),
  /** The inspection checklist of the year, among the default items (absent: all of INSPECTION_ITEMS). */
  inspectionChecklist: z.array(InspectionItem).min(1).optional(),
  /** The Department's summary spreadsheet the year-end job rewrites (else TDKT_SUMMARY_SPREADSHEET_ID). */
  /** Khen thưởng đột xuất: the table, the managers' part, the clock's target (domain/ad-hoc.ts). */
  adHoc: AdHocConfig.optional(),
  summarySpreadsheetId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{10,200}$/)
    .optional(),
});
export type YearConfig = z.infer<typeof YearConfig>;
