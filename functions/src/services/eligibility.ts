/**
 * Use case "evaluate eligibility cases" (docs/design.md §5.2): the one entry point the CLI and the HTTP
 * API call. Pure: no storage is involved, the cases carry their own histories.
 */

import { type EligibilityOutput, evaluateCaseFile } from "../domain/eligibility/index.js";

/** Judges every case of a case file; throws AppError(INVALID_ARGUMENT) when the envelope is malformed. */
export function evaluateCases(input: unknown): EligibilityOutput {
  return evaluateCaseFile(input);
}
