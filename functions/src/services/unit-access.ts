/**
 * Unit-level authorization for every use case (DESIGN.md §7): loads the unit, then applies the
 * access rule of domain/access. One place, so the API, the CLI and the jobs cannot disagree.
 */
import type { Firestore } from "@google-cloud/firestore";
import { type AccessMode, canAccessUnit } from "../domain/access.js";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { COLLECTIONS } from "../store/firestore.js";

/** Returns the stored unit when `user` may read or write it; NOT_FOUND or PERMISSION_DENIED otherwise. */
export async function requireUnitAccess(
  db: Firestore,
  user: User,
  unitId: string,
  mode: AccessMode,
): Promise<Record<string, unknown>> {
  const unit = unitId ? (await db.collection(COLLECTIONS.units).doc(unitId).get()).data() : undefined;
  if (!unit) throw new AppError("NOT_FOUND", httpMessages.unitNotFound(unitId));
  const communeUnitId = typeof unit.communeUnitId === "string" ? unit.communeUnitId : undefined;
  if (!canAccessUnit(user, { id: unitId, communeUnitId }, mode)) {
    throw new AppError("PERMISSION_DENIED", httpMessages.forbiddenUnit(unitId));
  }
  return unit;
}
