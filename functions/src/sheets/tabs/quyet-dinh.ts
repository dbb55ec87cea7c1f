/**
 * Quyết định khen thưởng: the deciding level (UBND xã, the Department, the province through the
 * Department) enters each decision once, as its annex reads — one row per approved subject, each row
 * carrying the decision's number and date. What the decision says once (issuer, signer, advisor,
 * executors…) is written on any one of its rows, typically the first; repeated, it must agree. The
 * rows are not stored as they are: services/decision-tab.ts groups them by decision and records each
 * through the decisions service (the same as POST /v1/decisions).
 */
import { z } from "zod";
import { joinId } from "../../domain/document-ids.js";
import { parseDocumentNumber } from "../../domain/document-number.js";
import { documentKindText } from "../../domain/messages/index.js";
import { type Column, defineTab, type KeyOf, type RowIssue, type RowOf } from "../definition.js";
import { looksLikeFormula } from "../render.js";
import { booleanColumn, decisionDateColumn, decisionNoColumn, textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

const textList = <K extends string>(key: K, header: string, help: string) =>
  ({ key, header, type: "list", item: "text", required: false, help, width: 30 }) as const;

/** What the decision says once: given on one row of the decision at least, the same wherever repeated. */
const decisionColumns = [
  {
    key: "level",
    header: "Cấp quyết định",
    type: "enum",
    options: OPTIONS.decisionLevel,
    required: false,
    help: "Chủ tịch UBND xã (chuyên viên xã ghi), Giám đốc Sở, hoặc Chủ tịch UBND tỉnh (chuyên viên Sở ghi thay).",
    width: 20,
  },
  textColumn("issuerName", "Cơ quan ban hành", "Ví dụ Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh.", 30),
  textColumn("issuerParent", "Cơ quan cấp trên", "Không bắt buộc; ví dụ Ủy ban nhân dân tỉnh Hà Tĩnh.", 26),
  textColumn("place", "Địa danh", "Nơi ban hành, in trước ngày tháng: ví dụ Hà Tĩnh.", 14),
  textColumn(
    "issuerTitle",
    "Thẩm quyền ban hành",
    "Dòng thẩm quyền của quyết định, ví dụ Giám đốc Sở Giáo dục và Đào tạo.",
    30,
  ),
  textColumn(
    "signerCapacity",
    "Quyền hạn ký",
    "Không bắt buộc; ví dụ KT. GIÁM ĐỐC, TM. ỦY BAN NHÂN DÂN.",
    18,
  ),
  textColumn("signerTitle", "Chức vụ người ký", "Ví dụ Giám đốc, Phó Chủ tịch.", 16),
  textColumn("signerName", "Người ký", "Họ và tên người ký quyết định.", 22),
  textColumn("advisor", "Cơ quan tham mưu", "Ví dụ Trưởng phòng Tổ chức cán bộ.", 24),
  textColumn(
    "fundSource",
    "Nguồn kinh phí",
    "Ví dụ quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo.",
    30,
  ),
  textList(
    "executors",
    "Nơi thi hành",
    "Cơ quan, cá nhân thi hành quyết định, cách nhau bằng dấu chấm phẩy.",
  ),
  textList("copies", "Nơi nhận khác", "Không bắt buộc; cách nhau bằng dấu chấm phẩy."),
  textColumn(
    "proposalRef",
    "Tờ trình",
    "Không bắt buộc; mặc định là tờ trình trong hồ sơ, ví dụ Tờ trình số 05/TTr-THCSND.",
    24,
  ),
  booleanColumn(
    "publish",
    "Công bố",
    "Có: công bố quyết định ngay khi ghi nhận; đã công bố thì không sửa được.",
  ),
] as const satisfies readonly Column[];

export type DecisionField = (typeof decisionColumns)[number]["key"];
export const DECISION_FIELDS: readonly DecisionField[] = decisionColumns.map((column) => column.key);

/** Decision-wide fields a decision cannot do without (issuerParent, signerCapacity, copies, proposalRef, publish may stay empty). */
export const REQUIRED_DECISION_FIELDS: readonly DecisionField[] = [
  "level",
  "issuerName",
  "place",
  "issuerTitle",
  "signerTitle",
  "signerName",
  "advisor",
  "fundSource",
  "executors",
];

const columns = [
  { ...decisionNoColumn, required: true, maxLength: 40, help: "Như in trên quyết định, ví dụ 512/QĐ-SGDĐT." },
  { ...decisionDateColumn, required: true },
  textColumn(
    "dossierId",
    "Mã hồ sơ",
    "Mã hồ sơ đề nghị của trường, ví dụ thcs-nguyen-du_2025-2026.",
    26,
    true,
  ),
  textColumn(
    "subjectId",
    "Mã cán bộ / Mã tập thể",
    "Mã cá nhân hoặc tập thể được khen, như ở tab Đề nghị khen thưởng của trường.",
    18,
    true,
  ),
  textColumn("subjectName", "Họ và tên / Tên tập thể", "Để đối chiếu khi đọc; hệ thống dùng cột mã.", 26),
  {
    key: "target",
    header: "Danh hiệu thi đua/Hình thức khen thưởng",
    type: "enum",
    options: OPTIONS.target,
    required: true,
    help: "Danh hiệu hoặc hình thức được tặng, như trường đề nghị.",
    width: 32,
  },
  ...decisionColumns,
] as const satisfies readonly Column[];

/** The number printed on a decision, "512/QĐ-SGDĐT" → 512 and "SGDĐT". */
export const decisionNumberOf = (text: string | undefined) =>
  text === undefined ? undefined : parseDocumentNumber(text, documentKindText.quyetDinh.code);

/** Names that begin like a formula are no one's name: refused, not stored (docs/design.md §7). */
const NAME_COLUMNS = ["issuerName", "issuerParent", "issuerTitle", "signerTitle", "signerName"] as const;

function checkDecisionRow(row: RowOf<typeof columns>): RowIssue<KeyOf<typeof columns>>[] {
  const issues: RowIssue<KeyOf<typeof columns>>[] = [];
  if (row.decisionNo !== undefined && !decisionNumberOf(row.decisionNo))
    issues.push({ column: "decisionNo", code: "INVALID_VALUE", value: row.decisionNo });
  for (const key of NAME_COLUMNS) {
    const value = row[key];
    if (value !== undefined && looksLikeFormula(value))
      issues.push({ column: key, code: "INVALID_VALUE", value });
  }
  return issues;
}

/**
 * The number's part of a row's id (duplicate rows are the same number, date, dossier, subject and
 * target): the number, or for a text that is none (its row is refused) its code points, so two
 * different wrong numbers are not reported as the same row.
 */
const numberKey = (text: string | undefined): string =>
  String(
    decisionNumberOf(text)?.number ??
      [...(text ?? "")].map((char) => char.codePointAt(0)?.toString(36)).join("-"),
  );

/** A row as the decisions service reads it back (services/decision-tab.ts): its cells, parsed. */
const DecisionRow = z.record(z.string(), z.unknown());

export const decisions = defineTab({
  id: "quyet-dinh",
  title: "Quyết định khen thưởng",
  audience: "decider",
  scope: "global",
  needsYear: true,
  description:
    "Quyết định khen thưởng của cấp có thẩm quyền (UBND xã, Sở; quyết định của Chủ tịch UBND tỉnh do Sở ghi thay): mỗi cá nhân, tập thể được khen một dòng, các dòng cùng số và ngày là một quyết định; thông tin chung ghi ở một dòng của quyết định.",
  columns,
  naturalKey: ["decisionNo", "decisionDate", "dossierId", "subjectId", "target"],
  primary: "decisions",
  checkRow: checkDecisionRow,
  toDocuments: (row) => [
    {
      collection: "decisions",
      id: joinId(numberKey(row.decisionNo), row.decisionDate, row.dossierId, row.subjectId, row.target),
      data: { ...row },
      schema: DecisionRow,
    },
  ],
});
