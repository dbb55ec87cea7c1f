/**
 * The sample province's records of the guidance's other duties (docs/duties.md), for the open year:
 * the Department's register of legal documents, each school's Hội nghị quán triệt and its staff's
 * acknowledgements, the emulation officers, the Department's and the schools' training courses with
 * attendance over four years, and exchange visits. With realistic gaps, by the school's place in id
 * order (the two sample schools always complete): a school that held no session, one whose session
 * left two documents out, one that held it late; a school with no officer, one whose officer never
 * passed a course, one whose officer passed only before the three-year window.
 */

import { COLLECTIONS, documentPath } from "../src/domain/collections.js";
import type { Acknowledgement, BriefingSession, LegalDocument } from "../src/domain/dissemination.js";
import { joinId } from "../src/domain/document-ids.js";
import type {
  EmulationOfficer,
  ExchangeVisit,
  TrainingAttendance,
  TrainingCourse,
  TrainingResult,
} from "../src/domain/emulation-officers.js";
import type { Person, Unit } from "../src/domain/model.js";
import { previousSchoolYear, startYearOf } from "../src/domain/school-year.js";
import type { IndexedWrite } from "../src/store/unit-index.js";
import type { Random } from "./prng.js";

export interface DutiesSample {
  legalDocuments: LegalDocument[];
  briefingSessions: BriefingSession[];
  acknowledgements: Acknowledgement[];
  emulationOfficers: EmulationOfficer[];
  trainingCourses: TrainingCourse[];
  trainingAttendance: TrainingAttendance[];
  exchangeVisits: ExchangeVisit[];
}

/** What each school of the sample does (the gaps of the header), by its place in id order. */
type BriefingPattern = "ON_TIME" | "NO_SESSION" | "PARTIAL" | "LATE";
type OfficerPattern = "TRAINED" | "NO_OFFICER" | "NEVER_PASSED" | "TRAINED_BEFORE_WINDOW";

function briefingPatternOf(index: number, complete: boolean): BriefingPattern {
  if (complete) return "ON_TIME";
  return (
    (["ON_TIME", "ON_TIME", "ON_TIME", "PARTIAL", "LATE", "NO_SESSION"] as const)[index % 6] ?? "ON_TIME"
  );
}

function officerPatternOf(index: number, complete: boolean): OfficerPattern {
  if (complete) return "TRAINED";
  return (
    (["TRAINED", "TRAINED", "NO_OFFICER", "NEVER_PASSED", "TRAINED_BEFORE_WINDOW"] as const)[index % 5] ??
    "TRAINED"
  );
}

const pad2 = (value: number): string => String(value).padStart(2, "0");

/** The year's register: four new documents due in the autumn, one late in the year, one for reference. */
function register(year: string, departmentName: string): LegalDocument[] {
  const start = startYearOf(year);
  const entry = (
    code: string,
    fields: Omit<LegalDocument, "code" | "year" | "changes" | "requiresBriefing"> &
      Partial<Pick<LegalDocument, "changes" | "requiresBriefing">>,
  ): LegalDocument => ({ code, year, changes: [], requiresBriefing: true, ...fields });
  return [
    entry("VB-01", {
      number: "152/2025/NĐ-CP",
      date: `${start}-08-15`,
      issuer: "Chính phủ",
      summary:
        "Quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; hướng dẫn thi hành Luật Thi đua, khen thưởng",
      link: "https://vanban.chinhphu.vn/nd-152-2025",
      news: "Chủ tịch UBND xã tặng Giấy khen cho trường do xã quản lý; hồ sơ rút gọn.",
      changes: ["INDIVIDUAL", "COLLECTIVE", "RIGHTS"],
      deadline: `${start}-10-15`,
    }),
    entry("VB-02", {
      number: "15/2025/TT-BNV",
      date: `${start}-08-20`,
      issuer: "Bộ Nội vụ",
      summary: "Quy định biện pháp thi hành Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP",
      changes: ["INDIVIDUAL", "COLLECTIVE"],
      deadline: `${start}-10-15`,
    }),
    entry("VB-03", {
      number: `125/QĐ-UBND`,
      date: `${start}-09-10`,
      issuer: "Ủy ban nhân dân tỉnh",
      summary: "Ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh",
      changes: ["COLLECTIVE", "RIGHTS"],
    }),
    entry("VB-04", {
      number: `1850/HD-SGDĐT`,
      date: `${start}-09-20`,
      issuer: departmentName,
      summary: `Hướng dẫn công tác thi đua, khen thưởng năm học ${year}`,
      news: "Đăng ký thi đua trước 15/10; tiêu chí chấm điểm cụm, khối mới.",
      changes: ["INDIVIDUAL", "COLLECTIVE"],
    }),
    entry("VB-05", {
      number: "06/2022/QH15",
      date: "2022-06-15",
      issuer: "Quốc hội",
      summary: "Luật Thi đua, khen thưởng",
      requiresBriefing: false,
    }),
    entry("VB-06", {
      number: "07/2026/TT-BGDĐT",
      date: `${start + 1}-05-20`,
      issuer: "Bộ Giáo dục và Đào tạo",
      summary: "Hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục",
      changes: ["INDIVIDUAL"],
    }),
  ];
}

/** The autumn documents a session covers, by pattern (VB-06 comes in May: only complete schools). */
const AUTUMN = ["VB-01", "VB-02", "VB-03", "VB-04"] as const;

interface DutiesContext {
  year: string;
  departmentUnitId: string;
  departmentName: string;
  /** Schools whose records are complete whatever their place (the two sample schools). */
  complete: ReadonlySet<string>;
  /** The school that also holds courses of its own. */
  showcase: string;
}

export function dutiesSample(
  units: readonly Unit[],
  people: readonly Person[],
  context: DutiesContext,
  random: Random,
): DutiesSample {
  const { year } = context;
  const start = startYearOf(year);
  const sample: DutiesSample = {
    legalDocuments: register(year, context.departmentName),
    briefingSessions: [],
    acknowledgements: [],
    emulationOfficers: [],
    trainingCourses: [],
    trainingAttendance: [],
    exchangeVisits: [],
  };
  // The Department's course of each of the four years: the window of three, and one before it.
  const departmentCourse = (courseYear: string): TrainingCourse => ({
    unitId: context.departmentUnitId,
    year: courseYear,
    code: `TH-SO-${courseYear.slice(5)}`,
    organiser: "SO",
    title: "Tập huấn nghiệp vụ công tác thi đua, khen thưởng",
    date: `${startYearOf(courseYear)}-10-${pad2(10 + (startYearOf(courseYear) % 10))}`,
    place: "Hội trường Sở Giáo dục và Đào tạo",
    planned: units.length * 2,
  });
  const courseYears = [year, previousSchoolYear(year), previousSchoolYear(previousSchoolYear(year))];
  const beforeWindow = previousSchoolYear(courseYears[2] ?? year);
  const departmentCourses = [...courseYears, beforeWindow].map(departmentCourse);
  sample.trainingCourses.push(...departmentCourses);

  const staffByUnit = new Map<string, Person[]>();
  for (const person of people) {
    if (person.withdrawn) continue;
    const list = staffByUnit.get(person.unitId);
    if (list) list.push(person);
    else staffByUnit.set(person.unitId, [person]);
  }
  const ordered = [...units].sort((a, b) => (a.id < b.id ? -1 : 1));
  ordered.forEach((unit, index) => {
    const staff = staffByUnit.get(unit.id) ?? [];
    const complete = context.complete.has(unit.id);
    briefing(sample, unit, staff, briefingPatternOf(index, complete), complete, context, random);
    officers(sample, unit, staff, officerPatternOf(index, complete), departmentCourses, random);
    if (complete || index % 3 === 0) visits(sample, unit, staff, complete, start);
  });
  const showcase = ordered.find((unit) => unit.id === context.showcase);
  if (showcase) unitTraining(sample, showcase, staffByUnit.get(showcase.id) ?? [], start);
  return sample;
}

function briefing(
  sample: DutiesSample,
  unit: Unit,
  staff: readonly Person[],
  pattern: BriefingPattern,
  complete: boolean,
  context: DutiesContext,
  random: Random,
): void {
  const start = startYearOf(context.year);
  const covered: string[] =
    pattern === "NO_SESSION" ? [] : pattern === "PARTIAL" ? ["VB-01", "VB-02"] : [...AUTUMN];
  const attendRate = complete ? 0.95 : 0.6 + random.next() * 0.3;
  const readRate = complete ? 0.9 : 0.4 + random.next() * 0.4;
  const attendees = new Set(
    staff.filter(() => covered.length > 0 && random.chance(attendRate)).map((p) => p.id),
  );
  const date =
    pattern === "LATE" ? `${start}-11-${pad2(random.int(3, 25))}` : `${start}-10-${pad2(random.int(1, 14))}`;
  if (covered.length > 0)
    sample.briefingSessions.push({
      unitId: unit.id,
      year: context.year,
      code: "HN-01",
      date,
      attendees: attendees.size,
      documentCodes: covered,
      ...(complete || random.chance(0.6)
        ? { portalLink: `https://${unit.id}.edu.example.vn/van-ban/quan-triet` }
        : {}),
    });
  const late: string[] = complete ? ["VB-06"] : [];
  if (complete)
    sample.briefingSessions.push({
      unitId: unit.id,
      year: context.year,
      code: "HN-02",
      date: `${start + 1}-05-25`,
      attendees: staff.length,
      documentCodes: late,
      portalLink: `https://${unit.id}.edu.example.vn/van-ban/tt-07-2026`,
    });
  for (const person of staff) {
    const attended = attendees.has(person.id) ? [...covered] : [];
    if (complete) attended.push(...late);
    const read = AUTUMN.filter((code) => !attended.includes(code) && random.chance(readRate));
    if (attended.length + read.length === 0) continue;
    sample.acknowledgements.push({
      unitId: unit.id,
      year: context.year,
      personId: person.id,
      read,
      attended,
      date: attended.length > 0 ? date : `${start}-12-${pad2(random.int(1, 20))}`,
    });
  }
}

function officers(
  sample: DutiesSample,
  unit: Unit,
  staff: readonly Person[],
  pattern: OfficerPattern,
  departmentCourses: readonly TrainingCourse[],
  random: Random,
): void {
  if (pattern === "NO_OFFICER") return;
  const officer =
    staff.find((person) => person.email?.startsWith("tdkt.")) ??
    staff.find((person) => person.group === "Tổ Văn phòng");
  const vice = staff.find((person) => person.position?.startsWith("Phó"));
  const chosen = [officer, ...(random.chance(0.5) && vice ? [vice] : [])].filter(
    (person): person is Person => person !== undefined,
  );
  chosen.forEach((person, index) => {
    sample.emulationOfficers.push({
      unitId: unit.id,
      personId: person.id,
      decisionNo: `${random.int(10, 120)}/QĐ-${unit.abbreviation}`,
      decisionDate: `${startYearOf(departmentCourses[0]?.year ?? "2025-2026")}-08-${pad2(20 + index)}`,
      qualifications:
        index === 0 ? "Cử nhân; bồi dưỡng nghiệp vụ văn thư, thi đua" : "Thạc sĩ quản lý giáo dục",
      phone: `09${String(random.int(10_000_000, 99_999_999))}`,
      ...(person.email ? { email: person.email } : {}),
    });
    const attend = (course: TrainingCourse | undefined, result: TrainingResult) => {
      if (course)
        sample.trainingAttendance.push({
          unitId: unit.id,
          year: course.year,
          courseCode: course.code,
          personId: person.id,
          result,
        });
    };
    const [current, last, twoAgo, before] = departmentCourses;
    if (pattern === "NEVER_PASSED") {
      attend(current, index === 0 ? "KHONG_DAT" : "VANG");
      attend(last, "VANG");
    } else if (pattern === "TRAINED_BEFORE_WINDOW") attend(before, "DAT");
    else if (index === 0) attend([current, last, twoAgo][random.int(0, 2)], "DAT");
    else attend(current, random.chance(0.5) ? "DAT" : "KHONG_DAT");
  });
}

function visits(
  sample: DutiesSample,
  unit: Unit,
  staff: readonly Person[],
  complete: boolean,
  start: number,
): void {
  const participants = staff
    .filter((person) => person.position !== "Giáo viên")
    .slice(0, 3)
    .map((p) => p.id);
  if (participants.length === 0) return;
  const year = `${start}-${start + 1}`;
  sample.exchangeVisits.push({
    unitId: unit.id,
    year,
    code: "GL-01",
    date: `${start + 1}-03-12`,
    host: "Trường điển hình tiên tiến trong tỉnh",
    scope: "IN_PROVINCE",
    participantIds: participants,
    lessons: "Cách tổ chức đăng ký thi đua và theo dõi cam kết theo từng tổ.",
  });
  if (complete)
    sample.exchangeVisits.push({
      unitId: unit.id,
      year,
      code: "GL-02",
      date: `${start + 1}-04-20`,
      host: "Trường THCS Nguyễn Trãi, tỉnh Nghệ An",
      scope: "OUT_OF_PROVINCE",
      participantIds: participants.slice(0, 2),
      lessons: "Số hóa hồ sơ thi đua, khen thưởng; công khai trên cổng thông tin.",
    });
}

/** The showcase school's own courses: one held for its tổ trưởng, one planned for the summer. */
function unitTraining(sample: DutiesSample, unit: Unit, staff: readonly Person[], start: number): void {
  const year = `${start}-${start + 1}`;
  const heads = staff.filter((person) => person.position === "Tổ trưởng" || person.position === "Tổ phó");
  sample.trainingCourses.push(
    {
      unitId: unit.id,
      year,
      code: "TH-01",
      organiser: "DON_VI",
      title: "Bồi dưỡng nghiệp vụ thi đua, khen thưởng cho tổ trưởng, tổ phó",
      date: `${start}-11-15`,
      place: "Phòng họp nhà trường",
      planned: heads.length,
    },
    {
      unitId: unit.id,
      year,
      code: "TH-02",
      organiser: "DON_VI",
      title: "Hướng dẫn lập hồ sơ đề nghị khen thưởng theo Thông tư 07/2026/TT-BGDĐT",
      date: `${start + 1}-07-10`,
      place: "Phòng họp nhà trường",
      planned: staff.length,
    },
  );
  heads.forEach((person, index) => {
    sample.trainingAttendance.push({
      unitId: unit.id,
      year,
      courseCode: "TH-01",
      personId: person.id,
      result: index === 0 ? "VANG" : index === 1 ? "KHONG_DAT" : "DAT",
    });
  });
}

/** The seed's documents of the sample, at the paths and ids the tabs give the same rows. */
export function* dutiesDocuments(sample: DutiesSample): Generator<IndexedWrite> {
  for (const document of sample.legalDocuments)
    yield { path: documentPath("legalDocuments", document.code, document.year), data: document };
  for (const session of sample.briefingSessions)
    yield {
      path: documentPath("briefingSessions", joinId(session.unitId, session.code), session.year),
      data: session,
    };
  for (const ack of sample.acknowledgements)
    yield { path: documentPath("acknowledgements", joinId(ack.unitId, ack.personId), ack.year), data: ack };
  for (const officer of sample.emulationOfficers)
    yield {
      path: `${COLLECTIONS.emulationOfficers}/${joinId(officer.unitId, officer.personId)}`,
      data: officer,
    };
  for (const course of sample.trainingCourses)
    yield {
      path: documentPath("trainingCourses", joinId(course.unitId, course.code), course.year),
      data: course,
    };
  for (const row of sample.trainingAttendance)
    yield {
      path: documentPath("trainingAttendance", joinId(row.unitId, row.courseCode, row.personId), row.year),
      data: row,
    };
  for (const visit of sample.exchangeVisits)
    yield { path: documentPath("exchangeVisits", joinId(visit.unitId, visit.code), visit.year), data: visit };
}

export const dutiesCount = (sample: DutiesSample): number =>
  Object.values(sample).reduce((sum, list: readonly unknown[]) => sum + list.length, 0);
