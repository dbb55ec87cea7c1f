/**
 * The showcase school's side of `tdkt demo` that the dossier service does not derive: its council
 * meeting, báo cáo thành tích and bản đăng ký, taken from the seeded province itself (its own people,
 * records, initiatives and awards). One sample world: no name here that the province does not hold.
 */

import type { BaoCaoInput } from "../src/documents/bao-cao.js";
import type { DangKyInput } from "../src/documents/dang-ky.js";
import type { AwardCode } from "../src/domain/codes.js";
import type { Person } from "../src/domain/model.js";
import type { DossierOptions } from "../src/services/dossier/options.js";
import type { Province } from "./province.js";
import { decisionLine, previousYear, UnitView, unitOf } from "./unit-view.js";

export interface SchoolSet {
  baoCaoCaNhan: BaoCaoInput;
  baoCaoTapThe: BaoCaoInput;
  dangKyCaNhan: DangKyInput;
  dangKyTapThe: DangKyInput;
}

/**
 * The school council's meeting, which no tab stores: chaired by the principal, as the Điều lệ says,
 * its secretary and tellers teachers of the school, its members as many as its stored votes count.
 */
export function showcaseMeeting(province: Province, unitId: string, year: string): DossierOptions {
  const view = new UnitView(province, unitOf(province, unitId), year);
  const [secretary, ...tellers] = view.byPosition("Giáo viên").slice(-3);
  const members = Math.max(
    ...province.votes
      .filter((vote) => vote.unitId === unitId && vote.year === year)
      .map((vote) => vote.members),
  );
  return {
    date: `${year.slice(5)}-05-20`,
    meeting: {
      date: `${year.slice(5)}-05-15`,
      startTime: "14:00",
      endTime: "16:30",
      location: `Phòng họp ${view.unit.name}`,
      members,
      present: members,
      absentees: [],
      chair: { name: view.principal.name, title: "Hiệu trưởng, Chủ tịch Hội đồng" },
      secretary: { name: secretary?.fullName ?? "", title: "Giáo viên, Thư ký Hội đồng" },
    },
    tellers: { head: tellers[0]?.fullName ?? "", members: tellers.slice(1).map((person) => person.fullName) },
  };
}

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
