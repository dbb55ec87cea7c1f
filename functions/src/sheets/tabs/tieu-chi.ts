/** Tiêu chí thi đua: the criteria groups of the cụm/khối ranking, one group a row (docs/domain.md §18). */
import { criteriaGroupId } from "../../domain/document-ids.js";
import { CriteriaGroup } from "../../domain/model.js";
import { defineTab, pick } from "../definition.js";
import { textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const criteriaGroups = defineTab({
  id: "tieu-chi",
  title: "Tiêu chí thi đua",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Nhóm tiêu chí chấm điểm thi đua các cụm, khối trong năm học: điểm tối đa, hệ số, nguồn dữ liệu; mỗi nhóm một dòng.",
  columns: [
    textColumn(
      "clusterId",
      "Cụm, khối thi đua",
      "Mã cụm, khối như tab Đơn vị; để trống nếu áp dụng cho mọi cụm, khối (cụm, khối nào có dòng cùng mã nhóm riêng thì dùng dòng riêng).",
      16,
    ),
    textColumn("code", "Mã nhóm tiêu chí", "Mã ngắn, không dấu, ví dụ cam-ket.", 14, true),
    textColumn("name", "Tên nhóm tiêu chí", "Ví dụ Thực hiện cam kết chất lượng.", 32, true),
    {
      key: "source",
      header: "Nguồn dữ liệu",
      type: "enum",
      options: OPTIONS.criteriaSource,
      required: true,
      help: "Dữ liệu hệ thống dùng để chấm nhóm này; Thường trực chấm điểm: điểm ở tab Chấm điểm thi đua.",
      width: 26,
    },
    {
      key: "maxScore",
      header: "Điểm tối đa",
      type: "number",
      min: 0,
      max: 1000,
      required: true,
      help: "Điểm của nhóm không vượt quá số này.",
      width: 10,
    },
    {
      key: "weight",
      header: "Hệ số",
      type: "number",
      min: 0,
      max: 100,
      required: false,
      help: "Nhân với điểm nhóm khi cộng tổng; mặc định 1.",
      width: 8,
    },
  ],
  naturalKey: ["clusterId", "code"],
  primary: "criteria",
  toDocuments: (row, { year }) => [
    {
      collection: "criteria",
      id: criteriaGroupId(row),
      data: { ...pick(row, ["clusterId", "code", "name", "source", "maxScore", "weight"]), year },
      schema: CriteriaGroup,
    },
  ],
});
