/**
 * Input pieces shared by the document modules, and the parse that turns absent data into a
 * MISSING_DATA error listing every missing item in Vietnamese (never an empty field in a PDF).
 */
import { z } from "zod";
import { AwardCode, SubjectKind } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { documentFieldLabels, documentMessages, documentText } from "../domain/messages/index.js";
import type { IsoDate } from "../domain/model.js";
import { formatPlaceDate } from "../domain/text.js";

const text = z.string().trim().min(1);

export const Agency = z.object({
  /** Cơ quan chủ quản, e.g. "Ủy ban nhân dân xã Hòa Bình". */
  parentName: text.optional(),
  name: text,
  /** Ký hiệu part of document numbers, e.g. "THPTLQĐ". */
  abbreviation: text,
  place: text,
});
export type Agency = z.infer<typeof Agency>;

export const Signer = z.object({
  /** "KT. HIỆU TRƯỞNG", "TM. ỦY BAN NHÂN DÂN": the quyền hạn line, when the signer is not the head. */
  capacity: text.optional(),
  title: text,
  name: text,
});
export type Signer = z.infer<typeof Signer>;

/** A proposal line: one subject proposed for one title or form. */
export const ProposalEntry = z.object({
  code: AwardCode,
  subjectKind: SubjectKind,
  /** Tells apart two people of the same name; one person proposed twice counts once in totals. */
  subjectId: text.optional(),
  name: text,
});

/** Lines of nơi nhận besides "Như trên" and "Lưu". */
export const Copies = z.array(text).default([]);

export const signatureOf = (signer: Signer) => ({
  lines: signer.capacity ? [signer.capacity, signer.title] : [signer.title],
  name: signer.name,
});

/** One line of the căn cứ from a citation of the legal timeline. */
export const citeAsBasis = (citation: string): string => `Căn cứ ${citation}`;

export const placeDateOf = (agency: Agency, date: IsoDate): string => formatPlaceDate(agency.place, date);

export const standardCopies = (extra: readonly string[], drafter: string, asAbove = true): string[] => [
  ...(asAbove ? [documentText.asAbove] : []),
  ...extra,
  documentText.archive(drafter),
];

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const isAbsent = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

function labelOf(path: readonly PropertyKey[]): string {
  const named = [...path].reverse().find((key) => typeof key === "string");
  const label = (typeof named === "string" && documentFieldLabels[named]) || path.map(String).join(".");
  const index = path.find((key) => typeof key === "number");
  return typeof index === "number" ? documentMessages.itemOf(label, index + 1) : label;
}

/**
 * A document's input as stored data gives it: any item may be absent. The document's own parse
 * reports each absent item (MISSING_DATA), which the dossier's dry run collects before numbering.
 */
export type Draft<T> = T extends readonly (infer Item)[]
  ? Draft<Item>[]
  : T extends object
    ? { [Key in keyof T]?: Draft<T[Key]> }
    : T;

export function throwMissing(documentName: string, missing: readonly string[]): never {
  throw new AppError("MISSING_DATA", documentMessages.missingData(documentName, missing), {
    missing: [...missing],
  });
}

/** Parses a document input; absent items → MISSING_DATA (all of them), other faults → INVALID_ARGUMENT. */
export function parseDocumentInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  documentName: string,
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const missing: string[] = [];
  const invalid: string[] = [];
  for (const issue of parsed.error.issues) {
    const label = labelOf(issue.path);
    if (isAbsent(valueAt(input, issue.path))) {
      if (!missing.includes(label)) missing.push(label);
    } else invalid.push(`${label}: ${issue.message}`);
  }
  if (missing.length > 0) throwMissing(documentName, missing);
  throw new AppError("INVALID_ARGUMENT", documentMessages.invalidInput(documentName, invalid.join("; ")), {
    issues: parsed.error.issues,
  });
}
