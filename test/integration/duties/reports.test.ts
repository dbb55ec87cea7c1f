/**
 * The duties' reports on the sample province (docs/duties.md), seeded into the emulator: each figure
 * computed again here from the generated rows — staff, acknowledgements, sessions, officers,
 * courses — and compared with the services' answers, the routes' (as the Department, a commune
 * and a school) and the PDFs' text. No contact data ever leaves the store.
 */
import { writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENT_UNIT_ID, SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import type { DisseminationReport } from "../../../functions/src/domain/dissemination.js";
import type { OfficersReport, TrainingPlan } from "../../../functions/src/domain/emulation-officers.js";
import type { Unit } from "../../../functions/src/domain/model.js";
import { disseminationOf, disseminationPdf } from "../../../functions/src/services/dissemination.js";
import {
  officersOf,
  officersPdf,
  trainingPlanOf,
} from "../../../functions/src/services/emulation-officers.js";
import { startTestApi, type TestApi } from "../../support/api.js";
import { pdfInfo, pdfText, renderGray } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
const AS_OF = "2026-05-31";
const province = sampleProvince();
const { duties } = province;
const byName = [...province.units].sort((a, b) => a.name.localeCompare(b.name, "vi"));
const staffOf = (unitId: string) =>
  new Set(province.people.filter((person) => person.unitId === unitId && !person.withdrawn).map((p) => p.id));
const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const documentOptions = async () =>
  JSON.parse(await readFile("examples/duties/bao-cao.json", "utf8")) as Record<string, unknown>;

let api: TestApi;
let dissemination: DisseminationReport;
let officers: OfficersReport;
beforeAll(async () => {
  api = await startTestApi();
  await seedProvince(api.db, province);
  [dissemination, officers] = await Promise.all([
    disseminationOf(api.db, YEAR, byName, { asOf: AS_OF }),
    officersOf(api.db, YEAR, byName, {}),
  ]);
}, 180_000);
afterAll(() => api.close());

describe("tuyên truyền, quán triệt on the sample province", { timeout: 120_000 }, () => {
  const newDocuments = duties.legalDocuments.filter(
    (document) => document.year === YEAR && document.requiresBriefing,
  );

  it("has each unit × new document's acknowledgements, session and status as the rows give them", () => {
    expect(dissemination.documents.map((document) => document.code).sort()).toEqual(
      newDocuments.map((document) => document.code).sort(),
    );
    expect(dissemination.units.map((unit) => unit.unitId)).toEqual(byName.map((unit) => unit.id));
    for (const unit of dissemination.units) {
      const staff = staffOf(unit.unitId);
      expect(unit.staff, unit.unitId).toBe(staff.size);
      for (const document of newDocuments) {
        const entry = unit.documents.find((candidate) => candidate.code === document.code);
        const acknowledged = duties.acknowledgements.filter(
          (ack) =>
            ack.unitId === unit.unitId &&
            staff.has(ack.personId) &&
            (ack.read.includes(document.code) || ack.attended.includes(document.code)),
        ).length;
        const sessionDates = duties.briefingSessions
          .filter(
            (session) => session.unitId === unit.unitId && session.documentCodes.includes(document.code),
          )
          .map((session) => session.date)
          .sort();
        const deadline = document.deadline ?? plusDays(document.date, 30);
        const first = sessionDates[0];
        const status =
          first === undefined
            ? AS_OF > deadline
              ? "OVERDUE"
              : "PENDING"
            : first > deadline
              ? "HELD_LATE"
              : "HELD";
        expect(entry, `${unit.unitId} ${document.code}`).toMatchObject({
          acknowledged,
          share: acknowledged / staff.size,
          sessionDate: first ?? null,
          status,
        });
      }
    }
  });

  it("has the sample's gaps: overdue units, late sessions, partial coverage", () => {
    const statuses = dissemination.units.flatMap((unit) => unit.documents.map((entry) => entry.status));
    for (const status of ["HELD", "HELD_LATE", "PENDING", "OVERDUE"]) expect(statuses).toContain(status);
    const overdue = byName
      .filter((unit) =>
        newDocuments.some((document) => {
          const deadline = document.deadline ?? plusDays(document.date, 30);
          return (
            AS_OF > deadline &&
            !duties.briefingSessions.some(
              (session) => session.unitId === unit.id && session.documentCodes.includes(document.code),
            )
          );
        }),
      )
      .map((unit) => unit.id);
    expect(overdue.length).toBeGreaterThan(0);
    expect(dissemination.overdueUnits.map((unit) => unit.unitId)).toEqual(overdue);
    const nguyenDu = dissemination.units.find((unit) => unit.unitId === SAMPLE_SCHOOLS.nguyenDu);
    expect(nguyenDu?.withoutSession).toEqual([]);
    for (const document of dissemination.documents) {
      const held = new Set(
        duties.briefingSessions
          .filter((session) => session.documentCodes.includes(document.code))
          .map((session) => session.unitId),
      );
      expect(document.unitsHeld, document.code).toBe(held.size);
    }
  });

  it("answers the same over HTTP: the Department the province, a commune its schools, a school itself", async () => {
    const route = `/v1/years/${YEAR}/dissemination?asOf=${AS_OF}`;
    const department = await api.fetch(route, { as: "chuyenvien1@sogddt.example.org" });
    expect(department.status).toBe(200);
    expect(await department.json()).toEqual(dissemination);

    const nguyenDu = province.units.find((unit) => unit.id === SAMPLE_SCHOOLS.nguyenDu) as Unit;
    const commune = nguyenDu.communeUnitId ?? "";
    const managed = byName
      .filter((unit) => unit.managingAuthority === "UBND_XA" && unit.communeUnitId === commune)
      .map((unit) => unit.id);
    const communeAnswer = (await (
      await api.fetch(route, { as: `vhxh.${commune}@xa.example.org` })
    ).json()) as DisseminationReport;
    expect(communeAnswer.units.map((unit) => unit.unitId)).toEqual(managed);

    const school = (await (
      await api.fetch(route, { as: `tdkt.${SAMPLE_SCHOOLS.nguyenDu}@truong.example.org` })
    ).json()) as DisseminationReport;
    expect(school.units).toEqual(
      dissemination.units.filter((unit) => unit.unitId === SAMPLE_SCHOOLS.nguyenDu),
    );
  });

  it("prints the Báo cáo công tác tuyên truyền, quán triệt with each unit's figures (landscape)", async () => {
    const pdf = await disseminationPdf(
      api.db,
      YEAR,
      byName,
      { asOf: AS_OF },
      {
        ...(await documentOptions()),
        date: AS_OF,
      },
    );
    writeFileSync("/tmp/tdkt-bao-cao-quan-triet.pdf", pdf);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain(
      `Công tác tuyên truyền, quán triệt văn bản về thi đua, khen thưởng năm học ${YEAR}`,
    );
    expect(text).toContain("152/2025/NĐ-CP");
    for (const unit of dissemination.overdueUnits) expect(text).toContain(unit.unitName);
    expect(text).toContain("Quá hạn, chưa tổ chức");
    const nguyenDu = dissemination.units.find((unit) => unit.unitId === SAMPLE_SCHOOLS.nguyenDu);
    const first = nguyenDu?.documents[0];
    expect(text).toContain(`${first?.acknowledged}/${nguyenDu?.staff}`);
    const [width, height] = (pdfInfo(pdf)["Page size"] ?? "")
      .split(" x ")
      .map((value) => Number.parseFloat(value));
    expect(width).toBeGreaterThan(height ?? 0);
    const page = renderGray(pdf);
    expect(page.width).toBeGreaterThan(page.height);
    // Ink on the first page: the header, the title and the first table, not a blank page.
    expect(page.pixels.filter((value) => value < 128).length).toBeGreaterThan(page.pixels.length / 100);
  });
});

describe("đội ngũ làm công tác thi đua on the sample province", { timeout: 120_000 }, () => {
  const window = ["2023-2024", "2024-2025", YEAR];
  const courseFor = (unitId: string, year: string, code: string) =>
    duties.trainingCourses.find(
      (course) =>
        course.year === year &&
        course.code === code &&
        course.organiser === "DON_VI" &&
        course.unitId === unitId,
    ) ??
    duties.trainingCourses.find(
      (course) => course.year === year && course.code === code && course.organiser === "SO",
    );
  const currentOfficers = (unitId: string) =>
    duties.emulationOfficers.filter(
      (officer) => officer.unitId === unitId && staffOf(unitId).has(officer.personId),
    );
  const passedIn = (unitId: string, personId: string, years: readonly string[]) =>
    duties.trainingAttendance.some(
      (row) =>
        row.unitId === unitId &&
        row.personId === personId &&
        row.result === "DAT" &&
        years.includes(row.year) &&
        courseFor(unitId, row.year, row.courseCode) !== undefined,
    );

  it("names the units without an officer who passed a course in the last three years", () => {
    const untrained = byName
      .filter(
        (unit) => !currentOfficers(unit.id).some((officer) => passedIn(unit.id, officer.personId, window)),
      )
      .map((unit) => unit.id);
    expect(untrained.length).toBeGreaterThan(0);
    expect(officers.untrainedUnits.map((unit) => unit.unitId)).toEqual(untrained);
    // The sample's kinds of gap: no officer at all, and officers without a pass in the window.
    expect(officers.untrainedUnits.some((unit) => unit.officers === 0)).toBe(true);
    expect(officers.untrainedUnits.some((unit) => unit.officers > 0)).toBe(true);
    for (const unit of officers.units)
      expect(unit.officers.map((officer) => officer.personId).sort(), unit.unitId).toEqual(
        currentOfficers(unit.unitId)
          .map((officer) => officer.personId)
          .sort(),
      );
  });

  it("gives the training coverage by year from the courses and attendance", () => {
    const officerCount = byName.reduce((sum, unit) => sum + currentOfficers(unit.id).length, 0);
    expect(officers.coverage.map((line) => line.year)).toEqual(window);
    for (const line of officers.coverage) {
      const trainedPerUnit = byName.map(
        (unit) =>
          currentOfficers(unit.id).filter((officer) => passedIn(unit.id, officer.personId, [line.year]))
            .length,
      );
      expect(line, line.year).toEqual({
        year: line.year,
        departmentCourses: duties.trainingCourses.filter((c) => c.year === line.year && c.organiser === "SO")
          .length,
        unitCourses: duties.trainingCourses.filter((c) => c.year === line.year && c.organiser === "DON_VI")
          .length,
        attendances: duties.trainingAttendance.filter((row) => row.year === line.year).length,
        passed: duties.trainingAttendance.filter((row) => row.year === line.year && row.result === "DAT")
          .length,
        officers: officerCount,
        officersTrained: trainedPerUnit.reduce((sum, count) => sum + count, 0),
        units: byName.length,
        unitsWithTrainedOfficer: trainedPerUnit.filter((count) => count > 0).length,
      });
    }
  });

  it("keeps officers' phone numbers and e-mail out of the report and its PDF", async () => {
    const json = JSON.stringify(officers);
    const pdf = await officersPdf(api.db, YEAR, byName, {}, { ...(await documentOptions()), date: AS_OF });
    writeFileSync("/tmp/tdkt-bao-cao-doi-ngu.pdf", pdf);
    const text = pdfText(pdf).replace(/\s+/g, " ");
    expect(text).toContain(`Đội ngũ làm công tác thi đua, khen thưởng năm học ${YEAR}`);
    for (const unit of officers.untrainedUnits) expect(text).toContain(unit.unitName);
    expect(text).toContain("Chưa phân công");
    for (const officer of duties.emulationOfficers) {
      expect(officer.phone).toBeDefined();
      for (const secret of [officer.phone, officer.email].filter((value) => value !== undefined)) {
        expect(json).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
    }
  });

  it("plans THCS Nguyễn Du's year: its own courses held and planned, the Department's its staff attended", async () => {
    const plan = await trainingPlanOf(
      api.db,
      YEAR,
      province.units.find((u) => u.id === SAMPLE_SCHOOLS.nguyenDu) as Unit,
      AS_OF,
    );
    const staff = staffOf(SAMPLE_SCHOOLS.nguyenDu);
    const rows = duties.trainingAttendance.filter(
      (row) => row.unitId === SAMPLE_SCHOOLS.nguyenDu && row.year === YEAR && staff.has(row.personId),
    );
    const own = duties.trainingCourses.filter(
      (course) => course.unitId === SAMPLE_SCHOOLS.nguyenDu && course.year === YEAR,
    );
    expect(own.length).toBe(2);
    for (const course of own) {
      const entry = plan.courses.find(
        (candidate) => candidate.code === course.code && candidate.organiser === "DON_VI",
      );
      const mine = rows.filter((row) => row.courseCode === course.code);
      expect(entry, course.code).toMatchObject({
        planned: course.planned,
        attended: mine.filter((row) => row.result !== "VANG").length,
        passed: mine.filter((row) => row.result === "DAT").length,
        status: course.date <= AS_OF ? "HELD" : "PLANNED",
      });
    }
    expect(plan.courses.map((course) => course.status)).toContain("PLANNED");
    const present = rows.filter((row) => row.result !== "VANG");
    expect(plan.staffAttended).toBe(new Set(present.map((row) => row.personId)).size);
    expect(plan.staffPassed).toBe(
      new Set(present.filter((row) => row.result === "DAT").map((row) => row.personId)).size,
    );
    const overHttp = await api.fetch(`/v1/years/${YEAR}/training-plan?asOf=${AS_OF}`, {
      as: `tdkt.${SAMPLE_SCHOOLS.nguyenDu}@truong.example.org`,
    });
    expect((await overHttp.json()) as TrainingPlan).toEqual(plan);
    expect(DEPARTMENT_UNIT_ID).toBe(
      duties.trainingCourses.find((course) => course.organiser === "SO")?.unitId,
    );
  });
});
