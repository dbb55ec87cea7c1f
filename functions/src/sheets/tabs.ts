/**
 * THE definition of every tab (DESIGN.md §4, DOMAIN.md §9): headers, types, dropdown choices,
 * help, natural keys and the stored documents a row becomes. Nothing else lists headers: the row
 * schemas, the .xlsx template, the Apps Script setup and the summaries are derived from TABS.
 * Pure: imports only domain/ (the Apps Script bundle imports this file).
 */
import {
  AWARD_FORMS,
  AWARD_KINDS,
  type AwardCode,
  BALLOT_TYPES,
  DISCIPLINE_LEVELS,
  GENDERS,
  MANAGING_AUTHORITIES,
  RATINGS,
  RECOGNITION_LEVELS,
  ROLES,
  SCHOOL_LEVELS,
  SUBJECT_KINDS,
  TARGETS,
  TITLES,
} from "../domain/codes.js";
import { awardId, joinId, proposalId, subjectYearId } from "../domain/document-ids.js";
import { LEGAL_TEXTS } from "../domain/legal-timeline.js";
import {
  achieverRoleLabels,
  awardCodeLabels,
  awardKindLabels,
  ballotTypeLabels,
  contestLevelLabels,
  disciplineLevelLabels,
  genderLabels,
  htxsCapDenominatorLabels,
  initiativeKindLabels,
  managingAuthorityLabels,
  prizeLabels,
  ratingLabels,
  recognitionLevelLabels,
  roleLabels,
  schoolLevelLabels,
  subjectKindLabels,
} from "../domain/messages/index.js";
import {
  ACHIEVER_ROLES,
  Achievement,
  Award,
  CONTEST_LEVELS,
  CouncilVote,
  HTXS_CAP_DENOMINATORS,
  Initiative,
  Person,
  PRIZES,
  Proposal,
  Registration,
  Unit,
  User,
  YearConfig,
  type YearLegalText,
  YearRecord,
} from "../domain/model.js";
import { emailKey, foldForMatching } from "../domain/text.js";
import type { Column, EnumOption, Pair, ParsedRow, RowIssue, TabDefinition } from "./definition.js";

export type * from "./definition.js";

/** Enum choices in the order of `codes`, labelled from the vocabulary. */
export function enumOptions<C extends string>(
  labels: Readonly<Record<C, string>>,
  codes: readonly C[],
): EnumOption[] {
  return codes.map((code) => ({ code, label: labels[code] }));
}

const awardCodeOptions = <C extends AwardCode>(codes: readonly C[]) => enumOptions(awardCodeLabels, codes);

const OPTIONS = {
  subjectKind: enumOptions(subjectKindLabels, SUBJECT_KINDS),
  gender: enumOptions(genderLabels, GENDERS),
  rating: enumOptions(ratingLabels, RATINGS),
  title: awardCodeOptions(TITLES),
  form: awardCodeOptions(AWARD_FORMS),
  target: awardCodeOptions(TARGETS),
  awardCode: awardCodeOptions([...TITLES, ...AWARD_FORMS]),
  awardKind: enumOptions(awardKindLabels, AWARD_KINDS),
  discipline: enumOptions(disciplineLevelLabels, DISCIPLINE_LEVELS),
  recognitionLevel: enumOptions(recognitionLevelLabels, RECOGNITION_LEVELS),
  initiativeKind: enumOptions(initiativeKindLabels, Initiative.shape.kind.options),
  ballotType: enumOptions(ballotTypeLabels, BALLOT_TYPES),
  achieverRole: enumOptions(achieverRoleLabels, ACHIEVER_ROLES),
  contestLevel: enumOptions(contestLevelLabels, CONTEST_LEVELS),
  prize: enumOptions(prizeLabels, PRIZES),
  schoolLevel: enumOptions(schoolLevelLabels, SCHOOL_LEVELS),
  managingAuthority: enumOptions(managingAuthorityLabels, MANAGING_AUTHORITIES),
  role: enumOptions(roleLabels, ROLES),
  htxsCapDenominator: enumOptions(htxsCapDenominatorLabels, HTXS_CAP_DENOMINATORS),
} as const;

/* ---------- columns shared by several tabs (one definition each) ---------- */

const subjectKindColumn: Column = {
  key: "subjectKind",
  header: "Loại đối tượng",
  type: "enum",
  options: OPTIONS.subjectKind,
  required: true,
  help: "Cá nhân hoặc Tập thể.",
  width: 12,
};

const subjectIdColumn: Column = {
  key: "subjectId",
  header: "Mã cán bộ / Mã tập thể",
  type: "text",
  required: true,
  help: "Cá nhân: Mã cán bộ ở tab Cán bộ. Tập thể: mã đơn vị mình, hoặc tên tổ đúng như cột Tổ chuyên môn ở tab Cán bộ.",
  width: 16,
  names: "subject",
};

const subjectNameColumn: Column = {
  key: "subjectName",
  header: "Họ và tên / Tên tập thể",
  type: "text",
  required: false,
  help: "Để đối chiếu khi đọc; hệ thống dùng cột mã.",
  width: 28,
};

/** An award without a Loại hình khen thưởng is công trạng (as a proposal without one is). */
const DEFAULT_AWARD_KIND = "CONG_TRANG";

/** Loại hình khen thưởng (G-03: đột xuất and chuyên đề never count toward công trạng). */
const awardKindColumn: Column = {
  key: "kind",
  header: "Loại hình khen thưởng",
  type: "enum",
  options: OPTIONS.awardKind,
  required: false,
  help: "Mặc định Công trạng.",
  width: 14,
};

const decisionNoColumn: Column = {
  key: "decisionNo",
  header: "Số quyết định",
  type: "text",
  required: false,
  help: "Ví dụ 125/QĐ-SGDĐT.",
  width: 16,
};

const decisionDateColumn: Column = {
  key: "decisionDate",
  header: "Ngày quyết định",
  type: "date",
  required: false,
  help: "dd/MM/yyyy.",
  width: 14,
};

const textColumn = (key: string, header: string, help: string, width = 20, required = false): Column => ({
  key,
  header,
  type: "text",
  required,
  help,
  width,
});

const booleanColumn = (key: string, header: string, help: string): Column => ({
  key,
  header,
  type: "boolean",
  required: false,
  help: `${help} Ghi Có hoặc Không.`,
  width: 12,
});

/* ---------- helpers of the row → document mappings ---------- */

const str = (row: ParsedRow, key: string): string | undefined => {
  const value = row[key];
  return typeof value === "string" ? value : undefined;
};

/** An id from free text (names, contest titles): folded, "-" for anything but letters and digits. */
export const slugId = (...parts: readonly (string | undefined)[]): string =>
  parts
    .map((part) =>
      foldForMatching(part ?? "")
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, ""),
    )
    .join("_")
    .slice(0, 180);

/** Copies the given row fields (absent ones stay absent). */
const pick = (row: ParsedRow, keys: readonly string[]): Record<string, unknown> => {
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (row[key] !== undefined) picked[key] = row[key];
  return picked;
};

/* ---------- school tabs ---------- */

const staff: TabDefinition = {
  id: "can-bo",
  title: "Cán bộ",
  audience: "school",
  scope: "unit",
  needsYear: false,
  description: "Danh sách cán bộ, giáo viên, nhân viên của đơn vị: mỗi người một dòng.",
  columns: [
    textColumn(
      "id",
      "Mã cán bộ",
      "Mã số viên chức hoặc mã do Sở cấp; không đổi giữa các năm, không trùng giữa các trường.",
      14,
      true,
    ),
    textColumn("fullName", "Họ và tên", "Họ, tên đệm và tên, có dấu.", 26, true),
    {
      key: "gender",
      header: "Giới tính",
      type: "enum",
      options: OPTIONS.gender,
      required: true,
      help: "Nam hoặc Nữ.",
      width: 10,
    },
    { key: "birthDate", header: "Ngày sinh", type: "date", required: false, help: "dd/MM/yyyy.", width: 12 },
    textColumn("ethnicity", "Dân tộc", "Ví dụ Kinh, Tày, Mường.", 10),
    textColumn("position", "Chức vụ", "Ví dụ Hiệu trưởng, Tổ trưởng, Giáo viên.", 18),
    textColumn(
      "group",
      "Tổ chuyên môn",
      "Tổ chuyên môn hoặc tổ văn phòng (nhóm cùng nhiệm vụ khi xét tỷ lệ HTXS).",
      18,
    ),
    textColumn(
      "staffCategory",
      "Phân loại đối tượng",
      "Như trong mẫu của tỉnh: lãnh đạo từ phó phòng trở lên / người trực tiếp công tác, lao động…",
      22,
    ),
    textColumn("email", "Email", "Địa chỉ e-mail công vụ (không bắt buộc).", 24),
  ],
  naturalKey: ["id"],
  primary: "people",
  toDocuments: (row, { unitId }) => [
    {
      collection: "people",
      id: str(row, "id") ?? "",
      data: {
        ...pick(row, [
          "id",
          "fullName",
          "gender",
          "birthDate",
          "ethnicity",
          "position",
          "group",
          "staffCategory",
          "email",
        ]),
        unitId,
      },
      schema: Person,
    },
  ],
};

/** "Chỉ tiêu cam kết" pairs become structured commitments, comparable with year-end results. */
const commitmentsOf = (row: ParsedRow) => {
  const pairs = row.commitments;
  return Array.isArray(pairs)
    ? (pairs as readonly Pair[]).map((pair) => ({ key: pair.key, target: pair.value }))
    : [];
};

const registrations: TabDefinition = {
  id: "dang-ky",
  title: "Đăng ký thi đua",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Đăng ký danh hiệu, hình thức khen thưởng và chỉ tiêu cam kết đầu năm học (cá nhân và tập thể).",
  columns: [
    subjectKindColumn,
    subjectIdColumn,
    subjectNameColumn,
    {
      key: "titles",
      header: "Danh hiệu thi đua đăng ký",
      type: "list",
      item: OPTIONS.title,
      required: false,
      help: "Một hoặc nhiều danh hiệu, cách nhau bằng dấu chấm phẩy; ví dụ: Lao động tiên tiến; Chiến sĩ thi đua cơ sở.",
      width: 30,
    },
    {
      key: "forms",
      header: "Hình thức khen thưởng đăng ký",
      type: "list",
      item: OPTIONS.form,
      required: false,
      help: "Ví dụ: Giấy khen của Giám đốc Sở Giáo dục và Đào tạo.",
      width: 30,
    },
    {
      key: "commitments",
      header: "Chỉ tiêu cam kết",
      type: "list",
      item: "pair",
      required: false,
      help: 'Mỗi chỉ tiêu "tên: giá trị", cách nhau bằng dấu chấm phẩy; ví dụ: Tỷ lệ học sinh khá giỏi (%): 85; Sáng kiến: 1.',
      width: 40,
    },
    {
      key: "registeredOn",
      header: "Ngày đăng ký",
      type: "date",
      required: false,
      help: "dd/MM/yyyy.",
      width: 12,
    },
  ],
  naturalKey: ["subjectId"],
  primary: "registrations",
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "registrations",
      id: subjectYearId(unitId, str(row, "subjectId")),
      data: {
        ...pick(row, ["subjectKind", "subjectId", "titles", "forms", "registeredOn"]),
        commitments: commitmentsOf(row),
        year,
        unitId,
      },
      schema: Registration,
    },
  ],
};

const disciplineColumns: readonly Column[] = [
  {
    key: "disciplineLevel",
    header: "Hình thức kỷ luật",
    type: "enum",
    options: OPTIONS.discipline,
    required: false,
    help: "Để trống nếu không bị kỷ luật trong năm học.",
    width: 16,
  },
  booleanColumn(
    "disciplineDutyRelated",
    "Kỷ luật liên quan nhiệm vụ",
    "Vi phạm liên quan đến thực hiện nhiệm vụ được giao?",
  ),
  {
    key: "disciplineFrom",
    header: "Kỷ luật từ ngày",
    type: "date",
    required: false,
    help: "Ngày quyết định kỷ luật có hiệu lực.",
    width: 14,
  },
  {
    key: "disciplineTo",
    header: "Kỷ luật đến ngày",
    type: "date",
    required: false,
    help: "Ngày hết hiệu lực (nếu có).",
    width: 14,
  },
  textColumn("disciplineDecisionNo", "Số quyết định kỷ luật", "Ví dụ 12/QĐ-THPT.", 16),
];

const yearResults: TabDefinition = {
  id: "ket-qua",
  title: "Kết quả cuối năm",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Xếp loại, điểm, thời gian công tác, kỷ luật và các xác nhận cuối năm học của cá nhân và tập thể.",
  columns: [
    subjectKindColumn,
    subjectIdColumn,
    subjectNameColumn,
    {
      key: "rating",
      header: "Xếp loại",
      type: "enum",
      options: OPTIONS.rating,
      required: true,
      help: "Kết quả đánh giá, xếp loại chất lượng năm học.",
      width: 26,
    },
    {
      key: "score",
      header: "Điểm",
      type: "number",
      min: 0,
      max: 100,
      required: false,
      help: "Điểm đánh giá trên thang 100 (NĐ 233/2026).",
      width: 8,
    },
    {
      key: "monthsWorked",
      header: "Số tháng công tác",
      type: "number",
      min: 0,
      max: 12,
      required: false,
      help: "Số tháng thực tế công tác trong năm học.",
      width: 10,
    },
    {
      key: "maternityLeaveMonths",
      header: "Số tháng nghỉ thai sản",
      type: "number",
      min: 0,
      max: 12,
      required: false,
      help: "Theo chế độ bảo hiểm xã hội.",
      width: 10,
    },
    {
      key: "titles",
      header: "Danh hiệu đã được công nhận",
      type: "list",
      item: OPTIONS.title,
      required: false,
      help: "Danh hiệu đã có quyết định công nhận cho năm học này.",
      width: 24,
    },
    ...disciplineColumns,
    booleanColumn(
      "suspended",
      "Đang bị xem xét xử lý",
      "Đang bị điều tra, thanh tra, kiểm tra hoặc xem xét kỷ luật (tạm dừng xét khen thưởng)?",
    ),
    booleanColumn(
      "spirit",
      "Tinh thần tự lực, đoàn kết",
      "Cá nhân: có tinh thần tự lực, tự cường, đoàn kết, tham gia phong trào thi đua?",
    ),
    booleanColumn(
      "movement",
      "Phong trào thi đua",
      "Tập thể: có phong trào thi đua thường xuyên, thiết thực, hiệu quả?",
    ),
    booleanColumn(
      "solidarity",
      "Nội bộ đoàn kết",
      "Tập thể: nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách?",
    ),
    booleanColumn("leadsCluster", "Dẫn đầu cụm, khối", "Tập thể: được suy tôn dẫn đầu cụm, khối thi đua?"),
  ],
  naturalKey: ["subjectId"],
  primary: "records",
  // Discipline details without a level would be silently dropped: ask for the level.
  checkRow: (row) =>
    row.disciplineLevel === undefined && disciplineColumns.some((column) => row[column.key] !== undefined)
      ? [{ column: "disciplineLevel", code: "REQUIRED" }]
      : [],
  toDocuments: (row, { unitId, year }) => [
    {
      collection: "records",
      id: subjectYearId(unitId, str(row, "subjectId")),
      data: {
        ...pick(row, [
          "subjectKind",
          "subjectId",
          "rating",
          "score",
          "monthsWorked",
          "maternityLeaveMonths",
          "titles",
          "suspended",
          "spirit",
          "movement",
          "solidarity",
          "leadsCluster",
        ]),
        discipline:
          row.disciplineLevel === undefined
            ? []
            : [
                {
                  level: row.disciplineLevel,
                  dutyRelated: row.disciplineDutyRelated === true,
                  from: row.disciplineFrom,
                  to: row.disciplineTo,
                  decisionNo: row.disciplineDecisionNo,
                },
              ],
        year,
        unitId,
      },
      schema: YearRecord,
    },
  ],
};

const initiatives: TabDefinition = {
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
    const id = joinId(unitId, str(row, "code"));
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
};

const VOTE_FIELDS = ["ballotType", "members", "issued", "returned", "valid", "agree", "disagree"] as const;

const proposals: TabDefinition = {
  id: "de-nghi",
  title: "Đề nghị khen thưởng",
  audience: "school",
  scope: "unit-year",
  needsYear: true,
  description:
    "Cá nhân, tập thể được Hội đồng Thi đua - Khen thưởng của đơn vị đề nghị, kèm kết quả bỏ phiếu.",
  columns: [
    subjectKindColumn,
    subjectIdColumn,
    subjectNameColumn,
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
    {
      key: "ballotType",
      header: "Hình thức bỏ phiếu",
      type: "enum",
      options: OPTIONS.ballotType,
      required: false,
      help: "Mặc định bỏ phiếu kín.",
      width: 14,
    },
    {
      key: "members",
      header: "Số thành viên hội đồng",
      type: "integer",
      min: 1,
      required: false,
      help: "Tổng số thành viên Hội đồng (mẫu số tính tỷ lệ phiếu).",
      width: 10,
    },
    {
      key: "issued",
      header: "Số phiếu phát ra",
      type: "integer",
      min: 0,
      required: false,
      help: "",
      width: 10,
    },
    {
      key: "returned",
      header: "Số phiếu thu về",
      type: "integer",
      min: 0,
      required: false,
      help: "",
      width: 10,
    },
    {
      key: "valid",
      header: "Số phiếu hợp lệ",
      type: "integer",
      min: 0,
      required: false,
      help: "",
      width: 10,
    },
    {
      key: "agree",
      header: "Số phiếu đồng ý",
      type: "integer",
      min: 0,
      required: false,
      help: "Bắt buộc với CSTĐCS, CSTĐ tỉnh, Cờ thi đua.",
      width: 10,
    },
    {
      key: "disagree",
      header: "Số phiếu không đồng ý",
      type: "integer",
      min: 0,
      required: false,
      help: "",
      width: 10,
    },
  ],
  naturalKey: ["subjectId", "target"],
  primary: "proposals",
  companions: ["votes"],
  checkRow: (row) => {
    const members = typeof row.members === "number" ? row.members : undefined;
    const issues: RowIssue[] = [];
    if (row.agree !== undefined && members === undefined)
      issues.push({ column: "members", code: "REQUIRED" });
    if (members === undefined) return issues;
    if (row.agree === undefined) issues.push({ column: "agree", code: "REQUIRED" });
    for (const key of ["issued", "returned", "valid", "agree", "disagree"] as const) {
      const value = row[key];
      if (typeof value === "number" && value > members)
        issues.push({ column: key, code: "VOTE_EXCEEDS_MEMBERS", value: String(value), max: members });
    }
    const agree = typeof row.agree === "number" ? row.agree : 0;
    const disagree = typeof row.disagree === "number" ? row.disagree : 0;
    if (agree <= members && disagree <= members && agree + disagree > members)
      issues.push({
        column: "disagree",
        code: "VOTE_EXCEEDS_MEMBERS",
        value: String(agree + disagree),
        max: members,
      });
    return issues;
  },
  toDocuments: (row, { unitId, year }) => {
    const id = proposalId({ unitId, subjectId: str(row, "subjectId"), target: str(row, "target") });
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
};

const achievements: TabDefinition = {
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
    { key: "birthDate", header: "Ngày sinh", type: "date", required: false, help: "dd/MM/yyyy.", width: 12 },
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
    const id = joinId(
      unitId,
      slugId(
        str(row, "role"),
        str(row, "fullName"),
        str(row, "birthDate"),
        str(row, "contest"),
        str(row, "subject"),
      ),
    );
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
};

const awardHistory: TabDefinition = {
  id: "lich-su",
  title: "Lịch sử khen thưởng",
  audience: "school",
  scope: "unit",
  needsYear: false,
  description:
    "Danh hiệu, hình thức khen thưởng đã được tặng các năm trước (dữ liệu ban đầu của sổ theo dõi).",
  columns: [
    subjectKindColumn,
    subjectIdColumn,
    subjectNameColumn,
    textColumn("year", "Năm học", "Dạng 2023-2024.", 11, true),
    {
      key: "code",
      header: "Danh hiệu thi đua/Hình thức khen thưởng",
      type: "enum",
      options: OPTIONS.awardCode,
      required: true,
      help: "",
      width: 32,
    },
    awardKindColumn,
    decisionNoColumn,
    decisionDateColumn,
    textColumn("issuer", "Cơ quan ban hành", "Ví dụ Ủy ban nhân dân tỉnh.", 24),
    textColumn("proposalNo", "Số tờ trình", "", 14),
    {
      key: "proposalDate",
      header: "Ngày tờ trình",
      type: "date",
      required: false,
      help: "dd/MM/yyyy.",
      width: 12,
    },
  ],
  naturalKey: ["subjectId", "year", "code", "kind"],
  primary: "awards",
  namesFormerStaff: true,
  toDocuments: (row, { unitId }) => {
    const kind = str(row, "kind") ?? DEFAULT_AWARD_KIND;
    const id = awardId({
      unitId,
      subjectId: str(row, "subjectId"),
      year: str(row, "year"),
      code: str(row, "code"),
      kind,
    });
    return [
      {
        collection: "awards",
        id,
        data: {
          kind,
          ...pick(row, [
            "subjectKind",
            "subjectId",
            "year",
            "code",
            "kind",
            "decisionNo",
            "decisionDate",
            "issuer",
            "proposalNo",
            "proposalDate",
          ]),
          id,
          unitId,
        },
        schema: Award,
      },
    ];
  },
};

/* ---------- Department tabs ---------- */

/** A unit as stored: the domain Unit plus the commune unit that domain/access.ts reads. */

const units: TabDefinition = {
  id: "don-vi",
  title: "Đơn vị",
  audience: "department",
  scope: "global",
  needsYear: false,
  description: "Danh mục đơn vị: trường, cấp học, cụm/khối thi đua, cơ quan quản lý.",
  columns: [
    textColumn("id", "Mã đơn vị", "Mã không đổi, không chứa dấu /.", 14, true),
    textColumn("name", "Tên đơn vị", "Ví dụ Trường THPT Lê Quý Đôn.", 32, true),
    textColumn("abbreviation", "Tên viết tắt", "Dùng trong ký hiệu văn bản, ví dụ THPTLQĐ.", 12, true),
    {
      key: "level",
      header: "Cấp học",
      type: "enum",
      options: OPTIONS.schoolLevel,
      required: true,
      help: "",
      width: 20,
    },
    textColumn("clusterId", "Cụm, khối thi đua", "Mã hoặc tên cụm, khối thi đua.", 16, true),
    {
      key: "managingAuthority",
      header: "Cơ quan quản lý",
      type: "enum",
      options: OPTIONS.managingAuthority,
      required: true,
      help: "Sở Giáo dục và Đào tạo hoặc Ủy ban nhân dân xã.",
      width: 22,
    },
    textColumn("managingBodyName", "Tên cơ quan chủ quản", "Ví dụ Ủy ban nhân dân xã Hòa Bình.", 30, true),
    textColumn("place", "Địa danh", "Địa danh ghi trên văn bản.", 14, true),
    textColumn("commune", "Xã, phường", "", 16),
    textColumn(
      "communeUnitId",
      "Mã đơn vị xã quản lý",
      "Trường do xã quản lý: mã đơn vị của Ủy ban nhân dân xã (để chuyên viên xã xem và duyệt dữ liệu của trường).",
      16,
    ),
    textColumn("address", "Địa chỉ", "", 30),
    textColumn("phone", "Điện thoại", "", 14),
    textColumn("principalName", "Hiệu trưởng", "Họ và tên thủ trưởng đơn vị.", 24),
  ],
  naturalKey: ["id"],
  primary: "units",
  toDocuments: (row) => [{ collection: "units", id: str(row, "id") ?? "", data: { ...row }, schema: Unit }],
};

const users: TabDefinition = {
  id: "nguoi-dung",
  title: "Người dùng",
  audience: "department",
  scope: "global",
  needsYear: false,
  description: "Tài khoản Google được dùng hệ thống: vai trò và đơn vị.",
  columns: [
    textColumn("email", "Email", "Tài khoản Google đăng nhập bảng tính.", 30, true),
    {
      key: "role",
      header: "Vai trò",
      type: "enum",
      options: OPTIONS.role,
      required: true,
      help: "",
      width: 30,
    },
    textColumn("unitId", "Mã đơn vị", "Mã ở tab Đơn vị.", 14, true),
    textColumn("displayName", "Họ và tên", "", 24),
  ],
  naturalKey: ["email"],
  primary: "users",
  toDocuments: (row) => {
    const raw = str(row, "email");
    const email = raw === undefined ? undefined : emailKey(raw);
    return [{ collection: "users", id: email ?? "", data: { ...row, email }, schema: User }];
  },
};

/** Council vote thresholds in the sheet are percentages (V-06), stored as shares. */
const VOTE_THRESHOLD_COLUMNS = [
  ["CSTD_CS", "voteThresholdCstdCs"],
  ["CSTD_TINH", "voteThresholdCstdTinh"],
  ["CO_TD_TINH", "voteThresholdCoTdTinh"],
] as const;

/**
 * The year's own căn cứ (docs/domain.md §0.3): the province's Quy chế and the Department's guidance,
 * and a corrected citation for each built-in text the project could not verify (the ones to check
 * against Công báo before go-live).
 */
const YEAR_TEXT_COLUMNS = [
  ["QUY_CHE_TINH", "provincialRegulation"],
  ["HUONG_DAN_SO", "departmentGuidance"],
] as const;
const correctionKey = (id: string) => `citationOf${id}`;
const CORRECTABLE_TEXTS = LEGAL_TEXTS.filter((text) => !text.verified);

const yearLegalTexts = (row: ParsedRow): YearLegalText[] => [
  ...YEAR_TEXT_COLUMNS.flatMap(([kind, key]) => {
    const citation = str(row, key);
    return citation === undefined ? [] : [{ kind, citation }];
  }),
  ...CORRECTABLE_TEXTS.flatMap((text) => {
    const citation = str(row, correctionKey(text.id));
    return citation === undefined ? [] : [{ replaces: text.id, citation }];
  }),
];

const yearConfig: TabDefinition = {
  id: "cau-hinh",
  title: "Cấu hình",
  audience: "department",
  scope: "global",
  needsYear: false,
  description: "Cấu hình từng năm học: căn cứ pháp lý, hạn nộp, tỷ lệ phiếu; mỗi năm học một dòng.",
  columns: [
    textColumn("year", "Năm học", "Dạng 2025-2026.", 11, true),
    textColumn("legalBasisVersion", "Phiên bản căn cứ pháp lý", "Ví dụ ND152-2025.", 18, true),
    {
      key: "registrationDeadline",
      header: "Hạn đăng ký thi đua",
      type: "date",
      required: false,
      help: "dd/MM/yyyy.",
      width: 14,
    },
    {
      key: "submissionDeadline",
      header: "Hạn nộp hồ sơ",
      type: "date",
      required: false,
      help: "dd/MM/yyyy.",
      width: 14,
    },
    booleanColumn(
      "registrationRequired",
      "Bắt buộc đăng ký thi đua",
      "Không đăng ký thì cảnh báo khi xét (mặc định Có).",
    ),
    {
      key: "htxsCapDenominator",
      header: "Tỷ lệ HTXS tính trên",
      type: "enum",
      options: OPTIONS.htxsCapDenominator,
      required: false,
      help: "Cách hiểu RT-05; mặc định số xếp loại Hoàn thành tốt nhiệm vụ.",
      width: 30,
    },
    ...VOTE_THRESHOLD_COLUMNS.map(
      ([code, key]): Column => ({
        key,
        header: `Tỷ lệ phiếu ${awardCodeLabels[code]} (%)`,
        type: "number",
        min: 0,
        max: 100,
        required: false,
        help: "Phần trăm số phiếu đồng ý trên tổng số thành viên hội đồng.",
        width: 14,
      }),
    ),
    textColumn(
      "provincialRegulation",
      "Quy chế thi đua, khen thưởng của tỉnh",
      "Trích dẫn đầy đủ, in vào phần căn cứ của tờ trình, quyết định (sau các thông tư), ví dụ: Quyết định số 25/2024/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh … ban hành Quy chế công tác thi đua, khen thưởng.",
      40,
    ),
    textColumn(
      "departmentGuidance",
      "Hướng dẫn thi đua, khen thưởng của Sở",
      "Trích dẫn đầy đủ văn bản hướng dẫn của năm học, in sau Quy chế của tỉnh.",
      40,
    ),
    ...CORRECTABLE_TEXTS.map((text) =>
      textColumn(
        correctionKey(text.id),
        `Trích dẫn đúng: ${text.short}`,
        `Trích dẫn in sẵn chưa được đối chiếu văn bản gốc: "${text.citation}". Để trống nếu đúng; ghi trích dẫn đã đối chiếu (Công báo, vbpl.vn) để thay thế.`,
        30,
      ),
    ),
  ],
  naturalKey: ["year"],
  primary: "years",
  toDocuments: (row) => {
    const voteThreshold = Object.fromEntries(
      VOTE_THRESHOLD_COLUMNS.filter(([, key]) => typeof row[key] === "number").map(([code, key]) => [
        code,
        (row[key] as number) / 100,
      ]),
    );
    return [
      {
        collection: "years",
        id: str(row, "year") ?? "",
        data: {
          ...pick(row, [
            "year",
            "legalBasisVersion",
            "registrationDeadline",
            "submissionDeadline",
            "registrationRequired",
            "htxsCapDenominator",
          ]),
          voteThreshold,
          legalTexts: yearLegalTexts(row),
        },
        schema: YearConfig,
      },
    ];
  },
};

/** Every tab, in the order of the workbook. */
export const TABS: readonly TabDefinition[] = [
  staff,
  registrations,
  yearResults,
  initiatives,
  proposals,
  achievements,
  awardHistory,
  units,
  users,
  yearConfig,
];

const tabsById: ReadonlyMap<string, TabDefinition> = new Map(TABS.map((tab) => [tab.id, tab]));

export const findTab = (id: string): TabDefinition | undefined => tabsById.get(id);

export const tabsFor = (audience: "school" | "department" | "all"): TabDefinition[] =>
  TABS.filter((tab) => audience === "all" || tab.audience === audience);
