/**
 * Tabs of the Department's summary spreadsheet, which the year-end job rewrites whole
 * (services/summary-sheet.ts): a title, a header row and rows of plain values. Every text goes
 * through the escaping of render.ts, so a name that begins with = + - @ stays text here too.
 */
import type { LevelingReport } from "../domain/leveling.js";
import { levelingFlagLabels, levelingMessages } from "../domain/messages/index.js";
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
