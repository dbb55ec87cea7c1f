/** Messages of the `tdkt` command line. */
export const cliMessages = {
  help: (commands: { name: string; summary: string }[]) =>
    [
      "tdkt — hệ thống thi đua, khen thưởng ngành giáo dục",
      "",
      "Cách dùng: tdkt <lệnh> [tham số]   (tdkt <lệnh> --help để xem chi tiết)",
      "",
      "Các lệnh:",
      ...commands.map((command) => `  ${command.name.padEnd(12)} ${command.summary}`),
      "",
      "Mã thoát: 0 thành công; 1 dữ liệu vào có lỗi (đã báo); 2 sai cách dùng hoặc lỗi hệ thống.",
      "Các lệnh cần Firestore tự khởi động trình giả lập khi chưa có cái nào chạy.",
      "",
    ].join("\n"),
  unknownCommand: (name: string) => `Không có lệnh "${name}". Gõ tdkt --help để xem danh sách lệnh.\n`,
  failed: (message: string) => `Lỗi: ${message}\n`,
  /** The commands that need the sample province of functions/sample/ (not in the deployed build). */
  developmentSummary: (summary: string) => `${summary} (lệnh phát triển)`,
  needsDevelopmentInstall: (name: string) =>
    `Lệnh "${name}" là lệnh phát triển: cần bản cài phát triển (mã nguồn TypeScript và tsx, sau \`npm ci\`), không có trong bản dựng functions/lib.\n`,
  tokenSummary: "In mã xác thực dùng cho môi trường phát triển (không hợp lệ ở production)",
  tokenUsage:
    "Cách dùng: tdkt token EMAIL [--hours 8]\n  In mã Bearer ký bằng khóa phát triển cục bộ cho tài khoản EMAIL.\n",
  tokenLifetime: (maxHours: number) =>
    `--hours phải lớn hơn 0 và không quá ${maxHours}: máy chủ không nhận mã xác thực sống lâu hơn.`,
  reindexSummary: "Ghi chỉ mục tài liệu theo đơn vị cho dữ liệu đã lưu (chạy một lần sau khi nâng cấp)",
  reindexUsage:
    "Cách dùng: tdkt reindex\n  Ghi chỉ mục tài liệu của từng đơn vị (units/{id}/documentIndex) cho mọi cán bộ, khen thưởng, sáng kiến, hồ sơ năm, đề nghị… đã lưu, để phần tổng hợp cuối năm đọc theo mã. Chạy lại không thay đổi gì.\n",
  reindexDone: (documents: number) => `Đã ghi chỉ mục cho ${documents} tài liệu.\n`,
  serveSummary: "Chạy hệ thống tại máy: trình giả lập Firestore, dữ liệu mẫu, API tại 127.0.0.1:8080",
  serveUsage:
    "Cách dùng: tdkt serve [--port 8080] [--emulator-port N] [--reset]\n  --reset  xóa dữ liệu cục bộ và nạp lại tỉnh mẫu.\n  Dữ liệu cục bộ nằm trong .local/ (hoặc thư mục TDKT_LOCAL_DIR). Ctrl+C: lưu dữ liệu rồi dừng.\n",
  serveSeeding: "Lần chạy đầu: đang nạp dữ liệu tỉnh mẫu…",
  serveSeeded: (counts: string) => `Đã nạp dữ liệu mẫu: ${counts}.`,
  serveStopping: "Đang dừng (lưu dữ liệu cục bộ)…",
  serveStillStopping: "Vẫn đang lưu dữ liệu cục bộ, xin chờ: chương trình sẽ tự dừng khi lưu xong.",
  serveStopped: (dataDir: string) => `Đã lưu dữ liệu cục bộ vào ${dataDir} và dừng trình giả lập.`,
  seedCounts: (counts: { units: number; people: number; records: number; awards: number; users: number }) =>
    `${counts.units} đơn vị, ${counts.people} cán bộ, ${counts.records} bản ghi năm học, ${counts.awards} khen thưởng, ${counts.users} tài khoản`,
  serveReady: (info: {
    url: string;
    emulator: string;
    officer: string;
    officerToken: string;
    specialistToken: string;
    unitId: string;
    dataDir: string;
  }) =>
    [
      "",
      `TĐKT đang chạy tại ${info.url}  (trình giả lập Firestore: ${info.emulator})`,
      "",
      "Thử ngay / Try:",
      `  curl ${info.url}/healthz`,
      "",
      `  # cán bộ thi đua trường THCS Nguyễn Du (${info.officer}):`,
      `  export TOKEN=${info.officerToken}`,
      `  curl -H "Authorization: Bearer $TOKEN" ${info.url}/v1/units/${info.unitId}/years/2025-2026/eligibility`,
      `  curl -H "Authorization: Bearer $TOKEN" ${info.url}/v1/units/${info.unitId}/years/2025-2026/summary`,
      `  curl -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \\`,
      `       --data @examples/eligibility/cases.json ${info.url}/v1/eligibility`,
      "",
      "  # chuyên viên Sở (xem mọi đơn vị):",
      `  export SO_TOKEN=${info.specialistToken}`,
      "",
      "Dòng lệnh / CLI (trong thư mục dự án):",
      "  npm run tdkt -- --help",
      "  npm run tdkt -- eligibility examples/eligibility/cases.json",
      "  npm run tdkt -- template --out mau.xlsx",
      `  npm run tdkt -- dossier --unit ${info.unitId} --year 2025-2026 \\`,
      `       --options examples/dossier/${info.unitId}.json --out hoso/`,
      "  npm run tdkt -- demo --out demo/",
      "  npm run tdkt -- token EMAIL     # mã xác thực cho tài khoản khác",
      "",
      `Dừng: Ctrl+C (dữ liệu được lưu trong ${info.dataDir}).`,
      "",
    ].join("\n"),
} as const;
