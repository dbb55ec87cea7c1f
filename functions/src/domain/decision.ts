/**
 * The recorded quyết định khen thưởng (decisions/{id}, docs/design.md §6): its deciding level, its
 * state (issued, published, revoked — G-10) and the subjects it approves, names kept as on the day.
 */
import { z } from "zod";
import { AwardKind, SubjectKind, Target } from "./codes.js";
import { IsoDate, NaturalKey } from "./model.js";
import { SchoolYear } from "./school-year.js";

/** The levels whose decisions are recorded here: UBND xã, the Department, the province (entered by the Department). */
export const DecisionLevel = z.enum(["XA", "SO", "TINH"]);
export type DecisionLevel = z.infer<typeof DecisionLevel>;

export const DecisionState = z.enum(["ISSUED", "PUBLISHED", "REVOKED"]);
export type DecisionState = z.infer<typeof DecisionState>;

/** A line of a decision's text (names, titles, addresses): trimmed, never empty. */
export const DecisionText = z.string().trim().min(1).max(500);

/** One approved subject of a decision, as its annex lists it (names kept as they were on the day). */
export const DecisionSubject = z.object({
  dossierId: NaturalKey,
  unitId: NaturalKey,
  subjectKind: SubjectKind,
  subjectId: NaturalKey,
  target: Target,
  kind: AwardKind,
  name: DecisionText,
  positionAndUnit: DecisionText,
  /** Its awards ledger entry (document-ids.ts awardId). */
  awardId: NaturalKey,
});
export type DecisionSubject = z.infer<typeof DecisionSubject>;

/** decisions/{id}: a quyết định khen thưởng as entered once by its deciding level (docs/design.md §6). */
export const Decision = z.object({
  id: NaturalKey,
  level: DecisionLevel,
  /** The commune that issued it (XA); the Department and the province are one body each. */
  issuerUnitId: NaturalKey.optional(),
  issuer: z.object({
    parentName: DecisionText.optional(),
    name: DecisionText,
    abbreviation: DecisionText,
    place: DecisionText,
  }),
  /** The authority DecisionText: "Chủ tịch Ủy ban nhân dân xã An Thịnh". */
  issuerTitle: DecisionText,
  number: z.number().int().positive(),
  /** "15/QĐ-UBND": the number as printed and as the ledger records it. */
  numberText: DecisionText,
  date: IsoDate,
  year: SchoolYear,
  signer: z.object({ capacity: DecisionText.optional(), title: DecisionText, name: DecisionText }),
  proposalRef: DecisionText,
  advisor: DecisionText,
  fundSource: DecisionText,
  executors: z.array(DecisionText).min(1),
  copies: z.array(DecisionText).default([]),
  dossierIds: z.array(NaturalKey).min(1),
  subjects: z.array(DecisionSubject).min(1),
  state: DecisionState,
  revocationReason: z.string().optional(),
  history: z.array(
    z.object({
      state: DecisionState,
      actor: z.string().min(1),
      at: z.string().min(1),
      legalBasisVersion: z.string().optional(),
      note: z.string().optional(),
    }),
  ),
});
export type Decision = z.infer<typeof Decision>;
