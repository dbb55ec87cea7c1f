/** Hội nghị quán triệt: the unit's sessions on the year's legal documents (docs/duties.md). */
import { BriefingSession } from "../../domain/dissemination.js";
import { joinId } from "../../domain/document-ids.js";
import { defineTab, pick } from "../definition.js";
import { dateColumn, textColumn } from "./columns.js";

export const briefingSessions = defineTab({
  id: "hoi-nghi-quan-triet",
  title: "Hội nghị quán triệt",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Các hội nghị quán triệt văn bản thi đua, khen thưởng của đơn vị trong năm học: ngày, số người dự, văn bản quán triệt, đường dẫn đăng tải trên cổng thông tin.",
  columns: [
    textColumn("code", "Mã hội nghị", "Mã do trường đặt, không đổi khi sửa dòng (ví dụ HN-01).", 12, true),
    { ...dateColumn("date", "Ngày tổ chức"), required: true },
    {
      key: "attendees",
      header: "Số người dự",
      type: "integer",
      min: 0,
      max: 10000,
      required: true,
      help: "Số cán bộ, giáo viên, nhân viên dự hội nghị.",
      width: 10,
    },
    {
      key: "documentCodes",
      header: "Văn bản quán triệt",
      type: "list",
      item: "text",
      required: true,
      help: 'Mã văn bản ở tab "Văn bản pháp lý" của Sở; cách nhau bằng dấu chấm phẩy.',
      width: 24,
      refers: "legalDocument",
    },
    textColumn(
      "portalLink",
      "Đường dẫn cổng thông tin",
      "Địa chỉ http(s) của trang đăng tải văn bản trên cổng thông tin của trường.",
      30,
    ),
  ],
  naturalKey: ["code"],
  primary: "briefingSessions",
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "briefingSessions",
      id: joinId(unitId, row.code),
      data: { ...pick(row, ["code", "date", "attendees", "documentCodes", "portalLink"]), unitId, year },
      schema: BriefingSession,
    },
  ],
});
