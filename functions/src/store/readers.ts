/**
 * The read side of the store (docs/design.md §6, §11): typed reads parsed with the domain schemas.
 * A reader of a unit's documents keeps only the unit's own documents that are not withdrawn, so no
 * query can forget the unit or the withdrawal.
 *
 * A stored document that does not parse: in a list it is left out and counted in one process
 * warning (code TDKT_MALFORMED_DOCUMENT, naming the collection, never the content), so one bad row
 * cannot stop a whole unit's summary; a single document a use case stands on (a unit, a year's
 * configuration) is an error instead (MISSING_DATA), as guessing it would misstate a document.
 */
import type { DocumentData, Firestore, Query } from "@google-cloud/firestore";
import type { z } from "zod";
import { COLLECTIONS, collectionPath, type YearCollection } from "../domain/collections.js";
import { subjectYearId } from "../domain/document-ids.js";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import {
  Achievement,
  AuthConfig,
  Award,
  CouncilVote,
  Initiative,
  Person,
  Proposal,
  Registration,
  Unit,
  User,
  YearRecord,
} from "../domain/model.js";

/** The schema of each collection of documents a unit holds. */
const UNIT_SCHEMAS = {
  people: Person,
  initiatives: Initiative,
  awards: Award,
  registrations: Registration,
  records: YearRecord,
  votes: CouncilVote,
  achievements: Achievement,
  proposals: Proposal,
} as const;

type UnitCollection = keyof typeof UNIT_SCHEMAS;
type TopUnitCollection = Exclude<UnitCollection, YearCollection>;
export type UnitDocument<C extends UnitCollection> = z.output<(typeof UNIT_SCHEMAS)[C]>;

export const MALFORMED_DOCUMENT_WARNING = "TDKT_MALFORMED_DOCUMENT";

/** Firestore's limit of values in an `in` filter. */
const IN_LIMIT = 30;

interface StoredDocument {
  path: string;
  data: DocumentData | undefined;
}

function ownDocuments<C extends UnitCollection>(
  collection: C,
  unitId: string,
  documents: readonly StoredDocument[],
  options: { includeWithdrawn?: boolean } = {},
): UnitDocument<C>[] {
  const schema = UNIT_SCHEMAS[collection];
  const parsed: UnitDocument<C>[] = [];
  let malformed = 0;
  for (const { data } of documents) {
    if (data === undefined || data.unitId !== unitId) continue;
    if (data.withdrawn === true && !options.includeWithdrawn) continue;
    const result = schema.safeParse(data);
    if (result.success) parsed.push(result.data as UnitDocument<C>);
    else malformed++;
  }
  if (malformed > 0) warnMalformed(collection, malformed);
  return parsed;
}

const warnMalformed = (collection: string, count: number): void =>
  process.emitWarning(`${count} stored document(s) of ${collection} do not parse and are left out`, {
    code: MALFORMED_DOCUMENT_WARNING,
  });

const documentsOf = async (query: Query): Promise<StoredDocument[]> =>
  (await query.get()).docs.map((doc) => ({ path: doc.ref.path, data: doc.data() }));

/** The unit's people (its roster), initiatives or awards; `includeWithdrawn` keeps former staff. */
export async function unitDocuments<C extends TopUnitCollection>(
  db: Firestore,
  unitId: string,
  collection: C,
  options: { includeWithdrawn?: boolean } = {},
): Promise<UnitDocument<C>[]> {
  const query = db.collection(COLLECTIONS[collection]).where("unitId", "==", unitId);
  return ownDocuments(collection, unitId, await documentsOf(query), options);
}

/** The unit's documents of one school year: registrations, records, proposals, votes, achievements. */
export async function unitYearDocuments<C extends YearCollection>(
  db: Firestore,
  unitId: string,
  year: string,
  collection: C,
): Promise<UnitDocument<C>[]> {
  const query = db.collection(collectionPath(collection, year)).where("unitId", "==", unitId);
  return ownDocuments(collection, unitId, await documentsOf(query));
}

/** The unit's year records over several school years (a dossier's look-back). */
export async function unitRecordsOver(
  db: Firestore,
  unitId: string,
  years: readonly string[],
): Promise<YearRecord[]> {
  const perYear = await Promise.all(years.map((year) => unitYearDocuments(db, unitId, year, "records")));
  return perYear.flat();
}

/** The awards the ledger records in one school year for the unit and its people (revoked ones included). */
export async function unitYearAwards(db: Firestore, unitId: string, year: string): Promise<Award[]> {
  const query = db.collection(COLLECTIONS.awards).where("unitId", "==", unitId).where("year", "==", year);
  return ownDocuments("awards", unitId, await documentsOf(query));
}

/** The awards ledger of some of the unit's subjects: every award the unit recorded for them. */
export async function subjectsLedger(
  db: Firestore,
  unitId: string,
  subjectIds: readonly string[],
): Promise<Award[]> {
  const queries: Query[] = [];
  for (let start = 0; start < subjectIds.length; start += IN_LIMIT)
    queries.push(
      db
        .collection(COLLECTIONS.awards)
        .where("unitId", "==", unitId)
        .where("subjectId", "in", subjectIds.slice(start, start + IN_LIMIT)),
    );
  const documents = await Promise.all(queries.map(documentsOf));
  return ownDocuments("awards", unitId, documents.flat());
}

/** The year records the unit holds of some subjects over some years (read by id: they begin with the unit). */
export async function subjectsRecords(
  db: Firestore,
  unitId: string,
  subjectIds: readonly string[],
  years: readonly string[],
): Promise<YearRecord[]> {
  const refs = subjectIds.flatMap((id) =>
    years.map((year) => db.doc(`${collectionPath("records", year)}/${subjectYearId(unitId, id)}`)),
  );
  if (refs.length === 0) return [];
  const snapshots = await db.getAll(...refs);
  return ownDocuments(
    "records",
    unitId,
    snapshots.map((snapshot) => ({ path: snapshot.ref.path, data: snapshot.data() })),
  );
}

/**
 * Which unit holds each document at `paths` (one entry per path): undefined when the document is
 * absent or withdrawn. Only the holder is read, so this costs no parsing of the documents.
 */
export async function activeHolders(
  db: Firestore,
  paths: readonly string[],
): Promise<(string | undefined)[]> {
  if (paths.length === 0) return [];
  const snapshots = await db.getAll(...paths.map((path) => db.doc(path)), {
    fieldMask: ["unitId", "withdrawn"],
  });
  return snapshots.map((snapshot) => {
    const holder: unknown = snapshot.get("unitId");
    return snapshot.exists && snapshot.get("withdrawn") !== true && typeof holder === "string"
      ? holder
      : undefined;
  });
}

/**
 * The stored unit: NOT_FOUND (the one "unit not found" of every face) when there is none; a stored
 * unit that does not parse is MISSING_DATA, not a unit without rights or a guessed name.
 */
export async function loadUnit(db: Firestore, unitId: string): Promise<Unit> {
  const snapshot = unitId ? await db.collection(COLLECTIONS.units).doc(unitId).get() : undefined;
  if (!snapshot?.exists) throw new AppError("NOT_FOUND", httpMessages.unitNotFound(unitId));
  const unit = Unit.safeParse(snapshot.data());
  if (!unit.success || unit.data.id !== unitId)
    throw new AppError("MISSING_DATA", httpMessages.unitMalformed(unitId), undefined, "path.unit");
  return unit.data;
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

/** The unit that holds a stored dossier, undefined when none is stored (or it names no unit). */
export async function dossierUnitOf(db: Firestore, dossierId: string): Promise<string | undefined> {
  const unitId: unknown = (await db.collection(COLLECTIONS.dossiers).doc(dossierId).get()).get("unitId");
  return typeof unitId === "string" && unitId.length > 0 ? unitId : undefined;
}

/**
 * The workflow state of a stored dossier, undefined when none is stored. Read as stored: a state
 * outside the workflow's is for the caller to refuse, naming it.
 */
export async function dossierStateOf(db: Firestore, dossierId: string): Promise<string | undefined> {
  const state: unknown = (await db.collection(COLLECTIONS.dossiers).doc(dossierId).get()).get("state");
  return state === undefined ? undefined : String(state);
}
