/**
 * The year's consolidated lists (docs/design.md §5.4): every unit's judged proposals, the eligible
 * ones grouped by the body that carries them (the Department, or one UBND xã) and the level that
 * decides them (domain/authority.ts), by title or form; the others left out with the rules they fail.
 * Built unit by unit and merged chunk by chunk: merging the consolidations of disjoint chunks gives
 * the consolidation of the whole, in one deterministic order.
 */
import {
  DECIDING_LEVELS,
  type DecidingLevel,
  deciderOf,
  type HigherLevel,
  type ManagingLevel,
  managingLevelOf,
  proposalChannelOf,
} from "./authority.js";
import { type ManagingAuthority, type SubjectKind, TARGETS, Target } from "./codes.js";
import { compareVietnamese, compareVietnameseNames } from "./text.js";

/** One unit's proposals as the eligibility engine judged them (services/unit-eligibility.ts). */
export interface UnitVerdicts {
  unit: {
    id: string;
    name: string;
    managingAuthority: ManagingAuthority;
    communeUnitId?: string | undefined;
  };
  results: readonly {
    subjectKind: SubjectKind;
    subjectId: string;
    subjectName: string;
    target: string;
    status: string;
    failed: readonly string[];
    missing?: readonly string[];
  }[];
}

/** A proposal of the consolidated lists: its unit, subject, target and who decides it. */
export interface ConsolidatedLine {
  unitId: string;
  unitName: string;
  /** The level that manages the unit: it carries the proposal (appraises, decides or forwards). */
  managingLevel: ManagingLevel;
  /** Commune-managed units: the UBND xã that carries them. */
  communeUnitId?: string;
  subjectKind: SubjectKind;
  subjectId: string;
  /** The subject's name (a person's full name, a collective's name). */
  name: string;
  target: Target;
  decider: DecidingLevel;
  /** The tờ trình the line goes in: the managing level's own, or a higher decider's through it. */
  channel: ManagingLevel | HigherLevel;
}

/** A proposal left out: judged ineligible (the rules it fails) or incomplete (the data it lacks). */
export interface LeftOutLine {
  unitId: string;
  unitName: string;
  managingLevel: ManagingLevel;
  subjectKind: SubjectKind;
  subjectId: string;
  name: string;
  target: string;
  status: string;
  failed: string[];
  missing: string[];
}

export interface Consolidation {
  year: string;
  /** Eligible proposals, in consolidation order. */
  included: ConsolidatedLine[];
  /** Proposals left out, in the same order. */
  excluded: LeftOutLine[];
}

/** One list: what one carrying body puts before one decider, grouped by title or form. */
export interface ConsolidatedList {
  managingLevel: ManagingLevel;
  communeUnitId?: string;
  decider: DecidingLevel;
  groups: { target: Target; lines: ConsolidatedLine[] }[];
}

const targetRank = (target: string): number => {
  const index = (TARGETS as readonly string[]).indexOf(target);
  return index < 0 ? TARGETS.length : index;
};
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareNames = (kind: SubjectKind, a: string, b: string): number =>
  kind === "individual" ? compareVietnameseNames(a, b) : compareVietnamese(a, b);

type Ordered = Pick<ConsolidatedLine, "unitId" | "unitName" | "subjectKind" | "subjectId" | "name"> & {
  target: string;
};

/**
 * The consolidation order: target in the order of codes.ts TARGETS (individual titles, collective
 * titles, then forms), then the unit's name (Vietnamese collation) and id, then the subject's name —
 * a person's given name first (docs/design.md §10) — and id.
 */
const compareLines = (a: Ordered, b: Ordered): number =>
  targetRank(a.target) - targetRank(b.target) ||
  compareVietnamese(a.unitName, b.unitName) ||
  byId(a.unitId, b.unitId) ||
  (a.subjectKind === b.subjectKind ? compareNames(a.subjectKind, a.name, b.name) : 0) ||
  byId(a.subjectKind, b.subjectKind) ||
  byId(a.subjectId, b.subjectId);

const lineKey = (line: Pick<Ordered, "unitId" | "subjectId" | "target">): string =>
  `${line.unitId}\u0000${line.subjectId}\u0000${line.target}`;

/** One unit's consolidation: eligible proposals placed by the authority matrix, the others left out. */
function consolidateUnit(year: string, { unit, results }: UnitVerdicts): Consolidation {
  const included: ConsolidatedLine[] = [];
  const excluded: LeftOutLine[] = [];
  const managingLevel = managingLevelOf(unit.managingAuthority);
  for (const result of results) {
    const common = {
      unitId: unit.id,
      unitName: unit.name,
      managingLevel,
      subjectKind: result.subjectKind,
      subjectId: result.subjectId,
      name: result.subjectName,
    };
    const target = Target.safeParse(result.target);
    if (result.status !== "eligible" || !target.success) {
      excluded.push({
        ...common,
        target: result.target,
        status: result.status,
        failed: [...result.failed],
        missing: [...(result.missing ?? [])],
      });
      continue;
    }
    included.push({
      ...common,
      managingLevel,
      ...(managingLevel === "XA" && unit.communeUnitId ? { communeUnitId: unit.communeUnitId } : {}),
      target: target.data,
      decider: deciderOf(target.data, unit.managingAuthority),
      channel: proposalChannelOf(target.data, unit.managingAuthority),
    });
  }
  return { year, included: included.sort(compareLines), excluded: excluded.sort(compareLines) };
}

/**
 * Two partial consolidations of the same year as one. A proposal present in both (a unit judged
 * again) takes its verdict from `later`; for disjoint chunks the merge is the one-pass result.
 */
export function mergeConsolidations(earlier: Consolidation, later: Consolidation): Consolidation {
  if (earlier.year !== later.year)
    throw new Error(`cannot merge consolidations of ${earlier.year} and ${later.year}`);
  const verdicts = new Map<string, { line: ConsolidatedLine } | { left: LeftOutLine }>();
  for (const part of [earlier, later]) {
    for (const line of part.included) verdicts.set(lineKey(line), { line });
    for (const left of part.excluded) verdicts.set(lineKey(left), { left });
  }
  const values = [...verdicts.values()];
  return {
    year: earlier.year,
    included: values.flatMap((value) => ("line" in value ? [value.line] : [])).sort(compareLines),
    excluded: values.flatMap((value) => ("left" in value ? [value.left] : [])).sort(compareLines),
  };
}

/** The consolidation of the units' verdicts (one chunk, or all of them). */
export const consolidateUnits = (year: string, units: Iterable<UnitVerdicts>): Consolidation =>
  [...units].reduce((merged, unit) => mergeConsolidations(merged, consolidateUnit(year, unit)), {
    year,
    included: [],
    excluded: [],
  } as Consolidation);

const decidingRank = (level: DecidingLevel): number => DECIDING_LEVELS.indexOf(level);
const bodyKey = (line: ConsolidatedLine): string =>
  line.managingLevel === "SO" ? "" : `XA\u0000${line.communeUnitId ?? ""}`;

/**
 * The lists by carrying body (the Department first, then each UBND xã by id) and decider (from the
 * lowest level up), each by title or form in consolidation order.
 */
export function consolidatedLists(consolidation: Consolidation): ConsolidatedList[] {
  const lists = new Map<string, ConsolidatedList>();
  for (const line of consolidation.included) {
    const key = `${bodyKey(line)}\u0001${line.decider}`;
    const list = lists.get(key) ?? {
      managingLevel: line.managingLevel,
      ...(line.communeUnitId ? { communeUnitId: line.communeUnitId } : {}),
      decider: line.decider,
      groups: [],
    };
    lists.set(key, list);
    const group = list.groups.find((candidate) => candidate.target === line.target);
    if (group) group.lines.push(line);
    else list.groups.push({ target: line.target, lines: [line] });
  }
  return [...lists.entries()]
    .sort(
      ([keyA, a], [keyB, b]) =>
        byId(keyA.split("\u0001")[0] ?? "", keyB.split("\u0001")[0] ?? "") ||
        decidingRank(a.decider) - decidingRank(b.decider),
    )
    .map(([, list]) => list);
}
