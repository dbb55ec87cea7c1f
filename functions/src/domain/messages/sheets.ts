/** Vietnamese text of the sheets: labels of sheet-only codes, cell errors, import/template output. */
import type { BallotType, SubjectKind } from "../codes.js";
import { MAX_ID_LENGTH } from "../ids.js";
import type {
  AchieverRole,
  ContestLevel,
  CriteriaSource,
  HtxsCapDenominator,
  Initiative,
  Prize,
} from "../model.js";

export const subjectKindLabels: Record<SubjectKind, string> = {
  individual: "Cá nhân",
  collective: "Tập thể",
};

export const initiativeKindLabels: Record<Initiative["kind"], string> = {
  SANG_KIEN: "Sáng kiến",
  DE_TAI: "Đề tài nghiên cứu khoa học",
};

export const achieverRoleLabels: Record<AchieverRole, string> = {
  STUDENT: "Học sinh",
  TEACHER: "Giáo viên hướng dẫn",
};

export const contestLevelLabels: Record<ContestLevel, string> = {
  QUOC_GIA: "Quốc gia",
  DONG_NAM_A: "Đông Nam Á",
  CHAU_A: "Châu Á",
  QUOC_TE: "Quốc tế",
};

export const prizeLabels: Record<Prize, string> = {
  NHAT: "Giải Nhất",
  NHI: "Giải Nhì",
  BA: "Giải Ba",
  KK: "Giải Khuyến khích",
  HCV: "Huy chương Vàng",
  HCB: "Huy chương Bạc",
  HCD: "Huy chương Đồng",
};

export const ballotTypeLabels: Record<BallotType, string> = {
  KIN: "Bỏ phiếu kín",
  GIO_TAY: "Biểu quyết giơ tay",
};

export const criteriaSourceLabels: Record<CriteriaSource, string> = {
  COMMITMENTS: "Cam kết chất lượng",
  UNIT_TITLES: "Xếp loại, danh hiệu đơn vị",
  MEMBER_RESULTS: "Kết quả cán bộ, giáo viên",
  MOVEMENTS: "Phong trào thi đua, chuyên đề",
  INSPECTION: "Thanh tra, kiểm tra",
  MANUAL: "Thường trực chấm điểm",
};

export const htxsCapDenominatorLabels: Record<HtxsCapDenominator, string> = {
  HTT_ONLY: "Số xếp loại Hoàn thành tốt nhiệm vụ",
  HTT_AND_ABOVE: "Số xếp loại Hoàn thành tốt nhiệm vụ trở lên",
};

/** Column types as the guide sheet and the header notes name them. */
export const columnTypeLabels: Record<
  "text" | "date" | "number" | "integer" | "boolean" | "enum" | "list",
  string
> = {
  text: "Chữ",
  date: "Ngày (dd/MM/yyyy)",
  number: "Số",
  integer: "Số nguyên",
  boolean: "Có/Không",
  enum: "Chọn trong danh sách",
  list: "Danh sách",
};

/** What a boolean cell shows; parsing also accepts x, true/false, 1/0. */
export const booleanLabels = { true: "Có", false: "Không" } as const;

const CELL_ERROR_CODES = [
  "REQUIRED",
  "INVALID_TEXT",
  "CODE_AS_NUMBER",
  "TOO_LONG",
  "INVALID_DATE",
  "INVALID_NUMBER",
  "NOT_INTEGER",
  "OUT_OF_RANGE",
  "INVALID_ENUM",
  "INVALID_BOOLEAN",
  "INVALID_PAIR",
  "INVALID_KEY",
  "INVALID_VALUE",
  "DUPLICATE_ROW",
  "VOTE_EXCEEDS_MEMBERS",
  "UNKNOWN_PERSON",
  "UNKNOWN_COLLECTIVE",
  "OTHER_UNIT",
  "ACHIEVED_WITHOUT_TARGET",
  "DECIDED",
  "UNKNOWN_DOCUMENT",
  "UNKNOWN_COURSE",
  "UNKNOWN_FIELD",
  "UNKNOWN_UNIT",
  "DECISION_FIELD_CONFLICT",
  "DECISION_REFUSED",
  "DECISION_NOT_RECORDED",
  "UNKNOWN_REFERENCE",
  "REQUIRES_RECOMMENDATION",
] as const;
export type CellErrorCode = (typeof CELL_ERROR_CODES)[number];

/** Details a message may use: the column header, the offending value, limits, other rows. */
export interface CellErrorDetail {
  header: string;
  value?: string;
  min?: number;
  max?: number;
  allowed?: readonly string[];
  otherRow?: number;
}

const quoted = (value: string | undefined): string => (value === undefined ? "" : ` "${value}"`);

/** The id rule of domain/ids.ts, as the sheets and the API explain it. */
export const idRule = `mã chỉ gồm chữ cái, chữ số và các dấu - _ . ~ (khoảng trắng chỉ ở giữa, từng dấu một; không có dấu "/"), tối đa ${MAX_ID_LENGTH} ký tự, không bắt đầu bằng "__"`;

export const cellErrorMessages: Record<CellErrorCode, (detail: CellErrorDetail) => string> = {
  REQUIRED: (d) => `Cột "${d.header}" không được để trống.`,
  INVALID_TEXT: (d) => `Cột "${d.header}": giá trị${quoted(d.value)} không phải là chữ.`,
  CODE_AS_NUMBER: (d) =>
    `Cột "${d.header}":${quoted(d.value)} đến dưới dạng số, nên các chữ số 0 ở đầu (nếu có, như 00123 hay 0912…) đã mất và không lưu. ` +
    "Định dạng lại cột là văn bản (Thi đua → Tạo mẫu bảng tính, hoặc Định dạng → Số → Văn bản thuần túy) rồi gõ lại mã cho đúng.",
  TOO_LONG: (d) => `Cột "${d.header}": nội dung dài quá ${d.max} ký tự.`,
  INVALID_DATE: (d) =>
    `Cột "${d.header}": ngày${quoted(d.value)} không hợp lệ; ghi theo dạng dd/MM/yyyy, ví dụ 05/09/2025.`,
  INVALID_NUMBER: (d) => `Cột "${d.header}": ${quoted(d.value).trim()} không phải là số.`,
  NOT_INTEGER: (d) => `Cột "${d.header}": cần một số nguyên, không phải${quoted(d.value)}.`,
  OUT_OF_RANGE: (d) =>
    `Cột "${d.header}": giá trị${quoted(d.value)} phải nằm trong khoảng ${d.min ?? "…"} đến ${d.max ?? "…"}.`,
  INVALID_ENUM: (d) =>
    `Cột "${d.header}": không nhận ra${quoted(d.value)}. Chọn một trong: ${(d.allowed ?? []).join("; ")}.`,
  INVALID_BOOLEAN: (d) => `Cột "${d.header}": ghi "Có" hoặc "Không", không phải${quoted(d.value)}.`,
  INVALID_PAIR: (d) =>
    `Cột "${d.header}": không đọc được${quoted(d.value)}; ghi mỗi chỉ tiêu dạng "tên chỉ tiêu: giá trị", cách nhau bằng dấu chấm phẩy.`,
  INVALID_KEY: (d) => `Cột "${d.header}": mã${quoted(d.value)} không hợp lệ: ${idRule}.`,
  INVALID_VALUE: (d) => `Cột "${d.header}": giá trị${quoted(d.value)} không hợp lệ.`,
  DUPLICATE_ROW: (d) => `Trùng với dòng ${d.otherRow}: cùng "${d.header}"${quoted(d.value)}.`,
  VOTE_EXCEEDS_MEMBERS: (d) =>
    `Cột "${d.header}": số phiếu${quoted(d.value)} lớn hơn số thành viên hội đồng (${d.max}).`,
  UNKNOWN_PERSON: (d) =>
    `Cột "${d.header}": mã${quoted(d.value)} không có trong danh sách cán bộ của đơn vị (tab "Cán bộ").`,
  UNKNOWN_COLLECTIVE: (d) =>
    `Cột "${d.header}": tập thể${quoted(d.value)} không phải đơn vị mình hay một tổ của đơn vị; ghi mã đơn vị mình, hoặc tên tổ đúng như cột "Tổ chuyên môn" ở tab "Cán bộ".`,
  // Which unit holds the id is not said: that would tell one school about another's staff.
  OTHER_UNIT: (d) =>
    `Cột "${d.header}": mã${quoted(d.value)} đã thuộc một đơn vị khác; đơn vị đó cần rút tên trước (nếu người này đã chuyển đến đơn vị mình, liên hệ Sở Giáo dục và Đào tạo).`,
  ACHIEVED_WITHOUT_TARGET: (d) =>
    `Cột "${d.header}": chỉ tiêu${quoted(d.value)} không có trong cột "Chỉ tiêu cam kết" của dòng này; ghi kết quả đúng tên chỉ tiêu đã đăng ký.`,
  UNKNOWN_FIELD: (d) =>
    `Cột "${d.header}": lĩnh vực${quoted(d.value)} không có trong danh sách lĩnh vực chuyên đề của năm học (tab "Lĩnh vực chuyên đề" của Sở, hoặc danh sách mặc định khi Sở chưa gửi).`,
  UNKNOWN_UNIT: (d) => `Cột "${d.header}": đơn vị${quoted(d.value)} không có trong tab "Đơn vị".`,
  UNKNOWN_REFERENCE: (d) =>
    `Cột "${d.header}": mã${quoted(d.value)} chưa có trong dữ liệu đã gửi lên hệ thống; kiểm tra lại mã, hoặc gửi trước tab có mã này.`,
  REQUIRES_RECOMMENDATION: (d) =>
    `Cột "${d.header}": dòng này chưa có kiến nghị; ghi kiến nghị ở cột "Kiến nghị" trước (thời hạn, kiểm tra lại là của một kiến nghị).`,
  DECIDED: (d) =>
    `Cột "${d.header}":${quoted(d.value)} đã được ghi vào sổ theo quyết định khen thưởng của cấp có thẩm quyền; dòng này không sửa được khoản đó (nếu quyết định sai, cấp ra quyết định hủy bỏ theo G-10).`,
  UNKNOWN_DOCUMENT: (d) =>
    `Cột "${d.header}": mã văn bản${quoted(d.value)} không có trong danh mục văn bản pháp lý năm học của Sở (tab "Văn bản pháp lý").`,
  UNKNOWN_COURSE: (d) =>
    `Cột "${d.header}": mã lớp${quoted(d.value)} không có trong các lớp tập huấn năm học của đơn vị (tab "Tập huấn") hay của Sở (tab "Tập huấn của Sở").`,
  // Tab "Quyết định khen thưởng": the rows of one decision are one act, recorded whole or not at all.
  DECISION_FIELD_CONFLICT: (d) =>
    `Cột "${d.header}":${quoted(d.value)} khác với dòng ${d.otherRow} của cùng quyết định; mỗi quyết định chỉ có một giá trị (ghi ở một dòng là đủ).`,
  DECISION_REFUSED: (d) => `Cột "${d.header}": ${d.value ?? ""}`,
  DECISION_NOT_RECORDED: (d) =>
    `Quyết định${quoted(d.value)} chưa được ghi nhận vì dòng ${d.otherRow} của nó có lỗi; sửa dòng đó rồi gửi lại cả quyết định.`,
};

export const sheetMessages = {
  unknownTab: (tab: string) => `Không có tab "${tab}".`,
  tooManyRows: (rows: number, max: number) =>
    `Yêu cầu có ${rows} dòng, vượt quá giới hạn ${max} dòng; hãy gửi thành nhiều lần.`,
  invalidBody: (detail: string) => `Nội dung yêu cầu không hợp lệ: ${detail}`,
  invalidYear: (year: string) => `Năm học "${year}" không đúng dạng YYYY-YYYY (ví dụ 2025-2026).`,
  fullModeSchoolTabsOnly: (title: string) =>
    `Tab "${title}" là danh mục của Sở: chỉ gửi từng dòng, không gửi cả tab để rút các dòng còn thiếu.`,
  otherUnit: (unit: string) => `Bạn không có quyền ghi dữ liệu của đơn vị "${unit}".`,
  departmentOnly: (title: string) => `Chỉ Sở Giáo dục và Đào tạo được gửi tab "${title}".`,
  decidersOnly: (title: string) =>
    `Chỉ cấp quyết định khen thưởng (chuyên viên UBND xã, chuyên viên Sở) được gửi tab "${title}".`,
  yearMissing: (year: string) =>
    `Năm học ${year} chưa được Sở cấu hình (tab "Cấu hình"); chưa thể nhận dữ liệu của năm học này.`,
  yearMalformed: (year: string) =>
    `Cấu hình năm học ${year} không hợp lệ; liên hệ Sở Giáo dục và Đào tạo để sửa tab "Cấu hình".`,
  statusHeader: "Trạng thái",
  guideHeader: ["Tab", "Cột", "Kiểu", "Bắt buộc", "Hướng dẫn"] as const,
  statusAccepted: "Đã nhận",
  statusUnchanged: "Đã nhận (không đổi)",
  statusRejected: "Lỗi",
  statusNote: "Lưu ý",
  importSummary: (accepted: number, rejected: number, withdrawn: number) =>
    `Đã nhận ${accepted} dòng, ${rejected} dòng có lỗi${withdrawn > 0 ? `, ${withdrawn} dòng đã rút` : ""}.`,
  importRow: (sheet: string, row: number, text: string) => `${sheet}, dòng ${row}: ${text}`,
  importTabSkipped: (sheet: string) => `Bỏ qua trang tính "${sheet}" (không phải tab của mẫu).`,
  importWrote: (file: string) => `Đã ghi bản có cột "Trạng thái" vào ${file}.`,
  templateWrote: (file: string, tabs: number) => `Đã ghi mẫu ${tabs} tab vào ${file}.`,
  unknownActor: (email: string) =>
    `Không có người dùng "${email}" trong danh sách người dùng (tab "Người dùng").`,
  fileMissing: (file: string) => `Không đọc được tệp ${file}.`,
  usageError: (usage: string) => `Sai cách dùng.\n${usage}`,
  templateSummary: "Ghi mẫu bảng tính (.xlsx) với đủ các tab, tiêu đề cột và danh sách chọn.",
  templateUsage: [
    "Cách dùng: tdkt template --out TỆP.xlsx [--tabs school|department|commune|all]",
    "  --out   tệp .xlsx sẽ ghi",
    "  --tabs  nhóm tab: school (các tab của trường, mặc định), department (các tab của Sở), commune (tab của UBND xã), all",
  ].join("\n"),
  importSummaryLine: "Nhập dữ liệu từ tệp .xlsx theo mẫu vào cơ sở dữ liệu (như khi gửi từ Google Sheets).",
  importUsage: [
    "Cách dùng: tdkt import TỆP.xlsx --unit MÃ_ĐƠN_VỊ --year YYYY-YYYY [--as EMAIL] [--out TỆP_KẾT_QUẢ.xlsx] [--full]",
    "  --unit  mã đơn vị gửi dữ liệu",
    "  --year  năm học, ví dụ 2025-2026",
    "  --as    e-mail người gửi (mặc định: tài khoản quản trị cục bộ)",
    "  --out   nơi ghi bản sao có cột Trạng thái (mặc định: TỆP.ket-qua.xlsx)",
    "  --full  gửi cả tab: dòng đã lưu mà không còn trong tệp sẽ được đánh dấu đã rút",
  ].join("\n"),
  eligibilityTitle: (unit: string, year: string) =>
    `Kiểm tra điều kiện thi đua, khen thưởng — ${unit} — năm học ${year}`,
  eligibilityHeader: [
    "Mã đối tượng",
    "Họ và tên / Tên tập thể",
    "Danh hiệu / hình thức đề nghị",
    "Kết luận",
    "Quy định chưa đạt",
    "Lý do",
    "Căn cứ",
    "Minh chứng hiệu quả công việc",
  ] as const,
  eligibilityStatus: {
    eligible: "Đủ điều kiện",
    ineligible: "Không đủ điều kiện",
    incomplete: "Chưa đủ dữ liệu để xét",
    error: "Không đọc được hồ sơ",
  } as Record<string, string>,
  summaryTitle: (unit: string, year: string) => `Tổng hợp thi đua, khen thưởng — ${unit} — năm học ${year}`,
  summaryCountsHeader: ["Danh hiệu / hình thức", "Đăng ký", "Đề nghị", "Đã công nhận"] as const,
  summaryListHeader: [
    "Danh hiệu / hình thức",
    "Mã đối tượng",
    "Họ và tên / Tên tập thể",
    "Xếp loại",
    "Phiếu đồng ý / thành viên",
  ] as const,
  summaryAchievementsHeader: [
    "Họ và tên",
    "Đối tượng",
    "Cuộc thi / kỳ thi",
    "Môn / lĩnh vực",
    "Giải",
    "Thời hạn đến quyết định",
  ] as const,
} as const;
