/**
 * The cụm/khối ranking of a school year (docs/domain.md §18; GET /v1/years/{year}/rankings, `tdkt
 * rank`, and the year-end aggregation): reads each unit's year from the store, chunk by chunk, scores
 * it against the year's criteria, orders every cluster, proposes its leaders within the quotas, and
 * lists the individuals where a quota binds.
 */
import type { Firestore } from "@google-cloud/firestore";
import { canAccessUnit, isDepartmentRole } from "../domain/access.js";
import { DEFAULT_ELIGIBILITY_CONFIG } from "../domain/eligibility/index.js";
import { AppError } from "../domain/errors.js";
import { isValidId } from "../domain/ids.js";
import type { InspectionFinding } from "../domain/inspection.js";
import { rankingMessages as msg, sheetMessages } from "../domain/messages/index.js";
import type { CriteriaGroup, Person, Unit, User, YearConfig } from "../domain/model.js";
import { criteriaForCluster, type ResolvedQuotas, resolveQuotas } from "../domain/ranking/config.js";
import {
  htxsCapPositions,
  type IndividualCandidate,
  rankCluster,
  rankProvincialQuota,
} from "../domain/ranking/order.js";
import { YearRankings } from "../domain/ranking/schema.js";
import { commitmentLines, scoreUnit, type UnitScore } from "../domain/ranking/score.js";
import { isSchoolYear } from "../domain/school-year.js";
import {
  clusterUnits,
  indexedUnitsDocuments,
  peopleOf,
  UNITS_PER_QUERY,
  type UnitDocument,
  unitsSubjectsRecords,
  yearCriteria,
  yearProposalsFor,
} from "../store/readers.js";
import { loadYearConfig } from "../store/years.js";
import { findingsByUnit } from "./inspections.js";
import { unitScopeOf } from "./unit-access.js";

export interface RankOptions {
  /** One cụm/khối only; the provincial quota lists still cover the whole province. */
  clusterId?: string | undefined;
}

const PROVINCIAL_TARGETS = ["CSTD_TINH", "BK_CT_UBND_TINH"] as const;

/** The ranking of the year over the province (or one cluster), for callers that may see everything. */
export async function rankYear(
  db: Firestore,
  year: string,
  options: RankOptions = {},
): Promise<YearRankings> {
  const config = await requireRankableYear(db, year, options.clusterId);
  return rankUnits(db, config, await clusterUnits(db, options.clusterId));
}

/**
 * The ranking as `user` may see it: Department roles and council members everything; a commune the
 * clusters of the schools it manages with only those schools' rows; a school its own row. Positions
 * are always those of the whole cluster and province.
 */
export async function rankingsFor(
  db: Firestore,
  user: User,
  year: string,
  options: RankOptions = {},
): Promise<YearRankings> {
  const config = await requireRankableYear(db, year, options.clusterId);
  const units = await clusterUnits(db, options.clusterId);
  if (options.clusterId !== undefined && units.length === 0)
    throw new AppError("NOT_FOUND", msg.clusterNotFound(options.clusterId), undefined, "query.cluster");
  const visible = new Set(
    units.filter((unit) => canAccessUnit(user, unitScopeOf(unit), "read")).map((unit) => unit.id),
  );
  if (isDepartmentRole(user.role) || visible.size === units.length) return rankUnits(db, config, units);
  if (options.clusterId !== undefined && visible.size === 0)
    throw new AppError("PERMISSION_DENIED", msg.otherCluster(options.clusterId), undefined, "query.cluster");
  const clusters = new Set(units.filter((unit) => visible.has(unit.id)).map((unit) => unit.clusterId));
  const rankings = await rankUnits(
    db,
    config,
    units.filter((unit) => clusters.has(unit.clusterId)),
  );
  const sees = (entry: { unitId: string }) => visible.has(entry.unitId);
  return {
    ...rankings,
    clusters: rankings.clusters.map((cluster) => ({ ...cluster, units: cluster.units.filter(sees) })),
    commitments: rankings.commitments.filter(sees),
    individuals: {
      provincial: rankings.individuals.provincial.map((quota) => ({
        ...quota,
        positions: quota.positions.filter(sees),
      })),
      htxsCaps: rankings.individuals.htxsCaps.filter(sees),
    },
  };
}

async function requireRankableYear(
  db: Firestore,
  year: string,
  clusterId: string | undefined,
): Promise<YearConfig> {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, "path.year");
  if (clusterId !== undefined && !isValidId(clusterId))
    throw new AppError("INVALID_ARGUMENT", msg.invalidCluster(clusterId), undefined, "query.cluster");
  const config = await loadYearConfig(db, year);
  if (!config) throw new AppError("MISSING_DATA", msg.yearNotConfigured(year), undefined, "path.year");
  return config;
}

/** One unit's year as the ranking reads it. */
interface UnitYear {
  score: UnitScore;
  commitments: YearRankings["commitments"][number];
  htxsCap: YearRankings["individuals"]["htxsCaps"][number];
}

async function rankUnits(db: Firestore, config: YearConfig, units: readonly Unit[]): Promise<YearRankings> {
  const year = config.year;
  const quotas = resolveQuotas(config.rankingQuotas);
  const [criteria, inspections] = await Promise.all([yearCriteria(db, year), findingsByUnit(db, config)]);
  const sorted = [...units].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byCluster = new Map<string, UnitScore[]>();
  const commitments: UnitYear["commitments"][] = [];
  const htxsCaps: UnitYear["htxsCap"][] = [];
  // Five queries per 30 units, one chunk at a time: 1,500 schools are 250 queries, never all at once.
  for (let start = 0; start < sorted.length; start += UNITS_PER_QUERY) {
    const chunk = sorted.slice(start, start + UNITS_PER_QUERY);
    for (const unitYear of await readUnitYears(db, config, chunk, criteria, inspections)) {
      const members = byCluster.get(unitYear.clusterId);
      if (members) members.push(unitYear.score);
      else byCluster.set(unitYear.clusterId, [unitYear.score]);
      commitments.push(unitYear.commitments);
      htxsCaps.push(unitYear.htxsCap);
    }
  }
  return YearRankings.parse({
    year,
    rules: { missingData: msg.missingDataRule, tieOrder: msg.tieOrder },
    quotas,
    clusters: [...byCluster.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([clusterId, scores]) => ({ clusterId, units: rankCluster(scores, quotas) })),
    commitments,
    individuals: { provincial: await provincialQuotas(db, year, quotas), htxsCaps },
  });
}

/** The year of up to 30 units, read together. */
async function readUnitYears(
  db: Firestore,
  config: YearConfig,
  units: readonly Unit[],
  groups: readonly CriteriaGroup[],
  inspections: ReadonlyMap<string, InspectionFinding[]>,
): Promise<(UnitYear & { clusterId: string })[]> {
  const year = config.year;
  const ids = units.map((unit) => unit.id);
  // Read by id through the units' index: a query would scan the whole collection on the emulator.
  const [people, records, registrations, awards, scores] = await Promise.all([
    indexedUnitsDocuments(db, ids, "people", year),
    indexedUnitsDocuments(db, ids, "records", year),
    indexedUnitsDocuments(db, ids, "registrations", year),
    indexedUnitsDocuments(db, ids, "awards", year, { keep: (entry) => entry.year === year }),
    indexedUnitsDocuments(db, ids, "scores", year),
  ]);
  const held = <T>(map: ReadonlyMap<string, T[]>, unitId: string): T[] => map.get(unitId) ?? [];
  return units.map((unit) => ({
    clusterId: unit.clusterId,
    ...unitYear(config, unit, groups, {
      people: held(people, unit.id),
      records: held(records, unit.id),
      registrations: held(registrations, unit.id),
      awards: held(awards, unit.id),
      scores: held(scores, unit.id),
      inspectionFindings: held(inspections, unit.id),
    }),
  }));
}

function unitYear(
  config: YearConfig,
  unit: Unit,
  groups: readonly CriteriaGroup[],
  stored: {
    people: UnitDocument<"people">[];
    records: UnitDocument<"records">[];
    registrations: UnitDocument<"registrations">[];
    awards: UnitDocument<"awards">[];
    scores: UnitDocument<"scores">[];
    inspectionFindings: InspectionFinding[];
  },
): UnitYear {
  const year = config.year;
  const { people, records, registrations, awards, scores } = stored;
  const peopleById = new Map(people.map((person) => [person.id, person]));
  const unitRecord = records.find(
    (record) => record.subjectKind === "collective" && record.subjectId === unit.id,
  );
  const memberRecords = records.filter((record) => record.subjectKind === "individual");
  const ownRegistration = registrations.find(
    (registration) => registration.subjectKind === "collective" && registration.subjectId === unit.id,
  );
  const score = scoreUnit(
    {
      unitId: unit.id,
      name: unit.name,
      roster: people.map((person) => person.gender),
      commitments: ownRegistration?.commitments ?? [],
      unitRecord,
      memberRatings: memberRecords.map((record) => record.rating),
      awardKinds: awards.map((award) => award.kind),
      manualScores: new Map(scores.map((entry) => [entry.group, entry.score])),
      inspectionFindings: stored.inspectionFindings,
    },
    criteriaForCluster(groups, unit.clusterId),
  );
  const subjects = registrations
    .filter((registration) => registration.commitments.length > 0)
    .sort(
      (a, b) =>
        Number(b.subjectId === unit.id) - Number(a.subjectId === unit.id) ||
        (a.subjectId < b.subjectId ? -1 : 1),
    )
    .map((registration) => ({
      subjectKind: registration.subjectKind,
      subjectId: registration.subjectId,
      name:
        registration.subjectId === unit.id
          ? unit.name
          : (peopleById.get(registration.subjectId)?.fullName ?? registration.subjectId),
      lines: commitmentLines(registration.commitments),
    }));
  const htxsCap = htxsCapPositions(
    {
      unitId: unit.id,
      year,
      unitRating: unitRecord?.rating ?? "NONE",
      members: memberRecords.map((record) => ({
        ...candidateOf(record, peopleById.get(record.subjectId)),
        group: peopleById.get(record.subjectId)?.group,
      })),
    },
    { ...DEFAULT_ELIGIBILITY_CONFIG, htxsCapDenominator: config.htxsCapDenominator },
  );
  return { score, commitments: { unitId: unit.id, subjects }, htxsCap };
}

const candidateOf = (
  record: {
    unitId: string;
    subjectId: string;
    rating: IndividualCandidate["rating"];
    score?: number | undefined;
  },
  person: Person | undefined,
): IndividualCandidate => ({
  unitId: record.unitId,
  subjectId: record.subjectId,
  name: person?.fullName ?? record.subjectId,
  gender: person?.gender,
  rating: record.rating,
  score: record.score,
});

/** The province's CSTĐ cấp tỉnh and Bằng khen tỉnh candidates (individual proposals), against the caps. */
async function provincialQuotas(
  db: Firestore,
  year: string,
  quotas: ResolvedQuotas,
): Promise<YearRankings["individuals"]["provincial"]> {
  const proposals = (await yearProposalsFor(db, year, PROVINCIAL_TARGETS)).filter(
    (proposal) => proposal.subjectKind === "individual",
  );
  const subjects = proposals.map(({ unitId, subjectId }) => ({ unitId, subjectId }));
  const people = new Map((await peopleOf(db, subjects)).map((person) => [person.id, person]));
  const byUnit = new Map<string, string[]>();
  for (const { unitId, subjectId } of subjects)
    byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), subjectId]);
  // One read by id for the whole province: a read per unit put 1,500 calls in flight at once.
  const wanted = [...byUnit.entries()].map(([unitId, subjectIds]) => ({ unitId, subjectIds, years: [year] }));
  const records = new Map(
    [...(await unitsSubjectsRecords(db, wanted)).values()]
      .flat()
      .map((record) => [`${record.unitId}/${record.subjectId}`, record]),
  );
  return PROVINCIAL_TARGETS.map((target) =>
    rankProvincialQuota(
      target,
      proposals
        .filter((proposal) => proposal.target === target)
        .map((proposal) => {
          const record = records.get(`${proposal.unitId}/${proposal.subjectId}`);
          return candidateOf(
            {
              unitId: proposal.unitId,
              subjectId: proposal.subjectId,
              rating: record?.rating ?? "NONE",
              score: record?.score,
            },
            people.get(proposal.subjectId),
          );
        }),
      target === "CSTD_TINH" ? quotas.cstdTinhCap : quotas.bkTinhCap,
    ),
  );
}
