/** The eligibility engine (docs/domain.md §2–§6, §8.5, §15): pure functions over eligibility cases. */
export * from "./config.js";
export { type EligibilityOutput, evaluateCaseFile, evaluateTargets, readCase } from "./evaluate.js";
export { caseFromStoredSubject, type StoredSubject } from "./from-records.js";
export { checkHtxsCap } from "./htxs-cap.js";
export { LEGAL_BASIS_VERSIONS, legalBasisOn, legalBasisVersionOn } from "./legal-basis.js";
export { COVERED_RULES, ENGINE_RULES, IMPLEMENTED_RULES, NOT_IMPLEMENTED_RULES } from "./rules.js";
export * from "./schema.js";
export type { CaseResult, CaseStatus } from "./types.js";
export { SubjectHistory, schoolYearStartOfDate } from "./windows.js";
