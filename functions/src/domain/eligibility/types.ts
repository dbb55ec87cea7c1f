/** Result shapes of the eligibility engine (docs/design.md §5.2). */

export interface Check {
  /** docs/domain.md rule ID (or an engine ID documented in rules.ts where docs/domain.md gives none). */
  rule: string;
  ok: boolean;
  basis: string;
  /** Vietnamese, naming the data behind the verdict. */
  message: string;
  /** Inputs whose absence kept this check from deciding; such a check is not counted as failed. */
  missing?: string[];
  /** Advice that never blocks (e.g. CSCS-07 initiative reuse). */
  warning?: boolean;
}

export type CaseStatus = "eligible" | "ineligible" | "incomplete" | "error";

interface LegalBasisRecord {
  version: string;
  label: string;
  effectiveFrom: string;
  /** First day no longer in force (exclusive); null while current. */
  effectiveUntil: string | null;
  documents: string[];
  proposalDate: string;
  /** Whether proposalDate came from the case or from the default day of the school year. */
  proposalDateSource: "case" | "default";
}

export interface CaseError {
  code: "INVALID_CASE" | "UNKNOWN_TARGET" | "INVALID_YEAR" | "MISSING_TARGET_YEAR" | "NO_LEGAL_BASIS";
  message: string;
}

export interface CaseResult {
  id: string;
  target: string;
  year?: string;
  status: CaseStatus;
  failed: string[];
  missing: string[];
  checks: Check[];
  legalBasis?: LegalBasisRecord;
  error?: CaseError;
}
