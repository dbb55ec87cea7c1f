/**
 * The inputs of the demo's documents that the dossier service does not derive (báo cáo thành tích,
 * bản đăng ký, the Department's set), taken from the seeded province itself: the showcase school's
 * own people, records, initiatives and awards, and the Department's proposals for the units it manages.
 * One sample world: no name here that the province does not hold. Until the year-end aggregation
 * exists, the Department's selection is a plain reading of the stored data, not a judgement.
 */

import type { BaoCaoInput } from "../src/documents/bao-cao.js";
import type { BienBanHopInput } from "../src/documents/bien-ban.js";
import type { DangKyInput } from "../src/documents/dang-ky.js";
import type { DanhSachInput } from "../src/documents/danh-sach.js";
import type { Agency, Signer } from "../src/documents/inputs.js";
import type { QuyetDinhInput } from "../src/documents/quyet-dinh.js";
import type { ToTrinhInput } from "../src/documents/to-trinh.js";
import type { AwardCode } from "../src/domain/codes.js";
import { awardCodeLabels } from "../src/domain/messages/index.js";
import type { Person, Unit } from "../src/domain/model.js";
import { formatDateVi } from "../src/domain/text.js";
import { DEPARTMENT_UNIT_ID, type Province } from "./province.js";

export interface SchoolSet {
  baoCaoCaNhan: BaoCaoInput;
  baoCaoTapThe: BaoCaoInput;
  dangKyCaNhan: DangKyInput;
  dangKyTapThe: DangKyInput;
}

export interface DepartmentSet {
  toTrinh: ToTrinhInput;
  bienBanHop: BienBanHopInput;
  danhSachCaNhan: DanhSachInput;
  danhSachTapThe: DanhSachInput;
  quyetDinh: QuyetDinhInput;
}

const previousYear = (year: string): string => `${Number(year.slice(0, 4)) - 1}-${year.slice(0, 4)}`;

/** A school's staff, records and ledger, as the store holds them. */
class UnitView {
  readonly staff: Person[];
  constructor(
    readonly province: Province,
    readonly unit: Unit,
    readonly year: string,
  ) {
    this.staff = province.people.filter((person) => person.unitId === unit.id && !person.withdrawn);
  }

  get agency(): Agency {
    const { unit } = this;
    return {
      parentName: unit.managingBodyName,
      name: unit.name,
      abbreviation: unit.abbreviation,
      place: unit.place,
    };
  }

  get principal(): Signer {
    return {
      title: "Hiệu trưởng",
      name: this.unit.principalName ?? this.byPosition("Hiệu trưởng")[0]?.fullName ?? "",
    };
  }

  byPosition(position: string): Person[] {
    return this.staff.filter((person) => person.position === position);
  }

  ratingOf(subjectId: string, year = this.year) {
    return this.province.records.find((record) => record.year === year && record.subjectId === subjectId)
      ?.rating;
  }

  awardsOf(subjectId: string) {
    return this.province.awards
      .filter((award) => award.subjectId === subjectId && award.unitId === this.unit.id)
      .sort((a, b) => a.year.localeCompare(b.year));
  }

  votesFor(target: AwardCode) {
    return this.province.votes.filter(
      (vote) => vote.year === this.year && vote.unitId === this.unit.id && vote.target === target,
    );
  }

  proposalsFor(target: AwardCode) {
    return this.province.proposals.filter(
      (proposal) =>
        proposal.year === this.year && proposal.unitId === this.unit.id && proposal.target === target,
    );
  }

  person(id: string): Person | undefined {
    return this.staff.find((person) => person.id === id);
  }

  /** "Tổ trưởng Tổ Toán - Tin", "Giáo viên Tổ Ngữ văn", "Hiệu trưởng". */
  positionOf(person: Person): string {
    const position = person.position ?? "Giáo viên";
    return person.group && person.group !== "Ban Giám hiệu" ? `${position} ${person.group}` : position;
  }

  ratingCounts(): string {
    const counts = new Map<string, number>();
    for (const person of this.staff) {
      const rating = this.ratingOf(person.id);
      if (rating) counts.set(rating, (counts.get(rating) ?? 0) + 1);
    }
    return ["HTXS", "HTT", "HT", "KHT"].map((rating) => `${rating} ${counts.get(rating) ?? 0}`).join(", ");
  }
}

function unitOf(province: Province, unitId: string): Unit {
  const unit = province.units.find((candidate) => candidate.id === unitId);
  if (!unit) throw new Error(`the sample province has no unit ${unitId}`);
  return unit;
}

const decisionLine = (award: { decisionNo?: string; decisionDate?: string; issuer?: string }): string =>
  [
    award.decisionNo ? `Số ${award.decisionNo}` : undefined,
    award.decisionDate ? `ngày ${formatDateVi(award.decisionDate)}` : undefined,
    award.issuer ? `của ${award.issuer}` : undefined,
  ]
    .filter(Boolean)
    .join(" ");

/**
 * The showcase school's báo cáo and bản đăng ký: the report of its best-supported CSTĐCS candidate
 * (the most CSTĐCS awards already), the school's own report for TTLĐTT, the registration of the
 * next candidate and the school's registration, all from its stored data.
 */
export function showcaseSchoolSet(province: Province, unitId: string, year: string): SchoolSet {
  const view = new UnitView(province, unitOf(province, unitId), year);
  const { unit } = view;
  const candidates = view
    .votesFor("CSTD_CS")
    .map((vote) => view.person(vote.subjectId))
    .filter((person): person is Person => person !== undefined)
    .sort((a, b) => count(view.awardsOf(b.id), "CSTD_CS") - count(view.awardsOf(a.id), "CSTD_CS"));
  const [reported, registered] = candidates;
  if (!reported || !registered) throw new Error(`${unitId} has fewer than two CSTĐCS candidates`);
  const initiatives = province.initiatives.filter((initiative) => initiative.ownerIds.includes(reported.id));
  const recentAwardsOf = (subjectId: string) =>
    view
      .awardsOf(subjectId)
      .filter((award) => award.year >= previousYear(previousYear(year)))
      .map((award) => ({ year: award.year, code: award.code, decision: decisionLine(award) || award.year }));
  const groupLeader = (person: Person) =>
    view.staff.find((other) => other.group === person.group && other.position === "Tổ trưởng");
  const leader = groupLeader(registered);
  const ldtt = view.proposalsFor("LDTT").length;
  const cstdcs = view.votesFor("CSTD_CS").length;
  const address = `${unit.address ?? `xã ${unit.place}`}, tỉnh ${province.name}`;

  return {
    baoCaoCaNhan: {
      kind: "individual",
      issuer: view.agency,
      date: `${year.slice(5)}-05-18`,
      schoolYear: year,
      proposed: "CSTD_CS",
      fullName: reported.fullName,
      birthDate: reported.birthDate ?? `${year.slice(0, 4)}-01-01`,
      gender: reported.gender,
      workplace: unit.name,
      position: view.positionOf(reported),
      duties: `Giảng dạy và thực hiện nhiệm vụ của ${reported.group ?? "tổ chuyên môn"}.`,
      achievements: [
        `Năm học ${year} được đánh giá, xếp loại ${view.ratingOf(reported.id) ?? "HTT"}.`,
        ...initiatives
          .filter((initiative) => initiative.year >= previousYear(year))
          .map(
            (initiative) =>
              `Sáng kiến “${initiative.title}” được công nhận (${decisionLine(initiative) || initiative.year}).`,
          ),
      ],
      priorAwards: recentAwardsOf(reported.id),
      certifier: view.principal,
    },
    baoCaoTapThe: {
      kind: "collective",
      issuer: view.agency,
      date: `${year.slice(5)}-05-18`,
      schoolYear: year,
      proposed: "TTLDTT",
      name: unit.name,
      address,
      history: `Trường trực thuộc ${unit.managingBodyName}.`,
      structure: `${view.staff.length} cán bộ, giáo viên, nhân viên; ${view.byPosition("Phó Hiệu trưởng").length} Phó Hiệu trưởng; ${new Set(view.staff.map((person) => person.group)).size - 1} tổ.`,
      organisations: "Chi bộ, Công đoàn và Chi đoàn của nhà trường.",
      duties: "Tổ chức dạy học và giáo dục học sinh theo chương trình giáo dục phổ thông.",
      achievements: [
        `Năm học ${year}: ${view.ratingCounts()}; ${ldtt} cá nhân được đề nghị Lao động tiên tiến, ${cstdcs} cá nhân Chiến sĩ thi đua cơ sở.`,
      ],
      priorAwards: recentAwardsOf(unit.id),
      head: view.principal,
    },
    dangKyCaNhan: {
      kind: "individual",
      issuer: view.agency,
      date: `${year.slice(0, 4)}-09-20`,
      schoolYear: year,
      recipient: `Hội đồng Thi đua - Khen thưởng ${unit.name}`,
      fullName: registered.fullName,
      birthYear: Number((registered.birthDate ?? year).slice(0, 4)),
      position: registered.position ?? "Giáo viên",
      group: (registered.group ?? "Tổ chuyên môn").replace(/^Tổ /, ""),
      titles: ["LDTT", "CSTD_CS"],
      commitments: [
        { key: "ty_le_kha_gioi", label: "Tỷ lệ học sinh khá, giỏi môn phụ trách", target: 70, unit: "%" },
        { key: "hsg", label: "Học sinh giỏi cấp tỉnh", target: 2, unit: "học sinh" },
        { key: "sang_kien", label: "Sáng kiến được công nhận", target: 1, unit: "sáng kiến" },
      ],
      ...(leader && leader.id !== registered.id
        ? { groupLeader: { title: "Tổ trưởng", name: leader.fullName } }
        : {}),
    },
    dangKyTapThe: {
      kind: "collective",
      issuer: view.agency,
      date: `${year.slice(0, 4)}-09-25`,
      schoolYear: year,
      recipient: `Chủ tịch ${unit.managingBodyName}`,
      staffCount: view.staff.length,
      individualsLdtt: ldtt,
      individualsCstdcs: cstdcs,
      titles: ["TTLDTT"],
      commitments: [
        { key: "duy_tri_si_so", label: "Tỷ lệ duy trì sĩ số", target: 99.5, unit: "%" },
        {
          key: "hoan_thanh_chuong_trinh",
          label: "Tỷ lệ học sinh hoàn thành chương trình",
          target: 98,
          unit: "%",
        },
      ],
      head: view.principal,
    },
  };
}

function count(awards: readonly { code: string }[], code: AwardCode): number {
  return awards.filter((award) => award.code === code).length;
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
