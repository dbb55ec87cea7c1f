/**
 * Lĩnh vực chuyên đề: the fields of the year's khen thưởng chuyên đề, declared by the Department
 * (docs/domain.md §19). When it sends none, the guidance's defaults apply (domain/thematic.ts).
 */
import { joinId } from "../../domain/document-ids.js";
import { ThematicField } from "../../domain/thematic.js";
import { defineTab, pick } from "../definition.js";
import { dateColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const thematicFields = defineTab({
  id: "linh-vuc-chuyen-de",
  title: "Lĩnh vực chuyên đề",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Các lĩnh vực khen thưởng chuyên đề của năm học, văn bản hướng dẫn và hạn đăng ký; mỗi lĩnh vực một dòng. Chưa gửi dòng nào thì dùng danh sách mặc định theo hướng dẫn.",
  columns: [
    textColumn(
      "code",
      "Mã lĩnh vực",
      "Mã ngắn, không dấu, ví dụ cntt; trường ghi mã này khi đăng ký.",
      16,
      true,
    ),
    textColumn("name", "Tên lĩnh vực", "Ví dụ Công nghệ thông tin.", 36, true),
    textColumn("guidanceNo", "Số văn bản hướng dẫn", "Ví dụ 1520/SGDĐT-VP.", 18),
    dateColumn("guidanceDate", "Ngày văn bản hướng dẫn"),
    dateColumn(
      "registrationDeadline",
      "Hạn đăng ký",
      "dd/MM/yyyy. Đăng ký sau ngày này vẫn được lưu nhưng bị đánh dấu và không được đề nghị.",
    ),
    textColumn("division", "Phòng chuyên môn phụ trách", "Ví dụ Phòng Giáo dục Trung học.", 24),
    {
      key: "cap",
      header: "Số tập thể điển hình tối đa",
      type: "integer",
      min: 0,
      max: 1000,
      required: false,
      help: "Số tập thể được đề nghị khen thưởng của lĩnh vực; để trống: mặc định 3 (chưa xác minh, theo hướng dẫn hằng năm).",
      width: 12,
    },
    {
      key: "minRating",
      header: "Mức đề nghị",
      type: "enum",
      options: OPTIONS.thematicRating,
      required: false,
      help: "Kết quả kiểm tra thấp nhất được đề nghị; để trống: Xuất sắc (mặc định, chưa xác minh).",
      width: 12,
    },
    {
      key: "form",
      header: "Hình thức khen thưởng",
      type: "enum",
      options: OPTIONS.thematicForm,
      required: false,
      help: "Để trống: Giấy khen của Giám đốc Sở (GK-06).",
      width: 22,
    },
  ],
  naturalKey: ["code"],
  primary: "thematicFields",
  toDocuments: (row, { year }) => [
    {
      collection: "thematicFields",
      id: joinId(row.code),
      data: {
        ...pick(row, [
          "code",
          "name",
          "guidanceNo",
          "guidanceDate",
          "registrationDeadline",
          "division",
          "cap",
          "minRating",
          "form",
        ]),
        year,
      },
      schema: ThematicField,
    },
  ],
});
