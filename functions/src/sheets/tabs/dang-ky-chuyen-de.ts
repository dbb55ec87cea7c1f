/**
 * Đăng ký chuyên đề: the unit registers, at the start of the year, for one or more thematic fields,
 * one field a row (docs/domain.md §19). A registration after the field's deadline is accepted and
 * flagged in the status column (services/thematic-ingest.ts); the selection names it, never proposes it.
 */
import { thematicUnitFieldId } from "../../domain/document-ids.js";
import { ThematicRegistration } from "../../domain/thematic.js";
import { defineTab, pick } from "../definition.js";
import { textColumn } from "./columns.js";

export const thematicRegistrations = defineTab({
  id: "dang-ky-chuyen-de",
  title: "Đăng ký chuyên đề",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Đơn vị đăng ký khen thưởng chuyên đề đầu năm học: mỗi lĩnh vực một dòng, với ngày đăng ký và nội dung cam kết.",
  columns: [
    textColumn(
      "field",
      "Mã lĩnh vực",
      "Mã lĩnh vực như tab Lĩnh vực chuyên đề của Sở (ví dụ cntt).",
      16,
      true,
    ),
    {
      key: "registeredOn",
      header: "Ngày đăng ký",
      type: "date",
      required: true,
      help: "dd/MM/yyyy. Sau hạn đăng ký của lĩnh vực: vẫn lưu, nhưng bị đánh dấu và không được đề nghị.",
      width: 12,
    },
    textColumn(
      "content",
      "Nội dung đăng ký, cam kết",
      "Những việc đơn vị cam kết thực hiện trong lĩnh vực.",
      40,
    ),
  ],
  naturalKey: ["field"],
  primary: "thematicRegistrations",
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "thematicRegistrations",
      id: thematicUnitFieldId({ unitId, field: row.field }),
      data: { ...pick(row, ["field", "registeredOn", "content"]), unitId, year },
      schema: ThematicRegistration,
    },
  ],
});
