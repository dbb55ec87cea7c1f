/** Individual emulation titles: LĐTT (§3.1), CSTĐ cơ sở (§3.2), CSTĐ cấp tỉnh (§3.3), CSTĐ toàn quốc (§3.4). */
import type { Rating } from "../codes.js";
import { eligibilityMessages as msg } from "../messages/index.js";
import { schoolYearStarting } from "../school-year.js";
import {
  achievementsIn,
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
import type { Check } from "./types.js";
import { formatYears, lastYears } from "./windows.js";

const GOOD_OR_BETTER: ReadonlySet<Rating> = new Set(["HTXS", "HTT"]);

/** LĐTT of the target year (LDTT-01, -02, -05, G-04, G-05, RT-09); shared by LĐTT and CSTĐCS. */
export const ldttChecks = (ctx: EvalContext): Check[] => once(ctx, "LDTT", computeLdtt);

function computeLdtt(ctx: EvalContext): Check[] {
  const { record, year, config } = ctx;
  const checks = [suspensionCheck(ctx), dutyDisciplineCheck(ctx)];
  const monthsBasis = `TT 01/2024/TT-BNV; ${cite.rating(year, 14, 1)}`;
  const maternity = record.maternityLeaveMonths ?? 0;
  if (maternity > 0) checks.push(pass("G-05", cite.principle(ctx.basis, 5), msg.maternity(maternity, year)));
  if (record.monthsWorked !== undefined) {
    const months = Math.min(12, record.monthsWorked + maternity);
    const ok = months >= config.ldttMinMonthsWorked;
    checks.push(
      verdict("LDTT-05", ok, monthsBasis, msg.monthsWorked(ok, months, config.ldttMinMonthsWorked, year)),
    );
  } else if (record.rating === "NONE") {
    checks.push(verdict("LDTT-05", false, monthsBasis, msg.monthsNotRated(year)));
  } else {
    checks.push(pass("LDTT-05", monthsBasis, msg.monthsFromRating(record.rating, year)));
  }
  const ratingOk = GOOD_OR_BETTER.has(record.rating);
  checks.push(
    verdict(
      "LDTT-01",
      ratingOk,
      cite.law(ctx.basis, 24, 1, "a"),
      msg.ratingAtLeast(ratingOk, record.rating, year, '"Hoàn thành tốt nhiệm vụ" trở lên'),
    ),
  );
  const spiritBasis = cite.law(ctx.basis, 24, 1, "b");
  checks.push(
    record.spirit === undefined
      ? undecided("LDTT-02", spiritBasis, msg.spiritMissing(year), ["spirit"])
      : verdict("LDTT-02", record.spirit, spiritBasis, msg.spirit(record.spirit, year)),
  );
  return checks;
}

export function cstdCoSoChecks(ctx: EvalContext): Check[] {
  const { record, year, config, input } = ctx;
  const ldtt = ldttChecks(ctx);
  const ldttFailed = ldtt.some((check) => !check.ok && check.missing === undefined);
  const ldttUndecided = ldtt.some((check) => check.missing !== undefined);
  const ldttBasis = cite.law(ctx.basis, 23, 1);
  const summary = ldttFailed
    ? verdict("CSCS-01", false, ldttBasis, msg.ldttMet(false, year))
    : ldttUndecided
      ? undecided("CSCS-01", ldttBasis, msg.ldttUndecided(year), [])
      : pass("CSCS-01", ldttBasis, msg.ldttMet(true, year));

  const windowStart = ctx.start - config.initiativeWindowYears + 1;
  const initiatives = achievementsIn(input.initiatives, windowStart, ctx.start, "CO_SO");
  const research = achievementsIn(input.research, windowStart, ctx.start, "CO_SO");
  const htxs = record.rating === "HTXS";
  const innovations = initiatives.length + research.length;
  const anyOk = htxs || innovations > 0;
  const windowText = formatYears(lastYears(ctx.start, config.initiativeWindowYears));
  const bothOk = htxs && innovations > 0;
  const checks: Check[] = [
    ...ldtt,
    summary,
    verdict(
      "CSCS-02",
      anyOk,
      cite.law(ctx.basis, 23, 2),
      msg.cstdcsAlternatives(anyOk, record.rating, initiatives.length, research.length, windowText),
    ),
    verdict(
      "CSCS-06",
      !config.cstdcsRequiresInitiativeAndHTXS || bothOk,
      cite.config("CSCS-06, Luật 06/2026/QH16"),
      msg.cstdcsBothRequired(config.cstdcsRequiresInitiativeAndHTXS, bothOk, htxs, innovations),
    ),
    pass("CSCS-03", cite.config("CSCS-03"), msg.cstdcsCap(config.cstdcsCapShareOfLdtt)),
    ...reuseWarnings("Công văn 5007/BNV-TĐKT năm 2023, mục III.5c", [...initiatives, ...research]),
    ...voteChecks(ctx, "CSCS-04", config.voteThreshold.CSTD_CS),
  ];
  return checks;
}

export function cstdTinhChecks(ctx: EvalContext): Check[] {
  const { config, input, history } = ctx;
  const required = 3;
  const endStart = ctx.start - config.cstdTinhLookbackEndOffset;
  const prior = history.latestMerit(["CSTD_TINH"], ctx.start - 1);
  const afterStart = config.cstdTinhNeedsNewStreakAfterAward ? prior : undefined;
  const streak = history.streak(endStart, (record) => record.titles.includes("CSTD_CS"), afterStart);
  const basisStart = endStart - required + 1;
  const scoped = [
    ...achievementsIn(input.initiatives, basisStart, endStart, "TINH"),
    ...achievementsIn(input.research, basisStart, endStart, "TINH"),
  ];
  return [
    suspensionCheck(ctx),
    nonMeritCheck(ctx),
    streakCheck("CSTINH-01", cite.law(ctx.basis, 22, 1, "a"), streak, msg.whatRating.CSTD_CS, required),
    pass(
      "CSTINH-08",
      cite.config("CSTINH-08"),
      msg.cstdTinhWindow(
        config.cstdTinhLookbackEndOffset,
        config.cstdTinhNeedsNewStreakAfterAward,
        prior === undefined ? undefined : schoolYearStarting(prior),
      ),
    ),
    verdict(
      "CSTINH-02",
      scoped.length > 0,
      cite.law(ctx.basis, 22, 1, "b"),
      msg.scopedInnovation(
        scoped.length > 0,
        "phạm vi tỉnh",
        scoped.map(describeAchievement),
        formatYears(lastYears(endStart, required)),
      ),
    ),
    ...reuseWarnings("Công văn 5007/BNV-TĐKT năm 2023, mục III.5c", scoped),
    ...voteChecks(ctx, "CSTINH-04", config.voteThreshold.CSTD_TINH),
  ];
}

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
    ),
    ...reuseWarnings("Công văn 5007/BNV-TĐKT năm 2023, mục III.5c", national),
    ...voteChecks(ctx, "CSTQ-03", config.voteThreshold.CSTD_TQ),
  ];
}
