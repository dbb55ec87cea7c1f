/** Individual emulation titles: LĐTT (§3.1), CSTĐ cơ sở (§3.2), CSTĐ cấp tỉnh (§3.3), CSTĐ toàn quốc (§3.4). */
import type { Rating } from "../codes.js";
import { eligibilityMessages as msg } from "../messages/index.js";
import { schoolYearStarting } from "../school-year.js";
import {
  achievementsIn,
  common,
  describeAchievement,
  dutyDisciplineCheck,
  type EvalContext,
  nonMeritCheck,
  once,
  pass,
  reuseWarnings,
  streakCheck,
  suspensionCheck,
  undecided,
  verdict,
  voteChecks,
} from "./context.js";
import { cite } from "./legal-basis.js";
import type { Achievement } from "./schema.js";
import type { Check } from "./types.js";
import { formatYears, lastYears } from "./windows.js";

const GOOD_OR_BETTER: ReadonlySet<Rating> = new Set(["HTXS", "HTT"]);

/** LĐTT of the target year (LDTT-01, -02, -05, G-04, G-05, RT-09); shared by LĐTT and CSTĐCS. */
export const ldttChecks = (ctx: EvalContext): Check[] => once(ctx, "LDTT", computeLdtt);

function computeLdtt(ctx: EvalContext): Check[] {
  const { record } = ctx;
  const checks = [suspensionCheck(ctx), dutyDisciplineCheck(ctx)];
  const maternity = record.maternityLeaveMonths ?? 0;
  if (maternity > 0) checks.push(common(ctx, "G-05", maternity, maternityCheck));
  if (record.monthsWorked !== undefined)
    checks.push(common(ctx, "LDTT-05", Math.min(12, record.monthsWorked + maternity), monthsCheck));
  else if (record.rating === "NONE") checks.push(common(ctx, "LDTT-05 not rated", null, notRatedCheck));
  else checks.push(common(ctx, "LDTT-05 rated", record.rating, monthsFromRatingCheck));
  checks.push(common(ctx, "LDTT-01", record.rating, ldttRatingCheck));
  checks.push(common(ctx, "LDTT-02", record.spirit, spiritCheck));
  return checks;
}

const monthsBasis = (ctx: EvalContext): string => `TT 01/2024/TT-BNV; ${cite.rating(ctx.year, 14, 1)}`;

const maternityCheck = (ctx: EvalContext, months: number): Check =>
  pass("G-05", cite.principle(ctx.basis, 5), msg.maternity(months, ctx.year));

function monthsCheck(ctx: EvalContext, months: number): Check {
  const ok = months >= ctx.config.ldttMinMonthsWorked;
  return verdict(
    "LDTT-05",
    ok,
    monthsBasis(ctx),
    msg.monthsWorked(ok, months, ctx.config.ldttMinMonthsWorked, ctx.year),
  );
}

const notRatedCheck = (ctx: EvalContext): Check =>
  verdict("LDTT-05", false, monthsBasis(ctx), msg.monthsNotRated(ctx.year));

const monthsFromRatingCheck = (ctx: EvalContext, rating: Rating): Check =>
  pass("LDTT-05", monthsBasis(ctx), msg.monthsFromRating(rating, ctx.year));

function ldttRatingCheck(ctx: EvalContext, rating: Rating): Check {
  const ok = GOOD_OR_BETTER.has(rating);
  return verdict(
    "LDTT-01",
    ok,
    cite.law(ctx.basis, 24, 1, "a"),
    msg.ratingAtLeast(ok, rating, ctx.year, '"Hoàn thành tốt nhiệm vụ" trở lên'),
  );
}

function spiritCheck(ctx: EvalContext, spirit: boolean | undefined): Check {
  const basis = cite.law(ctx.basis, 24, 1, "b");
  return spirit === undefined
    ? undecided("LDTT-02", basis, msg.spiritMissing(ctx.year), ["spirit"])
    : verdict("LDTT-02", spirit, basis, msg.spirit(spirit, ctx.year));
}

export function cstdCoSoChecks(ctx: EvalContext): Check[] {
  const { record, config, input } = ctx;
  const ldtt = ldttChecks(ctx);
  const ldttFailed = ldtt.some((check) => !check.ok && check.missing === undefined);
  const ldttUndecided = ldtt.some((check) => check.missing !== undefined);
  const ldttState = ldttFailed ? "failed" : ldttUndecided ? "undecided" : "met";

  const windowStart = ctx.start - config.initiativeWindowYears + 1;
  const initiatives = achievementsIn(input.initiatives, windowStart, ctx.start, "CO_SO");
  const research = achievementsIn(input.research, windowStart, ctx.start, "CO_SO");
  const innovations = initiatives.length + research.length;
  const htxs = record.rating === "HTXS";
  return [
    ...ldtt,
    common(ctx, "CSCS-01", ldttState, ldttSummary),
    innovations === 0
      ? common(ctx, "CSCS-02 rating only", record.rating, ratingOnlyCheck)
      : alternativesCheck(ctx, record.rating, initiatives.length, research.length),
    config.cstdcsRequiresInitiativeAndHTXS
      ? bothRequiredCheck(ctx, htxs, innovations)
      : common(ctx, "CSCS-06 off", null, notBothRequiredCheck),
    common(ctx, "CSCS-03", null, capCheck),
    ...reuseWarnings("Công văn 5007/BNV-TĐKT năm 2023, mục III.5c", [...initiatives, ...research]),
    ...voteChecks(ctx, "CSCS-04", config.voteThreshold.CSTD_CS),
  ];
}

function ldttSummary(ctx: EvalContext, ldtt: "failed" | "undecided" | "met"): Check {
  const basis = cite.law(ctx.basis, 23, 1);
  if (ldtt === "failed") return verdict("CSCS-01", false, basis, msg.ldttMet(false, ctx.year));
  if (ldtt === "undecided") return undecided("CSCS-01", basis, msg.ldttUndecided(ctx.year), []);
  return pass("CSCS-01", basis, msg.ldttMet(true, ctx.year));
}

/** CSCS-02: HTXS, or an initiative or research recognised in the window. */
function alternativesCheck(ctx: EvalContext, rating: Rating, initiatives: number, research: number): Check {
  const ok = rating === "HTXS" || initiatives + research > 0;
  const windowText = formatYears(lastYears(ctx.start, ctx.config.initiativeWindowYears));
  return verdict(
    "CSCS-02",
    ok,
    cite.law(ctx.basis, 23, 2),
    msg.cstdcsAlternatives(ok, rating, initiatives, research, windowText),
  );
}
/** With no initiative nor research in the window, the rating alone decides CSCS-02. */
const ratingOnlyCheck = (ctx: EvalContext, rating: Rating): Check => alternativesCheck(ctx, rating, 0, 0);

/** CSCS-06 (configuration): HTXS and an initiative or research, both. */
function bothRequiredCheck(ctx: EvalContext, htxs: boolean, innovations: number): Check {
  const required = ctx.config.cstdcsRequiresInitiativeAndHTXS;
  const both = htxs && innovations > 0;
  return verdict(
    "CSCS-06",
    !required || both,
    cite.config("CSCS-06, Luật 06/2026/QH16"),
    msg.cstdcsBothRequired(required, both, htxs, innovations),
  );
}
const notBothRequiredCheck = (ctx: EvalContext): Check => bothRequiredCheck(ctx, false, 0);

const capCheck = (ctx: EvalContext): Check =>
  pass("CSCS-03", cite.config("CSCS-03"), msg.cstdcsCap(ctx.config.cstdcsCapShareOfLdtt));

/** CSTĐ cấp tỉnh rests on this many consecutive CSTĐCS years (Luật Đ22 k1 a). */
const CSTD_TINH_STREAK = 3;

export function cstdTinhChecks(ctx: EvalContext): Check[] {
  const { config, input, history } = ctx;
  const endStart = ctx.start - config.cstdTinhLookbackEndOffset;
  const prior = history.latestMerit(["CSTD_TINH"], ctx.start - 1);
  const afterStart = config.cstdTinhNeedsNewStreakAfterAward ? prior : undefined;
  const streak = history.streak(endStart, (record) => record.titles.includes("CSTD_CS"), afterStart);
  const basisStart = endStart - CSTD_TINH_STREAK + 1;
  const scoped = [
    ...achievementsIn(input.initiatives, basisStart, endStart, "TINH"),
    ...achievementsIn(input.research, basisStart, endStart, "TINH"),
  ];
  return [
    suspensionCheck(ctx),
    nonMeritCheck(ctx),
    streakCheck(
      "CSTINH-01",
      cite.law(ctx.basis, 22, 1, "a"),
      streak,
      msg.whatRating.CSTD_CS,
      CSTD_TINH_STREAK,
    ),
    common(ctx, "CSTINH-08", prior, provincialWindowNote),
    scoped.length === 0
      ? common(ctx, "CSTINH-02 none", null, noProvinceScopeCheck)
      : provinceScopeCheck(ctx, scoped),
    ...reuseWarnings("Công văn 5007/BNV-TĐKT năm 2023, mục III.5c", scoped),
    ...voteChecks(ctx, "CSTINH-04", config.voteThreshold.CSTD_TINH),
  ];
}

/** CSTINH-08: how the window was read, and the prior CSTĐ tỉnh it starts after. */
function provincialWindowNote(ctx: EvalContext, prior: number | undefined): Check {
  const { config } = ctx;
  return pass(
    "CSTINH-08",
    cite.config("CSTINH-08"),
    msg.cstdTinhWindow(
      config.cstdTinhLookbackEndOffset,
      config.cstdTinhNeedsNewStreakAfterAward,
      prior === undefined ? undefined : schoolYearStarting(prior),
    ),
  );
}

/** CSTINH-02: an initiative or research of province scope in the streak's years. */
function provinceScopeCheck(ctx: EvalContext, scoped: readonly Achievement[]): Check {
  const endStart = ctx.start - ctx.config.cstdTinhLookbackEndOffset;
  return verdict(
    "CSTINH-02",
    scoped.length > 0,
    cite.law(ctx.basis, 22, 1, "b"),
    msg.scopedInnovation(
      scoped.length > 0,
      "phạm vi tỉnh",
      scoped.map(describeAchievement),
      formatYears(lastYears(endStart, CSTD_TINH_STREAK)),
    ),
  );
}
const noProvinceScopeCheck = (ctx: EvalContext): Check => provinceScopeCheck(ctx, []);

/**
 * CSTQ-01 under the configured reading of "02 lần liên tục" CSTĐ tỉnh. Also returns where the period
 * the title rests on starts: the three CSTĐCS years behind the first CSTĐ tỉnh (CSTQ-02 looks there).
 */
function twoProvincialAwards(ctx: EvalContext): { check: Check; periodStart: number } {
  const { history, config } = ctx;
  const basis = cite.law(ctx.basis, 21, 1, "a");
  const afterStart = history.latestMerit(["CSTD_TQ"], ctx.start - 1);
  const restart = history.countingStartAt(ctx.start);
  const from = Math.max(afterStart ?? Number.NEGATIVE_INFINITY, (restart ?? Number.NEGATIVE_INFINITY) - 1);
  const awards = history.meritYears("CSTD_TINH", ctx.start, from);
  const lastTwo = awards.slice(-2);
  const [first, second] = lastTwo;
  const awardYears = awards.map(schoolYearStarting);
  if (first === undefined || second === undefined)
    return {
      check: verdict(
        "CSTQ-01",
        false,
        basis,
        msg.cstdTqAwards(false, awardYears, [], config.cstdTqConsecutiveMode),
      ),
      periodStart: (first ?? ctx.start) - 2,
    };
  if (config.cstdTqConsecutiveMode === "YEARS") {
    const ok = second - first === 1;
    return {
      check: verdict("CSTQ-01", ok, basis, msg.cstdTqAwards(ok, awardYears, [], "YEARS")),
      periodStart: first - 2,
    };
  }
  const gaps: string[] = [];
  for (let start = first + 1; start <= second; start++)
    if (!history.hasMerit(start, "CSTD_CS")) gaps.push(schoolYearStarting(start));
  const ok = gaps.length === 0;
  return {
    check: verdict(
      "CSTQ-01",
      ok,
      basis,
      msg.cstdTqAwards(ok, lastTwo.map(schoolYearStarting), gaps, "AWARDS"),
    ),
    periodStart: first - 2,
  };
}

export function cstdToanQuocChecks(ctx: EvalContext): Check[] {
  const { input, config } = ctx;
  const { check, periodStart } = twoProvincialAwards(ctx);
  const national = [
    ...achievementsIn(input.initiatives, periodStart, ctx.start, "TOAN_QUOC"),
    ...achievementsIn(input.research, periodStart, ctx.start, "TOAN_QUOC"),
  ];
  return [
    suspensionCheck(ctx),
    nonMeritCheck(ctx),
    check,
    national.length === 0
      ? common(ctx, "CSTQ-02 none", periodStart, noNationScopeCheck)
      : nationScopeCheck(ctx, national, periodStart),
    ...reuseWarnings("Công văn 5007/BNV-TĐKT năm 2023, mục III.5c", national),
    ...voteChecks(ctx, "CSTQ-03", config.voteThreshold.CSTD_TQ),
  ];
}

/** CSTQ-02: an initiative or research of nation scope since the period began. */
const nationScopeCheck = (ctx: EvalContext, national: readonly Achievement[], periodStart: number): Check =>
  verdict(
    "CSTQ-02",
    national.length > 0,
    cite.law(ctx.basis, 21, 1, "b"),
    msg.scopedInnovation(
      national.length > 0,
      "phạm vi toàn quốc",
      national.map(describeAchievement),
      `${schoolYearStarting(periodStart)} – ${ctx.year}`,
    ),
  );
const noNationScopeCheck = (ctx: EvalContext, periodStart: number): Check =>
  nationScopeCheck(ctx, [], periodStart);
