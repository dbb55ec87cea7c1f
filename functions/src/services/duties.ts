/**
 * What the reports of the guidance's other duties (docs/duties.md) share: which units a caller reads
 * (a school its own, a commune specialist the schools its UBND xã manages, the Department and the
 * council every unit), the query's checks, and each unit's current staff.
 */
import type { Firestore } from "@google-cloud/firestore";
import { canAccessUnit } from "../domain/access.js";
import { dateInVietnam } from "../domain/calendar.js";
import { AppError } from "../domain/errors.js";
import { isValidId } from "../domain/ids.js";
import { dutyMessages, provinceMessages } from "../domain/messages/index.js";
import { IsoDate, type Person, type Unit, type User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { compareVietnamese } from "../domain/text.js";
import { provinceDocuments, unitDocuments } from "../store/readers.js";
import { allUnits, loadUnit } from "../store/registry.js";
import { requireUnitAccess, unitScopeOf } from "./unit-access.js";

/** A report's query as the route and the CLI receive it: text, checked here. */
export interface DutyQuery {
  unit?: string | undefined;
  asOf?: string | undefined;
}

export function checkYear(year: string): void {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", provinceMessages.invalidYear(year), undefined, "path.year");
}

/** The report's day: `asOf` when given (yyyy-MM-dd), else today in Vietnam. */
export function reportDay(asOf: string | undefined): string {
  if (asOf === undefined) return dateInVietnam(new Date());
  if (!IsoDate.safeParse(asOf).success)
    throw new AppError("INVALID_ARGUMENT", dutyMessages.invalidAsOf(asOf), undefined, "query.asOf");
  return asOf;
}

/** A whole number of days or years from 1 to `max`, or the default when absent. */
export function countOption(value: string | undefined, name: string, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const count = Number(value);
  if (!/^[0-9]{1,4}$/.test(value) || count < 1 || count > max)
    throw new AppError("INVALID_ARGUMENT", dutyMessages.invalidDays(name, max), undefined, `query.${name}`);
  return count;
}

const byName = (units: Unit[]): Unit[] => units.sort((a, b) => compareVietnamese(a.name, b.name));

/**
 * The units `user` reads, by name: the one named (when the user may read it), else every unit the
 * user may read; none at all is PERMISSION_DENIED.
 */
export async function readableUnits(db: Firestore, user: User, unitId: string | undefined): Promise<Unit[]> {
  if (unitId !== undefined) {
    if (!isValidId(unitId))
      throw new AppError("INVALID_ARGUMENT", dutyMessages.invalidUnit, undefined, "query.unit");
    return [await requireUnitAccess(db, user, unitId, "read")];
  }
  const units = (await allUnits(db)).filter((unit) => canAccessUnit(user, unitScopeOf(unit), "read"));
  if (units.length === 0) throw new AppError("PERMISSION_DENIED", dutyMessages.noReadableUnit);
  return byName(units);
}

/** The CLI's units (it runs as the operator of the store): the one named, or every unit. */
export async function namedUnits(db: Firestore, unitId: string | undefined): Promise<Unit[]> {
  return unitId === undefined ? byName(await allUnits(db)) : [await loadUnit(db, unitId)];
}

/** Each unit's current staff (withdrawn people left out): one unit by its own query, many by one read. */
export async function staffOf(
  db: Firestore,
  units: readonly Unit[],
  year: string,
): Promise<Map<string, Person[]>> {
  if (units.length === 1 && units[0])
    return new Map([[units[0].id, await unitDocuments(db, units[0].id, "people")]]);
  return provinceDocuments(db, "people", year);
}
