/** Messages of the year-end aggregation: its route, its job and `tdkt aggregate`. */
export const aggregateMessages = {
  forbidden: () =>
    "Chỉ cán bộ của Sở Giáo dục và Đào tạo (chuyên viên, thành viên Hội đồng thi đua, khen thưởng, quản trị) được chạy và xem tổng hợp cuối năm của toàn tỉnh.",
  jobNotFound: (jobId: string, year: string) => `Không có lượt tổng hợp "${jobId}" của năm học ${year}.`,
  yearNotConfigured: (year: string) =>
    `Năm học ${year} chưa được Sở cấu hình (thẻ Cấu hình): chưa thể tổng hợp cuối năm.`,
  invalidEvent: () =>
    'Thông điệp Pub/Sub không đọc được: cần JSON dạng {"year":"2025-2026"} mã hóa base64 (hoặc để trống để lấy năm học hiện tại).',
  failed: (reason: string) =>
    `Tổng hợp cuối năm dừng giữa chừng: ${reason}. Chạy lại sẽ tiếp tục từ phần chưa xong.`,
  internalFailure: () => "lỗi hệ thống",
  stateLabels: {
    QUEUED: "đang chờ",
    RUNNING: "đang chạy",
    SUCCEEDED: "hoàn tất",
    FAILED: "thất bại",
  },
  phaseLabels: { evaluate: "đọc và xét điều kiện" } as Record<string, string>,
  summary: "Tổng hợp cuối năm toàn tỉnh: xét mọi đề nghị khen thưởng của năm học, từng khối đơn vị",
  usage:
    "Cách dùng: tdkt aggregate --year 2025-2026 [--json] [--job ID]\n  Xét mọi đề nghị khen thưởng của năm học, theo từng khối đơn vị, và lưu kết quả từng đơn vị.\n  --json    in bản tóm tắt dạng JSON (không có thanh tiến độ)\n  --job ID  chạy tiếp một lượt tổng hợp đã dừng giữa chừng (bỏ qua các khối đã xong)\n",
  progress: (phase: string, done: number, total: number) => {
    const width = 30;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    return `\r${phase} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} khối`;
  },
  done: (info: { jobId: string; year: string; state: string; seconds: number }) =>
    `Lượt tổng hợp ${info.jobId}, năm học ${info.year}: ${info.state} sau ${info.seconds.toLocaleString("vi-VN")} giây.`,
  counts: (counts: {
    units: number;
    proposals: number;
    eligible: number;
    ineligible: number;
    incomplete: number;
    error: number;
    failedUnits: number;
  }) =>
    [
      `  ${counts.units} đơn vị, ${counts.proposals} đề nghị: ${counts.eligible} đủ điều kiện, ${counts.ineligible} không đủ điều kiện, ${counts.incomplete} thiếu dữ liệu, ${counts.error} lỗi dữ liệu.`,
      ...(counts.failedUnits > 0
        ? [`  ${counts.failedUnits} đơn vị không xét được (thiếu hoặc sai thông tin đơn vị).`]
        : []),
    ].join("\n"),
} as const;
