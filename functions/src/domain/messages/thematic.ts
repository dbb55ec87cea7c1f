/** Vietnamese text of khen thưởng chuyên đề (docs/domain.md §19): fields, registrations, the selection. */

import { formatDateVi } from "../text.js";
import type { ThematicForm, ThematicRating, ThematicStatus } from "../thematic.js";
import { awardCodeLabels } from "./vocabulary.js";

export const thematicRatingLabels: Record<ThematicRating, string> = {
  XUAT_SAC: "Xuất sắc",
  TOT: "Tốt",
  DAT: "Đạt",
  CHUA_DAT: "Chưa đạt",
};

const statusLabels: Record<ThematicStatus, string> = {
  PROPOSED: "Đề nghị",
  OVER_CAP: "Ngoài số lượng",
  BELOW_THRESHOLD: "Chưa đạt mức đề nghị",
  LATE: "Đăng ký sau hạn",
  NO_RESULT: "Chưa có kết quả",
};

/** The tie keys of domain/thematic.ts separatingKey (2–4; 0 and 1 are the result itself). */
const tieKeyTexts: Record<number, string> = {
  2: "G-06: ưu tiên tập thể có từ 70% nữ trở lên",
  3: "đăng ký sớm hơn",
  4: "mã đơn vị (thứ tự cố định)",
};

const score = (value: number): string => value.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

export const thematicMessages = {
  resultText: (rating: ThematicRating, value: number | undefined) =>
    `${thematicRatingLabels[rating]}${value === undefined ? "" : ` (${score(value)} điểm)`}`,
  proposed: (result: string, field: string) =>
    `Kết quả kiểm tra ${result}: đề nghị công nhận tập thể điển hình lĩnh vực ${field}.`,
  overCap: (result: string, cap: number) =>
    `Kết quả kiểm tra ${result} đạt mức đề nghị, nhưng lĩnh vực đã đủ ${cap} tập thể được đề nghị.`,
  belowThreshold: (result: string, minRating: ThematicRating) =>
    `Kết quả kiểm tra ${result}, dưới mức đề nghị (từ ${thematicRatingLabels[minRating]} trở lên).`,
  late: (registeredOn: string, deadline: string) =>
    `Đăng ký ngày ${formatDateVi(registeredOn)}, sau hạn ${formatDateVi(deadline)} của lĩnh vực: không đề nghị (Sở có thể gia hạn ở tab "Lĩnh vực chuyên đề").`,
  noResult: 'Đã đăng ký nhưng chưa có kết quả kiểm tra (tab "Kết quả chuyên đề"): không đề nghị.',
  tieBreak: (key: number) => `Bằng kết quả với đơn vị xếp ngay trên; xếp sau theo ${tieKeyTexts[key] ?? ""}.`,
  /** The status column note of a late registration (accepted, flagged). */
  lateNote: (field: string, deadline: string) =>
    `Đăng ký sau hạn ${formatDateVi(deadline)} của lĩnh vực ${field}; dòng được lưu nhưng đơn vị không được đề nghị khen thưởng lĩnh vực này trừ khi Sở gia hạn.`,
  proposalSummary: (fields: readonly string[]) =>
    `Tập thể điển hình khen thưởng chuyên đề năm học: ${fields.join("; ")}.`,
  dossierNote:
    "Hồ sơ do Sở lập: Hội đồng Thi đua - Khen thưởng Sở xét chọn tập thể điển hình khen thưởng chuyên đề từ kết quả kiểm tra.",
  otherKindProposal: (unit: string, target: string) =>
    `Đơn vị ${unit} đã có đề nghị ${target} loại hình khác trong năm học; không ghi đè bằng đề nghị chuyên đề.`,
  nothingProposed: (year: string) =>
    `Năm học ${year} chưa có tập thể nào đạt mức đề nghị khen thưởng chuyên đề.`,
  departmentOnly: "Chỉ Sở Giáo dục và Đào tạo lập đề nghị khen thưởng chuyên đề.",
  heading: (year: string, defaults: boolean) =>
    `KHEN THƯỞNG CHUYÊN ĐỀ NĂM HỌC ${year}${defaults ? " (lĩnh vực mặc định theo hướng dẫn: Sở chưa gửi tab Lĩnh vực chuyên đề)" : ""}`,
  fieldHeading: (field: {
    name: string;
    code: string;
    cap: number;
    minRating: ThematicRating;
    form: ThematicForm;
    deadline: string | undefined;
  }) =>
    `${field.name} [${field.code}] — ${awardCodeLabels[field.form]}, từ ${thematicRatingLabels[field.minRating]}, tối đa ${field.cap} tập thể${field.deadline ? `; hạn đăng ký ${formatDateVi(field.deadline)}` : ""}`,
  entryLine: (entry: {
    position: number | null;
    unitName: string;
    unitId: string;
    status: ThematicStatus;
    reason: string;
  }) =>
    `  ${entry.position === null ? "–" : String(entry.position).padStart(2)}. ${entry.unitName} (${entry.unitId}) — ${statusLabels[entry.status]}: ${entry.reason}`,
  tieLine: (text: string) => `      ${text}`,
  unregisteredLine: (unitName: string, unitId: string) =>
    `  Có kết quả nhưng không đăng ký lĩnh vực: ${unitName} (${unitId}) — không đề nghị.`,
  noEntries: "  (chưa đơn vị nào đăng ký)",
  outsideFieldLine: (unitName: string, unitId: string, field: string, entry: "registration" | "result") =>
    `${entry === "registration" ? "Đăng ký" : "Kết quả"} của ${unitName} (${unitId}) thuộc lĩnh vực "${field}" không còn trong danh sách lĩnh vực của năm học: không đề nghị.`,
  proposalsWritten: (count: number, dossiers: readonly string[]) =>
    `Đã lập ${count} đề nghị khen thưởng chuyên đề trong hồ sơ: ${dossiers.join(", ")}.`,
  summary: "Khen thưởng chuyên đề: lĩnh vực, đăng ký, kết quả kiểm tra và tập thể điển hình đề nghị",
  usage: [
    "Cách dùng: tdkt thematic --year 2025-2026 [--json] [--propose --as EMAIL]",
    "  --json     in kết quả dạng JSON (như GET /v1/years/{year}/thematic)",
    "  --propose  lập đề nghị khen thưởng chuyên đề (loại hình Chuyên đề) cho các tập thể được đề nghị,",
    "             mỗi đơn vị một hồ sơ đã thông qua, để ghi quyết định bằng tdkt decision record",
    "  --as       tài khoản của Sở thực hiện (--propose)",
    "",
  ].join("\n"),
  unknownUser: (email: string) => `Không có tài khoản ${email}.`,
};
