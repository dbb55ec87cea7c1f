/** Tham dự tập huấn: who of the unit attended which course, and the result (docs/duties.md). */
import { joinId } from "../../domain/document-ids.js";
import { TRAINING_RESULTS, TrainingAttendance } from "../../domain/emulation-officers.js";
import { trainingResultLabels } from "../../domain/messages/index.js";
import { defineTab, pick } from "../definition.js";
import { textColumn } from "./columns.js";
import { enumOptions } from "./options.js";

export const trainingAttendance = defineTab({
  id: "tham-du-tap-huan",
  title: "Tham dự tập huấn",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    'Mỗi người tham dự một lớp tập huấn một dòng: lớp của đơn vị (tab "Tập huấn") hoặc của Sở, và kết quả.',
  columns: [
    {
      ...textColumn(
        "courseCode",
        "Mã lớp",
        'Mã lớp ở tab "Tập huấn" của đơn vị hoặc "Tập huấn của Sở".',
        12,
        true,
      ),
      refers: "trainingCourse",
    },
    { ...textColumn("personId", "Mã cán bộ", 'Mã cán bộ ở tab "Cán bộ".', 14, true), names: "person" },
    textColumn("fullName", "Họ và tên", "Để đối chiếu khi đọc; hệ thống dùng cột mã.", 24),
    {
      key: "result",
      header: "Kết quả",
      type: "enum",
      options: enumOptions(trainingResultLabels, TRAINING_RESULTS),
      required: true,
      help: "Đạt, Không đạt, hoặc Vắng.",
      width: 12,
    },
  ],
  naturalKey: ["courseCode", "personId"],
  primary: "trainingAttendance",
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "trainingAttendance",
      id: joinId(unitId, row.courseCode, row.personId),
      data: { ...pick(row, ["courseCode", "personId", "result"]), unitId, year },
      schema: TrainingAttendance,
    },
  ],
});
