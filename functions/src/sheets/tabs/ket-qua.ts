/** Kết quả cuối năm: ratings, scores, time worked, discipline and the year-end confirmations. */
import { subjectYearId } from "../../domain/document-ids.js";
import { YearRecord } from "../../domain/model.js";
import { type Column, defineTab, pick } from "../definition.js";
import { booleanColumn, dateColumn, subjectColumns, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

const disciplineColumns = [
  {
    key: "disciplineLevel",
    header: "Hình thức kỷ luật",
    type: "enum",
    options: OPTIONS.discipline,
    required: false,
    help: "Để trống nếu không bị kỷ luật trong năm học.",
    width: 16,
  },
  booleanColumn(
    "disciplineDutyRelated",
    "Kỷ luật liên quan nhiệm vụ",
    "Vi phạm liên quan đến thực hiện nhiệm vụ được giao?",
  ),
  dateColumn("disciplineFrom", "Kỷ luật từ ngày", "Ngày quyết định kỷ luật có hiệu lực.", 14),
  dateColumn("disciplineTo", "Kỷ luật đến ngày", "Ngày hết hiệu lực (nếu có).", 14),
  textColumn("disciplineDecisionNo", "Số quyết định kỷ luật", "Ví dụ 12/QĐ-THPT.", 16),
] as const satisfies readonly Column[];

/** Months of the school year, as the time-worked columns count them. */
const monthsColumn = <K extends string>(key: K, header: string, help: string) =>
  ({ key, header, type: "number", min: 0, max: 12, required: false, help, width: 10 }) as const;

export const yearResults = defineTab({
  id: "ket-qua",
  title: "Kết quả cuối năm",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Xếp loại, điểm, thời gian công tác, kỷ luật và các xác nhận cuối năm học của cá nhân và tập thể.",
  columns: [
    ...subjectColumns,
    {
      key: "rating",
      header: "Xếp loại",
      type: "enum",
      options: OPTIONS.rating,
      required: true,
      help: "Kết quả đánh giá, xếp loại chất lượng năm học.",
      width: 26,
    },
    {
      key: "score",
      header: "Điểm",
      type: "number",
      min: 0,
      max: 100,
      required: false,
      help: "Điểm đánh giá trên thang 100 (NĐ 233/2026).",
      width: 8,
    },
    monthsColumn("monthsWorked", "Số tháng công tác", "Số tháng thực tế công tác trong năm học."),
    monthsColumn("maternityLeaveMonths", "Số tháng nghỉ thai sản", "Theo chế độ bảo hiểm xã hội."),
    {
      key: "titles",
      header: "Danh hiệu đã được công nhận",
      type: "list",
      item: OPTIONS.title,
      required: false,
      help: "Danh hiệu đã có quyết định công nhận cho năm học này.",
      width: 24,
    },
    ...disciplineColumns,
    booleanColumn(
      "suspended",
      "Đang bị xem xét xử lý",
      "Đang bị điều tra, thanh tra, kiểm tra hoặc xem xét kỷ luật (tạm dừng xét khen thưởng)?",
    ),
    booleanColumn(
      "spirit",
      "Tinh thần tự lực, đoàn kết",
      "Cá nhân: có tinh thần tự lực, tự cường, đoàn kết, tham gia phong trào thi đua?",
    ),
    booleanColumn(
      "movement",
      "Phong trào thi đua",
      "Tập thể: có phong trào thi đua thường xuyên, thiết thực, hiệu quả?",
    ),
    booleanColumn(
      "solidarity",
      "Nội bộ đoàn kết",
      "Tập thể: nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách?",
    ),
    booleanColumn("leadsCluster", "Dẫn đầu cụm, khối", "Tập thể: được suy tôn dẫn đầu cụm, khối thi đua?"),
  ],
  naturalKey: ["subjectId"],
  primary: "records",
  // Discipline details without a level would be silently dropped: ask for the level.
  checkRow: (row) =>
    row.disciplineLevel === undefined && disciplineColumns.some((column) => row[column.key] !== undefined)
      ? [{ column: "disciplineLevel", code: "REQUIRED" }]
      : [],
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "records",
      id: subjectYearId(unitId, row.subjectId),
      data: {
        ...pick(row, [
          "subjectKind",
          "subjectId",
          "rating",
          "score",
          "monthsWorked",
          "maternityLeaveMonths",
          "titles",
          "suspended",
          "spirit",
          "movement",
          "solidarity",
          "leadsCluster",
        ]),
        discipline:
          row.disciplineLevel === undefined
            ? []
            : [
                {
                  level: row.disciplineLevel,
                  dutyRelated: row.disciplineDutyRelated === true,
                  from: row.disciplineFrom,
                  to: row.disciplineTo,
                  decisionNo: row.disciplineDecisionNo,
                },
              ],
        year,
        unitId,
      },
      schema: YearRecord,
    },
  ],
});
