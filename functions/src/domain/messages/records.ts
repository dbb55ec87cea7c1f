/** Texts of hồ sơ thi đua (the records index, the sổ theo dõi by period) and of the merit evidence. */
import type { RecordDocument, RecordKind } from "../records-index.js";

export const recordKindLabels: Record<RecordKind, string> = {
  THUONG_XUYEN: "Thi đua thường xuyên",
  CHUYEN_DE: "Thi đua theo chuyên đề",
  DOT_XUAT: "Khen thưởng đột xuất",
};

export const recordDocumentLabels: Record<RecordDocument, string> = {
  DANG_KY: "Đăng ký thi đua",
  BIEN_BAN: "Biên bản họp Hội đồng Thi đua - Khen thưởng",
  KET_QUA_BO_PHIEU: "Kết quả bỏ phiếu",
  TO_TRINH: "Tờ trình đề nghị khen thưởng",
  DANH_SACH: "Danh sách trích ngang",
  BAO_CAO: "Báo cáo thành tích",
  TOM_TAT: "Tóm tắt thành tích",
  MINH_CHUNG: "Minh chứng thành tích (quyết định công nhận giải)",
  QUYET_DINH: "Quyết định khen thưởng",
  SO_THEO_DOI: "Sổ theo dõi thi đua, khen thưởng",
};

export const recordsText = {
  kind: "MỤC LỤC",
  name: "Mục lục hồ sơ thi đua, khen thưởng",
  summary: (year: string) => `Hồ sơ thi đua, khen thưởng năm học ${year}`,
  intro: (unitName: string, year: string, present: number, expected: number) =>
    `${unitName}, năm học ${year}: có ${present}/${expected} thành phần hồ sơ theo quy định; các thành phần còn thiếu ghi ở cột Tình trạng.`,
  setHeading: (index: string, label: string, present: number, expected: number) =>
    `${index}. ${label} (có ${present}/${expected})`,
  columns: {
    number: "STT",
    document: "Thành phần hồ sơ",
    subject: "Đối tượng",
    status: "Tình trạng",
    reference: "Số, ngày / tệp lưu",
  },
  present: "Có",
  missing: "Còn thiếu",
  unitWide: "Đơn vị",
  registeredOn: (date: string) => `Đăng ký ngày ${date}`,
  registered: "Đã đăng ký",
  voted: (agree: number, members: number) => `${agree}/${members} thành viên đồng ý`,
  decision: (number: string, date: string | undefined) => (date ? `${number} ngày ${date}` : number),
  decisionRecorded: "Đã ghi sổ khen thưởng",
  summaryFilled: "Có trong Đề nghị khen thưởng",
  footer: "Mục lục lập từ dữ liệu và hồ sơ đã lưu trong hệ thống TĐKT.",
  invalidYears: (value: string) => `Số năm của sổ theo dõi phải là 5 hoặc 10, không phải "${value}".`,
};

export const recordsCliMessages = {
  summary:
    "Mục lục hồ sơ thi đua của đơn vị theo năm học và loại (có gì, thiếu gì); sổ theo dõi 5 hoặc 10 năm",
  usage:
    "Cách dùng: tdkt records --year 2025-2026 [--unit ID [--years 5|10] [--out THƯ_MỤC]] [--json]\n  Không có --unit: mỗi đơn vị một dòng (số thành phần hồ sơ có/cần theo từng loại) để so sánh.\n  Có --unit: mục lục của đơn vị trên màn hình; --json cùng số liệu; --out ghi muc-luc-ho-so-ID-NĂM.pdf và sổ theo dõi --years năm (mặc định 5) kết thúc ở năm học đó.\n",
  line: (label: string, present: number, expected: number) => `${label}: có ${present}/${expected}`,
  unitLine: (unitName: string, sets: readonly string[], missing: number) =>
    `${unitName} — ${sets.join("; ")} — còn thiếu ${missing}`,
  missingLine: (document: string, subject: string) => `  ✗ ${document}${subject ? ` — ${subject}` : ""}`,
  total: (present: number, expected: number, missing: number) =>
    `Tổng: có ${present}/${expected} thành phần, còn thiếu ${missing}.`,
  written: (path: string) => `Đã ghi ${path}`,
};

export const evidenceFieldLabels = {
  quality: "Chất lượng thực chất",
  attendance: "Chuyên cần (%)",
  retention: "Duy trì sĩ số cuối năm (%)",
  finance: "Quản lý tài chính",
  staffCare: "Bình xét quan tâm đến cán bộ, giáo viên",
  homeroom: "Công tác chủ nhiệm",
  gifted: "Bồi dưỡng học sinh giỏi",
  remedial: "Phụ đạo học sinh yếu",
  movements: "Tham gia phong trào",
} as const;

export const evidenceAudienceLabels = {
  MANAGER: "Cán bộ quản lý",
  TEACHER: "Giáo viên, nhân viên",
  COLLECTIVE: "Tập thể",
} as const;

export const evidenceText = {
  kind: "DANH SÁCH",
  name: "Danh sách đề nghị xét thi đua kèm minh chứng hiệu quả công việc",
  summary: (year: string) =>
    `Đề nghị xét thi đua, khen thưởng năm học ${year} và minh chứng hiệu quả công việc`,
  intro: (unitName: string, flagged: number, total: number) =>
    `${unitName}: ${total} đề nghị khen thưởng công trạng, ${flagged} đề nghị chưa đủ minh chứng hiệu quả công việc (ghi ở cột Ghi chú; Hội đồng vẫn xét các đề nghị này).`,
  columns: {
    number: "STT",
    subject: "Họ và tên / Tập thể",
    target: "Đề nghị",
    evidence: "Minh chứng hiệu quả công việc",
    held: "Dữ liệu hệ thống",
    flag: "Ghi chú",
  },
  noEvidence: "Chưa có minh chứng hiệu quả công việc (tab Minh chứng hiệu quả công việc).",
  incomplete: (fields: readonly string[]) => `Minh chứng hiệu quả công việc còn thiếu: ${fields.join(", ")}.`,
  notRequired: "Không thuộc xét công trạng cuối năm",
  commitments: (met: number, total: number) => `Cam kết chất lượng đạt ${met}/${total}`,
  initiatives: (count: number) => `Sáng kiến, đề tài trong năm: ${count}`,
  coached: (count: number) => `Thành tích đột xuất (học sinh được bồi dưỡng, của bản thân): ${count}`,
  fromUnit: "Của đơn vị",
  fromSubject: "Của bản thân",
  flagged: (message: string) => `Cần bổ sung: ${message}`,
};

export const evidenceCliMessages = {
  summary:
    "Minh chứng hiệu quả công việc bên cạnh từng đề nghị khen thưởng; đánh dấu đề nghị thiếu minh chứng",
  usage:
    "Cách dùng: tdkt evidence --unit ID --year 2025-2026 [--json] [--out THƯ_MỤC]\n  Bảng trên màn hình; --json cùng số liệu; --out ghi minh-chung-ID-NĂM.pdf (danh sách Hội đồng xét).\n",
  line: (name: string, target: string, flag: string) => `${name} — ${target}${flag ? ` ⚠ ${flag}` : ""}`,
  total: (total: number, flagged: number) =>
    `Tổng: ${total} đề nghị công trạng, ${flagged} đề nghị thiếu minh chứng.`,
  written: (path: string) => `Đã ghi ${path}`,
};
