/** Kế hoạch kiểm tra: the year's plan of visits, one visit of one team to one unit a row. */
import { InspectionVisit } from "../../domain/inspection.js";
import { defineTab, pick } from "../definition.js";
import { dateColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const inspectionPlan = defineTab({
  id: "ke-hoach-kiem-tra",
  title: "Kế hoạch kiểm tra",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Kế hoạch kiểm tra, tư vấn công tác thi đua, khen thưởng: mỗi cuộc kiểm tra một dòng (đoàn, đơn vị, ngày, hình thức).",
  columns: [
    textColumn(
      "visitId",
      "Mã cuộc kiểm tra",
      "Mã ngắn, không dấu, không đổi khi sửa dòng, ví dụ kt-01.",
      14,
      true,
    ),
    textColumn("teamId", "Mã đoàn", "Mã đoàn như tab Đoàn kiểm tra.", 12, true),
    {
      ...textColumn("unitId", "Mã đơn vị", "Mã đơn vị được kiểm tra, như tab Đơn vị.", 16, true),
      refersTo: "units",
    },
    { ...dateColumn("date", "Ngày kiểm tra"), required: true },
    {
      key: "kind",
      header: "Hình thức",
      type: "enum",
      options: OPTIONS.visitKind,
      required: true,
      help: "Đầu năm học, kết hợp kiểm tra, hoặc kết hợp đánh giá trường chuẩn quốc gia.",
      width: 22,
    },
    {
      key: "number",
      header: "Số biên bản",
      type: "integer",
      min: 1,
      max: 9999,
      required: false,
      help: "Số của biên bản kiểm tra trong năm; cần có trước khi in biên bản.",
      width: 10,
    },
    textColumn("unitHead", "Thủ trưởng đơn vị", "Họ và tên người ký biên bản thay mặt đơn vị.", 24),
    textColumn("unitHeadPosition", "Chức vụ thủ trưởng", "Ví dụ Hiệu trưởng.", 16),
    {
      key: "representatives",
      header: "Đại diện đơn vị",
      type: "list",
      item: "text",
      required: false,
      help: 'Những người khác của đơn vị dự buổi kiểm tra, mỗi người "Họ và tên, chức vụ"; cách nhau bằng dấu chấm phẩy.',
      width: 36,
    },
  ],
  naturalKey: ["visitId"],
  primary: "inspectionVisits",
  toDocuments: (row, { year }) => [
    {
      collection: "inspectionVisits",
      id: row.visitId ?? "",
      data: {
        ...pick(row, [
          "visitId",
          "teamId",
          "unitId",
          "date",
          "kind",
          "number",
          "unitHead",
          "unitHeadPosition",
          "representatives",
        ]),
        year,
      },
      schema: InspectionVisit,
    },
  ],
});
