/**
 * The open year's tab "Minh chứng hiệu quả công việc" of the sample province: each school's own row
 * (the unit-level figures its managers are judged on) and a row for most people it proposes. Some
 * are left out on purpose, so the council's working list has flags to show: every tenth proposed
 * person has no row, every twentieth row lacks its attendance, and the last school of the province
 * (by id) sends no unit row, so its managers and its collective proposals are flagged.
 */
import { isManager, type MeritEvidence } from "../src/domain/merit-evidence.js";
import type { Person, Proposal, Unit } from "../src/domain/model.js";
import type { Random } from "./prng.js";

const QUALITY = [
  "Tỷ lệ học sinh đạt yêu cầu môn học trên 95%, không có học sinh lưu ban",
  "Chất lượng môn học cao hơn bình quân của tỉnh",
  "Học sinh khá, giỏi tăng so với đầu năm",
];
const MOVEMENTS = [
  'Tham gia phong trào "Thi đua đổi mới, sáng tạo trong dạy và học"',
  "Tham gia Hội thi giáo viên dạy giỏi cấp trường",
  "Tham gia cuộc vận động Mỗi thầy cô giáo là một tấm gương đạo đức, tự học và sáng tạo",
];

export function meritEvidenceSample(
  year: string,
  units: readonly Unit[],
  people: readonly Person[],
  proposals: readonly Proposal[],
  random: Random,
): MeritEvidence[] {
  const yearEnd = proposals.filter((proposal) => proposal.year === year && proposal.kind === "CONG_TRANG");
  const proposing = new Set(yearEnd.map((proposal) => proposal.unitId));
  const schools = units.filter((unit) => proposing.has(unit.id)).sort((a, b) => a.id.localeCompare(b.id));
  const silent = schools.at(-1)?.id;
  const pick = (list: readonly string[]) => list[random.int(0, list.length - 1)] ?? "";
  const rows: MeritEvidence[] = schools
    .filter((unit) => unit.id !== silent)
    .map((unit) => ({
      year,
      unitId: unit.id,
      subjectKind: "collective",
      subjectId: unit.id,
      quality: "Đạt và vượt chỉ tiêu chất lượng giáo dục",
      attendance: random.int(950, 995) / 10,
      retention: random.int(980, 1000) / 10,
      finance: "Không có sai phạm qua kiểm tra",
      staffCare: "Có, ưu tiên giáo viên đứng lớp",
      movements: pick(MOVEMENTS),
    }));
  const personById = new Map(people.map((person) => [person.id, person]));
  const subjects = [
    ...new Set(yearEnd.filter((p) => p.subjectKind === "individual").map((p) => p.subjectId)),
  ];
  subjects.forEach((subjectId, index) => {
    const person = personById.get(subjectId);
    if (!person || index % 10 === 9) return;
    const common = { year, unitId: person.unitId, subjectKind: "individual", subjectId } as const;
    // A manager's own row holds only what is his: the unit's figures are on the unit's row.
    if (isManager(person)) {
      rows.push({ ...common, movements: pick(MOVEMENTS) });
      return;
    }
    rows.push({
      ...common,
      quality: pick(QUALITY),
      ...(index % 20 === 4 ? {} : { attendance: random.int(940, 1000) / 10 }),
      ...(random.chance(0.4) ? { homeroom: "Lớp chủ nhiệm đạt danh hiệu Lớp tiên tiến" } : {}),
      ...(random.chance(0.2) ? { gifted: "Bồi dưỡng đội tuyển học sinh giỏi cấp tỉnh" } : {}),
      ...(random.chance(0.3) ? { remedial: "Phụ đạo học sinh chưa đạt, cuối năm đều đạt yêu cầu" } : {}),
      movements: pick(MOVEMENTS),
    });
  });
  return rows;
}
