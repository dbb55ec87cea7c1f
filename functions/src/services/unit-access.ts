/**
 * Unit-level authorization for every use case (DESIGN.md §7): loads the unit, then applies the
 * access rule of domain/access. One place, so the API, the CLI and the jobs cannot disagree.
 */
import type { Firestore } from "@google-cloud/firestore";
import { type AccessMode, canAccessUnit, type UnitScope } from "../domain/access.js";
import { ManagingAuthority } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { COLLECTIONS } from "../store/firestore.js";

/** What access and the workflow need of a stored unit; fields of another shape count as absent. */
export function unitScopeOf(unitId: string, unit: Record<string, unknown>): UnitScope {
  const authority = ManagingAuthority.safeParse(unit.managingAuthority);
  return {
    id: unitId,
    managingAuthority: authority.success ? authority.data : undefined,
    communeUnitId: typeof unit.communeUnitId === "string" ? unit.communeUnitId : undefined,
  };
}

/** Returns the stored unit when `user` may read or write it; NOT_FOUND or PERMISSION_DENIED otherwise. */
export async function requireUnitAccess(
  db: Firestore,
  user: User,
  unitId: string,
  mode: AccessMode,
): Promise<Record<string, unknown>> {
  const unit = unitId ? (await db.collection(COLLECTIONS.units).doc(unitId).get()).data() : undefined;
  if (!unit) throw new AppError("NOT_FOUND", httpMessages.unitNotFound(unitId));
  if (!canAccessUnit(user, unitScopeOf(unitId, unit), mode)) {
    throw new AppError("PERMISSION_DENIED", httpMessages.forbiddenUnit(unitId));
  }
  return unit;
}
