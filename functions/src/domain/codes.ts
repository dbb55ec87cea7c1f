/**
 * The legal vocabulary as codes (docs/design.md §5.2, docs/domain.md §1). Codes are stable identifiers used in
 * storage, the API and the sheets; their Vietnamese labels live in messages/vocabulary.ts.
 */
import { z } from "zod";

export const RATINGS = ["HTXS", "HTT", "HT", "KHT", "NONE"] as const;
export const Rating = z.enum(RATINGS);
export type Rating = z.infer<typeof Rating>;

const INDIVIDUAL_TITLES = ["LDTT", "CSTD_CS", "CSTD_TINH", "CSTD_TQ"] as const;
const COLLECTIVE_TITLES = ["TTLDTT", "TTLDXS", "CO_TD_TINH", "CO_TD_CP"] as const;
export const TITLES = [...INDIVIDUAL_TITLES, ...COLLECTIVE_TITLES] as const;
export const Title = z.enum(TITLES);
export type Title = z.infer<typeof Title>;

/** Forms (hình thức khen thưởng) the engine evaluates and a proposal can target. */
const PROPOSABLE_FORMS = [
  "GK_HIEU_TRUONG",
  "GK_GD_SO",
  "GK_CT_UBND_XA",
  "BK_CT_UBND_TINH",
  "BK_BO_TRUONG_GDDT",
  "BK_TTG",
  "HCLD_3",
  "HCLD_2",
  "HCLD_1",
] as const;
/** Every form the ledger records, including those decided on seniority or by the State alone. */
export const AWARD_FORMS = [...PROPOSABLE_FORMS, "KNC_VSNGD", "NGUT", "NGND"] as const;
const AwardForm = z.enum(AWARD_FORMS);

/** Everything a proposal can target: a title (danh hiệu) or a form (hình thức khen thưởng). */
export const TARGETS = [...TITLES, ...PROPOSABLE_FORMS] as const;
export const Target = z.enum(TARGETS);
export type Target = z.infer<typeof Target>;

/** Any code the awards ledger can hold. */
export const AwardCode = z.union([Title, AwardForm]);
export type AwardCode = z.infer<typeof AwardCode>;

export const AWARD_KINDS = [
  "CONG_TRANG",
  "DOT_XUAT",
  "CHUYEN_DE",
  "PHONG_TRAO",
  "CONG_HIEN",
  "DOI_NGOAI",
] as const;
export const AwardKind = z.enum(AWARD_KINDS);
export type AwardKind = z.infer<typeof AwardKind>;

export const DISCIPLINE_LEVELS = [
  "KHIEN_TRACH",
  "CANH_CAO",
  "HA_BAC_LUONG",
  "CACH_CHUC",
  "BUOC_THOI_VIEC",
] as const;
export const DisciplineLevel = z.enum(DISCIPLINE_LEVELS);
export type DisciplineLevel = z.infer<typeof DisciplineLevel>;

export const RECOGNITION_LEVELS = ["CO_SO", "TINH", "BO", "TOAN_QUOC"] as const;
export const RecognitionLevel = z.enum(RECOGNITION_LEVELS);
export type RecognitionLevel = z.infer<typeof RecognitionLevel>;

/** Cấp học of a unit. LIEN_CAP_THCS: a multi-level school whose highest level is THCS. */
export const SCHOOL_LEVELS = [
  "MAM_NON",
  "TIEU_HOC",
  "THCS",
  "LIEN_CAP_THCS",
  "THPT",
  "LIEN_CAP_THPT",
  "GDTX",
] as const;
export const SchoolLevel = z.enum(SCHOOL_LEVELS);
export type SchoolLevel = z.infer<typeof SchoolLevel>;

/** Who manages the school after the 2025 reform (TT 45/2026): the Sở, or the commune (UBND xã). */
export const MANAGING_AUTHORITIES = ["SO_GDDT", "UBND_XA"] as const;
export const ManagingAuthority = z.enum(MANAGING_AUTHORITIES);
export type ManagingAuthority = z.infer<typeof ManagingAuthority>;

export const GENDERS = ["M", "F"] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;

export const ROLES = [
  "SCHOOL_OFFICER",
  "PRINCIPAL",
  "COMMUNE_SPECIALIST",
  "DEPT_SPECIALIST",
  "COUNCIL_MEMBER",
  "ADMIN",
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const BALLOT_TYPES = ["KIN", "GIO_TAY"] as const;
export const BallotType = z.enum(BALLOT_TYPES);
export type BallotType = z.infer<typeof BallotType>;

/** Dossier workflow (docs/domain.md §13). */
export const DOSSIER_STATES = [
  "DRAFT",
  "SUBMITTED",
  "RETURNED",
  "UNDER_APPRAISAL",
  "COUNCIL_REVIEW",
  "APPROVED",
  "DECISION_ISSUED",
  "PUBLISHED",
  "SUSPENDED",
  "REVOKED",
] as const;
export const DossierState = z.enum(DOSSIER_STATES);
export type DossierState = z.infer<typeof DossierState>;

export const SUBJECT_KINDS = ["individual", "collective"] as const;
export const SubjectKind = z.enum(SUBJECT_KINDS);
export type SubjectKind = z.infer<typeof SubjectKind>;

const individualTitleSet: ReadonlySet<string> = new Set(INDIVIDUAL_TITLES);
const collectiveTitleSet: ReadonlySet<string> = new Set(COLLECTIVE_TITLES);
export const isIndividualTitle = (code: string): boolean => individualTitleSet.has(code);
export const isCollectiveTitle = (code: string): boolean => collectiveTitleSet.has(code);
export const isTitle = (code: string): code is Title =>
  individualTitleSet.has(code) || collectiveTitleSet.has(code);

/**
 * The default checklist of an inspection visit (kiểm tra, tư vấn: docs/duties.md), the guidance's
 * duties; a year's Cấu hình may choose among them (YearConfig.inspectionChecklist).
 */
export const INSPECTION_ITEMS = [
  "DANG_KY",
  "DAN_CHU",
  "CONG_DOAN",
  "PHONG_TRAO",
  "VAN_BAN",
  "HO_SO",
  "DIEN_HINH",
  "CONG_KHAI",
  "SANG_KIEN",
] as const;
export const InspectionItem = z.enum(INSPECTION_ITEMS);
export type InspectionItem = z.infer<typeof InspectionItem>;
