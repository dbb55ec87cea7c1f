/** School years ("năm học") written "YYYY-YYYY", the second year being the first plus one. */
import { z } from "zod";

const SCHOOL_YEAR_PATTERN = /^(\d{4})-(\d{4})$/;

export const SchoolYear = z
  .string()
  .regex(SCHOOL_YEAR_PATTERN, { message: "school-year-format" })
  .refine(
    (value) => {
      const [first, second] = value.split("-").map(Number);
      return first !== undefined && second === first + 1 && first >= 1975 && first <= 2100;
    },
    { message: "school-year-sequence" },
  );
export type SchoolYear = z.infer<typeof SchoolYear>;

/**
 * The first calendar year of a school year: "2025-2026" → 2025. Read digit by digit (the same
 * number as `Number(year.slice(0, 4))`, without a string per call: the eligibility engine reads
 * millions of years a run).
 */
export function startYearOf(year: string): number {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const digit = year.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return Number(year.slice(0, 4));
    value = value * 10 + digit;
  }
  return value;
}
export const schoolYearStarting = (start: number): string => `${start}-${start + 1}`;
export const previousSchoolYear = (year: string): string => schoolYearStarting(startYearOf(year) - 1);
export const isSchoolYear = (value: string): boolean => SchoolYear.safeParse(value).success;

/** Inclusive list of school years from `first` to `last`. */
export function schoolYearsBetween(first: string, last: string): string[] {
  const years: string[] = [];
  for (let start = startYearOf(first); start <= startYearOf(last); start++)
    years.push(schoolYearStarting(start));
  return years;
}
