/** Cấu hình: the configuration of each school year (years/{year}), one year a row. */
import { LEGAL_TEXTS } from "../../domain/legal-timeline.js";
import { awardCodeLabels } from "../../domain/messages/index.js";
import { YearConfig, type YearLegalText } from "../../domain/model.js";
import { type Column, defineTab, pick, type RowOf } from "../definition.js";
import { booleanColumn, dateColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

/** Council vote thresholds in the sheet are percentages (V-06), stored as shares. */
const VOTE_THRESHOLD_COLUMNS = [
  ["CSTD_CS", "voteThresholdCstdCs"],
  ["CSTD_TINH", "voteThresholdCstdTinh"],
  ["CO_TD_TINH", "voteThresholdCoTdTinh"],
] as const;

/** The ranking's quotas (UNCONFIRMED provincial rules; empty cells take domain/ranking/config.ts defaults). */
const QUOTA_COLUMNS = [
  // The maxima are RankingQuotas' (model.ts): a value above them is refused in its own column.
  ["flagPerCluster", "Số đơn vị dẫn đầu mỗi cụm, khối đề nghị Cờ thi đua", "Mặc định 1.", 50],
  ["bkPerCluster", "Số đơn vị xếp tiếp theo mỗi cụm, khối đề nghị Bằng khen tỉnh", "Mặc định 1.", 50],
  ["cstdTinhCap", "Chỉ tiêu Chiến sĩ thi đua cấp tỉnh toàn ngành", "Mặc định 10 người.", 100_000],
  ["bkTinhCap", "Chỉ tiêu Bằng khen tỉnh cho cá nhân toàn ngành", "Mặc định 30 người.", 100_000],
] as const;

/**
 * The year's own căn cứ (docs/domain.md §0.3): the province's Quy chế and the Department's guidance,
 * and a corrected citation for each built-in text the project could not verify (the ones to check
 * against Công báo before go-live).
 */
/**
 * The bình xét report's thresholds (docs/leveling.md) a Department may set per year; an empty cell
 * keeps the default. Shares are percentages in the sheet, stored as shares.
 */
const LEVELING_COLUMNS = [
  ["nearAllHtxsShare", "Cảnh báo: tỷ lệ HTXS từ (%)", "percent", "Mặc định 80."],
  ["rotationMinYears", "Cảnh báo: danh hiệu lặp lại từ (năm)", "count", "Mặc định 4 trong 5 năm."],
  ["managerShareRatio", "Cảnh báo: tỷ lệ danh hiệu của cán bộ quản lý gấp (lần)", "ratio", "Mặc định 3."],
  ["resultsMissedShare", "Cảnh báo: tỷ lệ chỉ tiêu không đạt từ (%)", "percent", "Mặc định 50."],
] as const;

const YEAR_TEXT_COLUMNS = [
  ["QUY_CHE_TINH", "provincialRegulation"],
  ["HUONG_DAN_SO", "departmentGuidance"],
] as const;
const correctionKey = (id: string) => `citationOf${id}` as const;
const CORRECTABLE_TEXTS = LEGAL_TEXTS.filter((text) => !text.verified);

const columns = [
  textColumn("year", "Năm học", "Dạng 2025-2026.", 11, true),
  textColumn("legalBasisVersion", "Phiên bản căn cứ pháp lý", "Ví dụ ND152-2025.", 18, true),
  dateColumn("registrationDeadline", "Hạn đăng ký thi đua", "dd/MM/yyyy.", 14),
  dateColumn("submissionDeadline", "Hạn nộp hồ sơ", "dd/MM/yyyy.", 14),
  booleanColumn(
    "registrationRequired",
    "Bắt buộc đăng ký thi đua",
    "Không đăng ký thì cảnh báo khi xét (mặc định Có).",
  ),
  {
    key: "htxsCapDenominator",
    header: "Tỷ lệ HTXS tính trên",
    type: "enum",
    options: OPTIONS.htxsCapDenominator,
    required: false,
    help: "Cách hiểu RT-05; mặc định số xếp loại Hoàn thành tốt nhiệm vụ.",
    width: 30,
  },
  ...VOTE_THRESHOLD_COLUMNS.map(
    ([code, key]) =>
      ({
        key,
        header: `Tỷ lệ phiếu ${awardCodeLabels[code]} (%)`,
        type: "number",
        min: 0,
        max: 100,
        required: false,
        help: "Phần trăm số phiếu đồng ý trên tổng số thành viên hội đồng.",
        width: 14,
      }) as const,
  ),
  ...QUOTA_COLUMNS.map(
    ([key, header, help, max]) =>
      ({ key, header, type: "integer", min: 0, max, required: false, help, width: 14 }) as const,
  ),
  textColumn(
    "provincialRegulation",
    "Quy chế thi đua, khen thưởng của tỉnh",
    "Trích dẫn đầy đủ, in vào phần căn cứ của tờ trình, quyết định (sau các thông tư), ví dụ: Quyết định số 25/2024/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh … ban hành Quy chế công tác thi đua, khen thưởng.",
    40,
  ),
  textColumn(
    "departmentGuidance",
    "Hướng dẫn thi đua, khen thưởng của Sở",
    "Trích dẫn đầy đủ văn bản hướng dẫn của năm học, in sau Quy chế của tỉnh.",
    40,
  ),
  ...LEVELING_COLUMNS.map(
    ([key, header, kind, help]) =>
      ({
        key,
        header,
        type: kind === "count" ? "integer" : "number",
        min: kind === "percent" ? 0 : kind === "ratio" ? 1 : 2,
        ...(kind === "percent" ? { max: 100 } : kind === "count" ? { max: 10 } : {}),
        required: false,
        help,
        width: 14,
      }) as const,
  ),
  {
    key: "inspectionChecklist",
    header: "Nội dung kiểm tra công tác thi đua",
    type: "list",
    item: OPTIONS.inspectionItem,
    required: false,
    help: "Mã các nội dung đoàn kiểm tra xem xét trong năm học (DANG_KY, DAN_CHU, CONG_DOAN, PHONG_TRAO, VAN_BAN, HO_SO, DIEN_HINH, CONG_KHAI, SANG_KIEN), cách nhau bằng dấu chấm phẩy; để trống: cả 9 nội dung của hướng dẫn.",
    width: 30,
  },
  textColumn(
    "summarySpreadsheetId",
    "Mã bảng tính tổng hợp của Sở",
    "Mã trong địa chỉ bảng tính Google (phần giữa /d/ và /edit) mà việc tổng hợp cuối năm ghi lại; để trống thì dùng TDKT_SUMMARY_SPREADSHEET_ID.",
    30,
  ),
  ...CORRECTABLE_TEXTS.map((text) =>
    textColumn(
      correctionKey(text.id),
      `Trích dẫn đúng: ${text.short}`,
      `Trích dẫn in sẵn chưa được đối chiếu văn bản gốc: "${text.citation}". Để trống nếu đúng; ghi trích dẫn đã đối chiếu (Công báo, vbpl.vn) để thay thế.`,
      30,
    ),
  ),
] as const satisfies readonly Column[];

type YearConfigRow = RowOf<typeof columns>;

const yearLegalTexts = (row: YearConfigRow): YearLegalText[] => [
  ...YEAR_TEXT_COLUMNS.flatMap(([kind, key]) => {
    const citation = row[key];
    return citation === undefined ? [] : [{ kind, citation }];
  }),
  ...CORRECTABLE_TEXTS.flatMap((text) => {
    const citation = row[correctionKey(text.id)];
    return citation === undefined ? [] : [{ replaces: text.id, citation }];
  }),
];

export const yearConfig = defineTab({
  id: "cau-hinh",
  title: "Cấu hình",
  audience: "department",
  scope: "global",
  needsYear: false,
  description:
    "Cấu hình từng năm học: căn cứ pháp lý, hạn nộp, tỷ lệ phiếu, chỉ tiêu khen thưởng; mỗi năm học một dòng.",
  columns,
  naturalKey: ["year"],
  primary: "years",
  toDocuments: (row) => [
    {
      collection: "years",
      id: row.year ?? "",
      data: {
        ...pick(row, [
          "year",
          "legalBasisVersion",
          "registrationDeadline",
          "submissionDeadline",
          "registrationRequired",
          "htxsCapDenominator",
        ]),
        voteThreshold: Object.fromEntries(
          VOTE_THRESHOLD_COLUMNS.flatMap(([code, key]) => {
            const percent = row[key];
            return percent === undefined ? [] : [[code, percent / 100]];
          }),
        ),
        legalTexts: yearLegalTexts(row),
        leveling: Object.fromEntries(
          LEVELING_COLUMNS.flatMap(([key, , kind]) => {
            const value = row[key];
            return value === undefined ? [] : [[key, kind === "percent" ? value / 100 : value]];
          }),
        ),
        ...pick(row, ["inspectionChecklist", "summarySpreadsheetId"]),
        rankingQuotas: pick(
          row,
          QUOTA_COLUMNS.map(([key]) => key),
        ),
      },
      schema: YearConfig,
    },
  ],
});
