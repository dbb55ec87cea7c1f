/**
 * What the caller supplies beyond the stored data (POST body of the route, --options of the CLI),
 * and its one parse: a fault is a Vietnamese INVALID_ARGUMENT naming the field ("body.meeting.date"),
 * never a raw ZodError.
 */
import { z } from "zod";
import { Agency, Signer } from "../../documents/inputs.js";
import { AppError, bodyField } from "../../domain/errors.js";
import { documentFieldLabels, documentMessages } from "../../domain/messages/index.js";
import { IsoDate } from "../../domain/model.js";

const text = z.string().trim().min(1);

/** The council's meeting, which no tab stores. */
const Meeting = z.object({
  date: IsoDate,
  startTime: z.string(),
  endTime: z.string(),
  location: text,
  /** Council size; by default the one stored with the votes. */
  members: z.number().int().positive().optional(),
  present: z.number().int().nonnegative(),
  absentees: z.array(text).default([]),
  chair: z.object({ name: text, title: text }),
  secretary: z.object({ name: text, title: text }),
});

export const DossierOptions = z.object({
  /** Date of the tờ trình (and of the dossier's legal basis). */
  date: IsoDate,
  signer: Signer.optional(),
  recipients: z.array(text).optional(),
  decider: text.optional(),
  extraBases: z.array(text).default([]),
  meeting: Meeting.optional(),
  tellers: z.object({ head: text, members: z.array(text).min(1) }).optional(),
  /** Years of the sổ theo dõi ending with the dossier's year. */
  registerYears: z.union([z.literal(5), z.literal(10)]).default(5),
  /**
   * Proposals the engine judges ineligible are left out of the tờ trình and lists (and reported);
   * a unit that disagrees with a verdict may keep them, and answers for it.
   */
  includeIneligible: z.boolean().default(false),
  /**
   * Thủ tục đơn giản (Luật 2022 Đ85 k1b): the đột xuất dossier — tờ trình and danh sách of the
   * forms domain/ad-hoc.ts proposes, no biên bản, no báo cáo thành tích, no sổ theo dõi.
   */
  simplified: z.boolean().default(false),
});
export type DossierOptions = z.input<typeof DossierOptions>;
export type ParsedDossierOptions = z.output<typeof DossierOptions>;

/** "ngày văn bản (meeting.date)": the field's Vietnamese name where there is one, and its path. */
function describe(path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join(".");
  const named = [...path].reverse().find((key) => typeof key === "string");
  const label = typeof named === "string" ? documentFieldLabels[named] : undefined;
  return label ? `${label} (${dotted})` : dotted || "body";
}

/**
 * The Department's dossier (services/department-dossier.ts): the Department as it signs, the date of
 * its tờ trình and quyết định, its council's meeting, and what its quyết định needs beyond the
 * stored data.
 */
export const DepartmentDossierOptions = DossierOptions.pick({
  date: true,
  recipients: true,
  extraBases: true,
  meeting: true,
}).extend({
  /** "Sở Giáo dục và Đào tạo", under "Ủy ban nhân dân tỉnh …", ký hiệu "SGDĐT". */
  issuer: Agency,
  signer: Signer,
  /** The Giám đốc's quyết định for what the Department decides itself. */
  decision: z
    .object({
      /** "Giám đốc Sở Giáo dục và Đào tạo" by default. */
      issuerTitle: text.optional(),
      advisor: text,
      fundSource: text,
      executors: z.array(text).default([]),
    })
    .optional(),
});
export type DepartmentDossierOptions = z.input<typeof DepartmentDossierOptions>;
export type ParsedDepartmentDossierOptions = z.output<typeof DepartmentDossierOptions>;

/** The options of a build, or INVALID_ARGUMENT naming the first faulty field as `body.<path>`. */
export const parseDossierOptions = (input: unknown): ParsedDossierOptions =>
  parseOptions(DossierOptions, input);

export const parseDepartmentDossierOptions = (input: unknown): ParsedDepartmentDossierOptions =>
  parseOptions(DepartmentDossierOptions, input);

function parseOptions<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  throw new AppError(
    "INVALID_ARGUMENT",
    documentMessages.invalidInput("hồ sơ", issues.map((issue) => describe(issue.path)).join(", ")),
    { issues },
    bodyField(issues[0]?.path),
  );
}
