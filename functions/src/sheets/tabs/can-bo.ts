/** Cán bộ: the unit's roster, one person a row. */
import { Person } from "../../domain/model.js";
import { defineTab, pick } from "../definition.js";
import { birthDateColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const staff = defineTab({
  id: "can-bo",
  title: "Cán bộ",
  audience: "school",
  scope: "unit",
  needsYear: false,
  description: "Danh sách cán bộ, giáo viên, nhân viên của đơn vị: mỗi người một dòng.",
  columns: [
    textColumn(
      "id",
      "Mã cán bộ",
      "Mã số viên chức hoặc mã do Sở cấp; không đổi giữa các năm, không trùng giữa các trường.",
      14,
      true,
    ),
    textColumn("fullName", "Họ và tên", "Họ, tên đệm và tên, có dấu.", 26, true),
    {
      key: "gender",
      header: "Giới tính",
      type: "enum",
      options: OPTIONS.gender,
      required: true,
      help: "Nam hoặc Nữ.",
      width: 10,
    },
    birthDateColumn,
    textColumn("ethnicity", "Dân tộc", "Ví dụ Kinh, Tày, Mường.", 10),
    textColumn("position", "Chức vụ", "Ví dụ Hiệu trưởng, Tổ trưởng, Giáo viên.", 18),
    textColumn(
      "group",
      "Tổ chuyên môn",
      "Tổ chuyên môn hoặc tổ văn phòng (nhóm cùng nhiệm vụ khi xét tỷ lệ HTXS).",
      18,
    ),
    textColumn(
      "staffCategory",
      "Phân loại đối tượng",
      "Như trong mẫu của tỉnh: lãnh đạo từ phó phòng trở lên / người trực tiếp công tác, lao động…",
      22,
    ),
    textColumn("email", "Email", "Địa chỉ e-mail công vụ (không bắt buộc).", 24),
  ],
  naturalKey: ["id"],
  primary: "people",
  toDocuments: (row, { unitId }) => [
    {
      collection: "people",
      id: row.id ?? "",
      data: {
        ...pick(row, [
          "id",
          "fullName",
          "gender",
          "birthDate",
          "ethnicity",
          "position",
          "group",
          "staffCategory",
          "email",
        ]),
        unitId,
      },
      schema: Person,
    },
  ],
});
