/**
 * Gắn xét thi đua với hiệu quả công việc: beside each proposal, the evidence the Department's
 * guidance asks for — for managers the unit's real quality, attendance, enrolment retention,
 * financial management and whether its own bình xét looked after its staff; for teachers their real
 * teaching quality, homeroom work, attendance in their subject, coaching of gifted pupils, tutoring
 * of weak ones — with what the system already holds (commitments met, initiatives, đột xuất prizes
 * coached). A year-end công trạng proposal without its evidence is flagged, never refused: the flag
 * is a warning beside the proposal, the eligibility verdict stays the engine's. Pure.
 */
import { z } from "zod";
import type { AwardKind, SubjectKind, Target } from "./codes.js";
import { SubjectKind as SubjectKindSchema } from "./codes.js";
import type { Achievement, Initiative, Person, Proposal, Registration } from "./model.js";
import { NaturalKey } from "./model.js";
import { commitmentLines } from "./ranking/score.js";
import { SchoolYear } from "./school-year.js";
import { foldForMatching } from "./text.js";

const note = z.string().trim().min(1).max(500);
const percent = z.number().min(0).max(100);

/**
 * years/{year}/evidence/{unit_subject}: one row of tab "Minh chứng hiệu quả công việc" — a person's,
 * or a collective's: the unit's own row carries the unit-level figures its managers are judged on.
 */
export const MeritEvidence = z.object({
  year: SchoolYear,
  unitId: NaturalKey,
  subjectKind: SubjectKindSchema,
  subjectId: NaturalKey,
  quality: note.optional(),
  attendance: percent.optional(),
  retention: percent.optional(),
  finance: note.optional(),
  staffCare: note.optional(),
  homeroom: note.optional(),
  gifted: note.optional(),
  remedial: note.optional(),
  movements: note.optional(),
  note: note.optional(),
});
export type MeritEvidence = z.infer<typeof MeritEvidence>;

const EVIDENCE_FIELDS = [
  "quality",
  "attendance",
  "retention",
  "finance",
  "staffCare",
  "homeroom",
  "gifted",
  "remedial",
  "movements",
] as const;
type EvidenceField = (typeof EVIDENCE_FIELDS)[number];

type EvidenceAudience = "MANAGER" | "TEACHER" | "COLLECTIVE";

/**
 * The fields shown for each audience, and those a proposal needs (the others apply by assignment:
 * not every teacher is a homeroom teacher or coaches a team). Managers' fields are the unit's.
 */
const SHOWN: Record<EvidenceAudience, readonly EvidenceField[]> = {
  MANAGER: ["quality", "attendance", "retention", "finance", "staffCare", "movements"],
  TEACHER: ["quality", "homeroom", "attendance", "gifted", "remedial", "movements"],
  COLLECTIVE: ["quality", "attendance", "retention", "finance", "staffCare", "movements"],
};
const REQUIRED: Record<EvidenceAudience, readonly EvidenceField[]> = {
  MANAGER: ["quality", "attendance", "retention", "finance", "staffCare"],
  TEACHER: ["quality", "attendance", "movements"],
  COLLECTIVE: ["quality", "attendance", "retention"],
};
/** A manager's fields that come from the unit's row (the same for the principal and the vices). */
const UNIT_LEVEL: ReadonlySet<EvidenceField> = new Set([
  "quality",
  "attendance",
  "retention",
  "finance",
  "staffCare",
]);

/** Cán bộ quản lý of a school or centre: its Hiệu trưởng / Giám đốc and their deputies. */
export const isManager = (person: Pick<Person, "position"> | undefined): boolean =>
  /^(pho )?(hieu truong|giam doc)$/u.test(foldForMatching(person?.position ?? ""));

/** Only the year-end công trạng proposals are judged on the year's work (đột xuất, chuyên đề have their own proof). */
const needsEvidence = (kind: AwardKind): boolean => kind === "CONG_TRANG";

export interface EvidenceValue {
  field: EvidenceField;
  /** As entered; a percentage as its number. */
  value: string | number | null;
  /** Whose row it came from: the subject's own, or (a manager's unit-level field) the unit's. */
  from: "subject" | "unit" | null;
}

export interface HeldEvidence {
  /** The subject's own registration (a manager: the unit's) — commitments met of those reported. */
  commitments: { met: number; total: number } | null;
  initiatives: string[];
  /** Đột xuất prizes of the year: the subject's own, or of pupils it coached. */
  coached: number;
}

export interface EvidenceFlag {
  code: "NO_EVIDENCE" | "INCOMPLETE_EVIDENCE";
  missing: EvidenceField[];
}

export interface ProposalEvidence {
  subjectKind: SubjectKind;
  subjectId: string;
  target: Target;
  kind: AwardKind;
  audience: EvidenceAudience;
  /** Whether the proposal is judged on its evidence (year-end công trạng). */
  required: boolean;
  values: EvidenceValue[];
  held: HeldEvidence;
  flag: EvidenceFlag | null;
}

export interface MeritEvidenceInput {
  unitId: string;
  proposals: readonly Proposal[];
  people: readonly Person[];
  evidence: readonly MeritEvidence[];
  registrations: readonly Registration[];
  initiatives: readonly Initiative[];
  achievements: readonly Achievement[];
  year: string;
}

export function proposalEvidence(input: MeritEvidenceInput): ProposalEvidence[] {
  const personById = new Map(input.people.map((person) => [person.id, person]));
  const rowOf = (subjectId: string) => input.evidence.find((row) => row.subjectId === subjectId);
  const unitRow = rowOf(input.unitId);
  return input.proposals.map((proposal) => {
    const audience: EvidenceAudience =
      proposal.subjectKind === "collective"
        ? "COLLECTIVE"
        : isManager(personById.get(proposal.subjectId))
          ? "MANAGER"
          : "TEACHER";
    const own = rowOf(proposal.subjectId);
    // A manager is judged on the unit's figures: the unit's row first, his own only where it has none.
    const values = SHOWN[audience].map((field): EvidenceValue => {
      const theUnits = audience === "MANAGER" && UNIT_LEVEL.has(field) ? unitRow?.[field] : undefined;
      if (theUnits !== undefined) return { field, value: theUnits, from: "unit" };
      const mine = own?.[field];
      return mine !== undefined
        ? { field, value: mine, from: "subject" }
        : { field, value: null, from: null };
    });
    const required = needsEvidence(proposal.kind);
    const missing = REQUIRED[audience].filter(
      (field) => values.find((value) => value.field === field)?.value === null,
    );
    const anyRow = own !== undefined || (audience === "MANAGER" && unitRow !== undefined);
    const flag: EvidenceFlag | null = !required
      ? null
      : !anyRow
        ? { code: "NO_EVIDENCE", missing: [...REQUIRED[audience]] }
        : missing.length > 0
          ? { code: "INCOMPLETE_EVIDENCE", missing }
          : null;
    return {
      subjectKind: proposal.subjectKind,
      subjectId: proposal.subjectId,
      target: proposal.target,
      kind: proposal.kind,
      audience,
      required,
      values,
      held: heldEvidence(input, proposal.subjectId, audience),
      flag,
    };
  });
}

function heldEvidence(
  input: MeritEvidenceInput,
  subjectId: string,
  audience: EvidenceAudience,
): HeldEvidence {
  const registrant = audience === "MANAGER" ? input.unitId : subjectId;
  const registration = input.registrations.find((candidate) => candidate.subjectId === registrant);
  const reported = commitmentLines(registration?.commitments ?? []).filter((line) => line.met !== null);
  const individual = audience !== "COLLECTIVE";
  return {
    commitments:
      reported.length > 0
        ? { met: reported.filter((line) => line.met === true).length, total: reported.length }
        : null,
    initiatives: individual
      ? input.initiatives
          .filter((initiative) => initiative.year === input.year && initiative.ownerIds.includes(subjectId))
          .map((initiative) => initiative.title)
      : [],
    coached: individual
      ? input.achievements.filter(
          (achievement) => achievement.personId === subjectId || achievement.coachIds.includes(subjectId),
        ).length
      : input.achievements.length,
  };
}
