/**
 * Kết quả chuyên đề: the result of each unit in each field, from the inspections of the Thường trực
 * thi đua with the specialist divisions (docs/domain.md §19): a score, a rating, or both.
 */
import { thematicUnitFieldId } from "../../domain/document-ids.js";
import { ThematicResult } from "../../domain/thematic.js";
import { defineTab, pick } from "../definition.js";
import { dateColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const thematicResults = defineTab({
  id: "ket-qua-chuyen-de",
  title: "Kết quả chuyên đề",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Kết quả kiểm tra chuyên đề của từng đơn vị ở từng lĩnh vực (Thường trực thi đua và các phòng chuyên môn nhập); mỗi đơn vị, mỗi lĩnh vực một dòng.",
  columns: [
    textColumn("unitId", "Mã đơn vị", "Mã đơn vị như tab Đơn vị.", 16, true),
    textColumn("field", "Mã lĩnh vực", "Mã lĩnh vực như tab Lĩnh vực chuyên đề.", 16, true),
    {
      key: "score",
      header: "Điểm",
      type: "number",
      min: 0,
      max: 100,
      required: false,
      help: "Điểm kiểm tra trên thang 100; ghi điểm hoặc xếp loại (hoặc cả hai).",
      width: 8,
    },
    {
      key: "rating",
      header: "Xếp loại",
      type: "enum",
      options: OPTIONS.thematicRating,
      required: false,
      help: "Xuất sắc, Tốt, Đạt hoặc Chưa đạt; để trống thì tính theo điểm (từ 90 Xuất sắc, từ 80 Tốt, từ 50 Đạt).",
      width: 12,
    },
    dateColumn("inspectedOn", "Ngày kiểm tra"),
    textColumn("team", "Đoàn kiểm tra", "Ví dụ Thường trực thi đua và Phòng Giáo dục Trung học.", 28),
    textColumn("notes", "Ghi chú", "Nhận xét của đoàn kiểm tra.", 30),
  ],
  naturalKey: ["unitId", "field"],
  primary: "thematicResults",
  checkRow: (row) =>
    row.score === undefined && row.rating === undefined ? [{ column: "score", code: "REQUIRED" }] : [],
  toDocuments: (row, { year }) => [
    {
      collection: "thematicResults",
      id: thematicUnitFieldId(row),
      data: { ...pick(row, ["unitId", "field", "score", "rating", "inspectedOn", "team", "notes"]), year },
      schema: ThematicResult,
    },
  ],
});
