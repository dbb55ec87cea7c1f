/**
 * The Department's side of `tdkt demo`: what its dossier needs beyond the stored data — the
 * Department as it signs, its council's meeting and what its quyết định names — taken from the
 * seeded province. Which proposals the set carries is not chosen here: the dossier service takes
 * them from the year's consolidation (services/department-dossier.ts). One sample world: its people
 * are the Department's own accounts; the Giám đốc (the council's chair) signs, the first specialist
 * keeps the minutes.
 */
import type { DepartmentDossierOptions } from "../src/services/dossier/options.js";
import { DEPARTMENT_UNIT_ID, type Province } from "./province.js";

export function departmentOptions(province: Province, year: string): DepartmentDossierOptions {
  const departmentUser = (role: string) =>
    province.users.find((user) => user.unitId === DEPARTMENT_UNIT_ID && user.role === role)?.displayName;
  const director = departmentUser("COUNCIL_MEMBER");
  const secretary = departmentUser("DEPT_SPECIALIST");
  if (!director || !secretary) throw new Error("the sample Department needs its Giám đốc and a specialist");
  const members = Math.max(
    ...province.votes
      .filter((vote) => vote.unitId === DEPARTMENT_UNIT_ID && vote.year === year)
      .map((vote) => vote.members),
  );
  const endYear = year.slice(5);
  return {
    date: `${endYear}-07-10`,
    issuer: {
      parentName: `Ủy ban nhân dân tỉnh ${province.name}`,
      name: "Sở Giáo dục và Đào tạo",
      abbreviation: "SGDĐT",
      place: province.name,
    },
    signer: { title: "Giám đốc", name: director },
    recipients: ["Chủ tịch Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"],
    meeting: {
      date: `${endYear}-07-03`,
      startTime: "08:00",
      endTime: "11:00",
      location: "Phòng họp Sở Giáo dục và Đào tạo",
      members,
      present: members,
      absentees: [],
      chair: { name: director, title: "Giám đốc Sở, Chủ tịch Hội đồng" },
      secretary: { name: secretary, title: "Chuyên viên, Thư ký Hội đồng" },
    },
    decision: {
      advisor: "Trưởng phòng Tổ chức cán bộ",
      fundSource: "quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
      executors: ["Chánh Văn phòng Sở", "Trưởng phòng Tổ chức cán bộ"],
    },
  };
}
