/** Đề nghị khen thưởng: the unit council's proposals, with the vote that carried them. */
import { proposalId } from "../../domain/document-ids.js";
import { CouncilVote, Proposal } from "../../domain/model.js";
import { type Column, defineTab, type KeyOf, pick, type RowIssue, type RowOf } from "../definition.js";
import { awardKindColumn, subjectColumns, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

/** A count of the council's ballots. */
const ballotColumn = <K extends string>(key: K, header: string, help = "", min = 0) =>
  ({ key, header, type: "integer", min, required: false, help, width: 10 }) as const;

export const VOTE_FIELDS = [
  "ballotType",
  "members",
  "issued",
  "returned",
  "valid",
  "agree",
  "disagree",
] as const;

/** The council's tally of one candidate: the Đề nghị tab's and the Department council's (bieu-quyet-so). */
export const ballotColumns = [
  {
    key: "ballotType",
    header: "Hình thức bỏ phiếu",
    type: "enum",
    options: OPTIONS.ballotType,
    required: false,
    help: "Mặc định bỏ phiếu kín.",
    width: 14,
  },
  ballotColumn(
    "members",
    "Số thành viên hội đồng",
    "Tổng số thành viên Hội đồng (mẫu số tính tỷ lệ phiếu).",
    1,
  ),
  ballotColumn("issued", "Số phiếu phát ra"),
  ballotColumn("returned", "Số phiếu thu về"),
  ballotColumn("valid", "Số phiếu hợp lệ"),
  ballotColumn("agree", "Số phiếu đồng ý", "Bắt buộc với CSTĐCS, CSTĐ tỉnh, Cờ thi đua."),
  ballotColumn("disagree", "Số phiếu không đồng ý"),
] as const satisfies readonly Column[];

const columns = [
  ...subjectColumns,
  {
    key: "target",
    header: "Danh hiệu thi đua/Hình thức khen thưởng",
    type: "enum",
    options: OPTIONS.target,
    required: true,
    help: "Danh hiệu hoặc hình thức đề nghị.",
    width: 32,
  },
  awardKindColumn,
  textColumn("summary", "Tóm tắt thành tích", "1–3 dòng.", 40),
  ...ballotColumns,
] as const satisfies readonly Column[];

/** A tally needs the council's size, and no count exceeds it. */
export function checkVote(row: RowOf<typeof ballotColumns>): RowIssue<KeyOf<typeof ballotColumns>>[] {
  const { members } = row;
  const issues: RowIssue<KeyOf<typeof ballotColumns>>[] = [];
  if (row.agree !== undefined && members === undefined) issues.push({ column: "members", code: "REQUIRED" });
  if (members === undefined) return issues;
  if (row.agree === undefined) issues.push({ column: "agree", code: "REQUIRED" });
  for (const key of ["issued", "returned", "valid", "agree", "disagree"] as const) {
    const value = row[key];
    if (value !== undefined && value > members)
      issues.push({ column: key, code: "VOTE_EXCEEDS_MEMBERS", value: String(value), max: members });
  }
  const agree = row.agree ?? 0;
  const disagree = row.disagree ?? 0;
  if (agree <= members && disagree <= members && agree + disagree > members)
    issues.push({
      column: "disagree",
      code: "VOTE_EXCEEDS_MEMBERS",
      value: String(agree + disagree),
      max: members,
    });
  return issues;
}

export const proposals = defineTab({
  id: "de-nghi",
  title: "Đề nghị khen thưởng",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Cá nhân, tập thể được Hội đồng Thi đua - Khen thưởng của đơn vị đề nghị, kèm kết quả bỏ phiếu.",
  columns,
  naturalKey: ["subjectId", "target"],
  primary: "proposals",
  companions: ["votes"],
  checkRow: checkVote,
  toDocuments: (row, { unitId, year }) => {
    const id = proposalId({ unitId, subjectId: row.subjectId, target: row.target });
    const subject = pick(row, ["subjectKind", "subjectId", "target"]);
    const proposal = {
      collection: "proposals" as const,
      id,
      data: { ...subject, ...pick(row, ["kind", "summary"]), year, unitId },
      schema: Proposal,
    };
    if (row.members === undefined) return [proposal];
    const vote = pick(row, ["subjectId", "target", ...VOTE_FIELDS]);
    return [proposal, { collection: "votes", id, data: { ...vote, year, unitId }, schema: CouncilVote }];
  },
});
