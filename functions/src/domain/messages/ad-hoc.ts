/** Texts of khen thưởng đột xuất (domain/ad-hoc.ts, services/ad-hoc.ts, `tdkt adhoc`). */
import type { ClockState } from "../ad-hoc.js";
import type { Achievement, AdHocRole } from "../model.js";
import { formatDateVi } from "../text.js";
import { contestLevelLabels, prizeLabels } from "./sheets.js";

const prizeText = (achievement: Achievement): string =>
  `${prizeLabels[achievement.prize]} ${achievement.subject}, ${achievement.contest} (${contestLevelLabels[achievement.contestLevel]})`;

const ROLE_REASON: Record<AdHocRole, string> = {
  STUDENT: "Đạt",
  COACH: "Trực tiếp hướng dẫn học sinh đạt",
  MANAGER: "Cán bộ quản lý của đơn vị có học sinh đạt",
};

export const adHocRoleLabels: Record<AdHocRole, string> = {
  STUDENT: "Học sinh",
  COACH: "Giáo viên hướng dẫn",
  MANAGER: "Cán bộ quản lý",
};

export const clockStateLabels: Record<ClockState, string> = {
  ON_TIME: "Đúng hạn",
  DUE_SOON: "Sắp đến hạn",
  OVERDUE: "Quá hạn",
};

export const adHocMessages = {
  reason: (role: AdHocRole, basedOn: readonly Achievement[]) =>
    `${ROLE_REASON[role]} ${basedOn.map(prizeText).join("; ")}.`,
  studentPosition: (className: string | undefined) => (className ? `Học sinh lớp ${className}` : "Học sinh"),
  enteredInTab: "Hình thức do đơn vị ghi ở tab Thành tích đột xuất",
  simplifiedBasis:
    "Căn cứ Điều 85 Luật Thi đua, khen thưởng số 06/2022/QH15 (khen thưởng theo thủ tục đơn giản)",
  toTrinhSubject: (topic: string, year: string) =>
    `Về việc đề nghị tặng ${topic} đột xuất năm học ${year} (thủ tục đơn giản)`,
  toTrinhSummary: (unitName: string, year: string) =>
    `Trong năm học ${year}, học sinh và giáo viên của ${unitName} đã lập thành tích xuất sắc đột xuất tại các kỳ thi, cuộc thi cấp quốc gia, khu vực, quốc tế (Điều 85 khoản 1 điểm b Luật Thi đua, khen thưởng); thành tích của từng người được tóm tắt trong danh sách kèm theo.`,
  toTrinhAttachments:
    "(Có danh sách trích ngang kèm tóm tắt thành tích và quyết định công nhận giải của cơ quan tổ chức kỳ thi, cuộc thi).",
  invalidUnit: (unitId: string) => `Mã đơn vị không hợp lệ: "${unitId.slice(0, 80)}".`,
  noCases: (unitId: string, year: string) =>
    `Đơn vị ${unitId} chưa có thành tích đột xuất nào năm học ${year} có hình thức đề nghị (tab Thành tích đột xuất).`,
  proposalTaken: (subjectId: string, target: string) =>
    `Đã có đề nghị khen thưởng công trạng của ${subjectId} cho ${target}: đề nghị đột xuất trùng mã, hãy sửa tab Đề nghị khen thưởng.`,
  reminder: (facts: {
    unitName: string;
    year: string;
    today: string;
    cases: readonly { name: string; from: string; deadline: string; days: number }[];
  }) => ({
    subject: `[TĐKT] Đột xuất quá hạn: ${facts.unitName} có ${facts.cases.length} trường hợp chưa có quyết định khen thưởng`,
    text: [
      `Kính gửi: ${facts.unitName}; Sở Giáo dục và Đào tạo (bộ phận thi đua, khen thưởng).`,
      "",
      `Đến ngày ${formatDateVi(facts.today)}, các trường hợp khen thưởng đột xuất sau của năm học ${facts.year} đã quá thời hạn mục tiêu mà chưa có quyết định:`,
      ...facts.cases.map(
        (item) =>
          `- ${item.name}: kết quả ngày ${formatDateVi(item.from)}, hạn ${formatDateVi(item.deadline)}, đã ${item.days} ngày.`,
      ),
      "Đề nghị đơn vị và Sở hoàn thiện hồ sơ theo thủ tục đơn giản và trình cấp có thẩm quyền quyết định.",
      "",
      "Đây là thư tự động của hệ thống thi đua, khen thưởng ngành Giáo dục (TĐKT); xin không trả lời thư này.",
      "",
    ].join("\n"),
  }),
  clockCell: (state: string, days: number, deadline: string, decidedOn: string | undefined) =>
    decidedOn
      ? `${state} — quyết định ngày ${formatDateVi(decidedOn)} (${days} ngày)`
      : `${state} — ${days} ngày (hạn ${formatDateVi(deadline)})`,
  cliSummary:
    "Khen thưởng đột xuất: hình thức đề nghị theo giải, đồng hồ đến quyết định, hồ sơ thủ tục đơn giản",
  cliUsage:
    "Cách dùng: tdkt adhoc --year 2025-2026 [--unit MA_DON_VI] [--json] [--out THU_MUC --date YYYY-MM-DD]\n  --out: lập hồ sơ theo thủ tục đơn giản (Luật 2022 Đ85) của đơn vị --unit vào thư mục.\n",
  cliLine: (name: string, role: string, form: string, ruleId: string) =>
    `  ${name} (${role}): ${form} [${ruleId}]`,
  cliClock: (name: string, state: string, days: number, deadline: string) =>
    `  ${name}: ${state}, ${days} ngày (hạn ${formatDateVi(deadline)})`,
  cliUnit: (name: string, overdue: number) =>
    `${name}${overdue > 0 ? ` — ${overdue} trường hợp quá hạn` : ""}`,
  cliNoDate: (name: string) => `  ${name}: chưa có ngày quyết định công nhận giải, chưa tính được thời hạn`,
  cliWrote: (count: number, dir: string) => `Đã lập ${count} văn bản vào ${dir}.`,
};
