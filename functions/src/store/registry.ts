/**
 * The registry read by id (docs/design.md §6): the units, the users and the accounts' settings
 * (config/auth). A unit or a configuration that does not parse is an error (MISSING_DATA), never a
 * guessed name or a unit without rights; in a list it is left out and counted (warnMalformed).
 */
import type { DocumentSnapshot, Firestore } from "@google-cloud/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { AuthConfig, Unit, User } from "../domain/model.js";
import { warnMalformed } from "./readers.js";

/**
 * The stored unit: NOT_FOUND (the one "unit not found" of every face) when there is none; a stored
 * unit that does not parse is MISSING_DATA, not a unit without rights or a guessed name.
 */
export async function loadUnit(db: Firestore, unitId: string): Promise<Unit> {
  return storedUnit(unitId, unitId ? await db.collection(COLLECTIONS.units).doc(unitId).get() : undefined);
}

/** Several units in one read by id, each as loadUnit gives it: the unit, or the error loadUnit throws. */
export async function loadUnits(
  db: Firestore,
  unitIds: readonly string[],
): Promise<Map<string, Unit | AppError>> {
  const named = unitIds.filter((unitId) => unitId.length > 0);
  const snapshots =
    named.length === 0 ? [] : await db.getAll(...named.map((id) => db.collection(COLLECTIONS.units).doc(id)));
  const byId = new Map(snapshots.map((snapshot) => [snapshot.id, snapshot]));
  return new Map(
    unitIds.map((unitId): [string, Unit | AppError] => {
      try {
        return [unitId, storedUnit(unitId, byId.get(unitId))];
      } catch (error) {
        if (error instanceof AppError) return [unitId, error];
        throw error;
      }
    }),
  );
}

function storedUnit(unitId: string, snapshot: DocumentSnapshot | undefined): Unit {
  if (!snapshot?.exists) throw new AppError("NOT_FOUND", httpMessages.unitNotFound(unitId));
  const unit = Unit.safeParse(snapshot.data());
  if (!unit.success || unit.data.id !== unitId)
    throw new AppError("MISSING_DATA", httpMessages.unitMalformed(unitId), undefined, "path.unit");
  return unit.data;
}

/** Every stored unit (the province's schools), in id order; one that does not parse is left out and counted. */
export async function allUnits(db: Firestore): Promise<Unit[]> {
  const snapshot = await db.collection(COLLECTIONS.units).get();
  const units: Unit[] = [];
  let malformed = 0;
  for (const doc of snapshot.docs) {
    const unit = Unit.safeParse(doc.data());
    if (unit.success && unit.data.id === doc.id) units.push(unit.data);
    else malformed++;
  }
  if (malformed > 0) warnMalformed(COLLECTIONS.units, malformed);
  return units.sort((a, b) => a.id.localeCompare(b.id));
}

/** users/{email}: the user's role and unit, or undefined when unknown or not a valid user. */
export async function loadUser(db: Firestore, email: string): Promise<User | undefined> {
  const snapshot = await db.collection(COLLECTIONS.users).doc(email).get();
  const user = User.safeParse({ ...snapshot.data(), email });
  return snapshot.exists && user.success ? user.data : undefined;
}

/** The path of config/auth. */
export const AUTH_CONFIG_PATH = `${COLLECTIONS.config}/auth`;

/**
 * config/auth, or undefined when none is stored. A document that does not parse adds no audience
 * (the environment's still apply) and is reported once per read, without its content.
 */
export async function loadAuthConfig(db: Firestore): Promise<AuthConfig | undefined> {
  const snapshot = await db.doc(AUTH_CONFIG_PATH).get();
  if (!snapshot.exists) return undefined;
  const config = AuthConfig.safeParse(snapshot.data());
  if (!config.success) warnMalformed(AUTH_CONFIG_PATH, 1);
  return config.success ? config.data : undefined;
}
