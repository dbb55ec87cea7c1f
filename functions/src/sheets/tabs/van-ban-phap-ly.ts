/** Văn bản pháp lý: the Department's register of the year's legal documents and guidance (docs/duties.md). */
import { LEGAL_CHANGES, LegalDocument } from "../../domain/dissemination.js";
import { legalChangeLabels } from "../../domain/messages/index.js";
import { defineTab, pick } from "../definition.js";
import { booleanColumn, dateColumn, textColumn } from "./columns.js";
import { enumOptions } from "./options.js";

export const legalDocuments = defineTab({
  id: "van-ban-phap-ly",
  title: "Văn bản pháp lý",
  audience: "department",
  scope: "global",
  needsYear: true,
  description:
    "Danh mục văn bản pháp lý và hướng dẫn thi đua, khen thưởng của năm học; các trường ghi mã văn bản ở tab Hội nghị quán triệt và Xác nhận quán triệt.",
  columns: [
    textColumn(
      "code",
      "Mã văn bản",
      "Mã ngắn do Sở đặt, không đổi (ví dụ VB-01); các trường ghi mã này.",
      12,
      true,
    ),
    textColumn("number", "Số, ký hiệu", "Ví dụ 06/2022/QH15, 152/2025/NĐ-CP.", 18, true),
    { ...dateColumn("date", "Ngày ban hành"), required: true },
    textColumn("issuer", "Cơ quan ban hành", "Ví dụ Quốc hội, Chính phủ, UBND tỉnh, Sở GDĐT.", 20, true),
    textColumn("summary", "Trích yếu", "Trích yếu nội dung văn bản.", 40, true),
    textColumn("link", "Đường dẫn", "Địa chỉ http(s) của văn bản.", 30),
    textColumn("news", "Điểm mới", "Những điểm mới cần quán triệt.", 40),
    {
      key: "changes",
      header: "Thay đổi tiêu chí",
      type: "list",
      item: enumOptions(legalChangeLabels, LEGAL_CHANGES),
      required: false,
      help: "Văn bản thay đổi tiêu chí cá nhân, tập thể, hay quyền lợi; cách nhau bằng dấu chấm phẩy.",
      width: 24,
    },
    booleanColumn(
      "requiresBriefing",
      "Phải quán triệt",
      "Có: mọi đơn vị tổ chức hội nghị quán triệt văn bản này (mặc định).",
    ),
    dateColumn(
      "deadline",
      "Hạn quán triệt",
      "dd/MM/yyyy. Để trống: 30 ngày kể từ ngày ban hành (mặc định, chưa có văn bản quy định).",
    ),
  ],
  naturalKey: ["code"],
  primary: "legalDocuments",
  toDocuments: (row, { year }) => [
    {
      collection: "legalDocuments",
      id: row.code ?? "",
      data: {
        ...pick(row, [
          "code",
          "number",
          "date",
          "issuer",
          "summary",
          "link",
          "news",
          "changes",
          "requiresBriefing",
          "deadline",
        ]),
        year,
      },
      schema: LegalDocument,
    },
  ],
});
