/** Đăng ký thi đua: what each person and collective registers for at the start of the year. */
import { subjectYearId } from "../../domain/document-ids.js";
import { Registration } from "../../domain/model.js";
import { matchKey } from "../cells.js";
import { defineTab, pick } from "../definition.js";
import { dateColumn, subjectColumns } from "./columns.js";
import { OPTIONS } from "./options.js";

export const registrations = defineTab({
  id: "dang-ky",
  title: "Đăng ký thi đua",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Đăng ký danh hiệu, hình thức khen thưởng và chỉ tiêu cam kết đầu năm học, kết quả đạt được cuối năm (cá nhân và tập thể).",
  columns: [
    ...subjectColumns,
    {
      key: "titles",
      header: "Danh hiệu thi đua đăng ký",
      type: "list",
      item: OPTIONS.title,
      required: false,
      help: "Một hoặc nhiều danh hiệu, cách nhau bằng dấu chấm phẩy; ví dụ: Lao động tiên tiến; Chiến sĩ thi đua cơ sở.",
      width: 30,
    },
    {
      key: "forms",
      header: "Hình thức khen thưởng đăng ký",
      type: "list",
      item: OPTIONS.form,
      required: false,
      help: "Ví dụ: Giấy khen của Giám đốc Sở Giáo dục và Đào tạo.",
      width: 30,
    },
    {
      key: "commitments",
      header: "Chỉ tiêu cam kết",
      type: "list",
      item: "pair",
      required: false,
      help: 'Mỗi chỉ tiêu "tên: giá trị", cách nhau bằng dấu chấm phẩy; ví dụ: Tỷ lệ học sinh khá giỏi (%): 85; Sáng kiến: 1.',
      width: 40,
    },
    {
      key: "achieved",
      header: "Kết quả đạt được",
      type: "list",
      item: "pair",
      required: false,
      help: 'Cuối năm học: kết quả từng chỉ tiêu, đúng tên như cột "Chỉ tiêu cam kết"; ví dụ: Tỷ lệ học sinh khá giỏi (%): 87; Sáng kiến: 1.',
      width: 40,
    },
    dateColumn("registeredOn", "Ngày đăng ký"),
  ],
  naturalKey: ["subjectId"],
  primary: "registrations",
  // A result is read next to its target: one without a registered target would be silently lost.
  checkRow: (row) => {
    const targets = new Set((row.commitments ?? []).map((pair) => matchKey(pair.key)));
    return (row.achieved ?? [])
      .filter((pair) => !targets.has(matchKey(pair.key)))
      .map((pair) => ({
        column: "achieved" as const,
        code: "ACHIEVED_WITHOUT_TARGET" as const,
        value: pair.key,
      }));
  },
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "registrations",
      id: subjectYearId(unitId, row.subjectId),
      data: {
        ...pick(row, ["subjectKind", "subjectId", "titles", "forms", "registeredOn"]),
        // "Chỉ tiêu cam kết" pairs become structured commitments, comparable with year-end results.
        commitments: (row.commitments ?? []).map((pair) => {
          const achieved = row.achieved?.find((result) => matchKey(result.key) === matchKey(pair.key));
          return achieved === undefined
            ? { key: pair.key, target: pair.value }
            : { key: pair.key, target: pair.value, achieved: achieved.value };
        }),
        year,
        unitId,
      },
      schema: Registration,
    },
  ],
});
