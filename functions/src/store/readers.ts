/**
 * Typed reads of the documents a unit holds (DESIGN.md §6, §11): each reader keeps only the unit's
 * own documents that are not withdrawn, parsed with the domain schema (malformed ones are left out).
 * A document that carries a subject is read through here, so no query can forget the unit or the
 * withdrawal.
 */
import type { DocumentData, Firestore, Query } from "@google-cloud/firestore";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { Unit } from "../domain/model.js";
import { COLLECTIONS } from "./firestore.js";

/** A domain schema (zod) as the readers use it. */
export interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** Firestore's limit of values in an `in` / `array-contains-any` filter. */
const IN_LIMIT = 30;

/** The path of a collection under years/{year}/ (records, proposals, votes, …). */
export const yearCollectionPath = (year: string, collection: keyof typeof COLLECTIONS): string =>
  `${COLLECTIONS.years}/${year}/${COLLECTIONS[collection]}`;

function ownActive<T>(schema: Schema<T>, unitId: string, documents: readonly (DocumentData | undefined)[]) {
  return documents.flatMap((data) => {
    if (data === undefined || data.unitId !== unitId || data.withdrawn === true) return [];
    const parsed = schema.safeParse(data);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The unit's documents in a collection. */
export async function unitDocuments<T>(
  db: Firestore,
  collectionPath: string,
  schema: Schema<T>,
  unitId: string,
): Promise<T[]> {
  const snapshot = await db.collection(collectionPath).where("unitId", "==", unitId).get();
  return ownActive(
    schema,
    unitId,
    snapshot.docs.map((doc) => doc.data()),
  );
}

/** The unit's documents in a collection whose `field` matches one of `values` (`in` or `array-contains-any`). */
export async function unitDocumentsMatching<T>(
  db: Firestore,
  collectionPath: string,
  schema: Schema<T>,
  unitId: string,
  match: { field: string; op: "in" | "array-contains-any"; values: readonly string[] },
): Promise<T[]> {
  const queries: Query[] = [];
  for (let start = 0; start < match.values.length; start += IN_LIMIT)
    queries.push(
      db
        .collection(collectionPath)
        .where("unitId", "==", unitId)
        .where(match.field, match.op, match.values.slice(start, start + IN_LIMIT)),
    );
  const snapshots = await Promise.all(queries.map((query) => query.get()));
  return ownActive(
    schema,
    unitId,
    snapshots.flatMap((snapshot) => snapshot.docs.map((doc) => doc.data())),
  );
}

/** Documents at known paths (ids that begin with the unit): those held by the unit and not withdrawn. */
export async function unitDocumentsAt<T>(
  db: Firestore,
  paths: readonly string[],
  schema: Schema<T>,
  unitId: string,
): Promise<T[]> {
  if (paths.length === 0) return [];
  const snapshots = await db.getAll(...paths.map((path) => db.doc(path)));
  return ownActive(
    schema,
    unitId,
    snapshots.map((snapshot) => snapshot.data()),
  );
}

/** The stored unit; NOT_FOUND when there is none (or it does not parse as a unit). */
export async function loadUnit(db: Firestore, unitId: string): Promise<Unit> {
  const unit = Unit.safeParse((await db.collection(COLLECTIONS.units).doc(unitId).get()).data());
  if (!unit.success) throw new AppError("NOT_FOUND", httpMessages.unitNotFound(unitId));
  return unit.data;
}

/**
 * The workflow state of a stored dossier, undefined when none is stored. Read as stored: a state
 * outside the workflow's is for the caller to refuse, naming it.
 */
export async function dossierStateOf(db: Firestore, dossierId: string): Promise<string | undefined> {
  const state: unknown = (await db.collection(COLLECTIONS.dossiers).doc(dossierId).get()).get("state");
  return state === undefined ? undefined : String(state);
}
