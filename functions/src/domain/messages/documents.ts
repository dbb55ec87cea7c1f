/** Vietnamese text of the official documents (NĐ 30/2020 layout, docs/domain.md §9) and their errors. */
import type { HigherLevel, ManagingLevel } from "../authority.js";
import type { AwardCode } from "../codes.js";
import { awardCodeLabels } from "./vocabulary.js";

/**
 * Who decides above the school's managing level (docs/domain.md §7, domain/authority.ts); the school
 * proposes to them through its managing level, in a tờ trình of their own.
 */
export const higherDeciderTitles: Record<HigherLevel, string> = {
  TINH: "Chủ tịch Ủy ban nhân dân tỉnh",
  BO: "Bộ trưởng Bộ Giáo dục và Đào tạo",
  TTG: "Thủ tướng Chính phủ",
  CTN: "Chủ tịch nước",
};

/** The managing level's decider, from the managing body's name: "Chủ tịch Ủy ban nhân dân xã An Thịnh". */
export const managingDeciderTitle = (level: ManagingLevel, managingBodyName: string): string =>
  level === "XA" ? `Chủ tịch ${managingBodyName}` : `Giám đốc ${managingBodyName}`;

/** "Chủ tịch Ủy ban nhân dân tỉnh (qua Chủ tịch Ủy ban nhân dân xã An Thịnh)". */
export const deciderThrough = (decider: string, through: string): string => `${decider} (qua ${through})`;

export const documentText = {
  nationalName: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto: "Độc lập - Tự do - Hạnh phúc",
  numberPrefix: "Số:",
  recipientsTo: "Kính gửi:",
  copiesTo: "Nơi nhận:",
  asAbove: "Như trên",
  archive: (drafter: string) => `Lưu: VT, ${drafter}`,
  author: "TĐKT — phần mềm thi đua, khen thưởng ngành giáo dục",
  total: "Tổng cộng",
  none: "Không có",
  yes: "Đạt",
  no: "Không đạt",
  signatureHint: "(Ký, ghi rõ họ tên)",
  /** The signer of a school's documents when none is named: its head. */
  principalTitle: "Hiệu trưởng",
  /** What the Department's quyết định answers: "Xét đề nghị của Trường THPT Lê Quý Đôn, …". */
  proposalsOf: (unitNames: readonly string[]) => `đề nghị của ${unitNames.join(", ")}`,
  /** "Dạy học theo dự án (QĐ 15/QĐ-THPTLQĐ ngày 20/04/2026)": an initiative and the decision recognising it. */
  initiative: (title: string, decisionNo?: string, decisionDate?: string) =>
    decisionNo ? `${title} (QĐ ${decisionNo}${decisionDate ? ` ngày ${decisionDate}` : ""})` : title,
  /** "QĐ số 512/QĐ-BGDĐT ngày 25/02/2026": the decision recognising a prize. */
  prizeDecision: (decisionNo: string, decisionDate?: string) =>
    `QĐ số ${decisionNo}${decisionDate ? ` ngày ${decisionDate}` : ""}`,
  /** "8/9 (88,9%)": agreeing votes over all council members. */
  voteShare: (agree: number, members: number, percent: string) => `${agree}/${members} (${percent}%)`,
} as const;

/** Document kinds: names as they appear in titles and lists; ký hiệu (NĐ 30/2020 Phụ lục III) of the numbered ones. */
export const documentKindText = {
  toTrinh: { code: "TTr", title: "TỜ TRÌNH", name: "Tờ trình đề nghị khen thưởng" },
  danhSach: { title: "DANH SÁCH", name: "Danh sách trích ngang" },
  bienBanHop: { code: "BB", title: "BIÊN BẢN", name: "Biên bản họp Hội đồng Thi đua - Khen thưởng" },
  bienBanKiemPhieu: { code: "BB", title: "BIÊN BẢN KIỂM PHIẾU", name: "Biên bản kiểm phiếu" },
  phieuBau: { title: "PHIẾU BẦU", name: "Phiếu bầu" },
  baoCao: { title: "BÁO CÁO THÀNH TÍCH", name: "Báo cáo thành tích" },
  baoCaoBinhXet: { code: "BC", title: "BÁO CÁO", name: "Báo cáo phân tích kết quả bình xét thi đua" },
  dangKy: { title: "BẢN ĐĂNG KÝ THI ĐUA", name: "Bản đăng ký thi đua" },
  quyetDinh: { code: "QĐ", title: "QUYẾT ĐỊNH", name: "Quyết định khen thưởng" },
  soTheoDoi: {
    code: "STD",
    title: "SỔ THEO DÕI THI ĐUA, KHEN THƯỞNG",
    name: "Sổ theo dõi thi đua, khen thưởng",
  },
} as const;

/** Vietnamese names of the input fields, for the list of missing items. */
export const documentFieldLabels: Record<string, string> = {
  issuer: "cơ quan ban hành",
  name: "tên",
  abbreviation: "chữ viết tắt tên cơ quan",
  place: "địa danh",
  number: "số văn bản",
  date: "ngày văn bản",
  schoolYear: "năm học",
  recipients: "nơi gửi (Kính gửi)",
  signer: "người ký",
  title: "chức vụ người ký",
  fullName: "họ và tên",
  entries: "danh sách đề nghị",
  proposals: "danh sách đề nghị",
  meeting: "thông tin cuộc họp",
  startTime: "thời gian bắt đầu",
  endTime: "thời gian kết thúc",
  location: "địa điểm",
  members: "tổng số thành viên Hội đồng",
  present: "số thành viên có mặt",
  chair: "chủ tọa",
  secretary: "thư ký",
  votes: "kết quả bỏ phiếu",
  issued: "số phiếu phát ra",
  returned: "số phiếu thu về",
  valid: "số phiếu hợp lệ",
  agree: "số phiếu đồng ý",
  tellers: "Ban kiểm phiếu",
  head: "trưởng ban kiểm phiếu",
  candidates: "danh sách ứng viên",
  birthDate: "ngày sinh",
  gender: "giới tính",
  workplace: "đơn vị công tác",
  position: "chức vụ",
  duties: "quyền hạn, nhiệm vụ được giao",
  achievements: "thành tích đạt được",
  certifier: "thủ trưởng đơn vị xác nhận",
  commitments: "chỉ tiêu, cam kết",
  target: "chỉ tiêu",
  staffCount: "tổng số cán bộ, giáo viên, nhân viên",
  issuerTitle: "chức danh người có thẩm quyền quyết định",
  proposalRef: "tờ trình đề nghị",
  baseSalary: "mức lương cơ sở tại ngày quyết định",
  coefficient: "hệ số tiền thưởng",
  fundSource: "nguồn kinh phí khen thưởng",
  period: "giai đoạn theo dõi",
  people: "danh sách cá nhân",
  councilMeeting: "biên bản họp Hội đồng Thi đua - Khen thưởng (số, ngày)",
  competition: "cuộc thi/kỳ thi",
  prize: "giải",
  prizeDecision: "số quyết định công nhận giải",
  className: "lớp",
  school: "trường",
};

export const documentMessages = {
  missingData: (documentName: string, missing: readonly string[]) =>
    `Chưa đủ dữ liệu để lập ${documentName}. Còn thiếu: ${missing.join("; ")}.`,
  invalidInput: (documentName: string, detail: string) =>
    `Dữ liệu để lập ${documentName} không hợp lệ: ${detail}.`,
  itemOf: (label: string, position: number) => `${label} (mục ${position})`,
  voteOf: (name: string) => `kết quả bỏ phiếu của ${name}`,
  coefficientOf: (award: string) => `hệ số tiền thưởng của “${award}”`,
  baseSalaryAt: (date: string) => `mức lương cơ sở áp dụng tại ngày ${date}`,
  noProposals: (unitId: string, year: string) =>
    `Đơn vị “${unitId}” chưa có danh sách đề nghị khen thưởng năm học ${year}.`,
  noDepartmentProposals: (year: string) =>
    `Năm học ${year} chưa có đề nghị nào đủ điều kiện thuộc thẩm quyền Giám đốc Sở hoặc cấp trên để Sở lập hồ sơ.`,
  departmentDossierOnly: "Chỉ cán bộ Sở Giáo dục và Đào tạo được lập hồ sơ trình của Sở.",
  consolidationOfYear: (year: string, consolidated: string) =>
    `Danh sách tổng hợp là của năm học ${consolidated}, không phải năm học ${year}.`,
} as const;

/** `tdkt dossier` and `tdkt demo`. */
export const documentCliMessages = {
  excluded: (left: { name: string; target: string; failed: readonly string[] }) =>
    `Không đưa vào tờ trình: ${left.name} — ${awardCodeLabels[left.target as AwardCode] ?? left.target} (không đạt: ${left.failed.join(", ")})\n`,
  dossierSummary: "Lập hồ sơ đề nghị khen thưởng (PDF theo NĐ 30/2020) của một đơn vị từ dữ liệu đã lưu",
  dossierUsage: [
    "Cách dùng: tdkt dossier --unit MÃ_ĐƠN_VỊ --year 2025-2026 --out THƯ_MỤC [--options TỆP.json]",
    "           tdkt dossier --department MÃ_ĐƠN_VỊ_SỞ --year 2025-2026 --out THƯ_MỤC --options TỆP.json",
    "  --options     tệp JSON: ngày tờ trình (date), cuộc họp Hội đồng (meeting), Ban kiểm phiếu (tellers),",
    "                người ký (signer), nơi gửi (recipients) — những gì chưa lưu trong hệ thống.",
    "  --department  hồ sơ của Sở trình Chủ tịch UBND tỉnh: các đề nghị đủ điều kiện của các đơn vị Sở quản lý,",
    "                biên bản Hội đồng Sở, danh sách, quyết định của Giám đốc Sở; tệp JSON thêm cơ quan",
    "                (issuer) và quyết định (decision).",
    "",
  ].join("\n"),
  demoSummary: "Xuất bộ hồ sơ mẫu (một trường và Sở GD&ĐT) ra một thư mục",
  demoUsage: "Cách dùng: tdkt demo --out THƯ_MỤC\n",
  written: (file: string, sha256: string) => `${file}  sha256 ${sha256.slice(0, 16)}…`,
  dossierDone: (id: string, count: number) => `Đã lập hồ sơ ${id}: ${count} tệp.`,
  demoDone: (dir: string, count: number) => `Đã ghi ${count} tệp PDF vào ${dir}.`,
  readFailed: (file: string, reason: string) => `Không đọc được ${file}: ${reason}\n`,
} as const;
