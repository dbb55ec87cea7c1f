/** Unit-level authorization for route handlers: loads the unit's scope and applies domain/access. */
import type { Firestore } from "@google-cloud/firestore";
import { type AccessMode, canAccessUnit } from "../domain/access.js";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { COLLECTIONS } from "../store/firestore.js";

export async function requireUnitAccess(
  db: Firestore,
  user: User,
  unitId: string,
  mode: AccessMode,
): Promise<void> {
  // Own unit and Department roles need no read; commune specialists need the school's commune.
  if (canAccessUnit(user, { id: unitId }, mode)) return;
  if (user.role === "COMMUNE_SPECIALIST") {
    const unit = (await db.collection(COLLECTIONS.units).doc(unitId).get()).data();
    const communeUnitId = typeof unit?.commune === "string" ? unit.commune : undefined;
    if (canAccessUnit(user, { id: unitId, communeUnitId }, mode)) return;
  }
  throw new AppError("PERMISSION_DENIED", httpMessages.forbiddenUnit(unitId));
}
