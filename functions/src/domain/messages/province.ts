/** Vietnamese text of the province's formats: `tdkt export`, `tdkt stats`, their routes and the statistics table. */

export const provinceMessages = {
  invalidKind: (kind: string) =>
    `Loại danh sách "${kind}" không hợp lệ: hãy ghi kind=canhan (cá nhân) hoặc kind=tapthe (tập thể).`,
  invalidYear: (year: string) => `Năm học "${year}" không đúng dạng YYYY-YYYY (ví dụ 2025-2026).`,
  departmentOnly: () => "Chỉ tài khoản của Sở Giáo dục và Đào tạo được xem số liệu toàn ngành.",
  invalidRules: (file: string, reason: string) => `Tệp phân loại đối tượng ${file} không hợp lệ: ${reason}\n`,
  templateWithoutSheet: (sheet: string) =>
    `Mẫu nhập liệu của tỉnh trong functions/province/ không có sheet ${sheet}: hãy đặt lại đúng tệp mẫu của tỉnh.`,
  missingTemplate: (file: string) =>
    `Không đọc được mẫu nhập liệu của tỉnh ${file}: hãy đặt lại tệp mẫu vào thư mục functions/province/.`,

  exportSummary:
    "Xuất danh sách đề nghị khen thưởng của Sở theo mẫu nhập liệu của phần mềm TĐKT tỉnh (.xlsx)",
  exportUsage: [
    "Cách dùng: tdkt export --year 2025-2026 --format province --out THƯ_MỤC [--classes TỆP.json]",
    "  Ghi hai tệp theo mẫu của tỉnh: danh sách cá nhân (DANHSACH cá nhân) và danh sách tập thể,",
    "  mã hình thức, danh hiệu và phân loại đối tượng lấy từ sheet DANHMUC của mẫu.",
    "  --classes  tệp JSON: quy tắc phân loại đối tượng theo chức vụ (xem docs/province-formats.md).",
    "",
  ].join("\n"),
  unknownFormat: (format: string) =>
    `Định dạng "${format}" chưa được hỗ trợ: hiện chỉ có --format province.\n`,
  exportWritten: (file: string, rows: number) => `${file}  ${rows} dòng`,
  exportSource: (jobId: string | null) =>
    jobId
      ? `Danh sách lấy từ lượt tổng hợp cuối năm ${jobId}.`
      : "Chưa có lượt tổng hợp cuối năm hoàn tất: danh sách được tổng hợp ngay từ dữ liệu đã lưu.",

  statsSummary: "Thống kê danh hiệu thi đua, hình thức khen thưởng của năm học theo phân loại đối tượng",
  statsUsage: [
    "Cách dùng: tdkt stats --year 2025-2026 [--json] [--pdf TỆP.pdf --options TỆP.json] [--classes TỆP.json]",
    "  --json     in kết quả dạng JSON;",
    "  --pdf      ghi bảng thống kê ra PDF theo thể thức NĐ 30/2020; --options cho cơ quan ban hành",
    "             (issuer), người ký (signer) và ngày (date, mặc định hôm nay).",
    "",
  ].join("\n"),
  statsWritten: (file: string) => `Đã ghi bảng thống kê: ${file}`,

  statisticsTitle: (year: string) =>
    `Thống kê danh hiệu thi đua và hình thức khen thưởng năm học ${year} theo phân loại đối tượng`,
  statisticsFirstHeader: "Danh hiệu thi đua, hình thức khen thưởng",
  statisticsTotalHeader: "Tổng số",
  statisticsTotalRow: "Tổng cộng",
  statisticsNoAwards: "Chưa có danh hiệu, hình thức khen thưởng nào được ghi nhận trong năm học này.",
  statisticsDocumentName: "Bảng thống kê khen thưởng theo phân loại đối tượng",
  statisticsDocumentTitle: "BẢNG THỐNG KÊ",
  statisticsDocumentSummary: (year: string) =>
    `Danh hiệu thi đua và hình thức khen thưởng năm học ${year} theo phân loại đối tượng`,
  statisticsSource: (units: number) =>
    `Số liệu lấy từ sổ theo dõi khen thưởng của ${units} đơn vị; đơn vị tính: lượt cá nhân, tập thể.`,
} as const;
