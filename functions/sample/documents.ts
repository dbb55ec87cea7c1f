/**
 * A sample school's proposal (Trường THPT Lê Quý Đôn, Hà Tĩnh, năm học 2025-2026): the inputs of
 * every document kind, the reference renders of the tests (`tdkt demo` draws its inputs from the
 * seeded province instead: demo-sets.ts).
 */

import type { BaoCaoInput } from "../src/documents/bao-cao.js";
import type { BienBanHopInput, BienBanKiemPhieuInput, PhieuBauInput } from "../src/documents/bien-ban.js";
import type { DangKyInput } from "../src/documents/dang-ky.js";
import type { DanhSachInput } from "../src/documents/danh-sach.js";
import type { QuyetDinhInput } from "../src/documents/quyet-dinh.js";
import type { SoTheoDoiInput } from "../src/documents/so-theo-doi.js";
import type { ToTrinhInput } from "../src/documents/to-trinh.js";
import { awardId, proposalId, subjectYearId } from "../src/domain/document-ids.js";

export const sampleSchool = {
  parentName: "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
  name: "Trường THPT Lê Quý Đôn",
  abbreviation: "THPTLQĐ",
  place: "Hà Tĩnh",
};
const principal = { title: "Hiệu trưởng", name: "Phạm Quốc Dũng" };
const schoolYear = "2025-2026";

const people = [
  { name: "Nguyễn Thị Minh Anh", gender: "F", birthDate: "1984-02-03", position: "Tổ trưởng Tổ Toán - Tin" },
  { name: "Trần Văn Bình", gender: "M", birthDate: "1979-11-21", position: "Giáo viên Tổ Ngữ văn" },
  { name: "Lê Thị Châu", gender: "F", birthDate: "1990-06-15", position: "Giáo viên Tổ Tiếng Anh" },
  { name: "Đặng Quốc Đạt", gender: "M", birthDate: "1987-09-09", position: "Phó Hiệu trưởng" },
  { name: "Võ Thị Ánh Hồng", gender: "F", birthDate: "1992-01-30", position: "Nhân viên Tổ Văn phòng" },
] as const;

const sampleEntries: ToTrinhInput["entries"] = [
  ...people.map((person) => ({
    code: "LDTT" as const,
    subjectKind: "individual" as const,
    name: person.name,
  })),
  { code: "CSTD_CS", subjectKind: "individual", name: "Nguyễn Thị Minh Anh" },
  { code: "CSTD_CS", subjectKind: "individual", name: "Đặng Quốc Đạt" },
  { code: "TTLDTT", subjectKind: "collective", name: "Tổ Toán - Tin" },
];

export const sampleToTrinh: ToTrinhInput = {
  issuer: sampleSchool,
  number: 5,
  date: "2026-05-20",
  schoolYear,
  recipients: ["Giám đốc Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh"],
  decider: "Giám đốc Sở Giáo dục và Đào tạo",
  councilMeeting: { number: "02/BB-THPTLQĐ", date: "2026-05-15" },
  entries: sampleEntries,
  signer: principal,
};

export const sampleDanhSach: DanhSachInput = {
  kind: "individual",
  issuer: sampleSchool,
  schoolYear,
  proposalRef: { number: 5, date: "2026-05-20" },
  signer: principal,
  rows: sampleEntries
    .filter((entry) => entry.subjectKind === "individual")
    .map((entry) => {
      const person = people.find((candidate) => candidate.name === entry.name) ?? people[0];
      const cstd = entry.code === "CSTD_CS";
      return {
        code: entry.code,
        fullName: person.name,
        gender: person.gender,
        birthDate: person.birthDate,
        ethnicity: "Kinh",
        positionAndUnit: `${person.position}, Trường THPT Lê Quý Đôn`,
        rating: cstd ? "HTXS" : "HTT",
        initiatives: cstd
          ? "Sáng kiến “Dạy học Toán theo dự án”, cấp cơ sở, QĐ số 15/QĐ-THPTLQĐ ngày 20/4/2026"
          : undefined,
        priorAwards: cstd ? "LĐTT 2023-2024, 2024-2025" : undefined,
        achievements: cstd
          ? "Hoàn thành xuất sắc nhiệm vụ; 3 học sinh giỏi cấp tỉnh"
          : "Hoàn thành tốt nhiệm vụ",
        vote: cstd ? "9/9 (100%)" : undefined,
      };
    }),
};

export const sampleDanhSachTapThe: DanhSachInput = {
  kind: "collective",
  issuer: sampleSchool,
  schoolYear,
  proposalRef: { number: 5, date: "2026-05-20" },
  rows: [
    {
      code: "TTLDTT",
      name: "Tổ Toán - Tin",
      parentUnit: "Trường THPT Lê Quý Đôn",
      members: 12,
      ldttCount: 9,
      cstdcsCount: 1,
      ratingBreakdown: "HTXS 3, HTT 8, HT 1, KHT 0",
      rating: "HTXS",
      achievements: "Tỷ lệ học sinh khá, giỏi môn Toán 78%",
    },
  ],
};

export const sampleDanhSachHocSinh: DanhSachInput = {
  kind: "student",
  issuer: sampleSchool,
  schoolYear,
  proposalRef: { number: 6, date: "2026-03-10" },
  rows: [
    {
      code: "GK_GD_SO",
      fullName: "Hoàng Gia Bảo",
      birthDate: "2008-08-19",
      className: "12A1",
      school: "Trường THPT Lê Quý Đôn",
      competition: "Kỳ thi chọn học sinh giỏi quốc gia THPT năm 2026",
      subject: "Toán",
      prize: "Giải Nhì",
      prizeDecision: "QĐ số 512/QĐ-BGDĐT ngày 25/02/2026",
      supervisor: "Nguyễn Thị Minh Anh",
    },
  ],
};

const meeting = {
  date: "2026-05-15",
  startTime: "14:00",
  endTime: "16:30",
  location: "Phòng họp Trường THPT Lê Quý Đôn",
  members: 9,
  present: 9,
  chair: { name: "Phạm Quốc Dũng", title: "Hiệu trưởng, Chủ tịch Hội đồng" },
  secretary: { name: "Lê Thị Châu", title: "Thư ký Hội đồng" },
};
const votes = [
  { name: "Nguyễn Thị Minh Anh", target: "CSTD_CS", issued: 9, returned: 9, valid: 9, agree: 9 },
  { name: "Đặng Quốc Đạt", target: "CSTD_CS", issued: 9, returned: 9, valid: 9, agree: 8 },
] as const;

export const sampleBienBanHop: BienBanHopInput = {
  issuer: sampleSchool,
  number: 2,
  schoolYear,
  meeting,
  votes: [...votes],
  entries: sampleEntries,
};

export const sampleBienBanKiemPhieu: BienBanKiemPhieuInput = {
  issuer: sampleSchool,
  number: 3,
  schoolYear,
  meeting,
  votes: [...votes],
  tellers: { head: "Trần Văn Bình", members: ["Võ Thị Ánh Hồng", "Lê Thị Châu"] },
};

export const samplePhieuBau: PhieuBauInput = {
  issuer: sampleSchool,
  schoolYear,
  candidates: votes.map((vote) => ({
    name: vote.name,
    target: vote.target,
    position: people.find((person) => person.name === vote.name)?.position ?? "Giáo viên",
  })),
};

export const sampleBaoCaoCaNhan: BaoCaoInput = {
  kind: "individual",
  issuer: sampleSchool,
  date: "2026-05-18",
  schoolYear,
  proposed: "CSTD_CS",
  fullName: "Nguyễn Thị Minh Anh",
  birthDate: "1984-02-03",
  gender: "F",
  hometown: "Xã Thạch Hà, tỉnh Hà Tĩnh",
  residence: "Phường Thành Sen, tỉnh Hà Tĩnh",
  workplace: "Trường THPT Lê Quý Đôn",
  position: "Tổ trưởng Tổ Toán - Tin; Bí thư Chi đoàn giáo viên",
  qualification: "Thạc sĩ Toán học",
  duties: "Giảng dạy môn Toán các lớp 12A1, 12A2, 11A3; quản lý hoạt động chuyên môn của Tổ Toán - Tin.",
  achievements: [
    "Hoàn thành xuất sắc nhiệm vụ năm học 2025-2026; tỷ lệ học sinh khá, giỏi môn Toán các lớp phụ trách đạt 82%.",
    "Bồi dưỡng 03 học sinh đạt giải cấp tỉnh, 01 học sinh đạt giải Nhì kỳ thi chọn học sinh giỏi quốc gia.",
    "Sáng kiến “Dạy học Toán theo dự án” được công nhận cấp cơ sở (Quyết định số 15/QĐ-THPTLQĐ ngày 20/4/2026).",
  ],
  priorAwards: [
    { year: "2023-2024", code: "LDTT", decision: "Số 20/QĐ-THPTLQĐ ngày 30/5/2024 của Hiệu trưởng" },
    { year: "2024-2025", code: "LDTT", decision: "Số 22/QĐ-THPTLQĐ ngày 29/5/2025 của Hiệu trưởng" },
  ],
  certifier: principal,
};

export const sampleBaoCaoTapThe: BaoCaoInput = {
  kind: "collective",
  issuer: sampleSchool,
  date: "2026-05-18",
  schoolYear,
  proposed: "TTLDTT",
  name: "Tổ Toán - Tin",
  address: "Trường THPT Lê Quý Đôn, phường Thành Sen, tỉnh Hà Tĩnh",
  history: "Tổ được thành lập năm 1995 cùng với nhà trường.",
  structure: "12 giáo viên; tổ trưởng, 01 tổ phó.",
  organisations: "Các thành viên sinh hoạt tại Chi bộ và Công đoàn nhà trường.",
  duties: "Tổ chức dạy học các môn Toán, Tin học; bồi dưỡng học sinh giỏi.",
  achievements: [
    "100% giáo viên hoàn thành tốt nhiệm vụ trở lên; 9/12 giáo viên đạt danh hiệu Lao động tiên tiến.",
  ],
  head: { title: "Tổ trưởng", name: "Nguyễn Thị Minh Anh" },
  certifier: principal,
};

export const sampleDangKyCaNhan: DangKyInput = {
  kind: "individual",
  issuer: sampleSchool,
  date: "2025-09-20",
  schoolYear,
  recipient: "Hội đồng Thi đua - Khen thưởng Trường THPT Lê Quý Đôn",
  fullName: "Lê Thị Châu",
  birthYear: 1990,
  position: "Giáo viên",
  group: "Tiếng Anh",
  teaching: "Tiếng Anh lớp 10A1, 10A2; chủ nhiệm lớp 10A2",
  titles: ["LDTT", "CSTD_CS"],
  commitments: [
    { key: "ty_le_kha_gioi", label: "Tỷ lệ học sinh khá, giỏi môn Tiếng Anh", target: 70, unit: "%" },
    { key: "hsg_tinh", label: "Học sinh giỏi cấp tỉnh", target: 2, unit: "học sinh" },
    { key: "sang_kien", label: "Sáng kiến dự kiến", target: "Dạy từ vựng qua trò chơi", unit: "sáng kiến" },
  ],
  groupLeader: { title: "Tổ trưởng", name: "Trần Văn Bình" },
};

export const sampleDangKyTapThe: DangKyInput = {
  kind: "collective",
  issuer: sampleSchool,
  date: "2025-09-25",
  schoolYear,
  recipient: "Giám đốc Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
  staffCount: 68,
  individualsLdtt: 55,
  individualsCstdcs: 6,
  titles: ["TTLDXS"],
  forms: ["GK_GD_SO"],
  commitments: [
    { key: "duy_tri_si_so", label: "Tỷ lệ duy trì sĩ số", target: 99.5, unit: "%" },
    { key: "tot_nghiep", label: "Tỷ lệ tốt nghiệp THPT", target: 100, unit: "%" },
  ],
  head: principal,
};

/** The Department's side: the Sở proposes to the Chủ tịch UBND tỉnh through the Sở Nội vụ. */
const sampleDepartment = {
  parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
  name: "Sở Giáo dục và Đào tạo",
  abbreviation: "SGDĐT",
  place: "Hà Tĩnh",
};
const director = { title: "Giám đốc", name: "Hoàng Văn Khánh" };

export const sampleToTrinhSo: ToTrinhInput = {
  issuer: sampleDepartment,
  number: 41,
  date: "2026-07-10",
  schoolYear,
  recipients: ["Chủ tịch Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"],
  decider: "Chủ tịch Ủy ban nhân dân tỉnh",
  councilMeeting: { number: "07/BB-SGDĐT", date: "2026-07-03" },
  entries: [
    { code: "CSTD_TINH", subjectKind: "individual", name: "Nguyễn Thị Minh Anh" },
    { code: "BK_CT_UBND_TINH", subjectKind: "individual", name: "Đặng Quốc Đạt" },
    { code: "BK_CT_UBND_TINH", subjectKind: "collective", name: "Trường THPT Lê Quý Đôn" },
    { code: "CO_TD_TINH", subjectKind: "collective", name: "Trường THPT Phan Đình Phùng" },
  ],
  signer: director,
};

export const sampleQuyetDinh: QuyetDinhInput = {
  issuer: sampleDepartment,
  number: 512,
  date: "2026-07-15",
  schoolYear,
  issuerTitle: "Giám đốc Sở Giáo dục và Đào tạo",
  legalTexts: [
    {
      kind: "QUY_CHE_TINH",
      citation:
        "Quyết định số 12/2025/QĐ-UBND ngày 10 tháng 9 năm 2025 của Ủy ban nhân dân tỉnh ban hành Quy định về công tác thi đua, khen thưởng",
    },
  ],
  proposalRef: "Tờ trình số 05/TTr-THPTLQĐ ngày 20/5/2026 của Trường THPT Lê Quý Đôn",
  advisor: "Trưởng phòng Tổ chức cán bộ",
  fundSource: "quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
  executors: ["Chánh Văn phòng Sở", "Trưởng phòng Tổ chức cán bộ", "Hiệu trưởng Trường THPT Lê Quý Đôn"],
  entries: [
    ...people.map((person) => ({
      code: "CSTD_CS" as const,
      subjectKind: "individual" as const,
      name: person.name,
      positionAndUnit: `${person.position}, Trường THPT Lê Quý Đôn`,
    })),
    {
      code: "GK_GD_SO",
      subjectKind: "collective",
      name: "Tổ Toán - Tin",
      positionAndUnit: "Trường THPT Lê Quý Đôn",
    },
  ],
  signer: director,
};

export const sampleSoTheoDoi: SoTheoDoiInput = {
  issuer: sampleSchool,
  date: "2026-06-30",
  period: { first: "2021-2022", years: 5 },
  people: people.slice(0, 3).map((person, index) => ({
    id: `P${index + 1}`,
    fullName: person.name,
    gender: person.gender,
    birthDate: person.birthDate,
    position: person.position,
  })),
  collectives: [{ id: "TOAN", name: "Tổ Toán - Tin", memberIds: ["P1"] }],
  records: ["2021-2022", "2022-2023", "2023-2024", "2024-2025", "2025-2026"].flatMap((year) => [
    { subjectId: "P1", year, rating: "HTXS" as const },
    { subjectId: "P2", year, rating: "HTT" as const },
  ]),
  awards: ["2022-2023", "2023-2024", "2024-2025", "2025-2026"].flatMap((year, index) => [
    {
      subjectKind: "individual" as const,
      subjectId: "P1",
      code: index < 2 ? ("LDTT" as const) : ("CSTD_CS" as const),
      kind: "CONG_TRANG" as const,
      year,
      decisionNo: `${20 + index}/QĐ-THPTLQĐ`,
      decisionDate: `${startOf(year) + 1}-05-30`,
      issuer: "Hiệu trưởng",
    },
    {
      subjectKind: "individual" as const,
      subjectId: "P2",
      code: "LDTT" as const,
      kind: "CONG_TRANG" as const,
      year,
    },
  ]),
  initiatives: [
    { ownerIds: ["P1"], title: "Dạy học Toán theo dự án", year: "2025-2026", decisionNo: "15/QĐ-THPTLQĐ" },
  ],
  signer: principal,
};

function startOf(year: string): number {
  return Number(year.slice(0, 4));
}

/** The sample school as stored documents (path → data), for `tdkt demo` and the dossier tests. */
export function sampleStoredSchool(unitId = "THPT_LQD"): { path: string; data: Record<string, unknown> }[] {
  const year = schoolYear;
  const stored: { path: string; data: Record<string, unknown> }[] = [
    {
      path: `units/${unitId}`,
      data: {
        id: unitId,
        name: sampleSchool.name,
        abbreviation: sampleSchool.abbreviation,
        level: "THPT",
        clusterId: "CUM_THPT_1",
        managingAuthority: "SO_GDDT",
        managingBodyName: sampleSchool.parentName,
        place: sampleSchool.place,
        principalName: principal.name,
      },
    },
  ];
  people.forEach((person, index) => {
    const id = `${unitId}_GV${index + 1}`;
    stored.push(
      {
        path: `people/${id}`,
        data: {
          id,
          unitId,
          fullName: person.name,
          gender: person.gender,
          birthDate: person.birthDate,
          position: person.position,
          ethnicity: "Kinh",
        },
      },
      {
        path: `years/${year}/records/${subjectYearId(unitId, id)}`,
        data: { year, subjectKind: "individual", subjectId: id, unitId, rating: index < 2 ? "HTXS" : "HTT" },
      },
    );
  });
  for (const entry of sampleEntries) {
    const index = people.findIndex((person) => person.name === entry.name);
    const subjectId = entry.subjectKind === "individual" ? `${unitId}_GV${index + 1}` : unitId;
    stored.push({
      path: `years/${year}/proposals/${proposalId({ unitId, subjectId, target: entry.code })}`,
      data: {
        year,
        unitId,
        subjectKind: entry.subjectKind,
        subjectId,
        target: entry.code,
        kind: "CONG_TRANG",
      },
    });
    const vote = votes.find((candidate) => candidate.name === entry.name && candidate.target === entry.code);
    if (vote)
      stored.push({
        path: `years/${year}/votes/${proposalId({ unitId, subjectId, target: entry.code })}`,
        data: {
          year,
          unitId,
          subjectId,
          target: entry.code,
          ballotType: "KIN",
          members: meeting.members,
          issued: vote.issued,
          returned: vote.returned,
          valid: vote.valid,
          agree: vote.agree,
        },
      });
  }
  stored.push(
    {
      path: `initiatives/${unitId}_SK1`,
      data: {
        id: `${unitId}_SK1`,
        kind: "SANG_KIEN",
        title: "Dạy học Toán theo dự án",
        ownerIds: [`${unitId}_GV1`],
        unitId,
        year,
        level: "CO_SO",
        decisionNo: "15/QĐ-THPTLQĐ",
        decisionDate: "2026-04-20",
      },
    },
    ...["2023-2024", "2024-2025"].map((priorYear) => {
      const award = {
        subjectKind: "individual",
        subjectId: `${unitId}_GV1`,
        unitId,
        code: "LDTT",
        kind: "CONG_TRANG",
        year: priorYear,
        decisionNo: `${priorYear.slice(2, 4)}/QĐ-THPTLQĐ`,
        issuer: "Hiệu trưởng",
      };
      return { path: `awards/${awardId(award)}`, data: { ...award, id: awardId(award) } };
    }),
  );
  stored.push({
    path: `years/${year}/records/${subjectYearId(unitId, unitId)}`,
    data: { year, subjectKind: "collective", subjectId: unitId, unitId, rating: "HTXS" },
  });
  return stored;
}

/** What a dossier needs besides stored data: the council meeting and the tellers. */
export const sampleDossierOptions = {
  date: "2026-05-20",
  meeting: { ...meeting, absentees: [] },
  tellers: sampleBienBanKiemPhieu.tellers,
};
