/** The province's calendar day: deadlines and published dates are days in Asia/Ho_Chi_Minh, not UTC. */
const VIETNAM_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The ISO day ("2026-05-31") it is in Vietnam at `instant`. */
export const dateInVietnam = (instant: Date): string => VIETNAM_DAY.format(instant);

/** The school year a day falls in: from August to July ("2026-05-31" → "2025-2026"). */
export function schoolYearOfDay(day: string): string {
  const year = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 8 ? year : year - 1;
  return `${start}-${start + 1}`;
}
