/**
 * Use case "hồ sơ thi đua kept alike": the records index of a unit's year (domain/records-index.ts)
 * from its stored rows, dossiers and ledger, its PDF, and the sổ theo dõi over 5 or 10 school years
 * ending with the year — rendered by the dossier's own plan (services/dossier/plan.ts), so the
 * register printed alone is the one the dossier carries.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { RenderOptions } from "../documents/layout.js";
import { renderMucLuc } from "../documents/muc-luc.js";
import { canAccessUnit } from "../domain/access.js";
import { dateInVietnam } from "../domain/calendar.js";
import { proposalId } from "../domain/document-ids.js";
import { AppError } from "../domain/errors.js";
import { eligibilityServiceMessages, recordsText } from "../domain/messages/index.js";
import type { Unit, User } from "../domain/model.js";
import { type RecordsIndex, recordsIndex } from "../domain/records-index.js";
import { isSchoolYear } from "../domain/school-year.js";
import { unitYearDossiers, yearAwardsByUnit, yearDossiersByUnit } from "../store/dossier-files.js";
import { provinceDocuments, unitDocuments, unitYearAwards, unitYearDocuments } from "../store/readers.js";
import { allUnits } from "../store/registry.js";
import { dossierContext } from "./dossier/context.js";
import { loadDossierData } from "./dossier/load.js";
import { NumberBook } from "./dossier/numbering.js";
import { parseDossierOptions } from "./dossier/options.js";
import { planDossier } from "./dossier/plan.js";
import { requireUnitAccess, unitScopeOf } from "./unit-access.js";

const REGISTER_PERIODS = [5, 10] as const;
export type RegisterPeriod = (typeof REGISTER_PERIODS)[number];

/** INVALID_ARGUMENT (`path.year`) for a year that is not "YYYY-YYYY". */
function requireYear(year: string): void {
  if (!isSchoolYear(year))
    throw new AppError(
      "INVALID_ARGUMENT",
      eligibilityServiceMessages.invalidYear(year),
      undefined,
      "path.year",
    );
}

/** "5" or "10" (absent: 5); anything else is INVALID_ARGUMENT naming `field`. */
export function registerPeriodOf(value: string | undefined, field: string): RegisterPeriod {
  if (value === undefined) return 5;
  const period = REGISTER_PERIODS.find((candidate) => String(candidate) === value);
  if (period === undefined)
    throw new AppError("INVALID_ARGUMENT", recordsText.invalidYears(value), undefined, field);
  return period;
}

export interface UnitRecords {
  unit: Unit;
  index: RecordsIndex;
  pdf: (options?: RenderOptions) => Promise<Buffer>;
}

/** The records index of `unitId`'s `year`, for a reader of the unit (its own roles, its commune, the Department). */
export async function unitRecordsIndex(
  db: Firestore,
  user: User,
  unitId: string,
  year: string,
  at: Date = new Date(),
): Promise<UnitRecords> {
  const unit = await requireUnitAccess(db, user, unitId, "read");
  requireYear(year);
  const [proposals, registrations, votes, achievements, dossiers, awards, people] = await Promise.all([
    unitYearDocuments(db, unitId, year, "proposals"),
    unitYearDocuments(db, unitId, year, "registrations"),
    unitYearDocuments(db, unitId, year, "votes"),
    unitYearDocuments(db, unitId, year, "achievements"),
    unitYearDossiers(db, unitId, year),
    unitYearAwards(db, unitId, year),
    unitDocuments(db, unitId, "people", { includeWithdrawn: true }),
  ]);
  const names = new Map(people.map((person) => [person.id, person.fullName]));
  const index = recordsIndex({
    unit,
    year,
    proposals: proposals.map((proposal) => ({ ...proposal, id: proposalId(proposal) })),
    registrations,
    votes,
    achievements,
    dossiers,
    awards,
    nameOf: (subjectKind, subjectId) =>
      subjectKind === "individual"
        ? (names.get(subjectId) ?? subjectId)
        : subjectId === unit.id
          ? unit.name
          : subjectId,
  });
  return { unit, index, pdf: (options) => renderMucLuc(unit, index, dateInVietnam(at), options) };
}

/** One unit's line of the comparison: its counts per set and in all. */
export type RecordsLine = Omit<RecordsIndex, "sets"> & {
  sets: { kind: RecordsIndex["sets"][number]["kind"]; expected: number; present: number; missing: number }[];
};

/**
 * Every unit the caller may read (the Department: the province; a commune: the schools its UBND xã
 * manages; a school: itself), its records index counted, in the order of unit ids: the same sets and
 * codes for every unit, so that they compare. Each collection is read once for the whole year.
 */
export async function recordsComparison(db: Firestore, user: User, year: string): Promise<RecordsLine[]> {
  requireYear(year);
  const units = (await allUnits(db)).filter((unit) => canAccessUnit(user, unitScopeOf(unit), "read"));
  const [proposals, registrations, votes, achievements, dossiers, awards] = await Promise.all([
    provinceDocuments(db, "proposals", year),
    provinceDocuments(db, "registrations", year),
    provinceDocuments(db, "votes", year),
    provinceDocuments(db, "achievements", year),
    yearDossiersByUnit(db, year),
    yearAwardsByUnit(db, year),
  ]);
  return units.map((unit) => {
    const { sets, ...totals } = recordsIndex({
      unit,
      year,
      proposals: (proposals.get(unit.id) ?? []).map((proposal) => ({
        ...proposal,
        id: proposalId(proposal),
      })),
      registrations: registrations.get(unit.id) ?? [],
      votes: votes.get(unit.id) ?? [],
      achievements: achievements.get(unit.id) ?? [],
      dossiers: dossiers.get(unit.id) ?? [],
      awards: awards.get(unit.id) ?? [],
      nameOf: (_kind, subjectId) => subjectId,
    });
    return {
      ...totals,
      sets: sets.map(({ kind, expected, present, missing }) => ({ kind, expected, present, missing })),
    };
  });
}

/** The file names of the index and of the register: "muc-luc-ho-so-thcs-nguyen-du-2025-2026.pdf". */
export const recordsFileName = (unitId: string, year: string): string =>
  `muc-luc-ho-so-${unitId}-${year}.pdf`;
export const registerFileName = (unitId: string, year: string, period: RegisterPeriod): string =>
  `so-theo-doi-${unitId}-${year}-${period}-nam.pdf`;

/**
 * The sổ theo dõi of `unitId` over the `period` school years ending with `year`, dated the day it is
 * in Vietnam at `at` and signed by the stored principal.
 */
export async function unitRegisterPdf(
  db: Firestore,
  user: User,
  unitId: string,
  year: string,
  period: RegisterPeriod,
  options: { at?: Date; render?: RenderOptions } = {},
): Promise<Buffer> {
  await requireUnitAccess(db, user, unitId, "read");
  requireYear(year);
  const data = await loadDossierData(db, unitId, year, period);
  const dossierOptions = parseDossierOptions({
    date: dateInVietnam(options.at ?? new Date()),
    registerYears: period,
  });
  // Signed by the stored principal; without one the register's own check answers MISSING_DATA.
  const context = dossierContext(year, data, undefined);
  const register = planDossier(context, [], dossierOptions, options.render).find(
    (document) => document.type === "so-theo-doi",
  );
  if (!register) throw new Error("the dossier plan always holds the sổ theo dõi");
  // What the register lacks is the unit's stored data (its principal, its roster): named as path.unit.
  return register.render(new NumberBook(context.issuer.abbreviation)).catch((error: unknown) => {
    if (!(error instanceof AppError) || error.field !== undefined) throw error;
    throw new AppError(error.code, error.message, error.details, "path.unit");
  });
}
