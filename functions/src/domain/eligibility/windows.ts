/**
 * Years and windows over one subject's history — the single place that knows how consecutive
 * school years are counted (DOMAIN.md §15): a missing record or a NONE rating breaks a streak,
 * counting restarts after a discipline period (G-04), đột xuất/chuyên đề awards never count (G-03),
 * and a not-rated year of maternity leave follows configuration (G-05). Years are handled as the
 * first calendar year of the school year (2025 for "2025-2026") so that walking back is arithmetic.
 */
import type { AwardCode, Rating } from "../codes.js";
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
export type StreakStop = "missing" | "not-rated" | "predicate" | "discipline" | "prior-award";

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

export class SubjectHistory {
  private readonly byStart = new Map<number, HistoryRecord>();
  /** Codes that count as công trạng merit in each year: titles plus awards of counted kinds. */
  private readonly meritByStart = new Map<number, ReadonlySet<AwardCode>>();
  /** Disciplines as [record year, last year of effect], oldest first. */
  private readonly disciplines: Array<[number, number]> = [];
  readonly excludedAwards: ExcludedAward[] = [];

  constructor(
    history: readonly HistoryRecord[],
    private readonly config: EligibilityConfig,
  ) {
    const nonMerit = new Set(config.nonMeritAwardKinds);
    for (const record of history) {
      const start = startYearOf(record.year);
      this.byStart.set(start, record);
      const merit = new Set<AwardCode>(record.titles);
      for (const award of record.awards) {
        if (nonMerit.has(award.kind)) this.excludedAwards.push({ ...award, start });
        else merit.add(award.form);
      }
      this.meritByStart.set(start, merit);
      for (const discipline of record.discipline)
        this.disciplines.push([start, disciplineEnd(start, discipline)]);
    }
    this.disciplines.sort((a, b) => a[0] - b[0]);
  }

  get(start: number): HistoryRecord | undefined {
    return this.byStart.get(start);
  }

  hasMerit(start: number, code: AwardCode): boolean {
    return this.meritByStart.get(start)?.has(code) ?? false;
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
      const record = this.byStart.get(start);
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

  /** The latest year ≤ endStart in which one of `codes` was received as công trạng. */
  latestMerit(
    codes: readonly AwardCode[],
    endStart: number,
    afterStart = Number.NEGATIVE_INFINITY,
  ): number | undefined {
    let latest: number | undefined;
    for (const [start, merit] of this.meritByStart)
      if (start <= endStart && start > afterStart && codes.some((code) => merit.has(code)))
        latest = Math.max(latest ?? start, start);
    return latest;
  }

  /** The earliest year in (afterStart, endStart] in which one of `codes` was received as công trạng. */
  earliestMerit(
    codes: readonly AwardCode[],
    endStart: number,
    afterStart = Number.NEGATIVE_INFINITY,
  ): number | undefined {
    let earliest: number | undefined;
    for (const [start, merit] of this.meritByStart)
      if (start <= endStart && start > afterStart && codes.some((code) => merit.has(code)))
        earliest = Math.min(earliest ?? start, start);
    return earliest;
  }

  /** Years in (afterStart, endStart] in which `code` was received as công trạng, oldest first. */
  meritYears(code: AwardCode, endStart: number, afterStart = Number.NEGATIVE_INFINITY): number[] {
    const years: number[] = [];
    for (const [start, merit] of this.meritByStart)
      if (start <= endStart && start > afterStart && merit.has(code)) years.push(start);
    return years.sort((a, b) => a - b);
  }

  /** Years among `years` in which `code` was received as công trạng. */
  yearsWithMerit(years: readonly number[], code: AwardCode): number[] {
    return years.filter((start) => this.hasMerit(start, code));
  }

  yearsRated(years: readonly number[], ratings: ReadonlySet<Rating>): number[] {
    return years.filter((start) => {
      const rating = this.byStart.get(start)?.rating;
      return rating !== undefined && ratings.has(rating);
    });
  }
}

const done = (years: number[], start: number, reason: StreakStop): Streak => ({
  years: years.reverse(),
  stop: { start, reason },
});

/** "2023-2024, 2024-2025" — the years named in messages. */
export const formatYears = (starts: readonly number[]): string => starts.map(schoolYearStarting).join(", ");

/** The last `count` school years ending at `endStart`, oldest first. */
export const lastYears = (endStart: number, count: number): number[] =>
  Array.from({ length: count }, (_, i) => endStart - count + 1 + i);
