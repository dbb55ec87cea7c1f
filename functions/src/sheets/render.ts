/**
 * Values written back to sheets: statuses of submitted rows and the Department's summary tab.
 * Every text that begins with = + - @ is escaped with a leading apostrophe so that Sheets and Excel
 * show it as text and never run it as a formula (docs/design.md §7).
 */
import type { ClockState } from "../domain/ad-hoc.js";
import type { AwardCode, Rating } from "../domain/codes.js";
import {
  achieverRoleLabels,
  adHocMessages,
  awardCodeLabels,
  clockStateLabels,
  prizeLabels,
  ratingLabels,
  sheetMessages,
} from "../domain/messages/index.js";
import type { AchieverRole, Prize } from "../domain/model.js";
import type { CellError } from "./parse.js";

const FORMULA_START = /^[=+\-@]/;

/** A text a sheet would run as a formula if written as it is. */
export const looksLikeFormula = (value: string): boolean => FORMULA_START.test(value);

/** "=HYPERLINK(…)" → "'=HYPERLINK(…)"; other values unchanged. */
export const escapeSheetText = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** The inverse, for reading back a list TĐKT wrote (the province export): "'=HYPERLINK(…)" → "=HYPERLINK(…)". */
export const unescapeSheetText = (value: string): string =>
  value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;

export type SheetCell = string | number | boolean | null;

const sheetCell = (value: SheetCell | undefined): SheetCell =>
  typeof value === "string" ? escapeSheetText(value) : (value ?? null);

export interface RowStatus {
  status: "accepted" | "rejected";
  change?: "created" | "updated" | "unchanged";
  errors: readonly CellError[];
  /** Warnings on an accepted row (a late registration), shown after its status. */
  notes?: readonly string[];
}

/** The text of the "Trạng thái" cell of a submitted row. */
export function statusText(row: RowStatus): string {
  if (row.status === "rejected")
    return escapeSheetText(
      `${sheetMessages.statusRejected}: ${row.errors.map((error) => error.message).join(" ")}`,
    );
  const status = row.change === "unchanged" ? sheetMessages.statusUnchanged : sheetMessages.statusAccepted;
  return row.notes?.length
    ? escapeSheetText(`${status} — ${sheetMessages.statusNote}: ${row.notes.join(" ")}`)
    : status;
}

/** What GET /v1/units/{unit}/years/{year}/summary returns and the summary tab shows. */
export interface UnitSummary {
  unit: { id: string; name: string };
  year: string;
  people: number;
  /** Individual year-end ratings: code → count. */
  ratings: Record<string, number>;
  /** One line per title or form that anyone registered for, was proposed for or was recognised with. */
  counts: { code: string; label: string; registered: number; proposed: number; recognized: number }[];
  proposals: {
    code: string;
    label: string;
    subjectKind: string;
    subjectId: string;
    name: string;
    rating: string | null;
    agree: number | null;
    members: number | null;
  }[];
  achievements: {
    fullName: string;
    role: string;
    contest: string;
    subject: string;
    prize: string;
    /** The clock from the prize decision to the decision (domain/ad-hoc.ts); null without a prize date. */
    clock: { state: string; days: number; deadline: string; decidedOn?: string } | null;
  }[];
  /** Đột xuất cases past their target with no decision (flagged). */
  adHocOverdue: number;
}

/** What GET /v1/units/{unit}/years/{year}/eligibility returns (the fields the sheet shows). */
export interface EligibilityReport {
  unitId: string;
  year: string;
  results: {
    subjectId: string;
    subjectName: string;
    target: string;
    status: string;
    failed: readonly string[];
    missing?: readonly string[];
    checks: readonly { rule: string; ok: boolean; basis: string; message: string }[];
    error?: { message: string };
    /** Beside the verdict, never changing it: a proposal without its merit evidence (docs/duties.md). */
    warnings?: readonly { message: string }[];
  }[];
}

/**
 * The "Kiểm tra điều kiện" tab: one row per proposal with the verdict and, for every "no", the
 * rule, the reason and the article (what a principal needs to see before signing), and the flag of a
 * proposal that lacks its merit evidence.
 */
export function renderEligibility(report: EligibilityReport, unitName: string): SheetCell[][] {
  const rows: SheetCell[][] = [
    [sheetMessages.eligibilityTitle(unitName, report.year)],
    [],
    [...sheetMessages.eligibilityHeader],
    ...report.results.map((result) => {
      const failing = result.checks.filter((check) => !check.ok);
      return [
        result.subjectId,
        result.subjectName,
        awardCodeLabels[result.target as AwardCode] ?? result.target,
        sheetMessages.eligibilityStatus[result.status] ?? result.status,
        result.failed.join(", "),
        result.error?.message ?? failing.map((check) => `${check.rule}: ${check.message}`).join("\n"),
        [...new Set(failing.map((check) => check.basis))].join("\n"),
        (result.warnings ?? []).map((warning) => warning.message).join("\n"),
      ];
    }),
  ];
  return rows.map((row) => row.map((cell) => sheetCell(cell)));
}

/** "Quá hạn — 35 ngày (hạn 15/03/2026)", "Đúng hạn — quyết định ngày 20/03/2026". */
const clockText = (clock: NonNullable<UnitSummary["achievements"][number]["clock"]>): string =>
  adHocMessages.clockCell(
    clockStateLabels[clock.state as ClockState] ?? clock.state,
    clock.days,
    clock.deadline,
    clock.decidedOn,
  );

/** The summary tab: a title, the counts table, the list of proposals, the ad-hoc prizes (rows of cells). */
export function renderSummary(summary: UnitSummary): SheetCell[][] {
  const rows: SheetCell[][] = [
    [sheetMessages.summaryTitle(summary.unit.name, summary.year)],
    [],
    [...sheetMessages.summaryCountsHeader],
    ...summary.counts.map((line) => [line.label, line.registered, line.proposed, line.recognized]),
    [],
    [...sheetMessages.summaryListHeader],
    ...summary.proposals.map((proposal) => [
      proposal.label,
      proposal.subjectId,
      proposal.name,
      proposal.rating === null ? null : (ratingLabels[proposal.rating as Rating] ?? proposal.rating),
      proposal.agree === null || proposal.members === null ? null : `${proposal.agree}/${proposal.members}`,
    ]),
    ...(summary.achievements.length === 0
      ? []
      : [
          [],
          [...sheetMessages.summaryAchievementsHeader],
          ...summary.achievements.map((achievement) => [
            achievement.fullName,
            achieverRoleLabels[achievement.role as AchieverRole] ?? achievement.role,
            achievement.contest,
            achievement.subject,
            prizeLabels[achievement.prize as Prize] ?? achievement.prize,
            achievement.clock ? clockText(achievement.clock) : null,
          ]),
        ]),
  ];
  return rows.map((row) => row.map((cell) => sheetCell(cell)));
}
