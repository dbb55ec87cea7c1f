/**
 * The deterministic orders of the ranking (docs/domain.md §18.3): units in a cụm/khối by total, then
 * G-06 (collectives with ≥ 70% women first), then quality commitments met, then unit id; the leaders
 * within the quotas; individuals by score, then rating, then G-06 (women first), then id — against a
 * provincial cap or the RT-05 cap of their unit and tổ, with a reason for every position.
 */

import type { Gender, Rating } from "../codes.js";
import { checkHtxsCap, type EligibilityConfig } from "../eligibility/index.js";
import { rankingMessages as msg } from "../messages/index.js";
import { G06_WOMEN_SHARE, type ResolvedQuotas } from "./config.js";
import type { ProvincialQuota, QuotaPosition, RankedUnit, UnitHtxsCap } from "./schema.js";
import type { UnitScore } from "./score.js";

const isWomensCollective = (unit: UnitScore): boolean =>
  unit.womenShare !== null && unit.womenShare >= G06_WOMEN_SHARE;

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The keys after the total, in order; the first that differs decides, and says so. */
const UNIT_TIE_KEYS: readonly { compare: (a: UnitScore, b: UnitScore) => number; note: typeof msg.tieG06 }[] =
  [
    { compare: (a, b) => Number(isWomensCollective(b)) - Number(isWomensCollective(a)), note: msg.tieG06 },
    { compare: (a, b) => b.commitmentsMet - a.commitmentsMet, note: msg.tieCommitments },
    { compare: (a, b) => compareIds(a.unitId, b.unitId), note: msg.tieUnitId },
  ];

const compareUnits = (a: UnitScore, b: UnitScore): number => {
  if (a.total !== b.total) return b.total - a.total;
  for (const key of UNIT_TIE_KEYS) {
    const order = key.compare(a, b);
    if (order !== 0) return order;
  }
  return 0;
};

/** The note of the key that put `upper` above `lower` (same total). */
const tieNote = (upper: UnitScore, lower: UnitScore, whoIsThis: "upper" | "lower"): string => {
  const key = UNIT_TIE_KEYS.find((candidate) => candidate.compare(upper, lower) !== 0);
  return (key?.note ?? msg.tieUnitId)(whoIsThis === "upper", upper.total);
};

/**
 * A unit missing data it should have reported (any group but INSPECTION: a unit the plan did not
 * visit has not failed to report) stays ranked but is not proposed: a Cờ or a Bằng khen is not given
 * on zeros standing in for a report.
 */
const isProposable = (unit: UnitScore): boolean =>
  unit.scores.every((group) => !group.missing || group.source === "INSPECTION");

/** One cụm/khối in order, its leaders proposed for Cờ thi đua cấp tỉnh, the next for Bằng khen tỉnh. */
export function rankCluster(units: readonly UnitScore[], quotas: ResolvedQuotas): RankedUnit[] {
  const ordered = [...units].sort(compareUnits);
  let proposed = 0;
  return ordered.map((unit, index) => {
    const above = ordered[index - 1];
    const below = ordered[index + 1];
    const notes: string[] = [];
    if (above && above.total === unit.total) notes.push(tieNote(above, unit, "lower"));
    if (below && below.total === unit.total) notes.push(tieNote(unit, below, "upper"));
    let proposedFor: RankedUnit["proposedFor"] = null;
    if (isProposable(unit)) {
      proposed++;
      if (proposed <= quotas.flagPerCluster) proposedFor = "CO_TD_TINH";
      else if (proposed <= quotas.flagPerCluster + quotas.bkPerCluster) proposedFor = "BK_CT_UBND_TINH";
    } else if (proposed < quotas.flagPerCluster + quotas.bkPerCluster) notes.push(msg.notProposedMissing);
    return {
      ...unit,
      position: index + 1,
      leader: proposedFor === "CO_TD_TINH",
      proposedFor,
      tieBreak: notes.length > 0 ? notes.join(" ") : null,
    };
  });
}

/** An individual in a list where a quota binds. */
export interface IndividualCandidate {
  unitId: string;
  subjectId: string;
  name: string;
  gender: Gender | undefined;
  rating: Rating;
  score: number | undefined;
}

const RATING_ORDER: Readonly<Record<Rating, number>> = { HTXS: 4, HTT: 3, HT: 2, KHT: 1, NONE: 0 };

const INDIVIDUAL_KEYS: readonly ((a: IndividualCandidate, b: IndividualCandidate) => number)[] = [
  (a, b) => (b.score ?? -1) - (a.score ?? -1),
  (a, b) => RATING_ORDER[b.rating] - RATING_ORDER[a.rating],
  (a, b) => Number(b.gender === "F") - Number(a.gender === "F"),
  (a, b) => compareIds(a.unitId, b.unitId) || compareIds(a.subjectId, b.subjectId),
];

const compareIndividuals = (a: IndividualCandidate, b: IndividualCandidate): number => {
  for (const key of INDIVIDUAL_KEYS) {
    const order = key(a, b);
    if (order !== 0) return order;
  }
  return 0;
};

/** Which key set `a` and `b` apart: 0 score, 1 rating, 2 G-06, 3 id. */
const decidingKey = (a: IndividualCandidate, b: IndividualCandidate): number =>
  INDIVIDUAL_KEYS.findIndex((key) => key(a, b) !== 0);

function orderWithin(
  candidates: readonly IndividualCandidate[],
  cap: number,
  scopeText: string,
): QuotaPosition[] {
  const ordered = [...candidates].sort(compareIndividuals);
  const lastIn = ordered[cap - 1];
  const firstOut = ordered[cap];
  // At the quota's edge, the key that separated the last one in from the first one out is named.
  const edgeKey = lastIn && firstOut ? decidingKey(lastIn, firstOut) : -1;
  return ordered.map((candidate, index) => {
    const position = index + 1;
    const withinQuota = position <= cap;
    const boundaryKey = position === cap || position === cap + 1 ? edgeKey : -1;
    return {
      position,
      unitId: candidate.unitId,
      subjectId: candidate.subjectId,
      name: candidate.name,
      gender: candidate.gender ?? null,
      rating: candidate.rating,
      score: candidate.score ?? null,
      withinQuota,
      reason: msg.quotaReason({
        position,
        count: ordered.length,
        cap,
        scope: scopeText,
        withinQuota,
        score: candidate.score,
        rating: candidate.rating,
        boundaryKey,
      }),
    };
  });
}

/** Candidates for CSTĐ cấp tỉnh or Bằng khen tỉnh in the province's order, against its cap. */
export function rankProvincialQuota(
  target: ProvincialQuota["target"],
  candidates: readonly IndividualCandidate[],
  cap: number,
): ProvincialQuota {
  return {
    target,
    cap,
    candidates: candidates.length,
    positions: orderWithin(candidates, cap, msg.provincialScope(target)),
  };
}

/**
 * RT-05 in one unit: the cap per unit and per tổ (checkHtxsCap's figures) and, where it binds, who
 * rated HTXS is within it and who is beyond, in the individual order.
 */
export function htxsCapPositions(
  input: {
    unitId: string;
    year: string;
    unitRating: Rating;
    members: readonly (IndividualCandidate & { group: string | undefined })[];
  },
  config: EligibilityConfig,
): UnitHtxsCap {
  const cap = checkHtxsCap(
    { year: input.year, unitRating: input.unitRating, members: input.members },
    config,
  );
  return {
    unitId: input.unitId,
    ok: cap.ok,
    basis: cap.basis,
    share: cap.share,
    scopes: cap.scopes.map((scope) => {
      const inScope = input.members.filter(
        (member) => member.rating === "HTXS" && (scope.group === null || member.group === scope.group),
      );
      return {
        group: scope.group,
        htxs: scope.htxs,
        denominator: scope.denominator,
        max: scope.max,
        excess: scope.excess,
        message: scope.message,
        positions: scope.excess > 0 ? orderWithin(inScope, scope.max, msg.htxsScope(scope.group)) : [],
      };
    }),
  };
}
