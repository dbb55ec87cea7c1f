/**
 * The thresholds of the anti-"cào bằng, nể nang" flags (domain/leveling.ts, docs/leveling.md), with
 * their defaults. All UNCONFIRMED: the guidance asks for the analysis and gives no figure. Kept apart
 * from leveling.ts so that model.ts (years/{year}.leveling) can hold an override without a cycle.
 */
import { z } from "zod";
import { Title } from "./codes.js";

const Ratio = z.number().min(0).max(1);

export const LevelingConfig = z
  .object({
    /** The look-back of ROTATION and MANAGER_SHARE: this many school years ending with the report's. */
    windowYears: z.number().int().min(2).max(10),
    /** Units with fewer people rated (HTXS, HTT, HT or KHT) raise no rating-based flag: too few to tell. */
    minRated: z.number().int().min(1),
    /** NEAR_ALL_HTXS: share of the rated who are HTXS. */
    nearAllHtxsShare: Ratio,
    /** ROTATION: the titles watched (LĐTT goes to nearly everyone, so it says nothing). */
    rotationTitles: z.array(Title).min(1),
    /** ROTATION REPEAT: held in at least this many years of the window, and TURNS: given in at least this many. */
    rotationMinYears: z.number().int().min(2),
    /** ROTATION TURNS: at least this many different holders, each exactly once. */
    turnsMinHolders: z.number().int().min(2),
    /** MANAGER_SHARE: the titles counted. */
    managerTitles: z.array(Title).min(1),
    /** MANAGER_SHARE: managers' share of those titles ÷ their share of staff, at least. */
    managerShareRatio: z.number().min(1),
    /** MANAGER_SHARE: too few titles in the window say nothing. */
    managerMinTitles: z.number().int().min(1),
    /** RATINGS_VS_RESULTS: share of the assessed commitments missed, and share of the rated who are HTXS. */
    resultsMissedShare: Ratio,
    resultsHtxsShare: Ratio,
  })
  .strict();
export type LevelingConfig = z.infer<typeof LevelingConfig>;

export const DEFAULT_LEVELING_CONFIG: LevelingConfig = {
  windowYears: 5,
  minRated: 5,
  nearAllHtxsShare: 0.8,
  rotationTitles: ["CSTD_CS"],
  rotationMinYears: 4,
  turnsMinHolders: 4,
  managerTitles: ["CSTD_CS", "CSTD_TINH", "CSTD_TQ"],
  managerShareRatio: 3,
  managerMinTitles: 4,
  resultsMissedShare: 0.5,
  resultsHtxsShare: 0.15,
};

/** What years/{year}.leveling may override. */
export const LevelingConfigOverride = LevelingConfig.partial().strict();
export type LevelingConfigOverride = z.infer<typeof LevelingConfigOverride>;

export const resolveLevelingConfig = (override: LevelingConfigOverride = {}): LevelingConfig => ({
  ...DEFAULT_LEVELING_CONFIG,
  ...override,
});
