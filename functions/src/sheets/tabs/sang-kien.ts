/** Sáng kiến - Đề tài: initiatives and research recognised during the year. */
import { joinId } from "../../domain/document-ids.js";
import { Initiative } from "../../domain/model.js";
import { defineTab, pick } from "../definition.js";
import { decisionDateColumn, decisionNoColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const initiatives = defineTab({
  id: "sang-kien",
  title: "Sáng kiến - Đề tài",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description: "Sáng kiến và đề tài nghiên cứu khoa học được công nhận trong năm học.",
  columns: [
    textColumn(
      "code",
      "Mã sáng kiến",
      "Mã do trường đặt, không đổi khi sửa dòng (ví dụ SK-2025-01).",
      14,
      true,
    ),
    {
      key: "kind",
      header: "Loại",
      type: "enum",
      options: OPTIONS.initiativeKind,
      required: true,
      help: "Sáng kiến hoặc Đề tài.",
      width: 14,
    },
    textColumn("title", "Tên sáng kiến / đề tài", "Tên đầy đủ như trong quyết định công nhận.", 40, true),
    {
      key: "ownerIds",
      header: "Mã cán bộ tác giả",
      type: "list",
      item: "text",
      required: true,
      help: "Mã cán bộ của tác giả, đồng tác giả; cách nhau bằng dấu chấm phẩy.",
      width: 18,
      names: "person",
    },
    {
      key: "level",
      header: "Cấp công nhận",
      type: "enum",
      options: OPTIONS.recognitionLevel,
      required: true,
      help: "Cấp cơ sở, cấp tỉnh, cấp Bộ, toàn quốc.",
      width: 14,
    },
    decisionNoColumn,
    decisionDateColumn,
  ],
  naturalKey: ["code"],
  primary: "initiatives",
  toDocuments: (row, { unitId, year }) => {
    const id = joinId(unitId, row.code);
    return [
      {
        collection: "initiatives",
        id,
        data: {
          ...pick(row, ["kind", "title", "ownerIds", "level", "decisionNo", "decisionDate"]),
          id,
          unitId,
          year,
        },
        schema: Initiative,
      },
    ];
  },
});
