/** Đơn vị: the Department's register of units. */
import { Unit } from "../../domain/model.js";
import { defineTab } from "../definition.js";
import { textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const units = defineTab({
  id: "don-vi",
  title: "Đơn vị",
  audience: "department",
  scope: "global",
  needsYear: false,
  description: "Danh mục đơn vị: trường, cấp học, cụm/khối thi đua, cơ quan quản lý.",
  columns: [
    textColumn("id", "Mã đơn vị", "Mã không đổi, không chứa dấu /.", 14, true),
    textColumn("name", "Tên đơn vị", "Ví dụ Trường THPT Lê Quý Đôn.", 32, true),
    textColumn("abbreviation", "Tên viết tắt", "Dùng trong ký hiệu văn bản, ví dụ THPTLQĐ.", 12, true),
    {
      key: "level",
      header: "Cấp học",
      type: "enum",
      options: OPTIONS.schoolLevel,
      required: true,
      help: "",
      width: 20,
    },
    textColumn("clusterId", "Cụm, khối thi đua", "Mã hoặc tên cụm, khối thi đua.", 16, true),
    {
      key: "managingAuthority",
      header: "Cơ quan quản lý",
      type: "enum",
      options: OPTIONS.managingAuthority,
      required: true,
      help: "Sở Giáo dục và Đào tạo hoặc Ủy ban nhân dân xã.",
      width: 22,
    },
    textColumn("managingBodyName", "Tên cơ quan chủ quản", "Ví dụ Ủy ban nhân dân xã Hòa Bình.", 30, true),
    textColumn("place", "Địa danh", "Địa danh ghi trên văn bản.", 14, true),
    textColumn("commune", "Xã, phường", "", 16),
    textColumn(
      "communeUnitId",
      "Mã đơn vị xã quản lý",
      "Trường do xã quản lý: mã đơn vị của Ủy ban nhân dân xã (để chuyên viên xã xem và duyệt dữ liệu của trường).",
      16,
    ),
    textColumn("address", "Địa chỉ", "", 30),
    textColumn("phone", "Điện thoại", "", 14),
    textColumn("principalName", "Hiệu trưởng", "Họ và tên thủ trưởng đơn vị.", 24),
  ],
  naturalKey: ["id"],
  primary: "units",
  toDocuments: (row) => [{ collection: "units", id: row.id ?? "", data: { ...row }, schema: Unit }],
});
