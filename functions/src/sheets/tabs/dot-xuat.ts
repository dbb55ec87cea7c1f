/** Thành tích đột xuất: national and international prizes of students and their coaches. */
import { joinId } from "../../domain/document-ids.js";
import { Achievement } from "../../domain/model.js";
import { foldForMatching } from "../../domain/text.js";
import { defineTab, pick } from "../definition.js";
import { birthDateColumn, decisionDateColumn, decisionNoColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

/** An id from free text (names, contest titles): folded, "-" for anything but letters and digits. */
const slugId = (...parts: readonly (string | undefined)[]): string =>
  parts
    .map((part) =>
      foldForMatching(part ?? "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .join("_")
    .slice(0, 180);

export const achievements = defineTab({
  id: "dot-xuat",
  title: "Thành tích đột xuất",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Giải quốc gia, quốc tế của học sinh và giáo viên hướng dẫn (khen thưởng đột xuất, NĐ 110/2020).",
  columns: [
    {
      key: "role",
      header: "Đối tượng",
      type: "enum",
      options: OPTIONS.achieverRole,
      required: true,
      help: "Học sinh, hoặc giáo viên hướng dẫn học sinh đạt giải.",
      width: 16,
    },
    textColumn("fullName", "Họ và tên", "Họ và tên học sinh hoặc giáo viên.", 26, true),
    birthDateColumn,
    textColumn("className", "Lớp", "Học sinh: lớp đang học.", 8),
    {
      ...textColumn(
        "personId",
        "Mã cán bộ",
        "Giáo viên: Mã cán bộ ở tab Cán bộ (bắt buộc với giáo viên).",
        14,
      ),
      names: "person",
    },
    textColumn(
      "contest",
      "Cuộc thi / kỳ thi",
      "Ví dụ Kỳ thi chọn học sinh giỏi quốc gia THPT năm 2026.",
      34,
      true,
    ),
    {
      key: "contestLevel",
      header: "Cấp cuộc thi",
      type: "enum",
      options: OPTIONS.contestLevel,
      required: true,
      help: "Quốc gia, Đông Nam Á, Châu Á, Quốc tế.",
      width: 12,
    },
    textColumn("subject", "Môn / lĩnh vực", "Ví dụ Toán, Vật lý, Khoa học kỹ thuật.", 16, true),
    {
      key: "prize",
      header: "Giải",
      type: "enum",
      options: OPTIONS.prize,
      required: true,
      help: "Giải Nhất, Nhì, Ba, Khuyến khích; Huy chương Vàng, Bạc, Đồng.",
      width: 16,
    },
    { ...decisionNoColumn, header: "Số QĐ công nhận giải" },
    { ...decisionDateColumn, header: "Ngày QĐ công nhận giải" },
    {
      key: "coachIds",
      header: "Mã cán bộ giáo viên hướng dẫn",
      type: "list",
      item: "text",
      required: false,
      help: "Học sinh: mã cán bộ của giáo viên hướng dẫn, cách nhau bằng dấu chấm phẩy.",
      width: 18,
      names: "person",
    },
    {
      key: "proposedForm",
      header: "Hình thức đề nghị",
      type: "enum",
      options: OPTIONS.form,
      required: false,
      help: "Ví dụ Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh.",
      width: 30,
    },
  ],
  naturalKey: ["role", "fullName", "birthDate", "contest", "subject"],
  primary: "achievements",
  toDocuments: (row, { unitId, year }) => {
    const id = joinId(unitId, slugId(row.role, row.fullName, row.birthDate, row.contest, row.subject));
    return [
      {
        collection: "achievements",
        id,
        data: {
          ...pick(row, [
            "role",
            "fullName",
            "birthDate",
            "className",
            "personId",
            "contest",
            "contestLevel",
            "subject",
            "prize",
            "decisionNo",
            "decisionDate",
            "coachIds",
            "proposedForm",
          ]),
          id,
          year,
          unitId,
        },
        schema: Achievement,
      },
    ];
  },
});
