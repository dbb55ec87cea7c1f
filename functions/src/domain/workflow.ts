/** Dossier workflow transitions (DOMAIN.md §13): which state may follow which. */
import type { DossierState } from "./codes.js";

const NEXT: Record<DossierState, readonly DossierState[]> = {
  DRAFT: ["SUBMITTED"],
  SUBMITTED: ["RETURNED", "UNDER_APPRAISAL", "SUSPENDED"],
  RETURNED: ["SUBMITTED"],
  UNDER_APPRAISAL: ["RETURNED", "COUNCIL_REVIEW", "SUSPENDED"],
  COUNCIL_REVIEW: ["RETURNED", "APPROVED", "SUSPENDED"],
  APPROVED: ["DECISION_ISSUED", "SUSPENDED"],
  DECISION_ISSUED: ["PUBLISHED", "REVOKED"],
  PUBLISHED: ["REVOKED"],
  SUSPENDED: ["SUBMITTED", "UNDER_APPRAISAL", "COUNCIL_REVIEW", "REVOKED"],
  REVOKED: [],
};

export const canTransition = (from: DossierState, to: DossierState): boolean => NEXT[from].includes(to);
export const nextStates = (from: DossierState): readonly DossierState[] => NEXT[from];

/** The school sends (and re-sends) its own dossier; every later step belongs to the appraising level. */
const SCHOOL_STEPS: ReadonlySet<DossierState> = new Set(["SUBMITTED"]);
export const isSchoolStep = (to: DossierState): boolean => SCHOOL_STEPS.has(to);
