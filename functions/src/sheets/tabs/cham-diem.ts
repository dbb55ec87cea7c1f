/** Chấm điểm thi đua: the Thường trực's scores of units in the MANUAL criteria groups (docs/domain.md §18). */
import { manualScoreId } from "../../domain/document-ids.js";
import { ManualScore } from "../../domain/model.js";
import { defineTab, pick } from "../definition.js";
import { textColumn } from "./columns.js";

export const manualScores = defineTab({
  id: "cham-diem",
  title: "Chấm điểm thi đua",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Điểm Thường trực Hội đồng chấm cho từng đơn vị ở các nhóm tiêu chí có nguồn Thường trực chấm điểm; mỗi đơn vị, mỗi nhóm một dòng.",
  columns: [
    textColumn("unitId", "Mã đơn vị", "Mã đơn vị như tab Đơn vị.", 16, true),
    textColumn("group", "Mã nhóm tiêu chí", "Mã nhóm như tab Tiêu chí thi đua.", 14, true),
    {
      key: "score",
      header: "Điểm",
      type: "number",
      min: 0,
      max: 1000,
      required: true,
      help: "Điểm lớn hơn điểm tối đa của nhóm được tính bằng điểm tối đa.",
      width: 8,
    },
    textColumn("note", "Ghi chú", "Căn cứ chấm điểm (biên bản kiểm tra, …).", 30),
  ],
  naturalKey: ["unitId", "group"],
  primary: "scores",
  toDocuments: (row, { year }) => [
    {
      collection: "scores",
      id: manualScoreId(row),
      data: { ...pick(row, ["unitId", "group", "score", "note"]), year },
      schema: ManualScore,
    },
  ],
});
