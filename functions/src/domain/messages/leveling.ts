/** Vietnamese texts of the anti-"cào bằng, nể nang" report (docs/leveling.md): flags, tab, PDF, CLI. */
import type { Title } from "../codes.js";
import { pct } from "./eligibility.js";
import { idRule } from "./sheets.js";
import { awardCodeLabels } from "./vocabulary.js";

const ratio = (value: number): string => String(Math.round(value * 10) / 10).replace(".", ",");
/** Commitment figures as people write them: 93,5 (numbers with a decimal comma), text as typed. */
const figure = (value: number | string): string =>
  typeof value === "number" ? String(value).replace(".", ",") : value;
const span = (years: readonly string[]): string =>
  years.length === 0 ? "" : `${years[0]} – ${years.at(-1)}`;
const holderText = (holder: { fullName: string; years: readonly string[] }): string =>
  `${holder.fullName} (${holder.years.join(", ")})`;

export const levelingFlagLabels = {
  NEAR_ALL_HTXS: "Gần như tất cả xếp loại HTXS",
  ROTATION: "Danh hiệu luân phiên, lặp lại",
  MANAGER_SHARE: "Cán bộ quản lý nhận nhiều danh hiệu",
  RATINGS_VS_RESULTS: "Xếp loại không khớp kết quả",
} as const;

export const levelingMessages = {
  nearAllHtxs: (htxs: number, rated: number, share: number, threshold: number, province: number) =>
    `${htxs}/${rated} người được đánh giá (${pct(share)}) xếp loại "Hoàn thành xuất sắc nhiệm vụ", từ ngưỡng ${pct(threshold)} trở lên; toàn tỉnh: ${pct(province)}.`,
  rotationRepeat: (
    title: Title,
    holders: readonly { fullName: string; years: readonly string[] }[],
    window: readonly string[],
    minYears: number,
  ) =>
    `${holders.length} người giữ danh hiệu "${awardCodeLabels[title]}" từ ${minYears} năm trở lên trong ${window.length} năm học ${span(window)} mà không có sáng kiến được công nhận hay giải thưởng quốc gia, quốc tế nào (của mình hoặc học sinh mình hướng dẫn) trong các năm đó: ${holders.map(holderText).join("; ")}.`,
  rotationTurns: (
    title: Title,
    holders: readonly { fullName: string; years: readonly string[] }[],
    window: readonly string[],
  ) =>
    `Danh hiệu "${awardCodeLabels[title]}" được chia lần lượt: ${holders.length} người, mỗi người đúng một năm trong ${window.length} năm học ${span(window)}, không ai có sáng kiến được công nhận hay giải thưởng quốc gia, quốc tế trong năm mình được danh hiệu: ${holders.map(holderText).join("; ")}.`,
  managerShare: (
    figures: {
      managerYears: number;
      staffYears: number;
      staffShare: number;
      managerTitles: number;
      titles: number;
      titleShare: number;
      ratio: number;
    },
    titles: readonly Title[],
    threshold: number,
  ) =>
    `Cán bộ quản lý chiếm ${pct(figures.staffShare)} số lượt đánh giá (${figures.managerYears}/${figures.staffYears}) nhưng nhận ${pct(figures.titleShare)} số danh hiệu ${titles.map((title) => `"${awardCodeLabels[title]}"`).join(", ")} (${figures.managerTitles}/${figures.titles}), gấp ${ratio(figures.ratio)} lần; ngưỡng cảnh báo: gấp ${ratio(threshold)} lần.`,
  ratingsVsResults: (
    missed: readonly { key: string; target: number | string; achieved: number | string }[],
    assessed: number,
    htxs: number,
    rated: number,
    htxsShare: number,
    missedThreshold: number,
    htxsThreshold: number,
  ) =>
    `Đơn vị không đạt ${missed.length}/${assessed} chỉ tiêu đã cam kết (${missed.map((c) => `${c.key}: cam kết ${figure(c.target)}, đạt ${figure(c.achieved)}`).join("; ")}) nhưng ${htxs}/${rated} người (${pct(htxsShare)}) xếp loại "Hoàn thành xuất sắc nhiệm vụ"; ngưỡng cảnh báo: ${pct(missedThreshold)} chỉ tiêu không đạt và ${pct(htxsThreshold)} HTXS.`,
  noFlags: "Không có cảnh báo.",
  // Tab "Bình xét – cảnh báo" of the Department's summary spreadsheet
  tabTitle: "Bình xét – cảnh báo",
  tabHeader: [
    "Mã đơn vị",
    "Tên đơn vị",
    "Số người",
    "HTXS",
    "Tỷ lệ HTXS",
    "Tỷ lệ HTXS toàn tỉnh",
    "Tối đa HTXS (RT-05)",
    "Vượt tối đa",
    "LĐTT",
    "CSTĐCS",
    "Cảnh báo",
    "Số liệu",
  ],
  // PDF
  pdfSummary: (year: string) => `Phân tích kết quả bình xét thi đua năm học ${year}`,
  pdfIntro: (units: number, flagged: number, windowYears: number) =>
    `Thực hiện yêu cầu chống "cào bằng, nể nang" trong bình xét thi đua, ${units} đơn vị đã được phân tích theo xếp loại, danh hiệu của năm học và ${windowYears} năm học gần nhất; ${flagged} đơn vị có cảnh báo cần xem xét lại.`,
  pdfProvince: (people: number, htxs: number, htxsShare: number, ldtt: number, cstdcs: number) =>
    `Toàn tỉnh: ${people} người có kết quả đánh giá; ${htxs} người (${pct(htxsShare)}) xếp loại HTXS; ${ldtt} Lao động tiên tiến; ${cstdcs} Chiến sĩ thi đua cơ sở.`,
  pdfTableHeading: "I. XẾP LOẠI VÀ DANH HIỆU THEO ĐƠN VỊ",
  pdfFlagsHeading: "II. CÁC CẢNH BÁO VÀ SỐ LIỆU",
  pdfThresholdsHeading: "III. NGƯỠNG CẢNH BÁO",
  pdfThresholdsNote:
    "Các ngưỡng do Sở cấu hình cho năm học (hướng dẫn chưa quy định con số); cảnh báo là căn cứ để xem xét lại, không tự thay đổi kết quả bình xét.",
  pdfThresholds: (config: {
    windowYears: number;
    minRated: number;
    nearAllHtxsShare: number;
    rotationMinYears: number;
    turnsMinHolders: number;
    managerShareRatio: number;
    managerMinTitles: number;
    resultsMissedShare: number;
    resultsHtxsShare: number;
  }) => [
    `Gần như tất cả HTXS: từ ${pct(config.nearAllHtxsShare)} số người được đánh giá (đơn vị có từ ${config.minRated} người được đánh giá).`,
    `Luân phiên, lặp lại: cùng một người giữ danh hiệu Chiến sĩ thi đua cơ sở từ ${config.rotationMinYears} năm trong ${config.windowYears} năm mà không có sáng kiến, giải thưởng mới; hoặc danh hiệu được chia cho từ ${config.turnsMinHolders} người, mỗi người một năm, không ai có sáng kiến, giải thưởng.`,
    `Cán bộ quản lý: tỷ lệ danh hiệu gấp từ ${ratio(config.managerShareRatio)} lần tỷ lệ trong số lượt đánh giá (từ ${config.managerMinTitles} danh hiệu trong ${config.windowYears} năm).`,
    `Xếp loại không khớp kết quả: không đạt từ ${pct(config.resultsMissedShare)} chỉ tiêu cam kết và từ ${pct(config.resultsHtxsShare)} HTXS.`,
  ],
  pdfColumns: [
    "TT",
    "Đơn vị",
    "Số người",
    "HTXS",
    "Tỷ lệ HTXS (toàn tỉnh)",
    "Tối đa HTXS",
    "LĐTT",
    "CSTĐCS",
    "Cảnh báo",
  ],
  pdfUnitFlags: (unitName: string, count: number) => `${unitName} (${count} cảnh báo)`,
  shareWithProvince: (share: number, province: number) => `${pct(share)} (${pct(province)})`,
  percent: pct,
  // CLI
  cliSummary: "Báo cáo chống cào bằng, nể nang trong bình xét thi đua (JSON, PDF)",
  cliUsage:
    "Cách dùng: tdkt leveling --year 2025-2026 [--unit ID …] [--json] [--pdf TỆP.pdf] [--sheet]\n" +
    "  Phân tích xếp loại, danh hiệu từng đơn vị so với tối đa HTXS và toàn tỉnh; nêu cảnh báo kèm số liệu.\n" +
    "  --json      in báo cáo dạng JSON\n" +
    "  --pdf TỆP   ghi báo cáo PDF\n" +
    '  --sheet     ghi tab "Bình xét – cảnh báo" vào bảng tính tổng hợp của Sở\n',
  cliUnitLine: (unitName: string, people: number, htxsShare: string, flags: number) =>
    `${unitName}: ${people} người, HTXS ${htxsShare}, ${flags} cảnh báo`,
  cliPdfWritten: (file: string) => `Đã ghi báo cáo PDF: ${file}`,
  cliSheetWritten: (spreadsheetId: string, rows: number) =>
    `Đã ghi tab "Bình xét – cảnh báo" (${rows} dòng) vào bảng tính ${spreadsheetId}.`,
  // Service errors
  forbidden:
    "Chỉ Sở Giáo dục và Đào tạo và Ủy ban nhân dân xã (với các trường do xã quản lý) xem báo cáo bình xét.",
  invalidUnitQuery: (max: number) =>
    `Tham số "unit" cần là mã đơn vị (${idRule}), tối đa ${max} đơn vị, cách nhau bởi dấu phẩy hoặc lặp lại tham số.`,
  // Summary spreadsheet
  spreadsheetMissing:
    "Chưa cấu hình bảng tính tổng hợp của Sở: đặt summarySpreadsheetId trong cấu hình năm học hoặc biến môi trường TDKT_SUMMARY_SPREADSHEET_ID.",
  sheetsRootUrlNotLocal: (url: string) =>
    `TDKT_SHEETS_ROOT_URL chỉ được trỏ tới máy cục bộ (http://127.0.0.1:…), không phải ${url}.`,
  sheetsFailed: (status: number | string, detail: string) =>
    `Google Sheets không ghi được bảng tính tổng hợp (${status}): ${detail}. Hãy chạy lại sau.`,
};
