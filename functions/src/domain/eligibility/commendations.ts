/**
 * Commendation forms (docs/domain.md §5): Giấy khen, Bằng khen of the province and of the Minister, Bằng
 * khen of the Prime Minister and Huân chương Lao động. Only the routes that records can decide are
 * evaluated (the công trạng routes: consecutive years, windows after a prior award); the other
 * routes (one-off achievements, contributions) need a dossier and are named in the messages.
 */
import type { AwardCode, Rating } from "../codes.js";
import { eligibilityMessages as msg } from "../messages/index.js";
import { schoolYearStarting } from "../school-year.js";
import { flagCheck } from "./collective-titles.js";
import type { EligibilityConfig } from "./config.js";
import {
  achievementsIn,
  common,
  dutyDisciplineCheck,
  type EvalContext,
  nonMeritCheck,
  once,
  pass,
  reuseWarnings,
  suspensionCheck,
  undecided,
  verdict,
} from "./context.js";
import type { LegalBasisVersion } from "./legal-basis.js";
import { cite } from "./legal-basis.js";
import type { HistoryRecord } from "./schema.js";
import type { Check } from "./types.js";
import { formatYears } from "./windows.js";

const RATING_ORDER: Record<Rating, number> = { HTXS: 3, HTT: 2, HT: 1, KHT: 0, NONE: -1 };
const REUSE_BASIS = "Công văn 5007/BNV-TĐKT năm 2023, mục III.5c";

const GIAY_KHEN_RATING_BASIS = `QĐ 86/2025/QĐ-UBND tỉnh Bắc Ninh, Điều 4, khoản 3 (quy định cấp tỉnh mẫu; ${cite.config("GK-04")})`;
const GIAY_KHEN_ISSUERS: Partial<Record<AwardCode, (v: LegalBasisVersion) => string>> = {
  GK_HIEU_TRUONG: () => "TT 29/2023/TT-BGDĐT, Điều 11, khoản 1",
  GK_GD_SO: (v) => cite.law(v, 75, 1, "c"),
  GK_CT_UBND_XA: (v) => cite.law(v, 75, 1, "đ"),
};

/** GK-01/02/04: Giấy khen of the principal, the Department director or the commune chairman. */
export function giayKhenChecks(ctx: EvalContext, form: AwardCode): Check[] {
  const checks = [
    suspensionCheck(ctx),
    common(ctx, "GK-01", form, issuerCheck),
    common(ctx, "GK-04", ctx.record.rating, giayKhenRatingCheck),
    common(ctx, "GK-02", null, giayKhenNote),
  ];
  if (ctx.input.subject.kind === "collective")
    checks.push(flagCheck(ctx, "GK-04", GIAY_KHEN_RATING_BASIS, "solidarity", "nội bộ đoàn kết"));
  else checks.push(dutyDisciplineCheck(ctx));
  return checks;
}

const issuerCheck = (ctx: EvalContext, form: AwardCode): Check =>
  pass("GK-01", GIAY_KHEN_ISSUERS[form]?.(ctx.basis) ?? cite.law(ctx.basis, 75), msg.giayKhenIssuer(form));

function giayKhenRatingCheck(ctx: EvalContext, rating: Rating): Check {
  const min = ctx.config.giayKhenMinRating;
  const ok = RATING_ORDER[rating] >= RATING_ORDER[min];
  return verdict(
    "GK-04",
    ok,
    GIAY_KHEN_RATING_BASIS,
    msg.ratingAtLeast(ok, rating, ctx.year, `"${msg.ratingName(min)}" trở lên`),
  );
}

const giayKhenNote = (): Check => pass("GK-02", "TT 29/2023/TT-BGDĐT, Điều 11", msg.giayKhenNote);

/** Luật Đ74 k1 d: 2 consecutive CSTĐCS, or ≥ 2 consecutive HTXS years with 2 cơ sở initiatives or 2 topics. */
function bangKhenIndividualRouteD(ctx: EvalContext, rule: string, basis: string): Check[] {
  const { ok, message, warnings } = once(ctx, "route-d", individualRouteD);
  return [verdict(rule, ok, basis, message), ...warnings];
}

/** What route d finds in the records: the same for the province's and the Minister's Bằng khen. */
function individualRouteD(ctx: EvalContext): { ok: boolean; message: string; warnings: Check[] } {
  const { history, input } = ctx;
  const cstdcs = history.streak(ctx.start, (record) => record.titles.includes("CSTD_CS"));
  const htxs = history.streak(ctx.start, (record) => record.rating === "HTXS");
  // A streak is contiguous: its years are the range from its first to its last.
  const [from = ctx.start + 1, to = ctx.start] = [htxs.years[0], htxs.years.at(-1)];
  const initiatives = achievementsIn(input.initiatives, from, to, "CO_SO");
  const research = achievementsIn(input.research, from, to, "CO_SO");
  const byCstdcs = cstdcs.years.length >= 2;
  const byHtxs = htxs.years.length >= 2 && (initiatives.length >= 2 || research.length >= 2);
  const ok = byCstdcs || byHtxs;
  return {
    ok,
    message: msg.routeD(ok, [
      msg.consecutiveShort(cstdcs.years.length, msg.whatRating.CSTD_CS, formatYears(cstdcs.years)),
      msg.htxsInnovations(htxs.years.length, formatYears(htxs.years), initiatives.length, research.length),
    ]),
    warnings: reuseWarnings(REUSE_BASIS, [...initiatives, ...research]),
  };
}

/** Luật Đ74 k3 d: 2 consecutive years HTXS or TTLĐXS, with democracy, movements, welfare (attested). */
function bangKhenCollectiveRouteD(ctx: EvalContext, rule: string, basis: string): Check[] {
  const streak = ctx.history.streak(ctx.start, excellentCollectiveYear);
  const ok = streak.years.length >= 2;
  return [
    verdict(rule, ok, basis, msg.collectiveRouteD(ok, streak.years.length, formatYears(streak.years))),
    flagCheck(ctx, rule, basis, "movement", "tổ chức tốt các phong trào thi đua, dân chủ ở cơ sở"),
    flagCheck(ctx, rule, basis, "solidarity", "nội bộ đoàn kết"),
  ];
}

export function bangKhenTinhChecks(ctx: EvalContext): Check[] {
  const collective = ctx.input.subject.kind === "collective";
  const route = collective
    ? bangKhenCollectiveRouteD(ctx, "BKT-03", cite.law(ctx.basis, 74, 3, "d"))
    : bangKhenIndividualRouteD(ctx, "BKT-01", cite.law(ctx.basis, 74, 1, "d"));
  return [suspensionCheck(ctx), nonMeritCheck(ctx), ...route, common(ctx, "BKT-07", null, routeDWindowNote)];
}

export function bangKhenBoChecks(ctx: EvalContext): Check[] {
  const collective = ctx.input.subject.kind === "collective";
  const basis = `${cite.law(ctx.basis, 74, collective ? 3 : 1, "d")}; TT 29/2023/TT-BGDĐT, Điều 9 (chi tiết ngành chưa xác minh)`;
  const route = collective
    ? bangKhenCollectiveRouteD(ctx, "BKBO-01", basis)
    : bangKhenIndividualRouteD(ctx, "BKBO-01", basis);
  return [
    suspensionCheck(ctx),
    nonMeritCheck(ctx),
    ...route,
    common(ctx, "BKBO-02", null, ministerProposerNote),
  ];
}

const routeDWindowNote = (): Check => pass("BKT-07", cite.config("BKT-07"), msg.bkRouteDWindow);
const ministerProposerNote = (): Check =>
  pass("BKBO-02", "TT 29/2023/TT-BGDĐT, Điều 12, khoản 4, khoản 5", msg.bkBoProposer);

const excellentCollectiveYear = (record: HistoryRecord): boolean =>
  record.rating === "HTXS" || record.titles.includes("TTLDXS");
const goodIndividualYear = (record: HistoryRecord): boolean =>
  record.rating === "HTXS" || record.rating === "HTT";

interface Count {
  codes: readonly AwardCode[];
  min: number;
}
interface Combination {
  counts: readonly Count[];
  /** Only for collectives that are not objects of Cờ thi đua (Luật Đ42–44 k4). */
  nonFlagOnly?: boolean;
}

/** "Đã được tặng X và sau đó có liên tục từ 05 năm trở lên … trong thời gian đó có …" */
interface AfterAwardRoute {
  rule: string;
  basis: (v: LegalBasisVersion) => string;
  prior: readonly AwardCode[];
  collective: boolean;
  /** Individuals: at least this many HTXS years inside the window. */
  htxsYears?: number;
  combinations: readonly Combination[];
  /** Where a clause's wording differs from the others, the configured reading of its run. */
  reading?: (config: EligibilityConfig) => RunReading;
}

/**
 * Which run of years a route counts: AFTER_AWARD_TO_PROPOSAL ("và sau đó … đến thời điểm đề nghị"),
 * TO_PROPOSAL (Đ73 k1 b read literally: no "sau đó") or ANY_AFTER_AWARD (Đ43 k1 đ read literally:
 * no "đến thời điểm đề nghị").
 */
type RunReading = "AFTER_AWARD_TO_PROPOSAL" | "TO_PROPOSAL" | "ANY_AFTER_AWARD";

const BK_PROVINCE: readonly AwardCode[] = ["BK_CT_UBND_TINH", "BK_BO_TRUONG_GDDT"];
const FLAG_PROVINCE: readonly AwardCode[] = ["CO_TD_TINH"];
const FLAG_GOVERNMENT: readonly AwardCode[] = ["CO_TD_CP"];
const CSTD_CS: readonly AwardCode[] = ["CSTD_CS"];
const CSTD_TINH: readonly AwardCode[] = ["CSTD_TINH"];
const WINDOW_YEARS = 5;

const ROUTES = {
  BK_TTG: {
    individual: {
      rule: "BKTTG-01",
      basis: (v) => cite.law(v, 73, 1, "b"),
      prior: BK_PROVINCE,
      collective: false,
      combinations: [{ counts: [{ codes: CSTD_CS, min: 3 }] }],
      reading: (config) =>
        config.bkTtgIndividualReading === "LITERAL" ? "TO_PROPOSAL" : "AFTER_AWARD_TO_PROPOSAL",
    },
    collective: {
      rule: "BKTTG-02",
      basis: (v) => cite.law(v, 73, 4, "e"),
      prior: BK_PROVINCE,
      collective: true,
      combinations: [
        { counts: [{ codes: FLAG_PROVINCE, min: 1 }] },
        { counts: [{ codes: BK_PROVINCE, min: 2 }] },
      ],
    },
  },
  HCLD_3: {
    individual: {
      rule: "HCLD3-01",
      basis: (v) => cite.law(v, 44, 1, "e"),
      prior: ["BK_TTG"],
      collective: false,
      htxsYears: 1,
      combinations: [{ counts: [{ codes: CSTD_CS, min: 3 }] }],
    },
    collective: {
      rule: "HCLD3-02",
      basis: (v) => cite.law(v, 44, 4, "đ"),
      prior: ["BK_TTG"],
      collective: true,
      combinations: [
        { counts: [{ codes: FLAG_GOVERNMENT, min: 1 }] },
        { counts: [{ codes: FLAG_PROVINCE, min: 2 }] },
        {
          counts: [
            { codes: FLAG_PROVINCE, min: 1 },
            { codes: BK_PROVINCE, min: 1 },
          ],
        },
        { counts: [{ codes: BK_PROVINCE, min: 2 }], nonFlagOnly: true },
      ],
    },
  },
  HCLD_2: {
    individual: {
      rule: "HCLD2-01",
      basis: (v) => cite.law(v, 43, 1, "đ"),
      prior: ["HCLD_3"],
      collective: false,
      htxsYears: 2,
      combinations: [{ counts: [{ codes: CSTD_TINH, min: 1 }] }],
      reading: (config) =>
        config.hcld2IndividualReading === "LITERAL" ? "ANY_AFTER_AWARD" : "AFTER_AWARD_TO_PROPOSAL",
    },
    collective: {
      rule: "HCLD2-02",
      basis: (v) => cite.law(v, 43, 4, "d"),
      prior: ["HCLD_3"],
      collective: true,
      combinations: [
        {
          counts: [
            { codes: FLAG_GOVERNMENT, min: 1 },
            { codes: FLAG_PROVINCE, min: 1 },
          ],
        },
        { counts: [{ codes: FLAG_PROVINCE, min: 3 }] },
        { counts: [{ codes: BK_PROVINCE, min: 3 }], nonFlagOnly: true },
      ],
    },
  },
  HCLD_1: {
    individual: {
      rule: "HCLD1-01",
      basis: (v) => cite.law(v, 42, 1, "đ"),
      prior: ["HCLD_2"],
      collective: false,
      htxsYears: 3,
      combinations: [{ counts: [{ codes: CSTD_TINH, min: 2 }] }],
    },
    collective: {
      rule: "HCLD1-02",
      basis: (v) => cite.law(v, 42, 4, "d"),
      prior: ["HCLD_2"],
      collective: true,
      combinations: [
        { counts: [{ codes: FLAG_GOVERNMENT, min: 2 }] },
        {
          counts: [
            { codes: FLAG_GOVERNMENT, min: 1 },
            { codes: FLAG_PROVINCE, min: 2 },
          ],
        },
        { counts: [{ codes: FLAG_PROVINCE, min: 4 }] },
        { counts: [{ codes: BK_PROVINCE, min: 4 }], nonFlagOnly: true },
      ],
    },
  },
} satisfies Record<string, { individual: AfterAwardRoute; collective: AfterAwardRoute }>;

export type AfterAwardTarget = keyof typeof ROUTES;

/** The year of the prior award the window starts after (config `afterAwardAnchor`). */
function priorAwardYear(
  ctx: EvalContext,
  prior: readonly AwardCode[],
  target: AwardCode,
): number | undefined {
  const { history, config } = ctx;
  if (config.afterAwardAnchor === "LATEST") return history.latestMerit(prior, ctx.start);
  return history.earliestMerit(prior, ctx.start, history.latestMerit([target], ctx.start));
}

/** The labels of one of the code lists above, joined once per list and separator. */
const joinedLabels = new Map<readonly AwardCode[], Map<string, string>>();
function labelsOf(codes: readonly AwardCode[], separator: string): string {
  let bySeparator = joinedLabels.get(codes);
  if (bySeparator === undefined) {
    bySeparator = new Map();
    joinedLabels.set(codes, bySeparator);
  }
  let text = bySeparator.get(separator);
  if (text === undefined) {
    text = codes.map(msg.codeLabel).join(separator);
    bySeparator.set(separator, text);
  }
  return text;
}

/**
 * The runs a reading may count, latest first. A run never reaches back to the year of the last
 * target form received (its years earned that one) nor, except under TO_PROPOSAL, to the prior award.
 */
function candidateRuns(
  ctx: EvalContext,
  route: AfterAwardRoute,
  reading: RunReading,
  priorYear: number,
  target: AwardCode,
): number[][] {
  const qualifies = route.collective ? excellentCollectiveYear : goodIndividualYear;
  const { history } = ctx;
  if (reading === "TO_PROPOSAL")
    return [history.streak(ctx.start, qualifies, history.latestMerit([target], ctx.start)).years];
  const first = history.streak(ctx.start, qualifies, priorYear);
  if (reading === "AFTER_AWARD_TO_PROPOSAL") return [first.years];
  // Every maximal run after the prior award: each ends just before the year that broke the next one.
  const runs = [first.years];
  const restart = history.countingStartAt(ctx.start) ?? Number.NEGATIVE_INFINITY;
  for (let end = first.stop.start - 1; end > priorYear && end >= restart; ) {
    const run = history.streak(end, qualifies, priorYear);
    if (run.years.length > 0) runs.push(run.years);
    end = run.stop.start - 1;
  }
  return runs;
}

function afterAwardCheck(ctx: EvalContext, target: AfterAwardTarget, route: AfterAwardRoute): Check {
  const priorYear = priorAwardYear(ctx, route.prior, target);
  if (priorYear === undefined) return common(ctx, "after-award none", route, noPriorAwardCheck);
  const basis = route.basis(ctx.basis);
  const priorLabel = labelsOf(route.prior, " hoặc ");
  const reading = route.reading?.(ctx.config) ?? "AFTER_AWARD_TO_PROPOSAL";
  const flagEligible = ctx.input.subject.flagEligible;
  const combinations = route.combinations.filter((combination) => !combination.nonFlagOnly || !flagEligible);
  const runs = candidateRuns(ctx, route, reading, priorYear, target);
  // The first run that qualifies; failing that, the longest, so the explanation shows the best try.
  const qualifying = runs.findIndex((years) => runQualifies(ctx, route, combinations, years));
  const ok = qualifying >= 0;
  const shown = (ok ? runs[qualifying] : undefined) ?? longest(runs);
  return verdict(
    route.rule,
    ok,
    basis,
    msg.afterAward(
      ok,
      priorLabel,
      schoolYearStarting(priorYear),
      reading === "TO_PROPOSAL",
      shown.length,
      route.collective ? msg.whatRating.HTXS_OR_TTLDXS : msg.whatRating.HTT_UP,
      formatYears(shown),
      WINDOW_YEARS,
      runDetails(ctx, route, combinations, reading, shown),
    ),
  );
}

const noPriorAwardCheck = (ctx: EvalContext, route: AfterAwardRoute): Check =>
  verdict(route.rule, false, route.basis(ctx.basis), msg.noPriorAward(labelsOf(route.prior, " hoặc ")));

/** The first of the longest runs. */
const longest = (runs: readonly number[][]): number[] =>
  runs.reduce((best, run) => (run.length > best.length ? run : best), runs[0] ?? []);

/** How many of `years` carry one of `codes` as công trạng (each code counted on its own). */
function meritCount(ctx: EvalContext, codes: readonly AwardCode[], years: readonly number[]): number {
  let count = 0;
  for (const code of codes) count += ctx.history.countMerit(years, code);
  return count;
}

/** A run qualifies with five years or more, its HTXS years (individuals) and one combination of awards. */
function runQualifies(
  ctx: EvalContext,
  route: AfterAwardRoute,
  combinations: readonly Combination[],
  years: readonly number[],
): boolean {
  if (years.length < WINDOW_YEARS) return false;
  if (route.htxsYears !== undefined && ctx.history.countRated(years, "HTXS") < route.htxsYears) return false;
  return combinations.some((combination) =>
    combination.counts.every((count) => meritCount(ctx, count.codes, years) >= count.min),
  );
}

/** What the explanation says of the run shown: its HTXS years, the awards counted in it, the reading. */
function runDetails(
  ctx: EvalContext,
  route: AfterAwardRoute,
  combinations: readonly Combination[],
  reading: RunReading,
  years: readonly number[],
): string[] {
  const details: string[] = [];
  if (route.htxsYears !== undefined)
    details.push(msg.yearsRatedIn(ctx.history.countRated(years, "HTXS"), route.htxsYears));
  const described = combinations.map((combination) =>
    combination.counts
      .map((count) =>
        msg.countIn(meritCount(ctx, count.codes, years), labelsOf(count.codes, " / "), count.min),
      )
      .join(" và "),
  );
  details.push(described.length === 1 ? (described[0] ?? "") : msg.anyOf(described));
  if (route.reading !== undefined) details.push(msg.runReading[reading]);
  return details;
}

/** HCLĐ hạng Ba, collective route đ: at least 10 years since founding, counted to the proposal year. */
function foundingCheck(ctx: EvalContext): Check {
  const basis = cite.law(ctx.basis, 44, 4, "đ");
  const founded = ctx.input.subject.foundedYear;
  if (founded === undefined) return undecided("HCLD3-03", basis, msg.foundedMissing, ["subject.foundedYear"]);
  const years = ctx.proposalYear - founded;
  return verdict("HCLD3-03", years >= 10, basis, msg.founded(years >= 10, founded, years));
}

/** BK Thủ tướng and HCLĐ: the data-decidable route after a prior award, plus the guards. */
export function afterAwardChecks(ctx: EvalContext, target: AfterAwardTarget): Check[] {
  const collective = ctx.input.subject.kind === "collective";
  const route = collective ? ROUTES[target].collective : ROUTES[target].individual;
  const checks = [suspensionCheck(ctx), nonMeritCheck(ctx), afterAwardCheck(ctx, target, route)];
  if (collective) {
    checks.push(flagCheck(ctx, route.rule, route.basis(ctx.basis), "solidarity", "nội bộ đoàn kết"));
    if (target === "HCLD_3") checks.push(foundingCheck(ctx));
  }
  return checks;
}
