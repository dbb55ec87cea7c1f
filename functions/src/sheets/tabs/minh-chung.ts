/**
 * Minh chứng hiệu quả công việc: the evidence beside each year-end proposal (domain/merit-evidence.ts),
 * one row per person — or collective — and year. Managers' unit-level figures (the unit's quality,
 * attendance, enrolment retention, finances, its bình xét's care for staff) are entered once, on the
 * unit's own row (Loại đối tượng Tập thể, mã đơn vị), because they are the unit's and not each manager's:
 * the principal and the vice-principals read the same figures, never two versions of them.
 */
import { subjectYearId } from "../../domain/document-ids.js";
import { MeritEvidence } from "../../domain/merit-evidence.js";
import { defineTab, pick } from "../definition.js";
import { subjectColumns, textColumn } from "./columns.js";

const percentColumn = <K extends string>(key: K, header: string, help: string) =>
  ({ key, header, type: "number", min: 0, max: 100, required: false, help, width: 12 }) as const;

export const meritEvidence = defineTab({
  id: "minh-chung",
  title: "Minh chứng hiệu quả công việc",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Minh chứng hiệu quả công việc bên cạnh mỗi đề nghị khen thưởng cuối năm: giáo viên một dòng mỗi người; số liệu của đơn vị (cán bộ quản lý được xét theo đó) một dòng với mã đơn vị.",
  columns: [
    ...subjectColumns,
    textColumn(
      "quality",
      "Chất lượng thực chất",
      "Giáo viên: chất lượng giảng dạy thực chất (kết quả môn học). Đơn vị: chất lượng giáo dục thực chất cuối năm.",
      30,
    ),
    percentColumn(
      "attendance",
      "Chuyên cần (%)",
      "Giáo viên: tỷ lệ chuyên cần của học sinh ở môn mình dạy. Đơn vị: tỷ lệ chuyên cần toàn trường. Từ 0 đến 100.",
    ),
    percentColumn(
      "retention",
      "Duy trì sĩ số (%)",
      "Đơn vị: tỷ lệ duy trì sĩ số cuối năm học. Từ 0 đến 100.",
    ),
    textColumn(
      "finance",
      "Quản lý tài chính",
      "Đơn vị: kết quả quản lý tài chính, tài sản (ví dụ kết luận kiểm tra).",
      24,
    ),
    textColumn(
      "staffCare",
      "Bình xét quan tâm cán bộ",
      "Đơn vị: việc bình xét thi đua của đơn vị có quan tâm đến cán bộ, giáo viên, nhân viên trực tiếp không.",
      24,
    ),
    textColumn(
      "homeroom",
      "Công tác chủ nhiệm",
      "Giáo viên chủ nhiệm: kết quả lớp chủ nhiệm; để trống nếu không phân công.",
      24,
    ),
    textColumn(
      "gifted",
      "Bồi dưỡng học sinh giỏi",
      "Kết quả bồi dưỡng học sinh giỏi; để trống nếu không phân công.",
      24,
    ),
    textColumn(
      "remedial",
      "Phụ đạo học sinh yếu",
      "Kết quả phụ đạo học sinh yếu, kém; để trống nếu không phân công.",
      24,
    ),
    textColumn(
      "movements",
      "Tham gia phong trào",
      "Các phong trào, cuộc vận động đã tham gia và kết quả.",
      24,
    ),
    textColumn("note", "Ghi chú", "Ghi chú thêm.", 20),
  ],
  naturalKey: ["subjectId"],
  primary: "evidence",
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "evidence",
      id: subjectYearId(unitId, row.subjectId),
      data: {
        ...pick(row, [
          "subjectKind",
          "subjectId",
          "quality",
          "attendance",
          "retention",
          "finance",
          "staffCare",
          "homeroom",
          "gifted",
          "remedial",
          "movements",
          "note",
        ]),
        year,
        unitId,
      },
      schema: MeritEvidence,
    },
  ],
});
