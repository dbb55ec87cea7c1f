/**
 * Đội ngũ làm công tác thi đua (docs/duties.md): each unit's emulation officers, the training
 * courses (tập huấn) the Department or a unit holds and who attended them with what result, the
 * exchange visits (giao lưu học hỏi kinh nghiệm); and the reports computed from them — the units
 * without a trained officer, training coverage by year, a unit's training plan for its staff. Pure.
 */
import { z } from "zod";
import { IsoDate, NaturalKey } from "./model.js";
import { previousSchoolYear, SchoolYear } from "./school-year.js";

/**
 * UNCONFIRMED (docs/duties.md): an officer counts as trained after passing (result đạt) a course in
 * the report's year or the two before it.
 */
export const DEFAULT_TRAINED_WITHIN_YEARS = 3;

/**
 * emulationOfficers/{unit}_{person}: an officer of the unit (tab "Cán bộ làm công tác thi đua").
 * Phone and e-mail are personal: stored for the Department's contact, never logged, never in a
 * report, a PDF or a public page.
 */
export const EmulationOfficer = z.object({
  unitId: NaturalKey,
  personId: NaturalKey,
  decisionNo: z.string().optional(),
  decisionDate: IsoDate.optional(),
  qualifications: z.string().optional(),
  phone: z.string().max(30).optional(),
  email: z.email().optional(),
});
export type EmulationOfficer = z.infer<typeof EmulationOfficer>;

/** Who holds a course: the Department (tab "Tập huấn của Sở") or the unit itself (tab "Tập huấn"). */
const COURSE_ORGANISERS = ["SO", "DON_VI"] as const;
export const CourseOrganiser = z.enum(COURSE_ORGANISERS);
export type CourseOrganiser = z.infer<typeof CourseOrganiser>;

/** years/{year}/trainingCourses/{unit}_{code}: a course of the Department (its unit id) or of a unit. */
export const TrainingCourse = z.object({
  unitId: NaturalKey,
  year: SchoolYear,
  code: NaturalKey,
  organiser: CourseOrganiser,
  title: z.string().min(1),
  date: IsoDate,
  place: z.string().optional(),
  /** People the organiser plans to train. */
  planned: z.number().int().min(0).optional(),
});
export type TrainingCourse = z.infer<typeof TrainingCourse>;

export const TRAINING_RESULTS = ["DAT", "KHONG_DAT", "VANG"] as const;
export const TrainingResult = z.enum(TRAINING_RESULTS);
export type TrainingResult = z.infer<typeof TrainingResult>;

/**
 * years/{year}/trainingAttendance/{unit}_{course}_{person}: one of the unit's staff on a course —
 * the unit's own, or the Department's of the same code when the unit has none.
 */
export const TrainingAttendance = z.object({
  unitId: NaturalKey,
  year: SchoolYear,
  courseCode: NaturalKey,
  personId: NaturalKey,
  result: TrainingResult,
});
export type TrainingAttendance = z.infer<typeof TrainingAttendance>;

export const VISIT_SCOPES = ["IN_PROVINCE", "OUT_OF_PROVINCE"] as const;
const VisitScope = z.enum(VISIT_SCOPES);

/** years/{year}/exchangeVisits/{unit}_{code}: a giao lưu học hỏi kinh nghiệm of the unit. */
export const ExchangeVisit = z.object({
  unitId: NaturalKey,
  year: SchoolYear,
  code: NaturalKey,
  date: IsoDate,
  host: z.string().min(1),
  scope: VisitScope,
  participantIds: z.array(NaturalKey).min(1),
  lessons: z.string().optional(),
});
export type ExchangeVisit = z.infer<typeof ExchangeVisit>;

/** The `count` school years ending with `year`, oldest first. */
export function yearsEndingWith(year: string, count: number): string[] {
  const years = [year];
  while (years.length < count) years.unshift(previousSchoolYear(years[0] ?? year));
  return years;
}

/**
 * The course an attendance row means: the unit's own of that code in that year, else the
 * Department's (the unit's code wins, so a school's "TH-01" never reads as the Department's).
 */
export function courseOf(
  attendance: Pick<TrainingAttendance, "unitId" | "year" | "courseCode">,
  courses: readonly TrainingCourse[],
): TrainingCourse | undefined {
  const sameCode = courses.filter(
    (course) => course.year === attendance.year && course.code === attendance.courseCode,
  );
  return (
    sameCode.find((course) => course.organiser === "DON_VI" && course.unitId === attendance.unitId) ??
    sameCode.find((course) => course.organiser === "SO")
  );
}

export interface OfficersUnitInput {
  unit: { id: string; name: string };
  /** Current staff: id → full name. */
  staff: ReadonlyMap<string, string>;
  officers: readonly EmulationOfficer[];
  /** The unit's attendance over the report's window. */
  attendance: readonly TrainingAttendance[];
  /** The unit's visits of the report's year. */
  visits: readonly ExchangeVisit[];
}

interface OfficerLine {
  personId: string;
  fullName: string;
  decisionNo: string | null;
  decisionDate: string | null;
  qualifications: string | null;
  /** The last course passed within the window; null when none. */
  lastTraining: { year: string; date: string; title: string; organiser: CourseOrganiser } | null;
}

interface UnitOfficers {
  unitId: string;
  unitName: string;
  officers: OfficerLine[];
  trained: boolean;
  visits: { inProvince: number; outOfProvince: number };
}

interface TrainingCoverageYear {
  year: string;
  departmentCourses: number;
  unitCourses: number;
  /** Attendance rows of the year (any of the units' staff), and those with result đạt. */
  attendances: number;
  passed: number;
  officers: number;
  officersTrained: number;
  units: number;
  unitsWithTrainedOfficer: number;
}

export interface OfficersReport {
  year: string;
  trainedWithinYears: number;
  window: string[];
  units: UnitOfficers[];
  /** Units with no officer, or none who passed a course within the window. */
  untrainedUnits: { unitId: string; unitName: string; officers: number }[];
  coverage: TrainingCoverageYear[];
}

/** A current officer's passed courses, newest first. */
function passedCourses(
  personId: string,
  attendance: readonly TrainingAttendance[],
  courses: readonly TrainingCourse[],
): TrainingCourse[] {
  return attendance
    .filter((row) => row.personId === personId && row.result === "DAT")
    .flatMap((row) => {
      const course = courseOf(row, courses);
      return course ? [course] : [];
    })
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

/**
 * The officers of each unit (in the order given) — only those still on the roster — whether each
 * passed a course within the window, and the province's training coverage year by year.
 * `courses` are every course of the window (the Department's and the units').
 */
export function officersReport(
  units: readonly OfficersUnitInput[],
  courses: readonly TrainingCourse[],
  options: { year: string; trainedWithinYears: number },
): OfficersReport {
  const window = yearsEndingWith(options.year, options.trainedWithinYears);
  const inWindow = new Set(window);
  const unitIds = new Set(units.map((unit) => unit.unit.id));
  const lines = units.map((input): UnitOfficers => {
    const attendance = input.attendance.filter((row) => inWindow.has(row.year));
    const officers = input.officers
      .filter((officer) => input.staff.has(officer.personId))
      .map((officer): OfficerLine => {
        const last = passedCourses(officer.personId, attendance, courses)[0];
        return {
          personId: officer.personId,
          fullName: input.staff.get(officer.personId) ?? officer.personId,
          decisionNo: officer.decisionNo ?? null,
          decisionDate: officer.decisionDate ?? null,
          qualifications: officer.qualifications ?? null,
          lastTraining: last
            ? { year: last.year, date: last.date, title: last.title, organiser: last.organiser }
            : null,
        };
      });
    const visits = input.visits.filter((visit) => visit.year === options.year);
    return {
      unitId: input.unit.id,
      unitName: input.unit.name,
      officers,
      trained: officers.some((officer) => officer.lastTraining !== null),
      visits: {
        inProvince: visits.filter((visit) => visit.scope === "IN_PROVINCE").length,
        outOfProvince: visits.filter((visit) => visit.scope === "OUT_OF_PROVINCE").length,
      },
    };
  });
  const officerCount = lines.reduce((sum, unit) => sum + unit.officers.length, 0);
  const coverage = window.map((year): TrainingCoverageYear => {
    const trainedByUnit = units.map((input, index) => {
      const officerIds = new Set(lines[index]?.officers.map((officer) => officer.personId));
      const passed = input.attendance.filter(
        (row) =>
          row.year === year &&
          row.result === "DAT" &&
          officerIds.has(row.personId) &&
          courseOf(row, courses) !== undefined,
      );
      return new Set(passed.map((row) => row.personId)).size;
    });
    const rows = units.flatMap((input) =>
      input.attendance.filter((row) => row.year === year && courseOf(row, courses) !== undefined),
    );
    return {
      year,
      departmentCourses: courses.filter((course) => course.year === year && course.organiser === "SO").length,
      unitCourses: courses.filter(
        (course) => course.year === year && course.organiser === "DON_VI" && unitIds.has(course.unitId),
      ).length,
      attendances: rows.length,
      passed: rows.filter((row) => row.result === "DAT").length,
      officers: officerCount,
      officersTrained: trainedByUnit.reduce((sum, count) => sum + count, 0),
      units: units.length,
      unitsWithTrainedOfficer: trainedByUnit.filter((count) => count > 0).length,
    };
  });
  return {
    year: options.year,
    trainedWithinYears: options.trainedWithinYears,
    window,
    units: lines,
    untrainedUnits: lines
      .filter((unit) => !unit.trained)
      .map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, officers: unit.officers.length })),
    coverage,
  };
}

interface TrainingPlanCourse {
  code: string;
  organiser: CourseOrganiser;
  title: string;
  date: string;
  place: string | null;
  planned: number | null;
  attended: number;
  passed: number;
  /** HELD when its date is on or before the report's day, else PLANNED. */
  status: "HELD" | "PLANNED";
}

export interface TrainingPlan {
  unitId: string;
  unitName: string;
  year: string;
  asOf: string;
  staff: number;
  /** The unit's own courses of the year, then the Department's its staff attended, by date. */
  courses: TrainingPlanCourse[];
  /** Current staff on at least one course of the year, and those who passed one. */
  staffAttended: number;
  staffPassed: number;
}

/** The unit's training of the year for its staff: the courses it holds and those its people went to. */
export function trainingPlan(
  input: Pick<OfficersUnitInput, "unit" | "staff" | "attendance">,
  courses: readonly TrainingCourse[],
  options: { year: string; asOf: string },
): TrainingPlan {
  const attendance = input.attendance.filter(
    (row) => row.year === options.year && input.staff.has(row.personId),
  );
  const byCourse = new Map<TrainingCourse, TrainingAttendance[]>();
  for (const course of courses)
    if (course.year === options.year && course.organiser === "DON_VI" && course.unitId === input.unit.id)
      byCourse.set(course, []);
  const counted = attendance.flatMap((row) => {
    const course = courseOf(row, courses);
    if (!course) return [];
    const rows = byCourse.get(course);
    if (rows) rows.push(row);
    else byCourse.set(course, [row]);
    return [row];
  });
  const planCourses = [...byCourse.entries()]
    .map(
      ([course, rows]): TrainingPlanCourse => ({
        code: course.code,
        organiser: course.organiser,
        title: course.title,
        date: course.date,
        place: course.place ?? null,
        planned: course.planned ?? null,
        attended: rows.filter((row) => row.result !== "VANG").length,
        passed: rows.filter((row) => row.result === "DAT").length,
        status: course.date <= options.asOf ? "HELD" : "PLANNED",
      }),
    )
    .sort((a, b) =>
      a.organiser !== b.organiser
        ? a.organiser === "DON_VI"
          ? -1
          : 1
        : a.date < b.date
          ? -1
          : a.date > b.date
            ? 1
            : 0,
    );
  const present = counted.filter((row) => row.result !== "VANG");
  return {
    unitId: input.unit.id,
    unitName: input.unit.name,
    year: options.year,
    asOf: options.asOf,
    staff: input.staff.size,
    courses: planCourses,
    staffAttended: new Set(present.map((row) => row.personId)).size,
    staffPassed: new Set(present.filter((row) => row.result === "DAT").map((row) => row.personId)).size,
  };
}
