/**
 * Kết quả kiểm tra: one row per visit and checklist item — the finding, its note, the recommendation
 * with its deadline, and later the re-check on the same row. One row per item, so the Thường trực
 * fills a visit top to bottom from the checklist, and the re-check needs no id of its own.
 */
import { inspectionFindingId } from "../../domain/document-ids.js";
import { InspectionFinding } from "../../domain/inspection.js";
import { defineTab, pick } from "../definition.js";
import { booleanColumn, dateColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const inspectionFindings = defineTab({
  id: "ket-qua-kiem-tra",
  title: "Kết quả kiểm tra",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Kết quả từng nội dung của mỗi cuộc kiểm tra (đạt / chưa đạt, ghi chú), kiến nghị và thời hạn, kết quả kiểm tra lại; mỗi cuộc kiểm tra, mỗi nội dung một dòng.",
  columns: [
    {
      ...textColumn("visitId", "Mã cuộc kiểm tra", "Mã cuộc kiểm tra như tab Kế hoạch kiểm tra.", 14, true),
      refersTo: "inspectionVisits",
    },
    {
      key: "item",
      header: "Nội dung kiểm tra",
      type: "enum",
      options: OPTIONS.inspectionItem,
      required: true,
      help: "Một nội dung của danh mục kiểm tra.",
      width: 40,
    },
    {
      key: "finding",
      header: "Kết quả",
      type: "enum",
      options: OPTIONS.finding,
      required: true,
      help: "Đạt hoặc Chưa đạt.",
      width: 10,
    },
    textColumn("note", "Ghi chú", "Điều đoàn ghi nhận (tồn tại, minh chứng đã xem).", 30),
    textColumn("recommendation", "Kiến nghị", "Việc đơn vị cần khắc phục, nếu có.", 30),
    dateColumn("deadline", "Thời hạn khắc phục"),
    dateColumn("recheckDate", "Ngày kiểm tra lại"),
    booleanColumn("recheckDone", "Đã khắc phục", "Kết quả kiểm tra lại kiến nghị."),
    textColumn("recheckNote", "Ghi chú kiểm tra lại", "Điều đoàn ghi nhận khi kiểm tra lại.", 30),
  ],
  naturalKey: ["visitId", "item"],
  primary: "inspectionFindings",
  // A deadline or a re-check is of a recommendation: without one, it names nothing.
  checkRow: (row) =>
    row.recommendation === undefined
      ? (["deadline", "recheckDate", "recheckDone"] as const)
          .filter((key) => row[key] !== undefined)
          .map((column) => ({ column, code: "REQUIRES_RECOMMENDATION" as const }))
      : [],
  toDocuments: (row, { year }) => [
    {
      collection: "inspectionFindings",
      id: inspectionFindingId(row),
      data: {
        ...pick(row, [
          "visitId",
          "item",
          "finding",
          "note",
          "recommendation",
          "deadline",
          "recheckDate",
          "recheckDone",
          "recheckNote",
        ]),
        year,
      },
      schema: InspectionFinding,
    },
  ],
});
