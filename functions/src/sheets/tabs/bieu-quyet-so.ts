/**
 * Biểu quyết Hội đồng Sở: the Department council's votes on what the Department forwards to the Chủ
 * tịch UBND tỉnh (its dossier's biên bản, services/department-dossier.ts). Sent under the Department's
 * own unit, so the votes are the Department's, apart from each school council's (tab Đề nghị).
 */
import { proposalId } from "../../domain/document-ids.js";
import { CouncilVote } from "../../domain/model.js";
import { defineTab, pick } from "../definition.js";
import { textColumn } from "./columns.js";
import { ballotColumns, checkVote, VOTE_FIELDS } from "./de-nghi.js";
import { OPTIONS } from "./options.js";

export const departmentVotes = defineTab({
  id: "bieu-quyet-so",
  title: "Biểu quyết Hội đồng Sở",
  audience: "department",
  scope: "unit-year",
  needsYear: true,
  description:
    "Kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng Sở đối với cá nhân, tập thể Sở trình Chủ tịch UBND tỉnh.",
  columns: [
    textColumn(
      "subjectId",
      "Mã cán bộ / Mã tập thể",
      "Mã cán bộ hoặc mã đơn vị của cá nhân, tập thể được đề nghị, như ở tab Đề nghị khen thưởng của đơn vị.",
      16,
      true,
    ),
    textColumn("subjectName", "Họ và tên / Tên tập thể", "Để đối chiếu khi đọc; hệ thống dùng cột mã.", 28),
    {
      key: "target",
      header: "Danh hiệu thi đua/Hình thức khen thưởng",
      type: "enum",
      options: OPTIONS.target,
      required: true,
      help: "Danh hiệu hoặc hình thức Sở trình.",
      width: 32,
    },
    ...ballotColumns,
  ],
  naturalKey: ["subjectId", "target"],
  primary: "votes",
  // The council's size and its "đồng ý" count are the vote itself (checkVote asks for the size
  // only beside a count).
  checkRow: (row) => [
    ...(row.members === undefined && row.agree === undefined
      ? [{ column: "members" as const, code: "REQUIRED" as const }]
      : []),
    ...checkVote(row),
  ],
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "votes",
      id: proposalId({ unitId, subjectId: row.subjectId, target: row.target }),
      data: { ...pick(row, ["subjectId", "target", ...VOTE_FIELDS]), year, unitId },
      schema: CouncilVote,
    },
  ],
});
