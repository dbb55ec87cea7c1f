/**
 * Unit-level authorization for every use case (docs/design.md §7): loads the unit, then applies the
 * access rule of domain/access. One place, so the API, the CLI and the jobs cannot disagree.
 */
import type { Firestore } from "@google-cloud/firestore";
import { type AccessMode, canAccessUnit, isDepartmentRole, type UnitScope } from "../domain/access.js";
import { AppError } from "../domain/errors.js";
import { httpMessages, provinceMessages } from "../domain/messages/index.js";
import type { Unit, User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { loadUnit } from "../store/registry.js";

/** What access and the workflow need of a stored unit. */
export const unitScopeOf = (unit: Unit): UnitScope => ({
  id: unit.id,
  managingAuthority: unit.managingAuthority,
  communeUnitId: unit.communeUnitId,
});

/** Returns the stored unit when `user` may read or write it; NOT_FOUND or PERMISSION_DENIED otherwise. */
export async function requireUnitAccess(
  db: Firestore,
  user: User,
  unitId: string,
  mode: AccessMode,
): Promise<Unit> {
  const unit = await loadUnit(db, unitId);
  if (!canAccessUnit(user, unitScopeOf(unit), mode)) {
    throw new AppError("PERMISSION_DENIED", httpMessages.forbiddenUnit(unitId));
  }
  return unit;
}

/** Province-wide views of a year (every unit's data): Department roles only, and a well-formed year. */
export function requireDepartmentYear(user: User, year: string): void {
  if (!isDepartmentRole(user.role)) throw new AppError("PERMISSION_DENIED", httpMessages.forbiddenRole());
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", provinceMessages.invalidYear(year), undefined, "path.year");
}
