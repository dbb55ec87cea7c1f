/**
 * Xác nhận quán triệt: each staff member's acknowledgements of the year (docs/duties.md). One row a
 * person, the documents in two list cells: the sheet is as long as the roster, the officer pastes the
 * roster's ids once and fills the same codes down, instead of one row per person and document.
 */
import { Acknowledgement } from "../../domain/dissemination.js";
import { joinId } from "../../domain/document-ids.js";
import { defineTab, pick } from "../definition.js";
import { dateColumn, textColumn } from "./columns.js";

export const acknowledgements = defineTab({
  id: "xac-nhan-quan-triet",
  title: "Xác nhận quán triệt",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Mỗi cán bộ một dòng: các văn bản đã đọc và các văn bản đã tham gia hội nghị quán triệt trong năm học (ghi mã văn bản của Sở).",
  columns: [
    { ...textColumn("personId", "Mã cán bộ", 'Mã cán bộ ở tab "Cán bộ".', 14, true), names: "person" },
    textColumn("fullName", "Họ và tên", "Để đối chiếu khi đọc; hệ thống dùng cột mã.", 24),
    {
      key: "read",
      header: "Đã đọc",
      type: "list",
      item: "text",
      required: false,
      help: "Mã các văn bản người này đã đọc; cách nhau bằng dấu chấm phẩy.",
      width: 24,
      refers: "legalDocument",
    },
    {
      key: "attended",
      header: "Đã tham gia quán triệt",
      type: "list",
      item: "text",
      required: false,
      help: "Mã các văn bản người này đã dự hội nghị quán triệt (tính là đã đọc); cách nhau bằng dấu chấm phẩy.",
      width: 24,
      refers: "legalDocument",
    },
    dateColumn("date", "Ngày xác nhận"),
  ],
  naturalKey: ["personId"],
  primary: "acknowledgements",
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "acknowledgements",
      id: joinId(unitId, row.personId),
      data: { ...pick(row, ["personId", "read", "attended", "date"]), unitId, year },
      schema: Acknowledgement,
    },
  ],
});
