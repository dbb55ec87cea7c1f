/**
 * The reports of the đội ngũ làm công tác thi đua (docs/duties.md): the officers of each unit and who
 * passed a course within the window, the training coverage by year, a unit's training plan for its
 * staff. Reads the officers, the window's courses and attendance, the year's visits, and runs
 * domain/emulation-officers.ts. The routes, the CLI and the PDF call it.
 */
import type { Firestore } from "@google-cloud/firestore";
import { type BaoCaoDoiNguInput, renderBaoCaoDoiNgu } from "../documents/bao-cao-doi-ngu-thi-dua.js";
import {
  DEFAULT_TRAINED_WITHIN_YEARS,
  type OfficersReport,
  officersReport,
  type TrainingPlan,
  trainingPlan,
  yearsEndingWith,
} from "../domain/emulation-officers.js";
import { AppError } from "../domain/errors.js";
import { dutyMessages } from "../domain/messages/index.js";
import type { Unit, User } from "../domain/model.js";
import { emulationOfficers, yearDutyDocuments } from "../store/duties.js";
import { checkYear, countOption, type DutyQuery, readableUnits, reportDay, staffOf } from "./duties.js";

export interface OfficersQuery extends DutyQuery {
  trainedYears?: string | undefined;
}

/** The longest window a query may ask for, in school years. */
const MAX_TRAINED_YEARS = 10;

const perYear = async <T>(years: readonly string[], read: (year: string) => Promise<T[]>): Promise<T[]> =>
  (await Promise.all(years.map(read))).flat();

/** The officers report over `units`. */
export async function officersOf(
  db: Firestore,
  year: string,
  units: readonly Unit[],
  query: OfficersQuery = {},
): Promise<OfficersReport> {
  checkYear(year);
  const trainedWithinYears = countOption(
    query.trainedYears,
    "trainedYears",
    MAX_TRAINED_YEARS,
    DEFAULT_TRAINED_WITHIN_YEARS,
  );
  const window = yearsEndingWith(year, trainedWithinYears);
  const one = units.length === 1 ? units[0]?.id : undefined;
  const [officers, staff, courses, attendance, visits] = await Promise.all([
    emulationOfficers(db),
    staffOf(db, units, year),
    perYear(window, (windowYear) => yearDutyDocuments(db, "trainingCourses", windowYear)),
    perYear(window, (windowYear) => yearDutyDocuments(db, "trainingAttendance", windowYear, one)),
    yearDutyDocuments(db, "exchangeVisits", year, one),
  ]);
  return officersReport(
    units.map((unit) => ({
      unit: { id: unit.id, name: unit.name },
      staff: new Map((staff.get(unit.id) ?? []).map((person) => [person.id, person.fullName])),
      officers: officers.filter((officer) => officer.unitId === unit.id),
      attendance: attendance.filter((row) => row.unitId === unit.id),
      visits: visits.filter((visit) => visit.unitId === unit.id),
    })),
    courses,
    { year, trainedWithinYears },
  );
}

/** The officers report as `user` may read it. */
export async function officersFor(
  db: Firestore,
  user: User,
  year: string,
  query: OfficersQuery,
): Promise<OfficersReport> {
  checkYear(year);
  return officersOf(db, year, await readableUnits(db, user, query.unit), query);
}

/** The report as the PDF "Báo cáo đội ngũ làm công tác thi đua"; `document` gives issuer, signer, date. */
export async function officersPdf(
  db: Firestore,
  year: string,
  units: readonly Unit[],
  query: OfficersQuery,
  document: Record<string, unknown>,
): Promise<Buffer> {
  const report = await officersOf(db, year, units, query);
  return renderBaoCaoDoiNgu({
    date: reportDay(undefined),
    ...document,
    report,
  } as BaoCaoDoiNguInput);
}

/** The unit's training plan of the year for its staff. */
export async function trainingPlanOf(
  db: Firestore,
  year: string,
  unit: Unit,
  asOf?: string,
): Promise<TrainingPlan> {
  checkYear(year);
  const day = reportDay(asOf);
  const [staff, courses, attendance] = await Promise.all([
    staffOf(db, [unit], year),
    yearDutyDocuments(db, "trainingCourses", year),
    yearDutyDocuments(db, "trainingAttendance", year, unit.id),
  ]);
  return trainingPlan(
    {
      unit: { id: unit.id, name: unit.name },
      staff: new Map((staff.get(unit.id) ?? []).map((person) => [person.id, person.fullName])),
      attendance,
    },
    courses,
    { year, asOf: day },
  );
}

/**
 * The plan of the unit named in `query`, or of the caller's only readable unit (a school's own);
 * a caller who reads several units must name one.
 */
export async function trainingPlanFor(
  db: Firestore,
  user: User,
  year: string,
  query: DutyQuery,
): Promise<TrainingPlan> {
  checkYear(year);
  const units = await readableUnits(db, user, query.unit);
  const [unit] = units;
  if (units.length !== 1 || !unit)
    throw new AppError("INVALID_ARGUMENT", dutyMessages.unitRequired, undefined, "query.unit");
  return trainingPlanOf(db, year, unit, query.asOf);
}
