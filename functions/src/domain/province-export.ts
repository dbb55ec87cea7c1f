/**
 * The province's TĐKT system speaks its own codes (docs/province-formats.md): every form, title and
 * class of subject is a number in the DANHMUC sheet of its import templates (HTKT and PLDT in the
 * general list). This module says which of the province's names each of our codes is, and which
 * class of subject a person or a collective falls in; the code behind a name comes from a
 * ProvinceCodeTable, which the Department updates by updating the templates' code sheets.
 */
import { z } from "zod";
import type { AwardCode, SubjectKind } from "./codes.js";
import { normalizeText } from "./text.js";

/** The code lists of the province's templates. */
export type ProvinceCodeList = "form" | "title" | "individualClass" | "collectiveClass" | "gender";

export interface ProvinceCode {
  code: string;
  name: string;
}

/** A code by the province's name of it, in one of its lists. */
export interface ProvinceCodeTable {
  lookup(list: ProvinceCodeList, name: string): ProvinceCode | undefined;
}

/** Names as the templates spell them, compared without regard to case, spacing or Unicode form. */
const nameKey = (name: string): string => normalizeText(name).toLocaleLowerCase("vi");

/** A table over the lists' entries; of two entries with the same name in one list, the first wins. */
export function codeTableOf(
  lists: Partial<Record<ProvinceCodeList, readonly ProvinceCode[]>>,
): ProvinceCodeTable {
  const byList = new Map<ProvinceCodeList, Map<string, ProvinceCode>>();
  for (const [list, entries] of Object.entries(lists) as [ProvinceCodeList, readonly ProvinceCode[]][]) {
    const byName = new Map<string, ProvinceCode>();
    for (const entry of entries) if (!byName.has(nameKey(entry.name))) byName.set(nameKey(entry.name), entry);
    byList.set(list, byName);
  }
  return { lookup: (list, name) => byList.get(list)?.get(nameKey(name)) };
}

/**
 * Our codes as the province names them. A title goes in the "Mã danh hiệu thi đua" column, a form in
 * "Mã hình thức khen thưởng". Where the individual template's DANHMUC names a form only generically
 * ("Huân chương Lao động", "Giấy khen"), the general list's HTKT names it exactly (the class of the
 * order, the issuer of the Giấy khen), and that is the name used. The Giấy khen of a Hiệu trưởng has
 * no code there: the school decides it and it never reaches the province.
 */
export const PROVINCE_AWARD_NAMES: Record<AwardCode, { list: "form" | "title"; name: string } | null> = {
  LDTT: { list: "title", name: "Lao động tiên tiến" },
  CSTD_CS: { list: "title", name: "Chiến sĩ thi đua cơ sở" },
  CSTD_TINH: { list: "title", name: "Chiến sĩ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương" },
  CSTD_TQ: { list: "title", name: "Chiến sĩ thi đua toàn quốc" },
  TTLDTT: { list: "title", name: "Tập thể lao động tiên tiến" },
  TTLDXS: { list: "title", name: "Tập thể lao động xuất sắc" },
  CO_TD_TINH: { list: "title", name: "Cờ thi đua cấp Bộ, ngành, tỉnh, đoàn thể trung ương" },
  CO_TD_CP: { list: "title", name: "Cờ thi đua của Chính phủ" },
  GK_HIEU_TRUONG: null,
  GK_CT_UBND_XA: { list: "form", name: "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã" },
  GK_GD_SO: {
    list: "form",
    name: "Giấy khen của Thủ trưởng cơ quan chuyên môn và tương đương thuộc Ủy ban nhân dân cấp tỉnh",
  },
  BK_CT_UBND_TINH: { list: "form", name: "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương" },
  BK_BO_TRUONG_GDDT: { list: "form", name: "Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung ương" },
  BK_TTG: { list: "form", name: "Bằng khen của Thủ tướng Chính phủ" },
  HCLD_3: { list: "form", name: "Huân chương Lao động hạng ba" },
  HCLD_2: { list: "form", name: "Huân chương Lao động hạng nhì" },
  HCLD_1: { list: "form", name: "Huân chương Lao động hạng nhất" },
  KNC_VSNGD: { list: "form", name: "Kỷ niệm chương, Huy hiệu" },
  NGUT: { list: "form", name: "Nhà giáo ưu tú" },
  NGND: { list: "form", name: "Nhà giáo nhân dân" },
};

/**
 * The classes of subjects of the ministry's statistics (PLDT) that the education sector has: the
 * leaders of a province or above, of a department (Sở), the leaders from deputy head of division up
 * (a school's board included), the people who work directly; and the collectives (schools are
 * public service units).
 */
export const SUBJECT_CLASSES = [
  "LANH_DAO_TINH",
  "LANH_DAO_SO",
  "TU_PHO_PHONG",
  "TRUC_TIEP",
  "TAP_THE",
] as const;
export const SubjectClass = z.enum(SUBJECT_CLASSES);
export type SubjectClass = z.infer<typeof SubjectClass>;

/** Each class as the province's lists name it (the names behind its codes, and the statistics' columns). */
export const SUBJECT_CLASS_NAMES: Record<
  SubjectClass,
  { list: "individualClass" | "collectiveClass"; name: string }
> = {
  LANH_DAO_TINH: { list: "individualClass", name: "Lãnh đạo cấp bộ, cấp tỉnh và tương đương trở lên" },
  LANH_DAO_SO: { list: "individualClass", name: "Lãnh đạo cấp vụ, sở, ngành và tương đương" },
  TU_PHO_PHONG: { list: "individualClass", name: "Các cấp lãnh đạo từ phó phòng trở lên" },
  TRUC_TIEP: {
    list: "individualClass",
    name: "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
  },
  TAP_THE: { list: "collectiveClass", name: "Cơ quan hành chính, sự nghiệp" },
};

/**
 * The rules that class a person: a rule matches when its `position` begins the person's chức vụ
 * (whole words) and its `staffCategory`, when given, is the person's; of the matching rules the
 * longest `position` wins, then one that names the staff category, then the first written; nobody
 * matched works directly. Compared without
 * regard to case or spacing. The Department can pass its own (tdkt export/stats --classes FILE).
 */
export const SubjectClassRule = z
  .object({
    position: z.string().trim().min(1).optional(),
    staffCategory: z.string().trim().min(1).optional(),
    class: SubjectClass.exclude(["TAP_THE"]),
  })
  .refine((rule) => rule.position !== undefined || rule.staffCategory !== undefined, {
    message: "rule-needs-position-or-staff-category",
  });
export type SubjectClassRule = z.infer<typeof SubjectClassRule>;
export const SubjectClassRules = z.array(SubjectClassRule).max(200);

/** The education sector's chức vụ ("Phó Giám đốc Sở" wins over a GDTX centre's "Phó Giám đốc": longer). */
export const DEFAULT_SUBJECT_CLASS_RULES: readonly SubjectClassRule[] = [
  { position: "Chủ tịch Ủy ban nhân dân tỉnh", class: "LANH_DAO_TINH" },
  { position: "Phó Chủ tịch Ủy ban nhân dân tỉnh", class: "LANH_DAO_TINH" },
  { position: "Giám đốc Sở", class: "LANH_DAO_SO" },
  { position: "Phó Giám đốc Sở", class: "LANH_DAO_SO" },
  { position: "Trưởng phòng", class: "TU_PHO_PHONG" },
  { position: "Phó Trưởng phòng", class: "TU_PHO_PHONG" },
  { position: "Chánh Văn phòng", class: "TU_PHO_PHONG" },
  { position: "Phó Chánh Văn phòng", class: "TU_PHO_PHONG" },
  { position: "Chánh Thanh tra", class: "TU_PHO_PHONG" },
  { position: "Phó Chánh Thanh tra", class: "TU_PHO_PHONG" },
  { position: "Hiệu trưởng", class: "TU_PHO_PHONG" },
  { position: "Phó Hiệu trưởng", class: "TU_PHO_PHONG" },
  // A GDTX centre's head and deputies.
  { position: "Giám đốc", class: "TU_PHO_PHONG" },
  { position: "Phó Giám đốc", class: "TU_PHO_PHONG" },
];

const startsWithWord = (text: string, prefix: string): boolean =>
  text === prefix || text.startsWith(`${prefix} `) || text.startsWith(`${prefix},`);

export function subjectClassOf(
  subject: { kind: SubjectKind; position?: string | undefined; staffCategory?: string | undefined },
  rules: readonly SubjectClassRule[] = DEFAULT_SUBJECT_CLASS_RULES,
): SubjectClass {
  if (subject.kind === "collective") return "TAP_THE";
  const position = nameKey(subject.position ?? "");
  const category = nameKey(subject.staffCategory ?? "");
  const matches = (rule: SubjectClassRule) =>
    (rule.position === undefined || startsWithWord(position, nameKey(rule.position))) &&
    (rule.staffCategory === undefined || category === nameKey(rule.staffCategory));
  // Most specific first whatever the order, so a Department's added rule is never shadowed by a broader one.
  const specificity = (rule: SubjectClassRule) =>
    nameKey(rule.position ?? "").length * 2 + (rule.staffCategory === undefined ? 0 : 1);
  const best = rules.filter(matches).sort((a, b) => specificity(b) - specificity(a))[0];
  return best?.class ?? "TRUC_TIEP";
}
