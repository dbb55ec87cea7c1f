/** Texts of the deadline reminders (domain/reminders.ts) and of `tdkt remind`. */
import { formatDateVi } from "../text.js";

type Kind = "REGISTRATION" | "SUBMISSION" | "CORRECTION";

const STEP: Record<Kind, { missing: string; action: string; deadline: string }> = {
  REGISTRATION: {
    missing: "chưa đăng ký thi đua",
    action:
      "Đề nghị đơn vị nhập bản đăng ký thi đua của tập thể và cá nhân trên tab “Đăng ký thi đua” và gửi về hệ thống",
    deadline: "Hạn đăng ký thi đua",
  },
  SUBMISSION: {
    missing: "chưa gửi hồ sơ đề nghị khen thưởng",
    action: "Đề nghị đơn vị hoàn thiện hồ sơ đề nghị khen thưởng và gửi cấp trên",
    deadline: "Hạn gửi hồ sơ",
  },
  CORRECTION: {
    missing: "chưa bổ sung, gửi lại hồ sơ đề nghị khen thưởng bị trả lại",
    action: "Đề nghị đơn vị bổ sung hồ sơ theo ý kiến của cấp thẩm định và gửi lại",
    deadline: "Hạn gửi hồ sơ",
  },
};

const remaining = (daysLeft: number): string =>
  daysLeft === 0 ? "hôm nay là ngày cuối cùng" : `còn ${daysLeft} ngày`;

export const reminderMessages = {
  message: (
    kind: Kind,
    facts: { unitName: string; year: string; today: string; deadline: string; daysLeft: number },
  ) => {
    const step = STEP[kind];
    return {
      subject: `[TĐKT] Nhắc hạn: ${facts.unitName} ${step.missing} năm học ${facts.year}`,
      text: [
        `Kính gửi: ${facts.unitName}.`,
        "",
        `Đến ngày ${formatDateVi(facts.today)}, đơn vị ${step.missing} năm học ${facts.year}.`,
        `${step.deadline}: ${formatDateVi(facts.deadline)} (${remaining(facts.daysLeft)}).`,
        `${step.action} trước thời hạn trên.`,
        "",
        "Đây là thư tự động của hệ thống thi đua, khen thưởng ngành Giáo dục (TĐKT); xin không trả lời thư này.",
        "",
      ].join("\n"),
    };
  },
  from: "TĐKT - Thi đua, khen thưởng <no-reply@tdkt.invalid>",
  noYearConfig: (year: string) =>
    `Năm học ${year} chưa được Sở cấu hình (tab Cấu hình): không có hạn nào để nhắc.`,
  badChannel: (value: string) => `TDKT_REMINDER_CHANNEL phải là "log" hoặc "smtp" (đang là "${value}").`,
  smtpUrlMissing: "Kênh nhắc hạn smtp cần TDKT_SMTP_URL (ví dụ smtp://user:pass@smtp.example.org:587).",
  smtpUrlInvalid: "TDKT_SMTP_URL không phải địa chỉ smtp:// hoặc smtps:// hợp lệ.",
  badEvent: 'Sự kiện nhắc hạn không hợp lệ: dữ liệu phải là JSON { "year": "2025-2026" } hoặc để trống.',
  cliSummary:
    "Nhắc hạn các đơn vị chưa đăng ký, chưa gửi, chưa gửi lại hồ sơ hoặc có trường hợp đột xuất quá hạn (ghi nhật ký hoặc gửi thư)",
  cliUsage:
    "Cách dùng: tdkt remind --year 2025-2026 [--dry-run] [--json]\n  Kênh: TDKT_REMINDER_CHANNEL=log|smtp (mặc định smtp khi có TDKT_SMTP_URL, không thì log).\n  Mỗi đơn vị nhận mỗi loại nhắc nhiều nhất một lần mỗi ngày.\n",
  outcomeLabels: {
    sent: "đã gửi",
    "already-sent": "hôm nay đã gửi, bỏ qua",
    "no-recipients": "đơn vị chưa có tài khoản nhận thư",
    "dry-run": "chạy thử, không gửi",
    failed: "gửi không được",
  } as Record<string, string>,
  kindLabels: {
    REGISTRATION: "đăng ký thi đua",
    SUBMISSION: "gửi hồ sơ",
    CORRECTION: "gửi lại hồ sơ",
    AD_HOC_OVERDUE: "đột xuất quá hạn",
  } as Record<string, string>,
  line: (unitId: string, kind: string, deadline: string, outcome: string, recipients: number) =>
    `${unitId} · ${kind} · hạn ${formatDateVi(deadline)} · ${outcome}${recipients > 0 ? ` (${recipients} người nhận)` : ""}`,
  done: (date: string, count: number) => `Ngày ${formatDateVi(date)}: ${count} lời nhắc đến hạn.`,
};
