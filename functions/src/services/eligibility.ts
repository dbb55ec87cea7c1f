/**
 * Use case "evaluate eligibility cases" (DESIGN.md §5.2): the one entry point the CLI and the HTTP
 * API call. Pure: no storage is involved, the cases carry their own histories.
 */

import type { Rating } from "../domain/codes.js";
import {
  checkHtxsCap,
  type EligibilityConfigOverride,
  type EligibilityOutput,
  evaluateCaseFile,
  type HtxsCapResult,
  type RatedMember,
  resolveConfig,
} from "../domain/eligibility/index.js";

/** Judges every case of a case file; throws AppError(INVALID_ARGUMENT) when the envelope is malformed. */
export function evaluateCases(input: unknown): EligibilityOutput {
  return evaluateCaseFile(input);
}

/** RT-05 for one unit's ratings: by how many HTXS ratings each scope exceeds the cap. */
export function checkUnitHtxsCap(
  input: { year: string; unitRating: Rating; members: readonly RatedMember[] },
  config: EligibilityConfigOverride = {},
): HtxsCapResult {
  return checkHtxsCap(input, resolveConfig(config));
}
