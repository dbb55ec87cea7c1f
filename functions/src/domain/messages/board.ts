/** Texts of the bảng công khai thi đua (PDF, sheet tab, HTML page, route and `tdkt board`). */
export const boardText = {
  kind: "BẢNG CÔNG KHAI",
  name: "Bảng công khai thi đua, khen thưởng",
  summary: (year: string) => `Danh hiệu thi đua và hình thức khen thưởng năm học ${year}`,
  intro: (unitName: string, year: string) =>
    `${unitName} công khai danh sách tập thể, cá nhân được công nhận danh hiệu thi đua và được khen thưởng trong năm học ${year}.`,
  empty: (year: string) =>
    `Năm học ${year} chưa có danh hiệu thi đua hoặc hình thức khen thưởng nào được ghi nhận.`,
  groupHeading: (index: string, label: string, count: string) => `${index}. ${label} (${count})`,
  columns: {
    number: "STT",
    name: "Họ và tên / Tên tập thể",
    position: "Chức vụ",
    award: "Danh hiệu, hình thức",
  },
  collectivePosition: "Tập thể",
  tabName: "Bảng công khai",
  footer: "Bảng công khai lập từ sổ theo dõi khen thưởng của hệ thống TĐKT.",
};

export const boardCliMessages = {
  summary: "Lập bảng công khai thi đua của đơn vị (PDF, trang HTML, dòng cho tab Bảng công khai)",
  usage:
    "Cách dùng: tdkt board --unit ID --year 2025-2026 --out THƯ_MỤC\n  Ghi bang-cong-khai-ID-NĂM.pdf, .html (trang đăng cổng thông tin) và .json (dòng cho tab Bảng công khai).\n",
  written: (path: string) => `Đã ghi ${path}`,
  done: (lines: number) => `Bảng công khai: ${lines} dòng.`,
};
