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
  phaseLabels: {
    evaluate: "đọc và xét điều kiện",
    consolidate: "tổng hợp danh sách",
    rank: "xếp hạng cụm/khối",
    leveling: "bình xét – cảnh báo",
    documents: "hồ sơ của Sở",
    "summary-sheet": "bảng tính tổng hợp",
  } as Record<string, string>,
  noDossierSetting: () =>
    "chưa lập hồ sơ của Sở: lượt tổng hợp này không có tùy chọn hồ sơ (tdkt aggregate --department ID --options TỆP).",
  noSpreadsheet: () => "chưa ghi bảng tính tổng hợp: năm học chưa có mã bảng tính (summarySpreadsheetId).",
  noResults: (jobId: string) => `Lượt tổng hợp "${jobId}" chưa hoàn tất: chưa có kết quả.`,
  rankingTabTitle: "Xếp hạng cụm, khối",
  rankingTabHeader: [
    "Cụm/khối",
    "Hạng",
    "Mã đơn vị",
    "Tên đơn vị",
    "Tổng điểm",
    "Điểm tối đa",
    "Dẫn đầu",
    "Đề nghị",
    "Ghi chú",
  ],
  leaderMark: "Có",
  consolidationTabTitle: "Danh sách tổng hợp",
  consolidationTabHeader: [
    "Cơ quan trình",
    "Cấp quyết định",
    "Danh hiệu/hình thức",
    "Mã đơn vị",
    "Tên đơn vị",
    "Cá nhân/tập thể",
    "Tên",
  ],
  carrierDepartment: "Sở Giáo dục và Đào tạo",
  carrierCommune: (communeUnitId: string) => `UBND xã (${communeUnitId})`,
  subjectKindLabels: { individual: "Cá nhân", collective: "Tập thể" },
  results: (info: {
    clusters: number;
    flaggedUnits: number;
    included: number;
    excluded: number;
    lists: number;
    documents: number;
    dossierSkipped: string | null;
    sheet: string | null;
    sheetSkipped: string | null;
  }) =>
    [
      `  Xếp hạng: ${info.clusters} cụm/khối. Bình xét: ${info.flaggedUnits} đơn vị có cảnh báo.`,
      `  Danh sách tổng hợp: ${info.included} đề nghị đủ điều kiện trong ${info.lists} danh sách theo cấp quyết định; ${info.excluded} đề nghị bị loại.`,
      info.dossierSkipped
        ? `  Hồ sơ của Sở: ${info.dossierSkipped}`
        : `  Hồ sơ của Sở: ${info.documents} văn bản.`,
      info.sheetSkipped
        ? `  Bảng tính tổng hợp: ${info.sheetSkipped}`
        : `  Bảng tính tổng hợp ${info.sheet} đã ghi lại.`,
    ].join("\n"),
  summary: "Tổng hợp cuối năm toàn tỉnh: xét mọi đề nghị khen thưởng của năm học, từng khối đơn vị",
  usage:
    "Cách dùng: tdkt aggregate --year 2025-2026 [--json] [--job ID] [--department ID --options TỆP --out THƯ_MỤC]\n  Xét mọi đề nghị khen thưởng của năm học theo từng khối đơn vị, tổng hợp danh sách theo cấp quyết định, xếp hạng cụm/khối, bình xét – cảnh báo, lập hồ sơ của Sở trình UBND tỉnh và ghi bảng tính tổng hợp.\n  --json            in kết quả dạng JSON (không có thanh tiến độ)\n  --job ID          chạy tiếp một lượt tổng hợp đã dừng giữa chừng (bỏ qua các phần đã xong)\n  --department ID   đơn vị của Sở: lập hồ sơ của Sở (cần --options, tệp JSON như của tdkt dossier --department, và --out)\n  --out THƯ_MỤC     nơi ghi các tệp PDF của hồ sơ\n",
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
