/** Giao lưu học hỏi kinh nghiệm: the unit's exchange visits of the year (docs/duties.md). */
import { joinId } from "../../domain/document-ids.js";
import { ExchangeVisit, VISIT_SCOPES } from "../../domain/emulation-officers.js";
import { visitScopeLabels } from "../../domain/messages/index.js";
import { defineTab, pick } from "../definition.js";
import { dateColumn, textColumn } from "./columns.js";
import { enumOptions } from "./options.js";

export const exchangeVisits = defineTab({
  id: "giao-luu",
  title: "Giao lưu học hỏi",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Các chuyến giao lưu, học hỏi kinh nghiệm về công tác thi đua, khen thưởng trong và ngoài tỉnh của đơn vị trong năm học.",
  columns: [
    textColumn("code", "Mã chuyến", "Mã do trường đặt, không đổi khi sửa dòng (ví dụ GL-01).", 12, true),
    { ...dateColumn("date", "Ngày"), required: true },
    textColumn("host", "Đơn vị, nơi đến", "Đơn vị được học hỏi, địa phương.", 30, true),
    {
      key: "scope",
      header: "Phạm vi",
      type: "enum",
      options: enumOptions(visitScopeLabels, VISIT_SCOPES),
      required: true,
      help: "Trong tỉnh hoặc Ngoài tỉnh.",
      width: 12,
    },
    {
      key: "participantIds",
      header: "Mã cán bộ tham gia",
      type: "list",
      item: "text",
      required: true,
      help: 'Mã cán bộ ở tab "Cán bộ" của những người tham gia; cách nhau bằng dấu chấm phẩy.',
      width: 24,
      names: "person",
    },
    textColumn("lessons", "Bài học kinh nghiệm", "Những kinh nghiệm rút ra, sẽ áp dụng.", 40),
  ],
  naturalKey: ["code"],
  primary: "exchangeVisits",
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "exchangeVisits",
      id: joinId(unitId, row.code),
      data: { ...pick(row, ["code", "date", "host", "scope", "participantIds", "lessons"]), unitId, year },
      schema: ExchangeVisit,
    },
  ],
});
