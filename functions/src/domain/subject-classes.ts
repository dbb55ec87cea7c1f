/**
 * The classes of the education sector's subjects (docs/province-formats.md): which of the province's
 * classes (province-codes.ts, PLDT) a person or collective falls in, by the rules a Department may
 * replace. The export and the statistics class their subjects here.
 */
import { z } from "zod";
import type { SubjectKind } from "./codes.js";
import type { SubjectClass } from "./province-codes.js";
import { normalizeText } from "./text.js";

/**
 * The classes the education sector's subjects fall in, in the order of the statistics' columns: the
 * leaders of a province or above, of a department (Sở), the leaders from deputy head of division up
 * (a school's board included), the people who work directly; and the collectives (a school is a
 * public service unit, đơn vị sự nghiệp).
 */
export const SECTOR_CLASSES = [
  "LANH_DAO_BO_TINH",
  "LANH_DAO_VU_SO",
  "LANH_DAO_TU_PHO_PHONG",
  "TRUC_TIEP",
  "DON_VI_SU_NGHIEP",
] as const satisfies readonly SubjectClass[];
export type SectorClass = (typeof SECTOR_CLASSES)[number];
const COLLECTIVE_CLASS: SectorClass = "DON_VI_SU_NGHIEP";

/**
 * The rules that class a person: a rule matches when its `position` begins the person's chức vụ
 * (whole words) and its `staffCategory`, when given, is the person's; of the matching rules the
 * longest `position` wins, then one that names the staff category, then the first written; nobody
 * matched works directly. Compared without regard to case or spacing. The Department can pass its
 * own (tdkt export/stats --classes FILE).
 */
export const SubjectClassRule = z
  .object({
    position: z.string().trim().min(1).optional(),
    staffCategory: z.string().trim().min(1).optional(),
    class: z.enum(SECTOR_CLASSES).exclude([COLLECTIVE_CLASS]),
  })
  .refine((rule) => rule.position !== undefined || rule.staffCategory !== undefined, {
    message: "rule-needs-position-or-staff-category",
  });
export type SubjectClassRule = z.infer<typeof SubjectClassRule>;
export const SubjectClassRules = z.array(SubjectClassRule).max(200);

/** The education sector's chức vụ ("Phó Giám đốc Sở" wins over a GDTX centre's "Phó Giám đốc": longer). */
export const DEFAULT_SUBJECT_CLASS_RULES: readonly SubjectClassRule[] = [
  { position: "Chủ tịch Ủy ban nhân dân tỉnh", class: "LANH_DAO_BO_TINH" },
  { position: "Phó Chủ tịch Ủy ban nhân dân tỉnh", class: "LANH_DAO_BO_TINH" },
  { position: "Giám đốc Sở", class: "LANH_DAO_VU_SO" },
  { position: "Phó Giám đốc Sở", class: "LANH_DAO_VU_SO" },
  { position: "Trưởng phòng", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Phó Trưởng phòng", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Chánh Văn phòng", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Phó Chánh Văn phòng", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Chánh Thanh tra", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Phó Chánh Thanh tra", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Hiệu trưởng", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Phó Hiệu trưởng", class: "LANH_DAO_TU_PHO_PHONG" },
  // A GDTX centre's head and deputies.
  { position: "Giám đốc", class: "LANH_DAO_TU_PHO_PHONG" },
  { position: "Phó Giám đốc", class: "LANH_DAO_TU_PHO_PHONG" },
];

/** Chức vụ compared without regard to case, spacing or Unicode form. */
const positionKey = (text: string): string => normalizeText(text).toLocaleLowerCase("vi");
const startsWithWord = (text: string, prefix: string): boolean =>
  text === prefix || text.startsWith(`${prefix} `) || text.startsWith(`${prefix},`);

export function subjectClassOf(
  subject: { kind: SubjectKind; position?: string | undefined; staffCategory?: string | undefined },
  rules: readonly SubjectClassRule[] = DEFAULT_SUBJECT_CLASS_RULES,
): SectorClass {
  if (subject.kind === "collective") return COLLECTIVE_CLASS;
  const position = positionKey(subject.position ?? "");
  const category = positionKey(subject.staffCategory ?? "");
  const matches = (rule: SubjectClassRule) =>
    (rule.position === undefined || startsWithWord(position, positionKey(rule.position))) &&
    (rule.staffCategory === undefined || category === positionKey(rule.staffCategory));
  // Most specific first whatever the order, so a Department's added rule is never shadowed by a broader one.
  const specificity = (rule: SubjectClassRule) =>
    positionKey(rule.position ?? "").length * 2 + (rule.staffCategory === undefined ? 0 : 1);
  const best = rules.filter(matches).sort((a, b) => specificity(b) - specificity(a))[0];
  return best?.class ?? "TRUC_TIEP";
}
