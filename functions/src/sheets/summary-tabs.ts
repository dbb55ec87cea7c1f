/**
 * Tabs of the Department's summary spreadsheet, which the year-end job rewrites whole
 * (services/summary-sheet.ts): a title, a header row and rows of plain values. Every text goes
 * through the escaping of render.ts, so a name that begins with = + - @ stays text here too.
 */
import { type Consolidation, consolidatedLists } from "../domain/consolidation.js";
import type { LevelingReport } from "../domain/leveling-schema.js";
import {
  aggregateMessages,
  awardCodeLabels,
  deciderLabels,
  levelingFlagLabels,
  levelingMessages,
} from "../domain/messages/index.js";
import type { YearRankings } from "../domain/ranking/schema.js";
import { escapeSheetText } from "./render.js";

type SummaryCell = string | number | null;

export interface SummaryTab {
  title: string;
  header: readonly string[];
  rows: readonly (readonly SummaryCell[])[];
}

/** The tab's grid as written: header first, texts escaped, absent cells empty. */
export const summaryTabValues = (tab: SummaryTab): (string | number)[][] =>
  [tab.header, ...tab.rows].map((row) =>
    row.map((cell) => (typeof cell === "string" ? escapeSheetText(cell) : (cell ?? ""))),
  );

/** Shares as numbers with 3 decimals (the sheet formats them), so they sort and chart. */
const ratio = (value: number): number => Math.round(value * 1000) / 1000;

/** "Bình xét – cảnh báo": one row per unit and flag (one row for a unit without flags). */
export function levelingTab(report: LevelingReport): SummaryTab {
  const rows = report.units.flatMap((unit) => {
    const htxs = unit.ratings.HTXS;
    const figures: SummaryCell[] = [
      unit.unitId,
      unit.unitName,
      unit.people,
      htxs?.count ?? 0,
      ratio(htxs?.share ?? 0),
      ratio(htxs?.provinceShare ?? 0),
      unit.htxsCap.max,
      unit.htxsCap.excess,
      unit.titles.LDTT?.count ?? 0,
      unit.titles.CSTD_CS?.count ?? 0,
    ];
    if (unit.flags.length === 0) return [[...figures, null, null]];
    return unit.flags.map((flag) => [...figures, levelingFlagLabels[flag.code], flag.message]);
  });
  return { title: levelingMessages.tabTitle, header: levelingMessages.tabHeader, rows };
}

/** "Xếp hạng cụm, khối": every cluster's units in their order, leaders marked, proposals named. */
export function rankingTab(rankings: YearRankings): SummaryTab {
  const rows = rankings.clusters.flatMap((cluster) =>
    cluster.units.map((unit): SummaryCell[] => [
      cluster.clusterId,
      unit.position,
      unit.unitId,
      unit.name,
      unit.total,
      unit.maxTotal,
      unit.leader ? aggregateMessages.leaderMark : null,
      unit.proposedFor ? awardCodeLabels[unit.proposedFor] : null,
      unit.tieBreak,
    ]),
  );
  return { title: aggregateMessages.rankingTabTitle, header: aggregateMessages.rankingTabHeader, rows };
}

/** "Danh sách tổng hợp": the eligible proposals by carrying body, decider and title, in list order. */
export function consolidationTab(consolidation: Consolidation): SummaryTab {
  const rows = consolidatedLists(consolidation).flatMap((list) =>
    list.groups.flatMap((group) =>
      group.lines.map((line): SummaryCell[] => [
        list.managingLevel === "SO"
          ? aggregateMessages.carrierDepartment
          : aggregateMessages.carrierCommune(list.communeUnitId ?? ""),
        deciderLabels[list.decider],
        awardCodeLabels[group.target],
        line.unitId,
        line.unitName,
        aggregateMessages.subjectKindLabels[line.subjectKind],
        line.name,
      ]),
    ),
  );
  return {
    title: aggregateMessages.consolidationTabTitle,
    header: aggregateMessages.consolidationTabHeader,
    rows,
  };
}
