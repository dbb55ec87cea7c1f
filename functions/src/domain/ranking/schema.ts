/**
 * The answer of the cụm/khối ranking (GET /v1/years/{year}/rankings, `tdkt rank`): clusters with their
 * ordered units, the registered-vs-achieved tables, and the individual lists where quotas bind
 * (docs/domain.md §18).
 */
import { z } from "zod";
import { Gender, Rating, SubjectKind } from "../codes.js";
import { CriteriaSource } from "../model.js";

const GroupScore = z.object({
  group: z.string(),
  name: z.string(),
  source: CriteriaSource,
  score: z.number(),
  maxScore: z.number(),
  weight: z.number(),
  /** The data gave more than the group's maximum (or a manual score above it): cut to the maximum. */
  clamped: z.boolean(),
  /** No data for this group: scored 0 by the missing-data rule. */
  missing: z.boolean(),
  note: z.string(),
});

const RankedUnit = z.object({
  unitId: z.string(),
  name: z.string(),
  position: z.number().int().positive(),
  total: z.number(),
  maxTotal: z.number(),
  scores: z.array(GroupScore),
  commitmentsMet: z.number().int().nonnegative(),
  /** Share of women on the roster (G-06 counts ≥ 70%); null when the unit has no roster. */
  womenShare: z.number().nullable(),
  /** The groups scored 0 for want of data. */
  missing: z.array(z.string()),
  leader: z.boolean(),
  proposedFor: z.enum(["CO_TD_TINH", "BK_CT_UBND_TINH"]).nullable(),
  /**
   * Why it stands above or below a unit of the same total, and why it is not proposed although
   * within the quota (missing data); null when there is nothing to explain.
   */
  tieBreak: z.string().nullable(),
});
export type RankedUnit = z.infer<typeof RankedUnit>;

const ClusterRanking = z.object({
  clusterId: z.string(),
  units: z.array(RankedUnit),
});

const CommitmentLine = z.object({
  key: z.string(),
  target: z.union([z.number(), z.string()]),
  unit: z.string().nullable(),
  achieved: z.union([z.number(), z.string()]).nullable(),
  /** null when nothing was reported at year end. */
  met: z.boolean().nullable(),
});
export type CommitmentLine = z.infer<typeof CommitmentLine>;

const SubjectCommitments = z.object({
  subjectKind: SubjectKind,
  subjectId: z.string(),
  name: z.string(),
  lines: z.array(CommitmentLine),
});

const UnitCommitments = z.object({
  unitId: z.string(),
  /** The unit's own table, then one per person who registered commitments. */
  subjects: z.array(SubjectCommitments),
});

const QuotaPosition = z.object({
  position: z.number().int().positive(),
  unitId: z.string(),
  subjectId: z.string(),
  name: z.string(),
  gender: Gender.nullable(),
  rating: Rating,
  score: z.number().nullable(),
  withinQuota: z.boolean(),
  reason: z.string(),
});
export type QuotaPosition = z.infer<typeof QuotaPosition>;

const ProvincialQuota = z.object({
  target: z.enum(["CSTD_TINH", "BK_CT_UBND_TINH"]),
  cap: z.number().int().nonnegative(),
  candidates: z.number().int().nonnegative(),
  positions: z.array(QuotaPosition),
});
export type ProvincialQuota = z.infer<typeof ProvincialQuota>;

const HtxsScope = z.object({
  /** null: the whole unit. */
  group: z.string().nullable(),
  htxs: z.number().int(),
  denominator: z.number().int(),
  max: z.number().int(),
  excess: z.number().int(),
  message: z.string(),
  /** Only where the cap binds (excess > 0): the people rated HTXS in this scope, in order. */
  positions: z.array(QuotaPosition),
});

const UnitHtxsCap = z.object({
  unitId: z.string(),
  ok: z.boolean(),
  basis: z.string(),
  share: z.number(),
  scopes: z.array(HtxsScope),
});
export type UnitHtxsCap = z.infer<typeof UnitHtxsCap>;

export const YearRankings = z.object({
  year: z.string(),
  /** The rule texts the answer applied, for a reader who sees only the figures. */
  rules: z.object({ missingData: z.string(), tieOrder: z.string() }),
  quotas: z.object({
    flagPerCluster: z.number().int(),
    bkPerCluster: z.number().int(),
    cstdTinhCap: z.number().int(),
    bkTinhCap: z.number().int(),
  }),
  clusters: z.array(ClusterRanking),
  commitments: z.array(UnitCommitments),
  individuals: z.object({ provincial: z.array(ProvincialQuota), htxsCaps: z.array(UnitHtxsCap) }),
});
export type YearRankings = z.infer<typeof YearRankings>;
