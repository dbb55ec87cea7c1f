/**
 * Kiểm tra, tư vấn from the store (docs/duties.md "Kiểm tra, tư vấn"): the year's findings dashboard
 * as the caller may see it (GET /v1/years/{year}/inspections, `tdkt inspection`), the Biên bản kiểm
 * tra of one visit (POST …/inspections/{visit}/document), and the findings per unit the ranking's
 * INSPECTION group reads (services/rankings.ts).
 */
import type { Firestore } from "@google-cloud/firestore";
import { z } from "zod";
import { renderBienBanKiemTra } from "../documents/bien-ban-kiem-tra.js";
import { Agency, Copies, parseDocumentInput, throwMissing } from "../documents/inputs.js";
import type { RenderOptions } from "../documents/layout.js";
import { canAccessUnit, isDepartmentRole } from "../domain/access.js";
import { dateInVietnam } from "../domain/calendar.js";
import { INSPECTION_ITEMS, type InspectionItem } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { isValidId } from "../domain/ids.js";
import {
  type InspectionDashboard,
  type InspectionFinding,
  type InspectionVisit,
  inspectionDashboard,
} from "../domain/inspection.js";
import { httpMessages, inspectionMessages as msg, sheetMessages } from "../domain/messages/index.js";
import type { Unit, User, YearConfig } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { yearInspections } from "../store/readers.js";
import { loadUnits } from "../store/registry.js";
import { loadYearConfig } from "../store/years.js";
import { requireUnitAccess, unitScopeOf } from "./unit-access.js";

export interface InspectionsView extends InspectionDashboard {
  /** The names of the units the dashboard lists, by id. */
  unitNames: Record<string, string>;
}

export interface InspectionsOptions {
  /** One unit's own view (`?unit=`, `--unit`). */
  unitId?: string | undefined;
}

/** The year's checklist (tab Cấu hình; the default items when it names none). */
const checklistOf = (config: YearConfig): readonly InspectionItem[] =>
  config.inspectionChecklist ?? INSPECTION_ITEMS;

async function requireInspectionYear(db: Firestore, year: string): Promise<readonly InspectionItem[]> {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, "path.year");
  const config = await loadYearConfig(db, year);
  if (!config) throw new AppError("MISSING_DATA", msg.yearNotConfigured(year), undefined, "path.year");
  return checklistOf(config);
}

/**
 * The dashboard of the year as `user` may see it: Department roles and council members every visit;
 * a commune specialist the visits to the schools its UBND xã manages; a school its own visits.
 */
export async function inspectionsFor(
  db: Firestore,
  user: User,
  year: string,
  options: InspectionsOptions = {},
): Promise<InspectionsView> {
  const checklist = await requireInspectionYear(db, year);
  const { unitId } = options;
  if (unitId !== undefined) {
    if (!isValidId(unitId))
      throw new AppError("INVALID_ARGUMENT", msg.invalidUnit(unitId), undefined, "query.unit");
    await requireUnitAccess(db, user, unitId, "read");
  }
  const { visits, findings } = await yearInspections(db, year);
  const units = await unitsOf(db, visits);
  const visible = visits.filter((visit) => {
    if (unitId !== undefined && visit.unitId !== unitId) return false;
    const unit = units.get(visit.unitId);
    // A visit to a unit no longer stored is the Department's to see and correct.
    return unit === undefined ? isDepartmentRole(user.role) : canAccessUnit(user, unitScopeOf(unit), "read");
  });
  // Overdue is counted as of today in Vietnam.
  const dashboard = inspectionDashboard(year, visible, findings, dateInVietnam(new Date()), checklist);
  const unitNames: Record<string, string> = {};
  for (const { unitId: id } of dashboard.units) unitNames[id] = units.get(id)?.name ?? id;
  return { ...dashboard, unitNames };
}

async function unitsOf(db: Firestore, visits: readonly InspectionVisit[]): Promise<Map<string, Unit>> {
  const loaded = await loadUnits(db, [...new Set(visits.map((visit) => visit.unitId))]);
  const units = new Map<string, Unit>();
  for (const [id, unit] of loaded) if (!(unit instanceof AppError)) units.set(id, unit);
  return units;
}

/** What the caller adds to the stored records: the Department as it signs, and extra nơi nhận. */
const InspectionDocumentOptions = z.object({ issuer: Agency, copies: Copies });

export interface InspectionDocument {
  fileName: string;
  pdf: Buffer;
}

/**
 * The Biên bản kiểm tra of one visit, from the plan, the team and the findings (Department roles
 * only). Anything the Biên bản needs and the records lack is one MISSING_DATA listing it all.
 */
export async function inspectionDocument(
  db: Firestore,
  user: User,
  year: string,
  visitId: string,
  body: unknown,
  render: RenderOptions = {},
): Promise<InspectionDocument> {
  if (!isDepartmentRole(user.role)) throw new AppError("PERMISSION_DENIED", httpMessages.forbiddenRole());
  const checklist = await requireInspectionYear(db, year);
  if (!isValidId(visitId))
    throw new AppError("INVALID_ARGUMENT", msg.invalidVisit(visitId), undefined, "path.visit");
  const { members, visits, findings } = await yearInspections(db, year);
  const visit = visits.find((candidate) => candidate.visitId === visitId);
  if (!visit) throw new AppError("NOT_FOUND", msg.visitNotFound(visitId), undefined, "path.visit");
  const options = parseDocumentInput(InspectionDocumentOptions, body ?? {}, msg.documentName);
  const unit = await requireUnitAccess(db, user, visit.unitId, "read");
  const team = members.filter((member) => member.teamId === visit.teamId);
  const own = sortedFindings(
    findings.filter((finding) => finding.visitId === visitId && checklist.includes(finding.item)),
  );
  const head = visit.unitHead ?? unit.principalName;
  const missing = [
    ...(team.length === 0 ? [msg.missingTeam(visit.teamId)] : []),
    ...(team.length > 0 && !team.some((member) => member.teamRole === "TRUONG_DOAN")
      ? [msg.missingLeader(visit.teamId)]
      : []),
    ...(visit.number === undefined ? [msg.missingNumber] : []),
    ...(head === undefined ? [msg.missingUnitHead] : []),
    ...(own.length === 0 ? [msg.missingFindings] : []),
  ];
  if (missing.length > 0) throwMissing(msg.documentName, missing);
  const roleOrder = { TRUONG_DOAN: 0, THANH_VIEN: 1, THU_KY: 2 } as const;
  const pdf = await renderBienBanKiemTra(
    {
      issuer: options.issuer,
      number: visit.number,
      schoolYear: year,
      visit: { date: visit.date, kind: visit.kind },
      team: {
        name: team[0]?.teamName,
        members: [...team]
          .sort(
            (a, b) => roleOrder[a.teamRole] - roleOrder[b.teamRole] || b.seniorityYears - a.seniorityYears,
          )
          .map((member) => ({ name: member.fullName, position: member.position, role: member.teamRole })),
      },
      unit: {
        name: unit.name,
        head: { name: head, position: visit.unitHeadPosition ?? msg.unitHeadDefault },
        representatives: visit.representatives,
      },
      findings: own,
      copies: options.copies,
    },
    render,
  );
  return { fileName: `bien-ban-kiem-tra-${visitId}-${year}.pdf`, pdf };
}

const ITEM_ORDER: ReadonlyMap<string, number> = new Map(INSPECTION_ITEMS.map((item, index) => [item, index]));

/** Findings in the checklist's order. */
const sortedFindings = (findings: readonly InspectionFinding[]): InspectionFinding[] =>
  [...findings].sort((a, b) => (ITEM_ORDER.get(a.item) ?? 0) - (ITEM_ORDER.get(b.item) ?? 0));

/** The findings of the year on its checklist, by the unit visited (the ranking's INSPECTION group). */
export async function findingsByUnit(
  db: Firestore,
  config: YearConfig,
): Promise<Map<string, InspectionFinding[]>> {
  const { visits, findings } = await yearInspections(db, config.year);
  const checklist = checklistOf(config);
  const unitOfVisit = new Map(visits.map((visit) => [visit.visitId, visit.unitId]));
  const byUnit = new Map<string, InspectionFinding[]>();
  for (const finding of findings) {
    const unitId = unitOfVisit.get(finding.visitId);
    if (unitId !== undefined && checklist.includes(finding.item))
      byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), finding]);
  }
  return byUnit;
}
