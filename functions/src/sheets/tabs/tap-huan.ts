/**
 * Tập huấn (the unit's) and Tập huấn của Sở (the Department's): training courses of the year, one
 * course a row, with the same columns (docs/duties.md). Attendance is tab "Tham dự tập huấn".
 */
import { joinId } from "../../domain/document-ids.js";
import { type CourseOrganiser, TrainingCourse } from "../../domain/emulation-officers.js";
import { type Column, defineTab, pick, type TabDefinition } from "../definition.js";
import { dateColumn, textColumn } from "./columns.js";

const courseColumns = [
  textColumn("code", "Mã lớp", "Mã lớp tập huấn, không đổi khi sửa dòng (ví dụ TH-01).", 12, true),
  textColumn("title", "Nội dung tập huấn", "Tên, nội dung lớp tập huấn, bồi dưỡng nghiệp vụ.", 36, true),
  { ...dateColumn("date", "Ngày tổ chức"), required: true },
  textColumn("place", "Địa điểm", "Nơi tổ chức.", 20),
  {
    key: "planned",
    header: "Số người dự kiến",
    type: "integer",
    min: 0,
    max: 100000,
    required: false,
    help: "Số người dự kiến tập huấn (kế hoạch).",
    width: 10,
  },
] as const satisfies readonly Column[];

const courseTab = (
  organiser: CourseOrganiser,
  spec: Pick<TabDefinition, "id" | "title" | "audience" | "scope" | "description">,
): TabDefinition =>
  defineTab({
    ...spec,
    needsYear: true,
    columns: courseColumns,
    naturalKey: ["code"],
    primary: "trainingCourses",
    toDocuments: (row, { unitId, year }) => [
      {
        collection: "trainingCourses",
        id: joinId(unitId, row.code),
        data: { ...pick(row, ["code", "title", "date", "place", "planned"]), organiser, unitId, year },
        schema: TrainingCourse,
      },
    ],
  });

export const unitCourses = courseTab("DON_VI", {
  id: "tap-huan",
  title: "Tập huấn",
  audience: "school",
  scope: "unit-year",
  description:
    "Các lớp tập huấn, bồi dưỡng nghiệp vụ thi đua, khen thưởng do đơn vị tổ chức trong năm học (kế hoạch và đã tổ chức).",
});

export const departmentCourses = courseTab("SO", {
  id: "tap-huan-so",
  title: "Tập huấn của Sở",
  audience: "department",
  scope: "global",
  description:
    "Các lớp tập huấn nghiệp vụ thi đua, khen thưởng do Sở tổ chức trong năm học; các trường ghi người tham dự ở tab Tham dự tập huấn.",
});
