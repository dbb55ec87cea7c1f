/**
 * The Department's set of `tdkt demo`, taken from the seeded province: the units the Sở manages,
 * their people and records, and the Department's own accounts. One sample world: no name here that
 * the province does not hold. Until the year-end aggregation exists, the selection is a plain
 * reading of the stored data, not a judgement.
 */

import type { BienBanHopInput } from "../src/documents/bien-ban.js";
import type { DanhSachInput } from "../src/documents/danh-sach.js";
import type { Agency, Signer } from "../src/documents/inputs.js";
import type { QuyetDinhInput } from "../src/documents/quyet-dinh.js";
import type { ToTrinhInput } from "../src/documents/to-trinh.js";
import { awardCodeLabels } from "../src/domain/messages/index.js";
import { DEPARTMENT_UNIT_ID, type Province } from "./province.js";
import { previousYear, UnitView } from "./unit-view.js";

export interface DepartmentSet {
  toTrinh: ToTrinhInput;
  bienBanHop: BienBanHopInput;
  danhSachCaNhan: DanhSachInput;
  danhSachTapThe: DanhSachInput;
  quyetDinh: QuyetDinhInput;
}

/** The Quy chế the sample quyết định cites, as a Department configures it for the year. */
const PROVINCE_RULES = {
  kind: "QUY_CHE_TINH",
  citation:
    "Quyết định số 12/2025/QĐ-UBND ngày 10 tháng 9 năm 2025 của Ủy ban nhân dân tỉnh ban hành Quy định về công tác thi đua, khen thưởng",
} as const;

/**
 * The Department's set for the units it manages: to the Chủ tịch UBND tỉnh, a Bằng khen for each
 * person rated HTXS now with CSTĐCS in the two years before, and the Cờ thi đua for each unit that
 * leads its cluster; its own quyết định recognises the CSTĐCS its schools' councils voted (≥ 80 %).
 * Its people are the Department's accounts: the Giám đốc (the council's chair) signs, the first
 * specialist keeps the minutes.
 */
export function departmentSet(province: Province, year: string): DepartmentSet {
  const managed = province.units.filter((unit) => unit.managingAuthority === "SO_GDDT");
  if (managed.length === 0) throw new Error("the sample province has no Department-managed unit");
  const views = managed.map((unit) => new UnitView(province, unit, year));
  const departmentUser = (role: string) =>
    province.users.find((user) => user.unitId === DEPARTMENT_UNIT_ID && user.role === role)?.displayName;
  const director = departmentUser("COUNCIL_MEMBER");
  const secretary = departmentUser("DEPT_SPECIALIST");
  if (!director || !secretary) throw new Error("the sample Department needs its Giám đốc and a specialist");
  const signer: Signer = { title: "Giám đốc", name: director };
  const agency: Agency = {
    parentName: `Ủy ban nhân dân tỉnh ${province.name}`,
    name: "Sở Giáo dục và Đào tạo",
    abbreviation: "SGDĐT",
    place: province.name,
  };

  const individuals = views.flatMap((view) =>
    view.staff
      .filter(
        (person) =>
          view.ratingOf(person.id) === "HTXS" &&
          [previousYear(year), previousYear(previousYear(year))].every((prior) =>
            view.awardsOf(person.id).some((award) => award.year === prior && award.code === "CSTD_CS"),
          ),
      )
      .map((person) => ({ view, person })),
  );
  const collectives = views.filter((view) =>
    province.records.some(
      (record) => record.year === year && record.subjectId === view.unit.id && record.leadsCluster,
    ),
  );
  if (individuals.length === 0 && collectives.length === 0)
    throw new Error("the Department has nothing to propose in the sample province");
  const entries: {
    code: "BK_CT_UBND_TINH" | "CO_TD_TINH";
    subjectKind: "individual" | "collective";
    subjectId: string;
    name: string;
  }[] = [
    ...individuals.map(({ person }) => ({
      code: "BK_CT_UBND_TINH" as const,
      subjectKind: "individual" as const,
      subjectId: person.id,
      name: person.fullName,
    })),
    ...collectives.map((view) => ({
      code: "CO_TD_TINH" as const,
      subjectKind: "collective" as const,
      subjectId: view.unit.id,
      name: view.unit.name,
    })),
  ];
  const reference = { number: 41, date: `${year.slice(5)}-07-10` };
  const meetingDate = `${year.slice(5)}-07-03`;
  const members = 9;
  const recognised = views.flatMap((view) =>
    view
      .votesFor("CSTD_CS")
      .filter((vote) => vote.agree * 5 >= vote.members * 4)
      .flatMap((vote) => {
        const person = view.person(vote.subjectId);
        return person ? [{ view, person }] : [];
      }),
  );
  const firstSchool = views[0] as UnitView;

  return {
    toTrinh: {
      issuer: agency,
      number: reference.number,
      date: reference.date,
      schoolYear: year,
      recipients: ["Chủ tịch Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"],
      decider: "Chủ tịch Ủy ban nhân dân tỉnh",
      councilMeeting: { number: "07/BB-SGDĐT", date: meetingDate },
      entries,
      signer,
    },
    bienBanHop: {
      issuer: agency,
      number: 7,
      schoolYear: year,
      meeting: {
        date: meetingDate,
        startTime: "08:00",
        endTime: "11:00",
        location: "Phòng họp Sở Giáo dục và Đào tạo",
        members,
        present: members,
        absentees: [],
        chair: { name: director, title: "Giám đốc Sở, Chủ tịch Hội đồng" },
        secretary: { name: secretary, title: "Chuyên viên, Thư ký Hội đồng" },
      },
      votes: entries.map((entry) => ({
        name: entry.name,
        target: entry.code,
        issued: members,
        returned: members,
        valid: members,
        agree: members,
      })),
      entries,
    },
    danhSachCaNhan: {
      kind: "individual",
      issuer: agency,
      schoolYear: year,
      proposalRef: reference,
      rows: individuals.map(({ view, person }) => ({
        code: "BK_CT_UBND_TINH",
        fullName: person.fullName,
        gender: person.gender,
        birthDate: person.birthDate ?? `${year.slice(0, 4)}-01-01`,
        ethnicity: person.ethnicity,
        positionAndUnit: `${view.positionOf(person)}, ${view.unit.name}`,
        rating: "HTXS",
        priorAwards: `${awardCodeLabels.CSTD_CS} ${previousYear(previousYear(year))}, ${previousYear(year)}`,
      })),
    },
    danhSachTapThe: {
      kind: "collective",
      issuer: agency,
      schoolYear: year,
      proposalRef: reference,
      rows: collectives.map((view) => ({
        code: "CO_TD_TINH",
        name: view.unit.name,
        parentUnit: "Sở Giáo dục và Đào tạo",
        members: view.staff.length,
        ldttCount: view.proposalsFor("LDTT").length,
        cstdcsCount: view.votesFor("CSTD_CS").length,
        ratingBreakdown: view.ratingCounts(),
        rating: view.ratingOf(view.unit.id) ?? "HTT",
        achievements: "Dẫn đầu cụm thi đua",
      })),
    },
    quyetDinh: {
      issuer: agency,
      number: 512,
      date: `${year.slice(5)}-07-15`,
      schoolYear: year,
      issuerTitle: "Giám đốc Sở Giáo dục và Đào tạo",
      legalTexts: [PROVINCE_RULES],
      proposalRef: `Tờ trình số 05/TTr-${firstSchool.unit.abbreviation} ngày 20/5/${year.slice(5)} của ${firstSchool.unit.name}`,
      advisor: "Trưởng phòng Tổ chức cán bộ",
      fundSource: "quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
      executors: [
        "Chánh Văn phòng Sở",
        "Trưởng phòng Tổ chức cán bộ",
        ...views.map((view) => `Hiệu trưởng ${view.unit.name}`),
      ],
      entries: recognised.map(({ view, person }) => ({
        code: "CSTD_CS",
        subjectKind: "individual",
        name: person.fullName,
        positionAndUnit: `${view.positionOf(person)}, ${view.unit.name}`,
      })),
      signer,
    },
  };
}
