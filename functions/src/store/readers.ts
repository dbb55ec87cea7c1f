/**
 * The read side of the store (docs/design.md §6, §11): typed reads parsed with the domain schemas.
 * A reader of a unit's documents keeps only the unit's own documents that are not withdrawn, nor
 * revoked (an award of a revoked decision, G-10), so no query — eligibility, the sổ theo dõi, the
 * summaries — can forget the unit, the withdrawal or the revocation.
 *
 * A stored document that does not parse: in a list it is left out and counted in one process
 * warning (code TDKT_MALFORMED_DOCUMENT, naming the collection, never the content), so one bad row
 * cannot stop a whole unit's summary; a single document a use case stands on (a unit, a year's
 * configuration) is an error instead (MISSING_DATA), as guessing it would misstate a document.
 */
import type { DocumentData, Firestore, Query } from "@google-cloud/firestore";
import type { z } from "zod";
import { COLLECTIONS, collectionPath, documentPath, type YearCollection } from "../domain/collections.js";
import { Decision } from "../domain/decision.js";
import { subjectYearId } from "../domain/document-ids.js";
import { Dossier } from "../domain/dossier.js";
import { AppError } from "../domain/errors.js";
import { InspectionFinding, InspectionMember, InspectionVisit } from "../domain/inspection.js";
import { MeritEvidence } from "../domain/merit-evidence.js";
import { decisionMessages } from "../domain/messages/index.js";
import {
  Achievement,
  Award,
  CouncilVote,
  CriteriaGroup,
  Initiative,
  ManualScore,
  Person,
  Proposal,
  Registration,
  Unit,
  YearRecord,
} from "../domain/model.js";
import { type IndexEntry, type IndexedCollection, unitIndexes } from "./unit-index.js";

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
  scores: ManualScore,
  evidence: MeritEvidence,
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
    if (data.revoked === true) continue;
    const result = schema.safeParse(data);
    if (result.success) parsed.push(result.data as UnitDocument<C>);
    else malformed++;
  }
  if (malformed > 0) warnMalformed(collection, malformed);
  return parsed;
}

export const warnMalformed = (collection: string, count: number): void =>
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
export async function unitYearDocuments<C extends Extract<UnitCollection, YearCollection>>(
  db: Firestore,
  unitId: string,
  year: string,
  collection: C,
): Promise<UnitDocument<C>[]> {
  const query = db.collection(collectionPath(collection, year)).where("unitId", "==", unitId);
  return ownDocuments(collection, unitId, await documentsOf(query));
}

/**
 * Every unit's documents of a collection, by unit (the province-wide reports read each collection
 * once rather than once per unit); withdrawn ones left out unless `includeWithdrawn`. `year` places
 * the year's collections.
 */
export async function provinceDocuments<C extends UnitCollection>(
  db: Firestore,
  collection: C,
  year: string,
  options: { includeWithdrawn?: boolean } = {},
): Promise<Map<string, UnitDocument<C>[]>> {
  const schema = UNIT_SCHEMAS[collection];
  const byUnit = new Map<string, UnitDocument<C>[]>();
  let malformed = 0;
  for (const { data } of await documentsOf(db.collection(collectionPath(collection, year)))) {
    if (data === undefined || (data.withdrawn === true && !options.includeWithdrawn)) continue;
    const result = schema.safeParse(data);
    if (!result.success) {
      malformed++;
      continue;
    }
    const document = result.data as UnitDocument<C>;
    const unitId = (document as { unitId: string }).unitId;
    const list = byUnit.get(unitId);
    if (list) list.push(document);
    else byUnit.set(unitId, [document]);
  }
  if (malformed > 0) warnMalformed(collection, malformed);
  return byUnit;
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

/** The awards the ledger records in one school year for the unit and its people (revoked ones left out). */
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

/** Whose year records to read for one unit: each subject in each year. */
export interface RecordsWanted {
  unitId: string;
  subjectIds: readonly string[];
  years: readonly string[];
}

/**
 * The year records several units hold of some of their subjects, by unit, in one read by id (a
 * chunk of the aggregation at once); each unit's in the order of its subjects, then years. A
 * record wanted twice is read once.
 */
export async function unitsSubjectsRecords(
  db: Firestore,
  wanted: readonly RecordsWanted[],
): Promise<Map<string, YearRecord[]>> {
  const paths = new Map<string, string>();
  for (const { unitId, subjectIds, years } of wanted)
    for (const subjectId of subjectIds)
      for (const year of years)
        paths.set(`${collectionPath("records", year)}/${subjectYearId(unitId, subjectId)}`, unitId);
  const byUnit = new Map<string, StoredDocument[]>(wanted.map(({ unitId }) => [unitId, []]));
  if (paths.size > 0) {
    const snapshots = await db.getAll(...[...paths.keys()].map((path) => db.doc(path)));
    for (const snapshot of snapshots)
      byUnit
        .get(paths.get(snapshot.ref.path) ?? "")
        ?.push({ path: snapshot.ref.path, data: snapshot.data() });
  }
  return new Map([...byUnit].map(([unitId, held]) => [unitId, ownDocuments("records", unitId, held)]));
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

/** Which documents at `paths` exist and are not withdrawn. */
export async function presentDocuments(db: Firestore, paths: readonly string[]): Promise<boolean[]> {
  if (paths.length === 0) return [];
  const snapshots = await db.getAll(...paths.map((path) => db.doc(path)), { fieldMask: ["withdrawn"] });
  return snapshots.map((snapshot) => snapshot.exists && snapshot.get("withdrawn") !== true);
}

/** Which documents at `paths` a recorded decision wrote (awards ledger entries with a decisionId). */
export async function decidedDocuments(db: Firestore, paths: readonly string[]): Promise<boolean[]> {
  if (paths.length === 0) return [];
  const snapshots = await db.getAll(...paths.map((path) => db.doc(path)), { fieldMask: ["decisionId"] });
  return snapshots.map((snapshot) => snapshot.exists && typeof snapshot.get("decisionId") === "string");
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

/** Parses documents of a collection that no single unit holds; malformed ones are left out and counted. */
function parsedDocuments<T>(
  collection: string,
  schema: z.ZodType<T>,
  documents: readonly StoredDocument[],
): T[] {
  const parsed: T[] = [];
  let malformed = 0;
  for (const { data } of documents) {
    if (data === undefined || data.withdrawn === true) continue;
    const result = schema.safeParse(data);
    if (result.success) parsed.push(result.data);
    else malformed++;
  }
  if (malformed > 0) warnMalformed(collection, malformed);
  return parsed;
}

/** The units of the province, or of one cụm/khối thi đua. */
export async function clusterUnits(db: Firestore, clusterId?: string): Promise<Unit[]> {
  const units = db.collection(COLLECTIONS.units);
  const query = clusterId === undefined ? units : units.where("clusterId", "==", clusterId);
  return parsedDocuments(COLLECTIONS.units, Unit, await documentsOf(query));
}

/** The year's inspection teams, planned visits and findings (tabs Đoàn, Kế hoạch, Kết quả kiểm tra). */
export async function yearInspections(
  db: Firestore,
  year: string,
): Promise<{ members: InspectionMember[]; visits: InspectionVisit[]; findings: InspectionFinding[] }> {
  const read = <T>(collection: YearCollection, schema: z.ZodType<T>) =>
    documentsOf(db.collection(collectionPath(collection, year))).then((documents) =>
      parsedDocuments(COLLECTIONS[collection], schema, documents),
    );
  const [members, visits, findings] = await Promise.all([
    read("inspectionTeams", InspectionMember),
    read("inspectionVisits", InspectionVisit),
    read("inspectionFindings", InspectionFinding),
  ]);
  return { members, visits, findings };
}

/** The year's criteria groups of the cụm/khối ranking (tab "Tiêu chí thi đua"). */
export async function yearCriteria(db: Firestore, year: string): Promise<CriteriaGroup[]> {
  const query = db.collection(collectionPath("criteria", year));
  return parsedDocuments(COLLECTIONS.criteria, CriteriaGroup, await documentsOf(query));
}

/** Several units at once: the province-wide reads go chunk by chunk. */
export const UNITS_PER_QUERY = IN_LIMIT;

/** A query's order: by document id, compared as Firestore compares strings (by their UTF-8 bytes). */
const inIdOrder = (a: IndexEntry, b: IndexEntry): number =>
  Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));

/** Documents read by id at once: one call stays well within the RPC's deadline. */
const READS_PER_CALL = 5000;

/**
 * Some units' documents of a collection (of `year` for the year's collections), by unit, read by id
 * through the units' index (store/unit-index.ts) — two reads by id for any number of units, where a
 * query would scan the whole collection. `keep` narrows which indexed documents are read (the
 * ledger of some subjects, one year's awards); each unit keeps its own documents as every reader
 * does (not withdrawn unless `includeWithdrawn`, nor revoked).
 */
export async function indexedUnitsDocuments<C extends UnitCollection & IndexedCollection>(
  db: Firestore,
  unitIds: readonly string[],
  collection: C,
  year: string,
  options: { keep?: (entry: IndexEntry, unitId: string) => boolean; includeWithdrawn?: boolean } = {},
): Promise<Map<string, UnitDocument<C>[]>> {
  const indexes = await unitIndexes(db, unitIds, collection, year);
  const paths = new Map<string, string>();
  for (const [unitId, entries] of indexes)
    for (const entry of entries.sort(inIdOrder))
      if (options.keep?.(entry, unitId) ?? true) paths.set(documentPath(collection, entry.id, year), unitId);
  const grouped = new Map<string, StoredDocument[]>(unitIds.map((unitId) => [unitId, []]));
  const all = [...paths.keys()];
  for (let start = 0; start < all.length; start += READS_PER_CALL) {
    const snapshots = await db.getAll(
      ...all.slice(start, start + READS_PER_CALL).map((path) => db.doc(path)),
    );
    for (const snapshot of snapshots)
      grouped
        .get(paths.get(snapshot.ref.path) ?? "")
        ?.push({ path: snapshot.ref.path, data: snapshot.data() });
  }
  return new Map(
    [...grouped].map(([unitId, held]) => [
      unitId,
      ownDocuments(collection, unitId, held, { includeWithdrawn: options.includeWithdrawn }),
    ]),
  );
}

/** Every unit's proposals of the year for some targets (province-wide lists under a quota). */
export async function yearProposalsFor(
  db: Firestore,
  year: string,
  targets: readonly Proposal["target"][],
): Promise<Proposal[]> {
  const query = db.collection(collectionPath("proposals", year)).where("target", "in", [...targets]);
  return parsedDocuments(COLLECTIONS.proposals, Proposal, await documentsOf(query));
}

/** People by id, each only when the unit named with it holds them. */
export async function peopleOf(
  db: Firestore,
  subjects: readonly { unitId: string; subjectId: string }[],
): Promise<Person[]> {
  if (subjects.length === 0) return [];
  const snapshots = await db.getAll(
    ...subjects.map(({ subjectId }) => db.collection(COLLECTIONS.people).doc(subjectId)),
  );
  return snapshots.flatMap((snapshot, index) => {
    const expected = subjects[index]?.unitId;
    return expected === undefined
      ? []
      : ownDocuments("people", expected, [{ path: snapshot.ref.path, data: snapshot.data() }], {
          includeWithdrawn: true,
        });
  });
}

/**
 * The units holding proposals of the year that are not withdrawn, sorted: what the year-end
 * aggregation judges. Only two fields of each proposal are read.
 */
export async function proposalHolders(db: Firestore, year: string): Promise<string[]> {
  const snapshot = await db.collection(collectionPath("proposals", year)).select("unitId", "withdrawn").get();
  const holders = new Set<string>();
  for (const doc of snapshot.docs) {
    const unitId: unknown = doc.get("unitId");
    if (typeof unitId === "string" && doc.get("withdrawn") !== true) holders.add(unitId);
  }
  return [...holders].sort();
}

/** A stored decision, undefined when none is stored; one that does not parse is MISSING_DATA. */
export async function loadDecision(db: Firestore, id: string): Promise<Decision | undefined> {
  const snapshot = await db.collection(COLLECTIONS.decisions).doc(id).get();
  if (!snapshot.exists) return undefined;
  const decision = Decision.safeParse(snapshot.data());
  if (!decision.success) throw new AppError("MISSING_DATA", decisionMessages.malformed(snapshot.ref.path));
  return decision.data;
}

/** The document numbers a stored dossier holds by document ({} when none, or none that parse). */
export async function dossierNumbersOf(db: Firestore, dossierId: string): Promise<Record<string, number>> {
  const numbers = Dossier.shape.numbers.safeParse(
    (await db.collection(COLLECTIONS.dossiers).doc(dossierId).get()).get("numbers"),
  );
  return (numbers.success && numbers.data) || {};
}
