/**
 * What every rule module receives (one prepared subject per case) and the checks that several
 * targets share: the G-04 guard, the RT-09 duty-discipline consequence, G-03, votes, initiatives.
 */
import type { DisciplineLevel, RecognitionLevel } from "../codes.js";
import {
  disciplineLevelLabels,
  eligibilityMessages as msg,
  recognitionLevelLabels,
} from "../messages/index.js";
import { schoolYearStarting, startYearOf } from "../school-year.js";
import type { EligibilityConfig } from "./config.js";
import { cite, type LegalBasisVersion } from "./legal-basis.js";
import type { Achievement, EligibilityCase, HistoryRecord } from "./schema.js";
import type { Check } from "./types.js";
import { formatYears, type Streak, type SubjectHistory } from "./windows.js";

export interface EvalContext {
  readonly input: EligibilityCase;
  readonly config: EligibilityConfig;
  readonly basis: LegalBasisVersion;
  readonly history: SubjectHistory;
  /** Start year of the target school year, and its record. */
  readonly start: number;
  readonly year: string;
  readonly record: HistoryRecord;
  /** Calendar year of the proposal date (HCLĐ: years since founding). */
  readonly proposalYear: number;
  /** Target-independent checks of this subject, computed once and shared by all its results. */
  readonly shared: Record<string, unknown>;
  /** Checks shared by every subject judged under the same configuration, legal basis and year. */
  readonly common: CommonChecks;
}

/** Computes a target-independent value once per subject (see `shared`); never undefined. */
export function once<T>(ctx: EvalContext, key: string, compute: (ctx: EvalContext) => T): T {
  const known = ctx.shared[key];
  if (known !== undefined) return known as T;
  const value = compute(ctx);
  ctx.shared[key] = value;
  return value;
}

/** By kind of check, then by the one value of the subject it reads (see `common`). */
type CommonChecks = Map<string, Map<unknown, Check>>;

const commonByRun = new WeakMap<EligibilityConfig, Map<LegalBasisVersion, Map<string, CommonChecks>>>();

/**
 * The store of `common` checks for one configuration, legal basis and target year. Kept as long as
 * the configuration object lives (one per case file; the year-end job judges every subject with one).
 */
export function commonChecksFor(
  config: EligibilityConfig,
  basis: LegalBasisVersion,
  year: string,
): CommonChecks {
  let byBasis = commonByRun.get(config);
  if (byBasis === undefined) {
    byBasis = new Map();
    commonByRun.set(config, byBasis);
  }
  let byYear = byBasis.get(basis);
  if (byYear === undefined) {
    byYear = new Map();
    byBasis.set(basis, byYear);
  }
  let checks = byYear.get(year);
  if (checks === undefined) {
    checks = new Map();
    byYear.set(year, checks);
  }
  return checks;
}

/**
 * A check that reads nothing of the subject but `variant` (a rating, a count, a flag; `null` for
 * none) besides the configuration, the legal basis and the target year: built once and the same
 * object in every subject's results, as `once` shares a subject's checks between its targets. Most
 * checks of a year-end run are these (a Giấy khen's issuer, a passing guard, "no prior award"), and
 * building 60,000 copies of their sentences was a quarter of the engine's time. `build` must
 * read of the subject only what `variant` says. Results are data that nothing mutates.
 */
export function common<V>(
  ctx: EvalContext,
  kind: string,
  variant: V,
  build: (ctx: EvalContext, variant: V) => Check,
): Check {
  let variants = ctx.common.get(kind);
  if (variants === undefined) {
    variants = new Map();
    ctx.common.set(kind, variants);
  }
  let check = variants.get(variant);
  if (check === undefined) {
    check = build(ctx, variant);
    variants.set(variant, check);
  }
  return check;
}

export const pass = (rule: string, basis: string, message: string): Check => ({
  rule,
  ok: true,
  basis,
  message,
});
export const verdict = (rule: string, ok: boolean, basis: string, message: string): Check => ({
  rule,
  ok,
  basis,
  message,
});
export const undecided = (rule: string, basis: string, message: string, missing: string[]): Check => ({
  rule,
  ok: false,
  basis,
  message,
  missing,
});

/** G-04: not suspended in the target year, and not inside a discipline period. */
export const suspensionCheck = (ctx: EvalContext): Check => once(ctx, "G-04", computeSuspension);

function computeSuspension(ctx: EvalContext): Check {
  if (ctx.record.suspended) return common(ctx, "G-04 suspended", null, suspendedCheck);
  const restart = ctx.history.countingStartAt(ctx.start);
  if (restart !== undefined && restart > ctx.start) return common(ctx, "G-04 restart", restart, restartCheck);
  return common(ctx, "G-04 ok", null, noSuspensionCheck);
}

const suspendedCheck = (ctx: EvalContext): Check =>
  verdict("G-04", false, cite.principle(ctx.basis, 4), msg.suspended(ctx.year));
const restartCheck = (ctx: EvalContext, restart: number): Check =>
  verdict("G-04", false, cite.principle(ctx.basis, 4), msg.disciplineRestart(schoolYearStarting(restart)));
const noSuspensionCheck = (ctx: EvalContext): Check =>
  pass("G-04", cite.principle(ctx.basis, 4), msg.noSuspension(ctx.year));

/** RT-09 (NĐ 233 Đ14 k3, RT-03): a duty-related discipline in the year means the rating is KHT. */
export const dutyDisciplineCheck = (ctx: EvalContext): Check => once(ctx, "RT-09", computeDutyDiscipline);

function computeDutyDiscipline(ctx: EvalContext): Check {
  const duty = ctx.record.discipline.find((discipline) => discipline.dutyRelated);
  return common(ctx, "RT-09", duty?.level, dutyDisciplineOf);
}

function dutyDisciplineOf(ctx: EvalContext, level: DisciplineLevel | undefined): Check {
  const basis = cite.rating(ctx.year, 14, 3);
  return level === undefined
    ? pass("RT-09", basis, msg.noDutyDiscipline(ctx.year))
    : verdict("RT-09", false, basis, msg.dutyDiscipline(ctx.year, disciplineLevelLabels[level]));
}

/** G-03: which đột xuất/chuyên đề awards the counters left out (always passes; it explains). */
export const nonMeritCheck = (ctx: EvalContext): Check => once(ctx, "G-03", computeNonMerit);

function computeNonMerit(ctx: EvalContext): Check {
  if (ctx.history.excludedAwards.length === 0) return common(ctx, "G-03 none", null, nothingExcluded);
  const items = ctx.history.excludedAwards.map((award) =>
    msg.excludedAward(award.form, award.kind, schoolYearStarting(award.start)),
  );
  return pass("G-03", cite.principle(ctx.basis, 3), msg.excludedAwards(items));
}

const nothingExcluded = (ctx: EvalContext): Check =>
  pass("G-03", cite.principle(ctx.basis, 3), msg.excludedAwards([]));

/** V-01 (a vote is required) and the threshold over all council members (V-02/V-03, V-04, V-09). */
export function voteChecks(ctx: EvalContext, thresholdRule: string, threshold: number): Check[] {
  const vote = ctx.input.vote;
  // The checks read the vote's two counts only, and councils are small: their text ("12/15") keys
  // them. Each threshold rule is a kind of its own; its threshold is the configuration's.
  const counts = vote === undefined ? null : once(ctx, "vote", voteCounts);
  return [
    common(ctx, "V-01", counts, presenceCheck),
    common(ctx, thresholdRule, counts, (ctx, counts) =>
      thresholdCheck(ctx, counts, thresholdRule, threshold),
    ),
  ];
}

const voteCounts = (ctx: EvalContext): string => `${ctx.input.vote?.agree}/${ctx.input.vote?.members}`;

function presenceCheck(ctx: EvalContext, counts: string | null): Check {
  const basis = cite.vote(ctx.basis);
  const vote = ctx.input.vote;
  return counts === null || vote === undefined
    ? undecided("V-01", basis, msg.voteMissing, ["vote"])
    : pass("V-01", basis, msg.votePresent(vote.agree, vote.members));
}

function thresholdCheck(ctx: EvalContext, counts: string | null, rule: string, threshold: number): Check {
  const basis = cite.vote(ctx.basis);
  const vote = ctx.input.vote;
  if (counts === null || vote === undefined)
    return undecided(rule, basis, msg.voteNotDecided(threshold), ["vote"]);
  // A tolerance keeps 0.8 × 15 = 12 from failing on floating-point noise.
  const ok = vote.agree / vote.members >= threshold - 1e-9;
  return verdict(rule, ok, basis, msg.voteRatio(ok, vote.agree, vote.members, threshold));
}

const LEVEL_RANK: Record<RecognitionLevel, number> = { CO_SO: 0, TINH: 1, BO: 1, TOAN_QUOC: 2 };

/** Initiatives or research of at least `minLevel`, recognised in a school year from `fromStart` to `toStart`. */
export function achievementsIn(
  items: readonly Achievement[],
  fromStart: number,
  toStart: number,
  minLevel: RecognitionLevel,
): Achievement[] {
  if (items.length === 0) return [];
  return items.filter((item) => {
    const start = startYearOf(item.year);
    return start >= fromStart && start <= toStart && LEVEL_RANK[item.level] >= LEVEL_RANK[minLevel];
  });
}

export const describeAchievement = (item: Achievement): string =>
  `${recognitionLevelLabels[item.level].toLowerCase()} ${item.year}`;

/** CSCS-07: a reused initiative is a warning, never a block. */
export function reuseWarnings(basis: string, items: readonly Achievement[]): Check[] {
  return items
    .filter((item) => item.usedFor !== undefined)
    .map((item) => ({
      rule: "CSCS-07",
      ok: true,
      warning: true,
      basis,
      message: msg.initiativeReused(
        recognitionLevelLabels[item.level].toLowerCase(),
        item.year,
        item.usedFor ?? "",
      ),
    }));
}

/** The explanation of where a streak stopped. */
const streakStopText = (streak: Streak): string =>
  msg.stop[streak.stop.reason](schoolYearStarting(streak.stop.start));

/** A streak check: "có N năm liên tục … (years); cần K". */
export function streakCheck(
  rule: string,
  basis: string,
  streak: Streak,
  what: string,
  required: number,
): Check {
  const ok = streak.years.length >= required;
  return verdict(
    rule,
    ok,
    basis,
    msg.streak(ok, streak.years.length, what, formatYears(streak.years), required, streakStopText(streak)),
  );
}
