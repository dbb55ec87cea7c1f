/**
 * Every UNCONFIRMED rule of docs/domain.md that the eligibility engine depends on, as one configuration
 * object with the defaults of docs/domain.md. Each parameter carries its doubt beside it. A case file's
 * `config` overrides any of them (validated by `EligibilityConfigOverride`).
 */
import { z } from "zod";
import { AwardKind } from "../codes.js";

const Ratio = z.number().min(0).max(1);

export const EligibilityConfig = z.object({
  /**
   * V-02/V-03/V-06: share of "đồng ý" over ALL council members. Source NĐ 98/2023 Đ30 k7, which
   * expired 01/7/2025; the NĐ 152/2025 article on votes was not found.
   */
  voteThreshold: z.object({
    CSTD_CS: Ratio,
    CO_TD_TINH: Ratio,
    CO_TD_CP: Ratio,
    CSTD_TINH: Ratio,
    CSTD_TQ: Ratio,
  }),
  /** TTTT-03/TTXS-03: the "≥ 70% LĐTT" rule of Luật Đ27–28 (confirmed; kept here for provinces that detail it). */
  collectiveLdttShare: Ratio,
  /**
   * TTTT-03/TTXS-03 denominator: "cá nhân trong tập thể" is not defined by the law. ALL_ON_ROSTER
   * counts every member; RATED_ONLY leaves out members not rated (NONE, RT-07).
   */
  collectiveMemberBase: z.enum(["ALL_ON_ROSTER", "RATED_ONLY"]),
  /** LDTT-05: minimum months worked (TT 01/2024/TT-BNV; carry-over into TT 15/2025/TT-BNV unconfirmed). */
  ldttMinMonthsWorked: z.number().int().min(0).max(12),
  /**
   * CSCS-06: the 2025 draft amendment wanted CSTĐCS to need HTXS AND an initiative; whether Luật
   * 06/2026/QH16 changed Đ23 is unconfirmed. Off until verified.
   */
  cstdcsRequiresInitiativeAndHTXS: z.boolean(),
  /** CSCS-03: no cap since NĐ 91/2017 expired; a province may set one (share of the unit's LĐTT). */
  cstdcsCapShareOfLdtt: Ratio.nullable(),
  /** CSCS-02 "in year": an initiative counts if recognised within this many years ending in the target year (practice: 1). */
  initiativeWindowYears: z.number().int().min(1).max(10),
  /** CSTINH-08: the 3 CSTĐCS end in the proposal year (0) or the year before it (1) — "năm liền kề" unconfirmed. */
  cstdTinhLookbackEndOffset: z.union([z.literal(0), z.literal(1)]),
  /** CSTINH-08: after a CSTĐ tỉnh, the next one needs 3 NEW consecutive CSTĐCS (common practice, unconfirmed). */
  cstdTinhNeedsNewStreakAfterAward: z.boolean(),
  /**
   * CSTQ-01 "02 lần liên tục" CSTĐ tỉnh: AWARDS = two successive CSTĐ tỉnh awards with CSTĐCS every
   * year between them (a CSTĐ tỉnh needs 3 CSTĐCS, so two in adjacent years cannot happen);
   * YEARS = CSTĐ tỉnh in two adjacent school years. No current text says which.
   */
  cstdTqConsecutiveMode: z.enum(["AWARDS", "YEARS"]),
  /** G-03: award kinds that never count toward công trạng counters ("PHONG_TRAO (chuyên đề)" per docs/domain.md). */
  nonMeritAwardKinds: z.array(AwardKind),
  /**
   * §15 open parameter / G-05: a NONE year with maternity leave breaks a streak (default, since
   * RT-08 normally yields a rating) or is skipped over without counting.
   */
  maternityNotRatedYearBreaksStreak: z.boolean(),
  /**
   * BK TTg / HCLĐ windows ("đã được tặng X và sau đó …"): count after the EARLIEST prior award since the
   * target form was last received (default: a Bằng khen received inside the window — which route e
   * even counts — must not restart it), or after the LATEST prior award (docs/domain.md §5.4 sketch).
   * Interpretation unconfirmed.
   */
  afterAwardAnchor: z.enum(["LATEST", "EARLIEST_SINCE_TARGET"]),
  /**
   * BKTTG-01 (Luật 2022 Đ73 k1 b, docs/domain.md §5.4): "đã được tặng bằng khen … và có liên tục từ
   * 05 năm trở lên đến thời điểm đề nghị" has no "sau đó", unlike k4 e. LITERAL (default): the run
   * ending at the proposal need not start after the Bằng khen; AFTER_AWARD: it is counted after the
   * Bằng khen, as route e.
   */
  bkTtgIndividualReading: z.enum(["LITERAL", "AFTER_AWARD"]),
  /**
   * HCLD2-01 (Luật 2022 Đ43 k1 đ, docs/domain.md §5.5): "sau đó có liên tục từ 05 năm trở lên" has no
   * "đến thời điểm đề nghị", which Đ42 k1 đ and Đ44 k1 e have. LITERAL (default): any run after the
   * hạng Ba qualifies; TO_PROPOSAL: only the run ending at the proposal (possibly a drafting slip).
   */
  hcld2IndividualReading: z.enum(["LITERAL", "TO_PROPOSAL"]),
  /** GK-04: minimum rating for a Giấy khen (Bắc Ninh: "hoàn thành tốt nhiệm vụ"); provincial rule. */
  giayKhenMinRating: z.enum(["HTXS", "HTT", "HT"]),
  /** COTINH-01/Đ25 k1: "hoàn thành vượt chỉ tiêu, tiêu biểu xuất sắc" read as a unit rating of HTXS. */
  coThiDuaRequiresHtxs: z.boolean(),
  /** RT-05 denominator: literal reading "20% of those rated HTT" (HTT_ONLY) or HTT and above. */
  htxsCapDenominator: z.enum(["HTT_ONLY", "HTT_AND_ABOVE"]),
  /** RT-05 rates: 20%, raised to 25% when the unit itself is rated HTXS (NĐ 233/2026 Đ12 k6). */
  htxsCapShare: Ratio,
  htxsCapShareWhenUnitHtxs: Ratio,
  /**
   * Default proposal date when a case gives none: day and month in the SECOND calendar year of the
   * school year. 31/05 = end of the school year, when school councils vote (docs/domain.md §13 step 5).
   */
  defaultProposalMonthDay: z.string().regex(/^\d{2}-\d{2}$/),
});
export type EligibilityConfig = z.infer<typeof EligibilityConfig>;

export const DEFAULT_ELIGIBILITY_CONFIG: EligibilityConfig = {
  voteThreshold: { CSTD_CS: 0.8, CO_TD_TINH: 0.8, CO_TD_CP: 0.8, CSTD_TINH: 0.9, CSTD_TQ: 0.9 },
  collectiveLdttShare: 0.7,
  collectiveMemberBase: "ALL_ON_ROSTER",
  ldttMinMonthsWorked: 6,
  cstdcsRequiresInitiativeAndHTXS: false,
  cstdcsCapShareOfLdtt: null,
  initiativeWindowYears: 1,
  cstdTinhLookbackEndOffset: 0,
  cstdTinhNeedsNewStreakAfterAward: true,
  cstdTqConsecutiveMode: "AWARDS",
  nonMeritAwardKinds: ["DOT_XUAT", "CHUYEN_DE", "PHONG_TRAO"],
  maternityNotRatedYearBreaksStreak: true,
  afterAwardAnchor: "EARLIEST_SINCE_TARGET",
  bkTtgIndividualReading: "LITERAL",
  hcld2IndividualReading: "LITERAL",
  giayKhenMinRating: "HTT",
  coThiDuaRequiresHtxs: true,
  htxsCapDenominator: "HTT_ONLY",
  htxsCapShare: 0.2,
  htxsCapShareWhenUnitHtxs: 0.25,
  defaultProposalMonthDay: "05-31",
};

/** What a case file may override: any parameter, and any single vote threshold. */
export const EligibilityConfigOverride = EligibilityConfig.extend({
  voteThreshold: EligibilityConfig.shape.voteThreshold.partial(),
})
  .partial()
  .strict();
export type EligibilityConfigOverride = z.infer<typeof EligibilityConfigOverride>;

export function resolveConfig(override: EligibilityConfigOverride = {}): EligibilityConfig {
  return {
    ...DEFAULT_ELIGIBILITY_CONFIG,
    ...override,
    voteThreshold: { ...DEFAULT_ELIGIBILITY_CONFIG.voteThreshold, ...override.voteThreshold },
  };
}
