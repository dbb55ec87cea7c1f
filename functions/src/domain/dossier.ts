/**
 * A stored dossier (dossiers/{id}, docs/design.md §6): its workflow state and every step taken
 * (domain/workflow.ts), the documents generated with their hashes, the decisions recorded on it.
 */
import { z } from "zod";
import { DossierState, Role, Target } from "./codes.js";
import { DecisionState } from "./decision.js";
import { NaturalKey } from "./model.js";
import { SchoolYear } from "./school-year.js";
import { StepLevel, WORKFLOW_ACTIONS } from "./workflow.js";

export const DossierDocument = z.object({
  type: z.string().min(1),
  number: z.string().optional(),
  file: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type DossierDocument = z.infer<typeof DossierDocument>;

const DossierTransition = z.object({
  from: DossierState.nullable(),
  to: DossierState,
  actor: z.string().min(1),
  /** The level the actor acted for and its unit (domain/workflow.ts StepParty); absent on older steps. */
  level: StepLevel.optional(),
  unitId: z.string().optional(),
  /** The step's name in the workflow table and the role that took it; absent on older steps. */
  action: z.enum(WORKFLOW_ACTIONS).optional(),
  role: Role.optional(),
  at: z.string().min(1),
  /** The legal basis in force on the day of the step (docs/domain.md §13). */
  legalBasisVersion: z.string().optional(),
  note: z.string().optional(),
  /** The decision behind a decider's step (record, publish, revoke). */
  decisionId: z.string().optional(),
});

export const Dossier = z.object({
  id: NaturalKey,
  unitId: NaturalKey,
  year: SchoolYear,
  state: DossierState,
  legalBasisVersion: z.string().min(1),
  documents: z.array(DossierDocument).default([]),
  history: z.array(DossierTransition).default([]),
  /** The decisions recorded on the dossier, each with its state. */
  decisions: z.record(z.string(), DecisionState).optional(),
  /** Thủ tục đơn giản (Luật 2022 Đ85): the đột xuất dossier of services/ad-hoc.ts, apart from the annual one. */
  procedure: z.literal("DON_GIAN").optional(),
  /** The đột xuất dossier's proposals as built (a student's subject is their achievement's id). */
  adHocProposals: z
    .array(
      z.object({
        subjectId: NaturalKey,
        name: z.string().min(1),
        target: Target,
        position: z.string().optional(),
      }),
    )
    .optional(),
  /** The numbers a dossier holds by document (the Department's): a rebuild keeps them. */
  numbers: z.record(z.string(), z.number().int().positive()).optional(),
});
export type Dossier = z.infer<typeof Dossier>;
