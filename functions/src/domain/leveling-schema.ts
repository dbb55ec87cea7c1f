/**
 * The shapes of the anti-"cào bằng, nể nang" report (docs/leveling.md): its flags, each unit's
 * distribution and the province's, as the JSON answer, the PDF and the summary tab read them.
 */
import { z } from "zod";
import { Title } from "./codes.js";
import { LevelingConfig } from "./leveling-config.js";

const Count = z.object({ count: z.number().int(), share: z.number(), provinceShare: z.number() });
/** One rating's or title's count in a unit, its share there and in the province. */
export type Count = z.infer<typeof Count>;

const Holder = z.object({
  personId: z.string(),
  fullName: z.string(),
  years: z.array(z.string()),
});

const MissedCommitment = z.object({
  key: z.string(),
  target: z.union([z.number(), z.string()]),
  achieved: z.union([z.number(), z.string()]),
});

export const LevelingFlag = z.discriminatedUnion("code", [
  z.object({
    code: z.literal("NEAR_ALL_HTXS"),
    htxs: z.number().int(),
    rated: z.number().int(),
    share: z.number(),
    threshold: z.number(),
    provinceShare: z.number(),
    message: z.string(),
  }),
  z.object({
    code: z.literal("ROTATION"),
    /** REPEAT: the same people again without new evidence; TURNS: handed round, one year each. */
    pattern: z.enum(["REPEAT", "TURNS"]),
    title: Title,
    years: z.array(z.string()),
    holders: z.array(Holder),
    threshold: z.number().int(),
    message: z.string(),
  }),
  z.object({
    code: z.literal("MANAGER_SHARE"),
    managerYears: z.number().int(),
    staffYears: z.number().int(),
    staffShare: z.number(),
    managerTitles: z.number().int(),
    titles: z.number().int(),
    titleShare: z.number(),
    ratio: z.number(),
    threshold: z.number(),
    message: z.string(),
  }),
  z.object({
    code: z.literal("RATINGS_VS_RESULTS"),
    assessed: z.number().int(),
    missed: z.array(MissedCommitment),
    missedShare: z.number(),
    htxs: z.number().int(),
    rated: z.number().int(),
    htxsShare: z.number(),
    thresholds: z.object({ missedShare: z.number(), htxsShare: z.number() }),
    message: z.string(),
  }),
]);
export type LevelingFlag = z.infer<typeof LevelingFlag>;

export const UnitLeveling = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** Individuals with a record in the report year, and those of them rated (not NONE). */
  people: z.number().int(),
  rated: z.number().int(),
  /** Shares of the rated (NONE: of everyone with a record); provinceShare the same over the province. */
  ratings: z.record(z.string(), Count),
  /** The year's individual titles: shares of everyone with a record. */
  titles: z.record(z.string(), Count),
  /** RT-05 for the whole unit (htxs, max, excess); `ok` and the message cover its groups too. */
  htxsCap: z.object({
    ok: z.boolean(),
    share: z.number(),
    htxs: z.number().int(),
    max: z.number().int(),
    excess: z.number().int(),
    message: z.string(),
  }),
  flags: z.array(LevelingFlag),
});
export type UnitLeveling = z.infer<typeof UnitLeveling>;

export const ProvinceDistribution = z.object({
  people: z.number().int(),
  rated: z.number().int(),
  ratings: z.record(z.string(), z.number().int()),
  titles: z.record(z.string(), z.number().int()),
});
export type ProvinceDistribution = z.infer<typeof ProvinceDistribution>;

export const LevelingReport = z.object({
  year: z.string(),
  config: LevelingConfig,
  province: ProvinceDistribution,
  units: z.array(UnitLeveling),
});
export type LevelingReport = z.infer<typeof LevelingReport>;
