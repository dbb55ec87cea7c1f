/** Builders for eligibility cases: a history is a list of years ending at the target year. */
import type { Rating, Target, Title } from "../../../functions/src/domain/codes.js";
import {
  type CaseResult,
  DEFAULT_ELIGIBILITY_CONFIG,
  type EligibilityConfigOverride,
  evaluateCaseFile,
} from "../../../functions/src/domain/eligibility/index.js";
import { schoolYearStarting } from "../../../functions/src/domain/school-year.js";

export const TARGET_YEAR = "2025-2026";
export const TARGET_START = 2025;

/** Loose on purpose: the engine validates cases itself, and tests also feed it wrong values. */
export interface YearInput {
  rating?: string;
  titles?: readonly string[];
  awards?: { form: string; kind: string }[];
  discipline?: { level: string; dutyRelated: boolean; to?: string }[];
  monthsWorked?: number;
  maternityLeaveMonths?: number;
  suspended?: boolean;
  spirit?: boolean;
  movement?: boolean;
  solidarity?: boolean;
  leadsCluster?: boolean;
}

/** Years given oldest first; the last one is the target year 2025-2026. */
export function history(years: readonly (YearInput | null)[], end = TARGET_START) {
  return years.flatMap((year, index) =>
    year === null
      ? []
      : [
          {
            year: schoolYearStarting(end - years.length + 1 + index),
            rating: "HTT",
            titles: [],
            awards: [],
            discipline: [],
            monthsWorked: 12,
            spirit: true,
            movement: true,
            solidarity: true,
            ...year,
          },
        ],
  );
}

export const repeat = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);

function caseOf(
  subject: Record<string, unknown>,
  target: Target,
  years: readonly (YearInput | null)[],
  extra: Record<string, unknown>,
) {
  return { id: `case-${target}`, target, year: TARGET_YEAR, subject, history: history(years), ...extra };
}

export const individualCase = (
  target: Target,
  years: readonly (YearInput | null)[],
  extra: Record<string, unknown> = {},
) => caseOf({ kind: "individual", gender: "F" }, target, years, { initiatives: [], research: [], ...extra });

export const collectiveCase = (
  target: Target,
  years: readonly (YearInput | null)[],
  extra: Record<string, unknown> = {},
) => caseOf({ kind: "collective" }, target, years, extra);

export function members(count: number, rating: Rating, titles: Title[] = []) {
  return repeat(count, { rating, titles, discipline: [] });
}

/** Evaluates one case (optionally with config overrides) and returns its result. */
export function judge(testCase: unknown, config?: EligibilityConfigOverride): CaseResult {
  const [result] = evaluateCaseFile({
    ...(config === undefined ? {} : { config }),
    cases: [testCase],
  }).results;
  if (result === undefined) throw new Error("no result");
  return result;
}

export const checkOf = (result: CaseResult, rule: string) =>
  result.checks.filter((check) => check.rule === rule);

export const vote = (agree: number, members = 10) => ({ vote: { agree, members } });

export { DEFAULT_ELIGIBILITY_CONFIG };
