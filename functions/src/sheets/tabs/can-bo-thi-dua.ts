/**
 * Cán bộ làm công tác thi đua: the unit's emulation officers (docs/duties.md). Phone and e-mail are
 * personal data: stored, never logged, never in a report, a PDF or a public page.
 */
import { joinId } from "../../domain/document-ids.js";
import { EmulationOfficer } from "../../domain/emulation-officers.js";
import { defineTab, pick } from "../definition.js";
import { decisionDateColumn, decisionNoColumn, textColumn } from "./columns.js";

export const emulationOfficers = defineTab({
  id: "can-bo-thi-dua",
  title: "Cán bộ làm công tác thi đua",
  audience: "school",
  scope: "unit",
  needsYear: false,
  description:
    "Cán bộ được phân công làm công tác thi đua, khen thưởng của đơn vị: quyết định phân công, trình độ, liên hệ (chỉ Sở và đơn vị dùng, không công khai).",
  columns: [
    { ...textColumn("personId", "Mã cán bộ", 'Mã cán bộ ở tab "Cán bộ".', 14, true), names: "person" },
    textColumn("fullName", "Họ và tên", "Để đối chiếu khi đọc; hệ thống dùng cột mã.", 24),
    { ...decisionNoColumn, header: "Số quyết định phân công" },
    { ...decisionDateColumn, header: "Ngày quyết định phân công" },
    textColumn(
      "qualifications",
      "Trình độ, bồi dưỡng",
      "Trình độ chuyên môn, lý luận, các lớp bồi dưỡng nghiệp vụ thi đua, khen thưởng.",
      30,
    ),
    textColumn("phone", "Điện thoại", "Số điện thoại liên hệ công việc.", 14),
    textColumn("email", "Thư điện tử", "Địa chỉ thư công việc.", 24),
  ],
  naturalKey: ["personId"],
  primary: "emulationOfficers",
  toDocuments: (row, { unitId }) => [
    {
      collection: "emulationOfficers",
      id: joinId(unitId, row.personId),
      data: {
        ...pick(row, ["personId", "decisionNo", "decisionDate", "qualifications", "phone", "email"]),
        unitId,
      },
      schema: EmulationOfficer,
    },
  ],
});
