/**
 * The open year's cụm/khối ranking data (docs/domain.md §18): the Department's criteria groups (shared,
 * and one khối's own), each school's quality commitments with the values achieved at year end, some
 * teachers' personal commitments, and the Thường trực's scores of some units. One school reports no
 * achieved values and has no manual score: the ranking's missing-data rule has a case to show.
 */
import type { CriteriaGroup, ManualScore, Person, Registration, Unit } from "../src/domain/model.js";
import type { Random } from "./prng.js";

export interface RankingSample {
  criteria: CriteriaGroup[];
  registrations: Registration[];
  manualScores: ManualScore[];
}

/** The criteria of every cụm/khối, and the khối GDTX's own weight on commitments. */
const criteriaOf = (year: string): CriteriaGroup[] => [
  {
    year,
    code: "cam-ket",
    name: "Thực hiện cam kết chất lượng",
    source: "COMMITMENTS",
    maxScore: 30,
    weight: 1,
  },
  {
    year,
    code: "xep-loai",
    name: "Xếp loại, danh hiệu của đơn vị",
    source: "UNIT_TITLES",
    maxScore: 20,
    weight: 1,
  },
  {
    year,
    code: "ca-nhan",
    name: "Kết quả của cán bộ, giáo viên",
    source: "MEMBER_RESULTS",
    maxScore: 20,
    weight: 1,
  },
  {
    year,
    code: "phong-trao",
    name: "Phong trào thi đua, chuyên đề",
    source: "MOVEMENTS",
    maxScore: 10,
    weight: 1,
  },
  {
    year,
    code: "kiem-tra",
    name: "Kết quả thanh tra, kiểm tra",
    source: "INSPECTION",
    maxScore: 10,
    weight: 1,
  },
  {
    year,
    code: "thuong-truc",
    name: "Điểm của Thường trực Hội đồng",
    source: "MANUAL",
    maxScore: 10,
    weight: 1,
  },
  {
    year,
    clusterId: "khoi-gdtx",
    code: "cam-ket",
    name: "Thực hiện chỉ tiêu giáo dục thường xuyên, hướng nghiệp",
    source: "COMMITMENTS",
    maxScore: 40,
    weight: 1,
  },
];

/** A school's chỉ tiêu chất lượng (docs/domain.md §9.5) and what it achieved, a little above or below. */
function unitCommitments(random: Random, reported: boolean): Registration["commitments"] {
  const percent = (target: number, spread: number) =>
    Math.min(100, Math.round((target + spread * random.normal()) * 10) / 10);
  const gifted = random.int(2, 12);
  const lines = [
    { key: "Tỷ lệ duy trì sĩ số (%)", target: 99, achieved: percent(99, 0.6) },
    { key: "Tỷ lệ chuyên cần (%)", target: 97, achieved: percent(97, 1.5) },
    { key: "Tỷ lệ lên lớp, tốt nghiệp (%)", target: 96, achieved: percent(96, 2) },
    { key: "Học sinh giỏi cấp tỉnh", target: gifted, achieved: Math.max(0, gifted + random.int(-3, 4)) },
    {
      key: "Kiểm định chất lượng",
      target: "Cấp độ 2",
      achieved: random.chance(0.8) ? "Cấp độ 2" : "Cấp độ 1",
    },
  ];
  return reported ? lines : lines.map(({ key, target }) => ({ key, target }));
}

export function rankingSample(
  year: string,
  units: readonly Unit[],
  people: readonly Person[],
  random: Random,
  /** The school that reports nothing at year end (the missing-data case). */
  unreportedUnitId: string,
): RankingSample {
  const registrations: Registration[] = [];
  const manualScores: ManualScore[] = [];
  const teachers = new Map<string, Person[]>();
  for (const person of people)
    if (person.position === "Tổ trưởng" && !person.withdrawn)
      teachers.set(person.unitId, [...(teachers.get(person.unitId) ?? []), person]);
  for (const unit of units) {
    const reported = unit.id !== unreportedUnitId;
    registrations.push({
      year,
      unitId: unit.id,
      subjectKind: "collective",
      subjectId: unit.id,
      titles: ["TTLDTT"],
      forms: [],
      commitments: unitCommitments(random, reported),
      registeredOn: `${year.slice(0, 4)}-09-25`,
    });
    // The heads of tổ commit to a sáng kiến and to their classes' results.
    for (const head of (teachers.get(unit.id) ?? []).slice(0, 2)) {
      const initiative = { key: "Sáng kiến", target: 1 };
      const results = { key: "Tỷ lệ học sinh khá, giỏi (%)", target: 80 };
      registrations.push({
        year,
        unitId: unit.id,
        subjectKind: "individual",
        subjectId: head.id,
        titles: ["LDTT", "CSTD_CS"],
        forms: [],
        commitments: reported
          ? [
              { ...initiative, achieved: random.chance(0.6) ? 1 : 0 },
              { ...results, achieved: Math.round(80 + 6 * random.normal()) },
            ]
          : [initiative, results],
        registeredOn: `${year.slice(0, 4)}-09-20`,
      });
    }
    if (reported && random.chance(0.6))
      manualScores.push({ year, unitId: unit.id, group: "thuong-truc", score: random.int(6, 10) });
  }
  return { criteria: criteriaOf(year), registrations, manualScores };
}
