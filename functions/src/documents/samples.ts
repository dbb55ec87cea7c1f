/**
 * A sample school's proposal (Trường THPT Lê Quý Đôn, Hà Tĩnh, năm học 2025-2026): the inputs of
 * every document kind, used by `tdkt demo` and as the reference renders of the tests.
 */
import type { BienBanHopInput, BienBanKiemPhieuInput, PhieuBauInput } from "./bien-ban.js";
import type { DanhSachInput } from "./danh-sach.js";
import type { ToTrinhInput } from "./to-trinh.js";

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

export const sampleEntries: ToTrinhInput["entries"] = [
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
