/**
 * Kiểm tra, tư vấn (docs/duties.md "Kiểm tra, tư vấn"; docs/domain.md §18.1 INSPECTION): the
 * Department's inspection teams drawn from council members, its plan of visits, the checklist every
 * visit walks through, the findings per item, the recommendations with their deadlines and the
 * re-check. Derived here, from the records alone: each visit's result, the recommendations overdue
 * on a day, the dashboard per unit and per item, and the fraction the ranking's INSPECTION group reads.
 */
import { z } from "zod";
import { INSPECTION_ITEMS, InspectionItem } from "./codes.js";
import { IsoDate, NaturalKey } from "./model.js";
import { SchoolYear } from "./school-year.js";

export const VISIT_KINDS = ["DAU_NAM", "KET_HOP_KIEM_TRA", "KET_HOP_CHUAN_QG"] as const;
export const VisitKind = z.enum(VISIT_KINDS);
export type VisitKind = z.infer<typeof VisitKind>;

export const TEAM_ROLES = ["TRUONG_DOAN", "THANH_VIEN", "THU_KY"] as const;
export const TeamRole = z.enum(TEAM_ROLES);
export type TeamRole = z.infer<typeof TeamRole>;

export const FINDINGS = ["DAT", "CHUA_DAT"] as const;
export const Finding = z.enum(FINDINGS);
export type Finding = z.infer<typeof Finding>;

/** years/{year}/inspectionTeams/{team_member}: one member of one team (tab "Đoàn kiểm tra"). */
export const InspectionMember = z.object({
  year: SchoolYear,
  teamId: NaturalKey,
  teamName: z.string().min(1),
  /** The member's id among the council's members (tab "Người dùng" or the council's own list). */
  memberId: NaturalKey,
  fullName: z.string().min(1),
  position: z.string().min(1),
  teamRole: TeamRole,
  seniorityYears: z.number().int().min(0).max(60),
  experience: z.string().optional(),
});
export type InspectionMember = z.infer<typeof InspectionMember>;

/** years/{year}/inspectionVisits/{visit}: one planned visit (tab "Kế hoạch kiểm tra"). */
export const InspectionVisit = z.object({
  year: SchoolYear,
  visitId: NaturalKey,
  teamId: NaturalKey,
  unitId: NaturalKey,
  date: IsoDate,
  kind: VisitKind,
  /** The number of its Biên bản kiểm tra in the Department's series of the year. */
  number: z.number().int().positive().optional(),
  /** Thủ trưởng đơn vị: signs the Biên bản for the unit. */
  unitHead: z.string().min(1).optional(),
  unitHeadPosition: z.string().min(1).optional(),
  /** Other representatives of the unit present ("Họ tên, chức vụ"). */
  representatives: z.array(z.string().min(1)).default([]),
});
export type InspectionVisit = z.infer<typeof InspectionVisit>;

/**
 * years/{year}/inspectionFindings/{visit_item}: the finding on one item of one visit, its
 * recommendation and deadline, and the re-check of that recommendation (tab "Kết quả kiểm tra").
 */
export const InspectionFinding = z.object({
  year: SchoolYear,
  visitId: NaturalKey,
  item: InspectionItem,
  finding: Finding,
  note: z.string().optional(),
  recommendation: z.string().min(1).optional(),
  deadline: IsoDate.optional(),
  recheckDate: IsoDate.optional(),
  /** The re-check's verdict on the recommendation: done (đã khắc phục) or not. */
  recheckDone: z.boolean().optional(),
  recheckNote: z.string().optional(),
});
export type InspectionFinding = z.infer<typeof InspectionFinding>;

/** A recommendation after its deadline without a re-check that found it done. */
export const isOverdue = (finding: InspectionFinding, today: string): boolean =>
  finding.recommendation !== undefined &&
  finding.deadline !== undefined &&
  finding.deadline < today &&
  finding.recheckDone !== true;

/** An item counts as met once the re-check found its recommendation done. */
const metAfterRecheck = (finding: InspectionFinding): boolean =>
  finding.finding === "DAT" || finding.recheckDone === true;

interface ItemCounts {
  /** Items checked. */
  checked: number;
  /** Found đạt at the visit. */
  met: number;
  /** Met after the re-check (đạt, or chưa đạt with its recommendation done). */
  metAfterRecheck: number;
  /** Share of checked items found đạt at the visit (0..1), null when nothing was checked. */
  rate: number | null;
}

const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

function countItems(findings: readonly InspectionFinding[]): ItemCounts {
  const met = findings.filter((finding) => finding.finding === "DAT").length;
  return {
    checked: findings.length,
    met,
    metAfterRecheck: findings.filter(metAfterRecheck).length,
    rate: findings.length === 0 ? null : round4(met / findings.length),
  };
}

/** A visit's result: "DAT" when every item of the checklist was checked and found đạt. */
export interface VisitResult extends ItemCounts {
  visitId: string;
  unitId: string;
  date: string;
  kind: VisitKind;
  /** Checklist items the visit left without a finding. */
  unchecked: InspectionItem[];
  result: "DAT" | "CHUA_DAT" | "CHUA_KIEM_TRA";
  recommendations: number;
  overdue: number;
  /** Whether a re-check was recorded for every recommendation. */
  rechecked: boolean;
}

export function visitResult(
  visit: InspectionVisit,
  findings: readonly InspectionFinding[],
  today: string,
  checklist: readonly InspectionItem[] = INSPECTION_ITEMS,
): VisitResult {
  const own = findings.filter(
    (finding) => finding.visitId === visit.visitId && checklist.includes(finding.item),
  );
  const counts = countItems(own);
  const checkedItems = new Set(own.map((finding) => finding.item));
  const withRecommendation = own.filter((finding) => finding.recommendation !== undefined);
  return {
    visitId: visit.visitId,
    unitId: visit.unitId,
    date: visit.date,
    kind: visit.kind,
    ...counts,
    unchecked: checklist.filter((item) => !checkedItems.has(item)),
    result: own.length === 0 ? "CHUA_KIEM_TRA" : counts.met === checklist.length ? "DAT" : "CHUA_DAT",
    recommendations: withRecommendation.length,
    overdue: own.filter((finding) => isOverdue(finding, today)).length,
    rechecked:
      withRecommendation.length > 0 &&
      withRecommendation.every((finding) => finding.recheckDate !== undefined),
  };
}

export interface InspectionDashboard {
  year: string;
  /** The day overdue recommendations are counted at (Vietnam's calendar). */
  asOf: string;
  checklist: InspectionItem[];
  visits: VisitResult[];
  units: (ItemCounts & { unitId: string; visits: number; overdue: number })[];
  items: (ItemCounts & { item: InspectionItem })[];
  overdue: {
    visitId: string;
    unitId: string;
    item: InspectionItem;
    recommendation: string;
    deadline: string;
  }[];
  totals: ItemCounts & { visits: number; overdue: number };
}

const byKey =
  <T>(key: (value: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * The findings of the year per visit, per unit and per item; findings of no planned visit, or on an
 * item outside the year's checklist, are left out.
 */
export function inspectionDashboard(
  year: string,
  visits: readonly InspectionVisit[],
  findings: readonly InspectionFinding[],
  today: string,
  checklist: readonly InspectionItem[] = INSPECTION_ITEMS,
): InspectionDashboard {
  const visitById = new Map(visits.map((visit) => [visit.visitId, visit]));
  const planned = findings.filter(
    (finding) => visitById.has(finding.visitId) && checklist.includes(finding.item),
  );
  const unitOf = (finding: InspectionFinding): string => visitById.get(finding.visitId)?.unitId ?? "";
  const results = [...visits]
    .sort((a, b) => byKey<InspectionVisit>((visit) => `${visit.date} ${visit.visitId}`)(a, b))
    .map((visit) => visitResult(visit, planned, today, checklist));
  const unitIds = [...new Set(visits.map((visit) => visit.unitId))].sort();
  const overdue = planned
    .filter((finding) => isOverdue(finding, today))
    .map((finding) => ({
      visitId: finding.visitId,
      unitId: unitOf(finding),
      item: finding.item,
      recommendation: finding.recommendation ?? "",
      deadline: finding.deadline ?? "",
    }))
    .sort(byKey((entry) => `${entry.deadline} ${entry.visitId} ${entry.item}`));
  return {
    year,
    asOf: today,
    checklist: [...checklist],
    visits: results,
    units: unitIds.map((unitId) => {
      const own = planned.filter((finding) => unitOf(finding) === unitId);
      return {
        unitId,
        visits: visits.filter((visit) => visit.unitId === unitId).length,
        ...countItems(own),
        overdue: own.filter((finding) => isOverdue(finding, today)).length,
      };
    }),
    items: checklist.map((item) => ({
      item,
      ...countItems(planned.filter((finding) => finding.item === item)),
    })),
    overdue,
    totals: { visits: visits.length, ...countItems(planned), overdue: overdue.length },
  };
}

/**
 * The ranking's INSPECTION group (docs/domain.md §18.1): the share of the unit's checked items met
 * after the re-check, over all its visits of the year; undefined when it was not visited or nothing
 * was checked (the missing-data rule).
 */
export function inspectionFraction(
  findings: readonly InspectionFinding[],
): { value: number; met: number; checked: number } | undefined {
  const counts = countItems(findings);
  if (counts.checked === 0) return undefined;
  return {
    value: counts.metAfterRecheck / counts.checked,
    met: counts.metAfterRecheck,
    checked: counts.checked,
  };
}
