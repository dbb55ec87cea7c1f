/** Đoàn kiểm tra: the inspection teams, drawn from council members; one member of one team a row. */
import { inspectionMemberId } from "../../domain/document-ids.js";
import { InspectionMember } from "../../domain/inspection.js";
import { defineTab, pick } from "../definition.js";
import { textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const inspectionTeams = defineTab({
  id: "doan-kiem-tra",
  title: "Đoàn kiểm tra",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Đoàn kiểm tra, tư vấn công tác thi đua, khen thưởng của năm học, gồm thành viên Hội đồng; mỗi thành viên của một đoàn một dòng.",
  columns: [
    textColumn(
      "teamId",
      "Mã đoàn",
      "Mã ngắn, không dấu, ví dụ doan-1; các thành viên cùng đoàn ghi cùng mã.",
      12,
      true,
    ),
    textColumn("teamName", "Tên đoàn", "Ví dụ Đoàn kiểm tra số 1.", 24, true),
    textColumn("memberId", "Mã thành viên", "Mã thành viên Hội đồng Thi đua - Khen thưởng.", 14, true),
    textColumn("fullName", "Họ và tên", "Họ và tên thành viên.", 24, true),
    textColumn(
      "position",
      "Chức vụ, đơn vị công tác",
      "Ví dụ Phó Giám đốc Sở, Phó Chủ tịch Hội đồng.",
      30,
      true,
    ),
    {
      key: "teamRole",
      header: "Nhiệm vụ trong đoàn",
      type: "enum",
      options: OPTIONS.teamRole,
      required: true,
      help: "Trưởng đoàn, Thành viên hoặc Thư ký; mỗi đoàn một trưởng đoàn.",
      width: 14,
    },
    {
      key: "seniorityYears",
      header: "Số năm công tác",
      type: "integer",
      min: 0,
      max: 60,
      required: true,
      help: "Thâm niên công tác, tính tròn năm.",
      width: 10,
    },
    textColumn("experience", "Kinh nghiệm", "Kinh nghiệm về thi đua, khen thưởng, kiểm tra (ngắn gọn).", 30),
  ],
  naturalKey: ["teamId", "memberId"],
  primary: "inspectionTeams",
  toDocuments: (row, { year }) => [
    {
      collection: "inspectionTeams",
      id: inspectionMemberId(row),
      data: {
        ...pick(row, [
          "teamId",
          "teamName",
          "memberId",
          "fullName",
          "position",
          "teamRole",
          "seniorityYears",
          "experience",
        ]),
        year,
      },
      schema: InspectionMember,
    },
  ],
});
