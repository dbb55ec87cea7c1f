/**
 * Years and windows over one subject's history — the single place that knows how consecutive
 * school years are counted (docs/domain.md §15): a missing record or a NONE rating breaks a streak,
 * counting restarts after a discipline period (G-04), đột xuất/chuyên đề awards never count (G-03),
 * and a not-rated year of maternity leave follows configuration (G-05). Years are handled as the
 * first calendar year of the school year (2025 for "2025-2026") so that walking back is arithmetic.
 */
import { AWARD_FORMS, type AwardCode, type Rating, TITLES } from "../codes.js";
import { schoolYearStarting, startYearOf } from "../school-year.js";
import type { EligibilityConfig } from "./config.js";
import type { CaseAward, CaseDiscipline, HistoryRecord } from "./schema.js";

/** School years start in September: a date in Sept–Dec belongs to the year starting then. */
export function schoolYearStartOfDate(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

/** Why a streak stopped where it did (for the explanation). */
type StreakStop = "missing" | "not-rated" | "predicate" | "discipline" | "prior-award";

export interface Streak {
  /** Start years of the counted years, oldest first. */
  years: number[];
  /** The year at which counting stopped, and why. */
  stop: { start: number; reason: StreakStop };
}

export interface ExcludedAward extends CaseAward {
  start: number;
}

/** Which school year a discipline's effect ends in (its own record's year unless `to` says later). */
const disciplineEnd = (recordStart: number, discipline: CaseDiscipline): number =>
  discipline.to === undefined ? recordStart : Math.max(recordStart, schoolYearStartOfDate(discipline.to));

/** Each award code as one bit, so that a year's merit is a single number (the engine judges 60,000 people a second). */
const CODE_BITS = Object.fromEntries(
  [...TITLES, ...AWARD_FORMS].map((code, index) => [code, 2 ** index]),
) as Record<AwardCode, number>;
const maskOf = (codes: readonly AwardCode[]): number => {
  let mask = 0;
  for (const code of codes) mask |= CODE_BITS[code];
  return mask;
};

export class SubjectHistory {
  /** Start year of the oldest record; records and merit are indexed by `start - first`. */
  private readonly first: number;
  private readonly last: number;
  private readonly records: (HistoryRecord | undefined)[];
  /** Codes that count as công trạng merit in each year: titles plus awards of counted kinds (bitmask). */
  private readonly merit: number[];
  /** Disciplines as [record year, last year of effect], oldest first. */
  private readonly disciplines: Array<[number, number]> = [];
  readonly excludedAwards: ExcludedAward[] = [];

  constructor(
    history: readonly HistoryRecord[],
    private readonly config: EligibilityConfig,
  ) {
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const record of history) {
      const start = startYearOf(record.year);
      if (start < first) first = start;
      if (start > last) last = start;
    }
    this.first = first;
    this.last = last;
    const span = history.length === 0 ? 0 : last - first + 1;
    this.records = new Array(span);
    this.merit = new Array<number>(span).fill(0);
    for (const record of history) {
      const start = startYearOf(record.year);
      this.records[start - first] = record;
      let merit = maskOf(record.titles);
      for (const award of record.awards) {
        if (config.nonMeritAwardKinds.includes(award.kind)) this.excludedAwards.push({ ...award, start });
        else merit |= CODE_BITS[award.form];
      }
      this.merit[start - first] = merit;
      for (const discipline of record.discipline)
        this.disciplines.push([start, disciplineEnd(start, discipline)]);
    }
    if (this.disciplines.length > 1) this.disciplines.sort((a, b) => a[0] - b[0]);
  }

  get(start: number): HistoryRecord | undefined {
    return this.records[start - this.first];
  }

  hasMerit(start: number, code: AwardCode): boolean {
    return ((this.merit[start - this.first] ?? 0) & CODE_BITS[code]) !== 0;
  }

  /**
   * G-04: the first school year from which achievements count, given disciplines recorded up to
   * `endStart`; undefined when none.
   */
  countingStartAt(endStart: number): number | undefined {
    let restart: number | undefined;
    for (const [recorded, lastYear] of this.disciplines) {
      if (recorded > endStart) break;
      restart = Math.max(restart ?? lastYear + 1, lastYear + 1);
    }
    return restart;
  }

  /**
   * Consecutive years ending at `endStart` (walking back) whose record satisfies `qualifies`,
   * never reaching `afterStart` (the year of a prior award) nor a year under discipline.
   */
  streak(endStart: number, qualifies: (record: HistoryRecord) => boolean, afterStart?: number): Streak {
    const restart = this.countingStartAt(endStart);
    const years: number[] = [];
    for (let start = endStart; ; start--) {
      if (afterStart !== undefined && start <= afterStart) return done(years, start, "prior-award");
      if (restart !== undefined && start < restart) return done(years, start, "discipline");
      const record = this.get(start);
      if (record === undefined) return done(years, start, "missing");
      if (record.rating === "NONE") {
        const skipMaternity =
          !this.config.maternityNotRatedYearBreaksStreak && (record.maternityLeaveMonths ?? 0) > 0;
        if (skipMaternity) continue;
        return done(years, start, "not-rated");
      }
      if (!qualifies(record)) return done(years, start, "predicate");
      years.push(start);
    }
  }

  /** The latest year in (afterStart, endStart] in which one of `codes` was received as công trạng. */
  latestMerit(
    codes: readonly AwardCode[],
    endStart: number,
    afterStart = Number.NEGATIVE_INFINITY,
  ): number | undefined {
    const mask = maskOf(codes);
    const lowest = Math.max(this.first, afterStart + 1);
    for (let start = Math.min(endStart, this.last); start >= lowest; start--)
      if (((this.merit[start - this.first] ?? 0) & mask) !== 0) return start;
    return undefined;
  }

  /** The earliest year in (afterStart, endStart] in which one of `codes` was received as công trạng. */
  earliestMerit(
    codes: readonly AwardCode[],
    endStart: number,
    afterStart = Number.NEGATIVE_INFINITY,
  ): number | undefined {
    const mask = maskOf(codes);
    const highest = Math.min(endStart, this.last);
    for (let start = Math.max(this.first, afterStart + 1); start <= highest; start++)
      if (((this.merit[start - this.first] ?? 0) & mask) !== 0) return start;
    return undefined;
  }

  /** Years in (afterStart, endStart] in which `code` was received as công trạng, oldest first. */
  meritYears(code: AwardCode, endStart: number, afterStart = Number.NEGATIVE_INFINITY): number[] {
    const years: number[] = [];
    const highest = Math.min(endStart, this.last);
    for (let start = Math.max(this.first, afterStart + 1); start <= highest; start++)
      if (this.hasMerit(start, code)) years.push(start);
    return years;
  }

  /** How many of `years` carry `code` as công trạng. */
  countMerit(years: readonly number[], code: AwardCode): number {
    let count = 0;
    for (const start of years) if (this.hasMerit(start, code)) count++;
    return count;
  }

  countRated(years: readonly number[], rating: Rating): number {
    let count = 0;
    for (const start of years) if (this.get(start)?.rating === rating) count++;
    return count;
  }
}

const done = (years: number[], start: number, reason: StreakStop): Streak => ({
  years: years.reverse(),
  stop: { start, reason },
});

/** Texts of runs of consecutive years, by first year and length: the same runs recur for every subject. */
const runTexts = new Map<number, string>();
const MAX_CACHED_RUN = 100;

/** "2023-2024, 2024-2025" — the years named in messages. */
export function formatYears(starts: readonly number[]): string {
  const first = starts[0];
  if (first === undefined || starts.length >= MAX_CACHED_RUN)
    return starts.map(schoolYearStarting).join(", ");
  for (let i = 1; i < starts.length; i++)
    if (starts[i] !== first + i) return starts.map(schoolYearStarting).join(", ");
  const key = first * MAX_CACHED_RUN + starts.length;
  let text = runTexts.get(key);
  if (text === undefined) {
    text = starts.map(schoolYearStarting).join(", ");
    runTexts.set(key, text);
  }
  return text;
}

/** The last `count` school years ending at `endStart`, oldest first. */
export function lastYears(endStart: number, count: number): number[] {
  const years: number[] = [];
  for (let start = endStart - count + 1; start <= endStart; start++) years.push(start);
  return years;
}
