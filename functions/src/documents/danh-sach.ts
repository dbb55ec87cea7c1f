/**
 * Danh sách trích ngang (docs/domain.md §9.2): individuals, collectives, students (đột xuất). Landscape,
 * grouped by proposed title/form, sorted the Vietnamese way inside each group.
 */

import { z } from "zod";
import { AwardCode, Gender, Rating } from "../domain/codes.js";
import { formatDocumentNumber } from "../domain/document-number.js";
import { documentKindText, documentText, genderLabels, ratingLabels } from "../domain/messages/index.js";
import { IsoDate } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { compareVietnamese, compareVietnameseNames, formatDateVi } from "../domain/text.js";
import { awardPhrase, capitalise, groupByCode, roman, subjectCountText } from "./awards.js";
import { Agency, type Draft, parseDocumentInput, Signer, signatureOf } from "./inputs.js";
import { FONT, OfficialPdf, type RenderOptions, SIZE } from "./layout.js";
import { drawTable, type TableColumn, type TableRow } from "./table.js";

const KIND = documentKindText.danhSach;
const text = z.string().trim().min(1);
const optionalText = z.string().trim().optional();

const Individual = z
  .object({
    code: AwardCode,
    fullName: text,
    gender: Gender,
    birthDate: IsoDate,
    ethnicity: optionalText,
    positionAndUnit: text,
    rating: Rating.optional(),
    initiatives: optionalText,
    priorAwards: optionalText,
    achievements: optionalText,
    /** "8/9 (88,9%)", filled for voted titles. */
    vote: optionalText,
    note: optionalText,
    /** A đột xuất line (thủ tục đơn giản): the year's rating is no condition and mid-year does not exist yet. */
    adHoc: z.boolean().optional(),
  })
  .refine((row) => row.adHoc === true || row.rating !== undefined, {
    message: "rating-required",
    path: ["rating"],
  });

const Collective = z.object({
  code: AwardCode,
  name: text,
  parentUnit: text,
  members: z.number().int().nonnegative(),
  ldttCount: z.number().int().nonnegative(),
  cstdcsCount: z.number().int().nonnegative(),
  /** "HTXS 5, HTT 20, HT 2, KHT 0". */
  ratingBreakdown: text,
  discipline: optionalText,
  rating: Rating,
  achievements: optionalText,
  note: optionalText,
});

const Student = z.object({
  code: AwardCode,
  fullName: text,
  birthDate: IsoDate,
  className: text,
  school: text,
  competition: text,
  subject: text,
  prize: text,
  prizeDecision: text,
  supervisor: optionalText,
});

const Common = {
  issuer: Agency,
  schoolYear: SchoolYear,
  /** The tờ trình the list goes with: "(Kèm theo Tờ trình số … ngày … của …)". */
  proposalRef: z.object({ number: z.number().int().positive(), date: IsoDate }),
  signer: Signer.optional(),
};

export const DanhSachInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("individual"), ...Common, rows: z.array(Individual).min(1) }),
  z.object({ kind: z.literal("collective"), ...Common, rows: z.array(Collective).min(1) }),
  z.object({ kind: z.literal("student"), ...Common, rows: z.array(Student).min(1) }),
]);
export type DanhSachInput = z.input<typeof DanhSachInput>;
type Parsed = z.output<typeof DanhSachInput>;

const dash = (value: string | undefined): string => (value && value.length > 0 ? value : "-");
const percent = (part: number, whole: number): string =>
  whole === 0
    ? "0%"
    : `${new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format((100 * part) / whole)}%`;

interface Layout<Row> {
  subject: string;
  columns: TableColumn[];
  nameOf: (row: Row) => string;
  compare: (a: string, b: string) => number;
  cells: (row: Row, order: number) => string[];
  unit: "individual" | "collective";
}

const INDIVIDUAL: Layout<z.output<typeof Individual>> = {
  subject: "Cá nhân",
  unit: "individual",
  nameOf: (row) => row.fullName,
  compare: compareVietnameseNames,
  columns: [
    { header: "STT", weight: 0, align: "center", keepWhole: true },
    { header: "Họ và tên", weight: 1, keepWhole: true },
    { header: "Giới tính", weight: 0, align: "center", keepWhole: true },
    { header: "Ngày sinh", weight: 0, align: "center", keepWhole: true },
    { header: "Dân tộc", weight: 0, align: "center" },
    { header: "Chức vụ, đơn vị công tác", weight: 3 },
    { header: "Xếp loại năm học", weight: 1 },
    { header: "Sáng kiến/đề tài", weight: 3 },
    { header: "Danh hiệu, hình thức đã được tặng", weight: 2 },
    { header: "Tóm tắt thành tích", weight: 3 },
    { header: "Kết quả bỏ phiếu", weight: 1, align: "center" },
    { header: "Ghi chú", weight: 1 },
  ],
  cells: (row, order) => [
    String(order),
    row.fullName,
    genderLabels[row.gender],
    formatDateVi(row.birthDate),
    dash(row.ethnicity),
    row.positionAndUnit,
    row.rating ? ratingLabels[row.rating] : "-",
    dash(row.initiatives),
    dash(row.priorAwards),
    dash(row.achievements),
    dash(row.vote),
    row.note ?? "",
  ],
};

const COLLECTIVE: Layout<z.output<typeof Collective>> = {
  subject: "Tập thể",
  unit: "collective",
  nameOf: (row) => row.name,
  compare: compareVietnamese,
  columns: [
    { header: "STT", weight: 0, align: "center", keepWhole: true },
    { header: "Tên tập thể", weight: 2, keepWhole: true },
    { header: "Đơn vị chủ quản", weight: 2 },
    { header: "Tổng số thành viên", weight: 0, align: "center" },
    { header: "Số LĐTT (tỷ lệ)", weight: 0, align: "center" },
    { header: "Số CSTĐCS", weight: 0, align: "center" },
    { header: "Xếp loại cá nhân", weight: 1 },
    { header: "Kỷ luật", weight: 1 },
    { header: "Xếp loại tập thể", weight: 1 },
    { header: "Tóm tắt thành tích", weight: 3 },
    { header: "Ghi chú", weight: 1 },
  ],
  cells: (row, order) => [
    String(order),
    row.name,
    row.parentUnit,
    String(row.members),
    `${row.ldttCount} (${percent(row.ldttCount, row.members)})`,
    String(row.cstdcsCount),
    row.ratingBreakdown,
    row.discipline ?? documentText.none,
    ratingLabels[row.rating],
    dash(row.achievements),
    row.note ?? "",
  ],
};

const STUDENT: Layout<z.output<typeof Student>> = {
  subject: "Học sinh",
  unit: "individual",
  nameOf: (row) => row.fullName,
  compare: compareVietnameseNames,
  columns: [
    { header: "STT", weight: 0, align: "center", keepWhole: true },
    { header: "Họ và tên", weight: 1, keepWhole: true },
    { header: "Ngày sinh", weight: 0, align: "center", keepWhole: true },
    { header: "Lớp", weight: 0, align: "center" },
    { header: "Trường", weight: 2 },
    { header: "Cuộc thi/kỳ thi", weight: 3 },
    { header: "Môn/lĩnh vực", weight: 1 },
    { header: "Giải", weight: 1, align: "center", keepWhole: true },
    { header: "Quyết định công nhận giải", weight: 2 },
    { header: "Giáo viên hướng dẫn", weight: 1, keepWhole: true },
  ],
  cells: (row, order) => [
    String(order),
    row.fullName,
    formatDateVi(row.birthDate),
    row.className,
    row.school,
    row.competition,
    row.subject,
    row.prize,
    row.prizeDecision,
    dash(row.supervisor),
  ],
};

/**
 * Sorts by name with the comparator; names are compared once per distinct pair of names, so
 * 2,000 rows with repeated names stay cheap.
 */
function sortByName<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  compare: (a: string, b: string) => number,
): T[] {
  const names = [...new Set(items.map(nameOf))].sort(compare);
  const rank = new Map(names.map((name, index) => [name, index]));
  return [...items].sort((a, b) => (rank.get(nameOf(a)) ?? 0) - (rank.get(nameOf(b)) ?? 0));
}

/** Section rows per title/form, the subjects sorted inside, numbered 1…n across the list. */
function tableRows<Row extends { code: AwardCode }>(layout: Layout<Row>, rows: readonly Row[]): TableRow[] {
  const grouped = groupByCode(rows.map((row) => ({ ...row, subjectKind: layout.unit })));
  const result: TableRow[] = [];
  let order = 0;
  grouped.forEach((group, index) => {
    const count = layout.unit === "individual" ? group.items.length : 0;
    result.push({
      section: `${roman(index)}. ${capitalise(awardPhrase(group.code))} (${subjectCountText(count, group.items.length - count)})`,
    });
    const sorted = sortByName(group.items, (row) => layout.nameOf(row), layout.compare);
    for (const row of sorted) result.push({ cells: layout.cells(row, ++order) });
  });
  return result;
}

function layoutOf(data: Parsed): { layout: Layout<never>; rows: TableRow[] } {
  switch (data.kind) {
    case "individual":
      return { layout: INDIVIDUAL as Layout<never>, rows: tableRows(INDIVIDUAL, data.rows) };
    case "collective":
      return { layout: COLLECTIVE as Layout<never>, rows: tableRows(COLLECTIVE, data.rows) };
    case "student":
      return { layout: STUDENT as Layout<never>, rows: tableRows(STUDENT, data.rows) };
  }
}

export async function renderDanhSach(
  input: Draft<DanhSachInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(DanhSachInput, input, KIND.name);
  const { layout, rows } = layoutOf(data);
  const heading = `${layout.subject} đề nghị khen thưởng năm học ${data.schoolYear}`;
  const pdf = new OfficialPdf(
    { title: `Danh sách ${heading.toLocaleLowerCase("vi")}`, subject: KIND.name },
    "landscape",
    options,
  );
  pdf.header({ parentAgency: data.issuer.parentName, agency: data.issuer.name });
  pdf.title(KIND.title, [heading], false);
  const reference = formatDocumentNumber(
    data.proposalRef.number,
    documentKindText.toTrinh.code,
    data.issuer.abbreviation,
  );
  pdf.centredLine(
    `(Kèm theo Tờ trình số ${reference} ngày ${formatDateVi(data.proposalRef.date)} của ${data.issuer.name})`,
  );
  pdf.doc.y += 6;
  drawTable(pdf, { columns: layout.columns, rows, fontSize: 11 });
  const total = data.rows.length;
  pdf.paragraph(
    `${documentText.total}: ${layout.unit === "individual" ? subjectCountText(total, 0) : subjectCountText(0, total)}.`,
    { font: FONT.bold, size: SIZE.body },
  );
  if (data.signer) pdf.closing({ signatures: [signatureOf(data.signer)] });
  return pdf.finish();
}
