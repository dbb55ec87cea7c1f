/** Vietnamese text of the spreadsheet's Apps Script: menu, dialogs, row statuses, help notes. */

export const appsScriptMessages = {
  menuTitle: "Thi đua",
  menuSetup: "Tạo mẫu bảng tính",
  menuSubmitActive: "Gửi dữ liệu (tab đang mở)",
  menuSubmitAll: "Gửi dữ liệu (tất cả các tab)",
  menuResendFull: "Gửi lại toàn bộ tab đang mở (rút các dòng đã xóa)",
  menuEligibility: "Kiểm tra điều kiện",
  menuSummary: "Tổng hợp năm học",
  menuBoard: "Bảng công khai thi đua",
  menuDossier: "Tạo hồ sơ đề nghị",
  menuSettings: "Cài đặt",
  menuTriggers: "Bật gửi tự động",
  menuClientId: "Mã ứng dụng (client ID)",

  statusPending: "Chưa gửi",
  /** The request carrying the row failed as a whole (network, authorization, limits). */
  statusNotSent: (reason: string) => `Chưa gửi được: ${reason}`,
  /** The hidden column after "Trạng thái": the fingerprint of the values the server last accepted. */
  trackingHeader: "Dấu đã gửi (đừng sửa)",
  trackingHelp:
    "Cột ẩn: dấu của giá trị máy chủ đã nhận cho dòng này, để lần gửi sau chỉ gửi dòng đã đổi. Đừng sửa hay xóa; sắp xếp, chèn, xóa dòng vẫn được.",
  statusHelp:
    "Hệ thống ghi kết quả gửi của từng dòng vào cột này; đừng sửa tay. Dòng vừa sửa hiện “Chưa gửi” đến khi được gửi.",
  requiredNote: "(Bắt buộc)",
  listNote: "Có thể ghi nhiều giá trị, cách nhau bằng dấu chấm phẩy (;).",
  choicesNote: (labels: readonly string[]) => `Chọn một trong: ${labels.join("; ")}.`,

  lockBusy:
    "Đang có người khác (hoặc lần gửi tự động) gửi dữ liệu của bảng tính này. Hãy chờ khoảng một phút rồi thử lại.",
  notATab: (sheet: string) =>
    `Trang tính "${sheet}" không phải tab của mẫu thi đua; hãy mở một tab như "Cán bộ" rồi gửi lại.`,
  statusColumnMissing: (sheet: string) =>
    `Tab "${sheet}" chưa có cột "Trạng thái" hoặc cột ẩn "Dấu đã gửi". Hãy chạy Thi đua → Tạo mẫu bảng tính trước.`,
  headersMissing: (sheet: string, headers: readonly string[]) =>
    `Tab "${sheet}" thiếu cột: ${headers.join("; ")}. Hãy chạy Thi đua → Tạo mẫu bảng tính hoặc sửa lại tiêu đề cột.`,
  noTemplateTabs: "Bảng tính chưa có tab nào của mẫu thi đua. Hãy chạy Thi đua → Tạo mẫu bảng tính trước.",
  nothingToSend: (sheet: string) => `Tab "${sheet}": không có dòng nào thay đổi cần gửi.`,
  submitSummary: (sheet: string, accepted: number, rejected: number, notSent: number) =>
    `Tab "${sheet}": đã nhận ${accepted} dòng, ${rejected} dòng có lỗi` +
    (notSent > 0 ? `, ${notSent} dòng chưa gửi được (sẽ gửi lại lần sau)` : "") +
    ".",
  withdrawn: (count: number) => `Đã rút ${count} dòng không còn trong tab.`,
  fullTooLarge: (sheet: string, rows: number) =>
    `Tab "${sheet}" có ${rows} dòng, quá giới hạn của một lần gửi (5 MB hoặc 5.000 dòng), nên không gửi lại toàn bộ được; các dòng đã sửa vẫn gửi bình thường.`,
  networkFailed: (attempts: number, detail: string) =>
    `Không kết nối được máy chủ sau ${attempts} lần thử (${detail}). Dữ liệu vẫn được giữ để gửi lại.`,
  serverFailed: (status: number, message: string) => `Máy chủ trả lỗi ${status}: ${message}`,
  unreadableReply: (status: number) => `Máy chủ trả lời không đọc được (mã ${status}).`,
  outOfTime:
    "Hết thời gian của lần chạy này (Apps Script dừng mỗi lần chạy sau 6 phút) trước khi gửi được. Dữ liệu vẫn được giữ để gửi lại.",

  settingsMissing: (names: readonly string[]) =>
    `Chưa cài đặt: ${names.join(", ")}. Hãy chọn Thi đua → Cài đặt.`,
  settingsApiUrlPrompt: "Địa chỉ máy chủ TĐKT (TDKT_API_URL), ví dụ https://api-xxxx.a.run.app:",
  settingsUnitPrompt: "Mã đơn vị của trường (TDKT_UNIT_ID), do Sở cấp:",
  settingsYearPrompt: "Năm học (TDKT_YEAR), dạng 2025-2026:",
  settingsCurrent: (value: string) => `Hiện tại: ${value} (để trống để giữ nguyên).`,
  settingsInvalidUrl: (value: string) => `"${value}" không phải địa chỉ web hợp lệ (dạng https://…).`,
  settingsInvalidUnit: (value: string) =>
    `Mã đơn vị "${value}" không hợp lệ (không để trống, không chứa dấu /).`,
  settingsInvalidYear: (value: string) =>
    `Năm học "${value}" không hợp lệ: ghi dạng 2025-2026 (hai năm liền nhau).`,
  settingsSaved: (url: string, unit: string, year: string) =>
    `Đã lưu cài đặt: máy chủ ${url}, đơn vị ${unit}, năm học ${year}.`,

  templateDone: (created: readonly string[], updated: readonly string[]) =>
    `Đã tạo ${created.length} tab${created.length > 0 ? ` (${created.join(", ")})` : ""}, cập nhật ${updated.length} tab.`,
  templateSkipped: (sheets: readonly string[]) =>
    `Không sửa các tab có tiêu đề cột khác mẫu (để không làm lệch dữ liệu): ${sheets.join(", ")}.`,

  clientId: (audience: string, email: string) =>
    `Mã ứng dụng (client ID) của script: ${audience}\nTài khoản: ${email}\n` +
    "Gửi mã này cho quản trị viên hệ thống để thêm vào TDKT_AUTH_AUDIENCES của máy chủ.",
  identityMissing:
    "Script chưa lấy được mã xác thực Google (thiếu quyền openid). Hãy chạy lại và cấp quyền khi được hỏi.",
  scopesMissing:
    "Script chưa được cấp đủ quyền: khi cấp phép, có quyền đã bị bỏ chọn. Hãy chọn lại mục này trong menu Thi đua, " +
    "và ở màn hình cấp quyền của Google đánh dấu chọn tất cả các quyền (kể cả xem địa chỉ email, kết nối dịch vụ bên ngoài và chạy khi bạn vắng mặt). " +
    "Không có đủ quyền thì script không gửi được dữ liệu.",

  triggersInstalled: (hours: number, email: string) =>
    `Đã bật: đánh dấu dòng khi sửa và tự động gửi dữ liệu mỗi ${hours} giờ, chạy dưới tài khoản ${email}.`,
  triggersOwnedBy: (email: string, at: string, answer: string) =>
    `Tự động gửi của bảng tính này đã được ${email} bật (lúc ${at}) và đang chạy dưới tài khoản đó. ` +
    "Mỗi bảng tính chỉ cần một người bật; bật thêm sẽ gửi hai lần mỗi giờ. " +
    `Chỉ khi ${email} không còn phụ trách, gõ ${answer} để bật dưới tài khoản của bạn; nếu không, bấm Hủy.`,
  triggersNotInstalled: (email: string) => `Không bật thêm: tự động gửi đang chạy dưới tài khoản ${email}.`,
  triggersTakenOver: (email: string) =>
    `Trigger của ${email} vẫn chạy đến khi ${email} (hoặc chủ dự án Apps Script) xóa nó ở Tiện ích mở rộng → Apps Script → Trình kích hoạt.`,
  triggersOwner: (email: string, at: string) => `Tự động gửi: do ${email} bật lúc ${at}.`,
  triggersNone: "Tự động gửi: chưa ai bật (Thi đua → Bật gửi tự động).",

  eligibilitySheet: "Kiểm tra điều kiện",
  eligibilityWritten: (sheet: string, year: string, eligible: number, total: number) =>
    `Đã ghi kết quả kiểm tra điều kiện năm học ${year} vào tab "${sheet}": ${eligible}/${total} đề nghị đủ điều kiện; các trường hợp còn lại có ghi rõ quy định chưa đạt và căn cứ.`,
  summarySheet: "Tổng hợp",
  summaryWritten: (sheet: string, year: string, proposals: number) =>
    `Đã ghi bảng tổng hợp năm học ${year} vào tab "${sheet}": ${proposals} đề nghị khen thưởng, kèm xếp loại và số phiếu.`,
  boardWritten: (sheet: string, year: string, rows: number) =>
    `Đã ghi bảng công khai thi đua năm học ${year} vào tab "${sheet}": ${rows} dòng (họ tên, chức vụ, danh hiệu hoặc hình thức). Bản PDF và trang HTML để đăng cổng thông tin: lệnh tdkt board hoặc đường dẫn …/board.pdf, …/board.html.`,
  dossierDone: (id: string, lines: readonly string[]) => `Đã tạo hồ sơ đề nghị ${id}:\n${lines.join("\n")}`,
  dossierLine: (type: string, number: string | undefined, file: string) =>
    `- ${type}${number ? ` số ${number}` : ""}: ${file}`,
  unexpectedReply: "Máy chủ trả lời không đúng dạng chờ đợi; hãy báo quản trị viên.",
} as const;
