/**
 * The phases after "evaluate" (docs/design.md §5.4) and the reading of what they store under the
 * job's `results`: the consolidation (one part per chunk of units), the rankings (their head, one
 * document per cụm/khối, the other tables by parts), the bình xét report (the province's figures,
 * then the units by parts), the Department's
 * dossier built from the stored consolidation, and the summary spreadsheet's rewrite. Every phase
 * reads only what the store holds, so a rerun computes the same documents.
 */
import type { Firestore } from "@google-cloud/firestore";
import { emptyCounts } from "../../domain/aggregation.js";
import {
  type Consolidation,
  consolidatedLists,
  consolidateUnits,
  type UnitVerdicts,
} from "../../domain/consolidation.js";
import { AppError, isAppError } from "../../domain/errors.js";
import { LevelingReport } from "../../domain/leveling-schema.js";
import { aggregateMessages } from "../../domain/messages/index.js";
import type { Unit } from "../../domain/model.js";
import { YearRankings } from "../../domain/ranking/schema.js";
import { consolidationTab, levelingTab, rankingTab } from "../../sheets/summary-tabs.js";
import { jobDocuments, judgedUnits, loadAggregationJob, stepDocuments } from "../../store/aggregations.js";
import { loadUnit } from "../../store/registry.js";
import { loadYearConfig } from "../../store/years.js";
import { buildDepartmentDossier } from "../department-dossier.js";
import { levelingReport } from "../leveling.js";
import { rankYear } from "../rankings.js";
import { rewriteSummarySpreadsheet, sheetsClient, summarySpreadsheetId } from "../summary-sheet.js";
import { type AggregationPhase, inParts, runChunked, type StepDocument, stepPhase, timed } from "./phase.js";
import { storedConsolidation } from "./stored.js";

const part = (index: number): string => String(index).padStart(5, "0");
/** Units of the bình xét report per stored part: ~1 KB each, far below Firestore's 1 MiB document. */
const LEVELING_UNITS_PER_PART = 200;
/**
 * The rankings' parts, by count, from the sizes measured on a generated province (JSON, UTF-8):
 * a unit's commitments table ≤ 1.1 KB, so 100 a part ≈ 110 KB; a provincial position ≈ 310 B, so
 * 1,000 a part ≈ 310 KB; a unit's HTXS cap ≤ 2 KB, but ~30 KB where it binds on a staff of 100
 * (one position per person rated HTXS), so 25 a part ≤ 750 KB. Each stays under Firestore's 1 MiB.
 */
const COMMITMENT_UNITS_PER_PART = 100;
const PROVINCIAL_POSITIONS_PER_PART = 1_000;
const HTXS_UNITS_PER_PART = 25;

/** The judged units' verdicts, a chunk at a time, each chunk's consolidation stored as one part. */
export const consolidatePhase: AggregationPhase = {
  name: "consolidate",
  run: (context, progress) =>
    runChunked(context, progress, {
      name: "consolidate",
      collection: "results",
      plan: async () => {
        const judged = (await jobDocuments(context.db, context.year, context.jobId, "units")).map((unit) =>
          String(unit.unitId),
        );
        const chunks: string[][] = [];
        for (let start = 0; start < judged.length; start += context.unitsPerChunk)
          chunks.push(judged.slice(start, start + context.unitsPerChunk));
        return chunks;
      },
      runChunk: async (unitIds, index) => {
        const { db, year, jobId } = context;
        const verdicts = await timed(context, "read", async () => {
          // A unit the evaluate phase could not judge (its record missing or malformed) has nothing to consolidate.
          const judged = (await judgedUnits(db, year, jobId, unitIds)).filter((unit) => unit.error === null);
          const units = await Promise.all(judged.map((unit) => loadUnit(db, unit.unitId)));
          return judged.map((unit, at) => ({
            unit: units[at] as Unit,
            results: unit.results as UnitVerdicts["results"],
          }));
        });
        const consolidation = consolidateUnits(year, verdicts);
        return {
          outcomes: [
            { unitId: `consolidation-${part(index)}`, data: { kind: "consolidation", ...consolidation } },
          ],
          counts: emptyCounts(),
        };
      },
    }),
};

export const rankPhase = stepPhase("rank", async ({ db, year }) =>
  rankingDocuments(await rankYear(db, year)),
);

/**
 * The rankings as stored: the head (year, rules, quotas, each provincial quota's figures), one
 * document per cụm/khối, and the commitments, provincial positions and HTXS caps by parts.
 */
export function rankingDocuments(rankings: YearRankings): StepDocument[] {
  const { clusters, commitments, individuals, ...head } = rankings;
  const provincial = individuals.provincial.map(({ positions, ...quota }) => quota);
  return [
    { id: "ranking", data: { kind: "ranking", ...head, provincial } },
    ...clusters.map((cluster, index) => ({
      id: `ranking-cluster-${part(index)}`,
      data: { kind: "ranking-cluster", ...cluster },
    })),
    ...inParts(commitments, COMMITMENT_UNITS_PER_PART).map((units, index) => ({
      id: `ranking-commitments-${part(index)}`,
      data: { kind: "ranking-commitments", commitments: units },
    })),
    ...individuals.provincial.flatMap(({ target, positions }) =>
      inParts(positions, PROVINCIAL_POSITIONS_PER_PART).map((slice, index) => ({
        id: `ranking-provincial-${target}-${part(index)}`,
        data: { kind: "ranking-provincial", target, positions: slice },
      })),
    ),
    ...inParts(individuals.htxsCaps, HTXS_UNITS_PER_PART).map((caps, index) => ({
      id: `ranking-htxs-${part(index)}`,
      data: { kind: "ranking-htxs", htxsCaps: caps },
    })),
  ];
}

export const levelingPhase = stepPhase("leveling", async ({ db, year }) => {
  const { units, ...rest } = await levelingReport(db, year);
  return [
    { id: "leveling", data: { kind: "leveling", ...rest } },
    ...inParts(units, LEVELING_UNITS_PER_PART).map((slice, index) => ({
      id: `leveling-units-${part(index)}`,
      data: { kind: "leveling-units", units: slice },
    })),
  ];
});

export const documentsPhase = stepPhase("documents", async (context) => {
  const { db, year, jobId, departmentDossier } = context;
  const skipped = (reason: string) => [{ id: "documents", data: { kind: "documents", skipped: reason } }];
  if (!departmentDossier) return skipped(aggregateMessages.noDossierSetting());
  try {
    const built = await buildDepartmentDossier(db, year, await storedConsolidation(db, year, jobId), {
      departmentUnitId: departmentDossier.unitId,
      options: departmentDossier.options,
      files: departmentDossier.files,
      actor: `aggregate:${jobId}`,
      requestId: `aggregate:${jobId}:documents`,
    });
    return [
      {
        id: "documents",
        data: {
          kind: "documents",
          skipped: null,
          dossierId: built.id,
          legalBasisVersion: built.legalBasisVersion,
          documents: built.documents,
          included: built.included.length,
          excluded: built.excluded.length,
        },
      },
    ];
  } catch (error) {
    // A year without a proposal the Department carries, a dossier lacking data, one already past
    // its draft: the dossier is not (re)built and says why; the rest of the aggregation stands.
    if (isAppError(error) && (error.code === "MISSING_DATA" || error.code === "CONFLICT"))
      return skipped(error.message);
    throw error;
  }
});

export const summarySheetPhase = stepPhase("summary-sheet", async (context) => {
  const { db, year, jobId } = context;
  let spreadsheetId: string;
  try {
    spreadsheetId = summarySpreadsheetId(await loadYearConfig(db, year));
  } catch (error) {
    if (isAppError(error) && error.code === "MISSING_DATA")
      return [
        { id: "summary-sheet", data: { kind: "summary-sheet", skipped: aggregateMessages.noSpreadsheet() } },
      ];
    throw error;
  }
  const [consolidation, rankings, leveling] = await Promise.all([
    storedConsolidation(db, year, jobId),
    storedRankings(db, year, jobId),
    storedLeveling(db, year, jobId),
  ]);
  const client = context.sheets ?? sheetsClient(process.env.TDKT_SHEETS_ROOT_URL);
  const written = await rewriteSummarySpreadsheet(client, spreadsheetId, [
    rankingTab(rankings),
    consolidationTab(consolidation),
    levelingTab(leveling),
  ]);
  // What the sheet holds, not whether a tab was new: a rerun stores what the first run stored.
  const tabs = written.tabs.map(({ title, rows }) => ({ title, rows }));
  return [
    {
      id: "summary-sheet",
      data: { kind: "summary-sheet", skipped: null, spreadsheetId: written.spreadsheetId, tabs },
    },
  ];
});

/** The job's rankings, reassembled from the documents its rank phase's done mark lists. */
export async function storedRankings(db: Firestore, year: string, jobId: string): Promise<YearRankings> {
  const documents = await stepDocuments(db, year, jobId, "rank");
  const ofKind = (kind: string) => documents.filter((stored) => stored.kind === kind);
  const { provincial = [], ...head } = (ofKind("ranking")[0] ?? {}) as { provincial?: { target: string }[] };
  const positions = ofKind("ranking-provincial");
  return YearRankings.parse({
    ...head,
    clusters: ofKind("ranking-cluster"),
    commitments: ofKind("ranking-commitments").flatMap((stored) => stored.commitments as unknown[]),
    individuals: {
      provincial: provincial.map((quota) => ({
        ...quota,
        positions: positions
          .filter((stored) => stored.target === quota.target)
          .flatMap((stored) => stored.positions as unknown[]),
      })),
      htxsCaps: ofKind("ranking-htxs").flatMap((stored) => stored.htxsCaps as unknown[]),
    },
  });
}

async function storedLeveling(db: Firestore, year: string, jobId: string): Promise<LevelingReport> {
  const [rest, ...parts] = await stepDocuments(db, year, jobId, "leveling");
  return LevelingReport.parse({ ...rest, units: parts.flatMap((stored) => stored.units as unknown[]) });
}

const stepResult = async (db: Firestore, year: string, jobId: string, phase: string) =>
  (await stepDocuments(db, year, jobId, phase))[0] ?? {};

export interface AggregationResults {
  jobId: string;
  consolidation: Consolidation;
  rankings: YearRankings;
  leveling: LevelingReport;
  /** The Department's dossier as built (its documents), or why it was not. */
  documents: Record<string, unknown>;
  summarySheet: Record<string, unknown>;
}

/** What a succeeded job stored, read back whole. */
export async function aggregationResults(
  db: Firestore,
  year: string,
  jobId: string,
): Promise<AggregationResults> {
  const job = await loadAggregationJob(db, year, jobId);
  if (job?.state !== "SUCCEEDED") throw new AppError("MISSING_DATA", aggregateMessages.noResults(jobId));
  const [consolidation, rankings, leveling, documents, summarySheet] = await Promise.all([
    storedConsolidation(db, year, jobId),
    storedRankings(db, year, jobId),
    storedLeveling(db, year, jobId),
    stepResult(db, year, jobId, "documents"),
    stepResult(db, year, jobId, "summary-sheet"),
  ]);
  return { jobId, consolidation, rankings, leveling, documents, summarySheet };
}

/**
 * A succeeded job's results as `tdkt aggregate --json` and `GET …/aggregations/{jobId}/results` show
 * them: the rankings of every cụm/khối, the units the bình xét flags, the consolidated lists by
 * carrier and decider, the proposals left out, the Department's dossier, the summary sheet.
 */
export function resultsSummary(results: AggregationResults) {
  const documents = (results.documents.documents ?? []) as { type: string; number?: string; file: string }[];
  return {
    jobId: results.jobId,
    rankings: results.rankings.clusters.map((cluster) => ({
      clusterId: cluster.clusterId,
      units: cluster.units.map((unit) => ({
        position: unit.position,
        unitId: unit.unitId,
        name: unit.name,
        total: unit.total,
        maxTotal: unit.maxTotal,
        leader: unit.leader,
        proposedFor: unit.proposedFor,
      })),
    })),
    flags: results.leveling.units
      .filter((unit) => unit.flags.length > 0)
      .map((unit) => ({
        unitId: unit.unitId,
        unitName: unit.unitName,
        flags: unit.flags.map((flag) => ({ code: flag.code, message: flag.message })),
      })),
    lists: consolidatedLists(results.consolidation).map((list) => ({
      managingLevel: list.managingLevel,
      ...(list.communeUnitId ? { communeUnitId: list.communeUnitId } : {}),
      decider: list.decider,
      groups: list.groups.map((group) => ({
        target: group.target,
        lines: group.lines.map(({ unitId, unitName, subjectKind, subjectId, name }) => ({
          unitId,
          unitName,
          subjectKind,
          subjectId,
          name,
        })),
      })),
    })),
    excluded: results.consolidation.excluded.map(({ unitId, subjectId, name, target, status, failed }) => ({
      unitId,
      subjectId,
      name,
      target,
      status,
      failed,
    })),
    dossier: {
      skipped: (results.documents.skipped ?? null) as string | null,
      documents,
    },
    summarySheet: {
      skipped: (results.summarySheet.skipped ?? null) as string | null,
      spreadsheetId: (results.summarySheet.spreadsheetId ?? null) as string | null,
    },
  };
}
