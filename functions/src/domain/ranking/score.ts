/**
 * The score of one unit in its cụm/khối (docs/domain.md §18.1–§18.2): each criteria group turns the
 * unit's data into points, clamped to the group's maximum; a group without data scores 0 and is
 * named (the missing-data rule); the total is the weighted sum.
 */
import type { AwardKind, Gender, Rating } from "../codes.js";
import { type InspectionFinding, inspectionFraction } from "../inspection.js";
import { rankingMessages as msg } from "../messages/index.js";
import type { Registration } from "../model.js";
import type { Criterion } from "./config.js";
import type { CommitmentLine, RankedUnit } from "./schema.js";

type Commitment = Registration["commitments"][number];

/** What the ranking knows of one unit's year, gathered by the service from stored data. */
export interface UnitRankingInput {
  unitId: string;
  name: string;
  /** The genders of the unit's roster (G-06). */
  roster: readonly Gender[];
  /** The commitments of the unit's own registration (cam kết chất lượng), with achieved values. */
  commitments: readonly Commitment[];
  /** The unit's own year-end record; undefined when the school has not sent it. */
  unitRecord: { rating: Rating; titles: readonly string[]; movement?: boolean | undefined } | undefined;
  /** The ratings of its members' year-end records. */
  memberRatings: readonly Rating[];
  /** Kinds of the awards of the year to the unit and its people (movements, thematic fields). */
  awardKinds: readonly AwardKind[];
  /** The Thường trực's scores, by group code. */
  manualScores: ReadonlyMap<string, number>;
  /** The findings of the unit's inspection visits of the year (tab "Kết quả kiểm tra"). */
  inspectionFindings: readonly InspectionFinding[];
}

export type UnitScore = Omit<RankedUnit, "position" | "leader" | "proposedFor" | "tieBreak">;

/** Registered against achieved, line by line: a number is met at or above its target, a text when equal. */
export function commitmentLines(commitments: readonly Commitment[]): CommitmentLine[] {
  return commitments.map((commitment) => ({
    key: commitment.key,
    target: commitment.target,
    unit: commitment.unit ?? null,
    achieved: commitment.achieved ?? null,
    met: commitment.achieved === undefined ? null : isMet(commitment.target, commitment.achieved),
  }));
}

const isMet = (target: number | string, achieved: number | string): boolean =>
  typeof target === "number" && typeof achieved === "number"
    ? achieved >= target
    : String(achieved).trim().toLocaleLowerCase("vi") === String(target).trim().toLocaleLowerCase("vi");

/** A fraction of the group's maximum (may exceed 1: over-achieved commitments), or undefined: no data. */
type Fraction = { value: number; note: string } | undefined;

const RATING_SHARE: Readonly<Record<Rating, number | undefined>> = {
  HTXS: 1,
  HTT: 0.75,
  HT: 0.5,
  KHT: 0,
  NONE: undefined,
};

/** Each commitment counts achieved ÷ target (a met text target 1, an unmet one 0); a line not reported counts 0. */
function commitmentsFraction(commitments: readonly Commitment[]): Fraction {
  if (!commitments.some((commitment) => commitment.achieved !== undefined)) return undefined;
  let sum = 0;
  for (const { target, achieved } of commitments) {
    if (achieved === undefined) continue;
    if (typeof target === "number" && typeof achieved === "number")
      sum += target > 0 ? achieved / target : achieved >= target ? 1 : 0;
    else sum += isMet(target, achieved) ? 1 : 0;
  }
  const met = commitmentLines(commitments).filter((line) => line.met === true).length;
  return { value: sum / commitments.length, note: msg.commitmentsNote(met, commitments.length) };
}

function unitTitlesFraction(record: UnitRankingInput["unitRecord"]): Fraction {
  const share = record ? RATING_SHARE[record.rating] : undefined;
  if (record === undefined || share === undefined) return undefined;
  // A title already recognised for the year lifts the share: TTLĐXS to the full score, TTLĐTT to HTT's.
  const titled = record.titles.includes("TTLDXS") ? 1 : record.titles.includes("TTLDTT") ? 0.75 : 0;
  return { value: Math.max(share, titled), note: msg.unitTitlesNote(record.rating, record.titles) };
}

function memberResultsFraction(ratings: readonly Rating[]): Fraction {
  const rated = ratings.filter((rating) => rating !== "NONE");
  if (rated.length === 0) return undefined;
  const good = rated.filter((rating) => rating === "HTXS" || rating === "HTT").length;
  return { value: good / rated.length, note: msg.memberResultsNote(good, rated.length) };
}

/** The unit's own "phong trào thi đua" confirmation gives 0.7; a movement or thematic award of the year the rest. */
function movementsFraction(input: UnitRankingInput): Fraction {
  const movement = input.unitRecord?.movement;
  const awards = input.awardKinds.filter((kind) => kind === "PHONG_TRAO" || kind === "CHUYEN_DE").length;
  if (movement === undefined && awards === 0) return undefined;
  return { value: (movement ? 0.7 : 0) + (awards > 0 ? 0.3 : 0), note: msg.movementsNote(movement, awards) };
}

const round2 = (value: number): number => Math.round(value * 100) / 100;

export function scoreUnit(input: UnitRankingInput, criteria: readonly Criterion[]): UnitScore {
  const scores = criteria.map((criterion) => {
    const base = { group: criterion.code, name: criterion.name, source: criterion.source };
    const { maxScore, weight } = criterion;
    let raw: { points: number; note: string } | undefined;
    if (criterion.source === "MANUAL") {
      const manual = input.manualScores.get(criterion.code);
      raw = manual === undefined ? undefined : { points: manual, note: msg.manualNote };
    } else {
      const fraction = fractionOf(criterion.source, input);
      raw = fraction && { points: fraction.value * maxScore, note: fraction.note };
    }
    if (raw === undefined)
      return {
        ...base,
        score: 0,
        maxScore,
        weight,
        clamped: false,
        missing: true,
        note: msg.missingNote(criterion.source),
      };
    const clamped = raw.points > maxScore;
    const score = round2(Math.min(Math.max(raw.points, 0), maxScore));
    return {
      ...base,
      score,
      maxScore,
      weight,
      clamped,
      missing: false,
      note: clamped ? `${raw.note} ${msg.clampedNote(round2(raw.points), maxScore)}` : raw.note,
    };
  });
  const women = input.roster.filter((gender) => gender === "F").length;
  return {
    unitId: input.unitId,
    name: input.name,
    total: round2(scores.reduce((sum, group) => sum + group.weight * group.score, 0)),
    maxTotal: round2(scores.reduce((sum, group) => sum + group.weight * group.maxScore, 0)),
    scores,
    commitmentsMet: commitmentLines(input.commitments).filter((line) => line.met === true).length,
    womenShare: input.roster.length === 0 ? null : round2(women / input.roster.length),
    missing: scores.filter((group) => group.missing).map((group) => group.group),
  };
}

/** Items met after the re-check over items checked, all the unit's visits of the year together. */
function inspectionGroupFraction(findings: readonly InspectionFinding[]): Fraction {
  const fraction = inspectionFraction(findings);
  return fraction && { value: fraction.value, note: msg.inspectionNote(fraction.met, fraction.checked) };
}

function fractionOf(source: Exclude<Criterion["source"], "MANUAL">, input: UnitRankingInput): Fraction {
  switch (source) {
    case "COMMITMENTS":
      return commitmentsFraction(input.commitments);
    case "UNIT_TITLES":
      return unitTitlesFraction(input.unitRecord);
    case "MEMBER_RESULTS":
      return memberResultsFraction(input.memberRatings);
    case "MOVEMENTS":
      return movementsFraction(input);
    case "INSPECTION":
      return inspectionGroupFraction(input.inspectionFindings);
  }
}
