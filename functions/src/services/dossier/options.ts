/**
 * What the caller supplies beyond the stored data (POST body of the route, --options of the CLI),
 * and its one parse: a fault is a Vietnamese INVALID_ARGUMENT naming the field ("body.meeting.date"),
 * never a raw ZodError.
 */
import { z } from "zod";
import { Signer } from "../../documents/inputs.js";
import { AppError, bodyField } from "../../domain/errors.js";
import { documentFieldLabels, documentMessages } from "../../domain/messages/index.js";
import { IsoDate } from "../../domain/model.js";

const text = z.string().trim().min(1);

export const DossierOptions = z.object({
  /** Date of the tờ trình (and of the dossier's legal basis). */
  date: IsoDate,
  signer: Signer.optional(),
  recipients: z.array(text).optional(),
  decider: text.optional(),
  extraBases: z.array(text).default([]),
  meeting: z
    .object({
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
    })
    .optional(),
  tellers: z.object({ head: text, members: z.array(text).min(1) }).optional(),
  /** Years of the sổ theo dõi ending with the dossier's year. */
  registerYears: z.union([z.literal(5), z.literal(10)]).default(5),
  /**
   * Proposals the engine judges ineligible are left out of the tờ trình and lists (and reported);
   * a unit that disagrees with a verdict may keep them, and answers for it.
   */
  includeIneligible: z.boolean().default(false),
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

/** The options of a build, or INVALID_ARGUMENT naming the first faulty field as `body.<path>`. */
export function parseDossierOptions(input: unknown): ParsedDossierOptions {
  const parsed = DossierOptions.safeParse(input);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  throw new AppError(
    "INVALID_ARGUMENT",
    documentMessages.invalidInput("hồ sơ", issues.map((issue) => describe(issue.path)).join(", ")),
    { issues },
    bodyField(issues[0]?.path),
  );
}
