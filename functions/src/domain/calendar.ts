import { schoolYearStartOfDate } from "./eligibility/windows.js";
import { schoolYearStarting } from "./school-year.js";

/** The province's calendar day: deadlines and published dates are days in Asia/Ho_Chi_Minh, not UTC. */
const VIETNAM_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The ISO day ("2026-05-31") it is in Vietnam at `instant`. */
export const dateInVietnam = (instant: Date): string => VIETNAM_DAY.format(instant);

/** The school year a day falls in, from September as the eligibility windows count ("2026-05-31" → "2025-2026"). */
export const schoolYearOfDay = (day: string): string => schoolYearStarting(schoolYearStartOfDate(day));

/** The school year in progress in Vietnam at `now`: what a scheduled job takes when its message names none. */
export const currentSchoolYear = (now: Date): string => schoolYearOfDay(dateInVietnam(now));
