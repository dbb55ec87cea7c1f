/** domain/emulation-officers.ts: trained officers, coverage by year and a unit's plan, by hand. */
import { describe, expect, it } from "vitest";
import {
  courseOf,
  officersReport,
  type TrainingAttendance,
  type TrainingCourse,
  trainingPlan,
  yearsEndingWith,
} from "../../../functions/src/domain/emulation-officers.js";

const course = (
  unitId: string,
  year: string,
  code: string,
  organiser: "SO" | "DON_VI",
  date: string,
  planned?: number,
): TrainingCourse => ({
  unitId,
  year,
  code,
  organiser,
  title: `Lớp ${code}`,
  date,
  ...(planned === undefined ? {} : { planned }),
});
const attend = (
  unitId: string,
  year: string,
  courseCode: string,
  personId: string,
  result: TrainingAttendance["result"],
): TrainingAttendance => ({ unitId, year, courseCode, personId, result });

const courses = [
  course("so", "2025-2026", "TH", "SO", "2025-10-10"),
  course("so", "2024-2025", "TH", "SO", "2024-10-10"),
  course("so", "2022-2023", "OLD", "SO", "2022-10-10"),
  // A school's own course under the Department's code: the school's rows mean its own.
  course("u1", "2025-2026", "TH", "DON_VI", "2025-11-15", 3),
  course("u1", "2025-2026", "KH", "DON_VI", "2026-07-01", 10),
];
const staff = (...ids: string[]) => new Map(ids.map((id) => [id, `Người ${id}`]));

describe("the officers' training", () => {
  it("reads a code as the unit's own course before the Department's", () => {
    expect(courseOf({ unitId: "u1", year: "2025-2026", courseCode: "TH" }, courses)?.organiser).toBe(
      "DON_VI",
    );
    expect(courseOf({ unitId: "u2", year: "2025-2026", courseCode: "TH" }, courses)?.organiser).toBe("SO");
    expect(courseOf({ unitId: "u2", year: "2023-2024", courseCode: "TH" }, courses)).toBeUndefined();
    expect(yearsEndingWith("2025-2026", 3)).toEqual(["2023-2024", "2024-2025", "2025-2026"]);
  });

  const report = officersReport(
    [
      {
        unit: { id: "u1", name: "Một" },
        staff: staff("a", "b", "c"),
        officers: [
          { unitId: "u1", personId: "a" },
          // No longer on the roster: not an officer any more.
          { unitId: "u1", personId: "left" },
        ],
        attendance: [
          attend("u1", "2025-2026", "TH", "a", "DAT"),
          attend("u1", "2025-2026", "TH", "b", "DAT"),
        ],
        visits: [],
      },
      {
        unit: { id: "u2", name: "Hai" },
        staff: staff("d", "e"),
        officers: [
          { unitId: "u2", personId: "d" },
          { unitId: "u2", personId: "e", decisionNo: "5/QĐ", decisionDate: "2024-08-20" },
        ],
        attendance: [
          attend("u2", "2024-2025", "TH", "d", "DAT"),
          attend("u2", "2025-2026", "TH", "e", "KHONG_DAT"),
          attend("u2", "2022-2023", "OLD", "e", "DAT"),
        ],
        visits: [
          {
            unitId: "u2",
            year: "2025-2026",
            code: "GL",
            date: "2026-03-01",
            host: "Trường X",
            scope: "OUT_OF_PROVINCE",
            participantIds: ["d"],
          },
        ],
      },
      {
        unit: { id: "u3", name: "Ba" },
        staff: staff("f"),
        officers: [{ unitId: "u3", personId: "f" }],
        attendance: [attend("u3", "2022-2023", "OLD", "f", "DAT")],
        visits: [],
      },
      { unit: { id: "u4", name: "Bốn" }, staff: staff("g"), officers: [], attendance: [], visits: [] },
    ],
    courses,
    { year: "2025-2026", trainedWithinYears: 3 },
  );

  it("counts an officer trained after passing a course inside the window, and names the units without one", () => {
    expect(report.units.map((unit) => [unit.unitId, unit.officers.length, unit.trained])).toEqual([
      ["u1", 1, true],
      ["u2", 2, true],
      ["u3", 1, false],
      ["u4", 0, false],
    ]);
    expect(report.units[0]?.officers[0]?.lastTraining).toEqual({
      year: "2025-2026",
      date: "2025-11-15",
      title: "Lớp TH",
      organiser: "DON_VI",
    });
    expect(report.units[1]?.officers.map((officer) => officer.lastTraining?.year ?? null)).toEqual([
      "2024-2025",
      null,
    ]);
    expect(report.untrainedUnits).toEqual([
      { unitId: "u3", unitName: "Ba", officers: 1 },
      { unitId: "u4", unitName: "Bốn", officers: 0 },
    ]);
    expect(report.units[1]?.visits).toEqual({ inProvince: 0, outOfProvince: 1 });
  });

  it("gives the coverage of each year of the window", () => {
    expect(report.coverage).toEqual([
      {
        year: "2023-2024",
        departmentCourses: 0,
        unitCourses: 0,
        attendances: 0,
        passed: 0,
        officers: 4,
        officersTrained: 0,
        units: 4,
        unitsWithTrainedOfficer: 0,
      },
      {
        year: "2024-2025",
        departmentCourses: 1,
        unitCourses: 0,
        attendances: 1,
        passed: 1,
        officers: 4,
        officersTrained: 1,
        units: 4,
        unitsWithTrainedOfficer: 1,
      },
      {
        year: "2025-2026",
        departmentCourses: 1,
        unitCourses: 2,
        attendances: 3,
        passed: 2,
        officers: 4,
        officersTrained: 1,
        units: 4,
        unitsWithTrainedOfficer: 1,
      },
    ]);
  });

  it("plans a unit's year: its own courses, held or planned, then the Department's its staff went to", () => {
    const plan = trainingPlan(
      {
        unit: { id: "u1", name: "Một" },
        staff: staff("a", "b", "c"),
        attendance: [
          attend("u1", "2025-2026", "TH", "a", "DAT"),
          attend("u1", "2025-2026", "TH", "b", "VANG"),
          attend("u1", "2025-2026", "TH", "c", "KHONG_DAT"),
          attend("u1", "2025-2026", "TH", "left", "DAT"),
        ],
      },
      [...courses, course("so", "2025-2026", "SO2", "SO", "2026-01-05")],
      { year: "2025-2026", asOf: "2026-05-31" },
    );
    expect(
      plan.courses.map((entry) => [
        entry.code,
        entry.organiser,
        entry.status,
        entry.planned,
        entry.attended,
        entry.passed,
      ]),
    ).toEqual([
      ["TH", "DON_VI", "HELD", 3, 2, 1],
      ["KH", "DON_VI", "PLANNED", 10, 0, 0],
    ]);
    expect([plan.staff, plan.staffAttended, plan.staffPassed]).toEqual([3, 2, 1]);
  });
});
