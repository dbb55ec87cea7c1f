/**
 * The index of each unit's documents (docs/design.md §6): for every collection a unit holds documents
 * of, units/{unitId}/documentIndex/{collection}[_{year}] names each document's id with its subject
 * and year. It is written in the same transaction or batch as the documents (store/writes.ts, the
 * sample seed), so it is never behind them; a document is never deleted (withdrawn is a field), so an
 * entry never has to go.
 *
 * Why: the province-wide reads of the year-end aggregation. A query on the emulator scans its whole
 * collection (a subcollection query its whole collection group) whatever it returns, while reads by
 * id cost only what they read — 10,000 documents by id in 0.5 s, against about 1 s for one query on
 * a 100,000-document collection (docs/design.md §9). With the index, a chunk of units is read by id.
 * The index only says where to look: the documents read are parsed and kept as the unit's own by
 * the readers, as any query's are, so an entry can never add a document the unit does not hold.
 */
import type { DocumentData, DocumentReference, Firestore, SetOptions } from "@google-cloud/firestore";
import { COLLECTIONS, unitIndexPath, YEAR_COLLECTIONS } from "../domain/collections.js";

/** The collections whose documents carry the unit that holds them (their `unitId`), hence indexed. */
const INDEXED = [
  "people",
  "initiatives",
  "awards",
  "registrations",
  "records",
  "votes",
  "achievements",
  "proposals",
  "scores",
] as const;
export type IndexedCollection = (typeof INDEXED)[number];

const TOP_LEVEL = new Map<string, IndexedCollection>(
  INDEXED.filter((collection) => !YEAR_COLLECTIONS.has(collection)).map((c) => [COLLECTIONS[c], c]),
);
const UNDER_YEAR = new Map<string, IndexedCollection>(
  INDEXED.filter((collection) => YEAR_COLLECTIONS.has(collection)).map((c) => [COLLECTIONS[c], c]),
);

/** One entry: a document's subject and school year ("" when it has none), as stored in it. */
export interface IndexEntry {
  id: string;
  subjectId: string;
  year: string;
}

/** A document being written, as the index sees it. */
export interface IndexedWrite {
  path: string;
  data: Record<string, unknown>;
}

/** The stored form of an entry: `[subjectId, year]` under the document's id (one field an entry). */
type StoredEntry = [string, string];

/** Where an indexed document lives: its collection, the year of its path (or ""), its id. */
function indexedPlace(path: string): { collection: IndexedCollection; year: string; id: string } | undefined {
  const parts = path.split("/");
  if (parts.length === 2) {
    const collection = TOP_LEVEL.get(parts[0] ?? "");
    return collection && { collection, year: "", id: parts[1] ?? "" };
  }
  if (parts.length === 4 && parts[0] === COLLECTIONS.years) {
    const collection = UNDER_YEAR.get(parts[2] ?? "");
    return collection && { collection, year: parts[1] ?? "", id: parts[3] ?? "" };
  }
  return undefined;
}

const text = (value: unknown): string => (typeof value === "string" ? value : "");

/**
 * The index updates for some documents being written: one merge per index document, each adding
 * the entries of its documents. Documents outside the indexed collections, or naming no unit, add
 * nothing.
 */
export function indexUpdates(
  documents: readonly IndexedWrite[],
): { path: string; entries: Record<string, StoredEntry> }[] {
  const byIndex = new Map<string, Record<string, StoredEntry>>();
  for (const { path, data } of documents) {
    const place = indexedPlace(path);
    const unitId = text(data.unitId);
    if (!place || !unitId) continue;
    const indexPath = unitIndexPath(unitId, place.collection, place.year);
    const entries = byIndex.get(indexPath) ?? {};
    entries[place.id] = [text(data.subjectId), text(data.year)];
    byIndex.set(indexPath, entries);
  }
  return [...byIndex].map(([path, entries]) => ({ path, entries }));
}

type Writer = { set(ref: DocumentReference, data: DocumentData, options: SetOptions): unknown };

/** Adds the index updates of `documents` to the transaction or batch that writes them. */
export function writeIndexUpdates(db: Firestore, writer: Writer, documents: readonly IndexedWrite[]): void {
  for (const update of indexUpdates(documents)) setIndexUpdate(db, writer, update);
}

// A merge adds (or refreshes) these entries and keeps every other: no read needed.
const setIndexUpdate = (db: Firestore, writer: Writer, update: ReturnType<typeof indexUpdates>[number]) =>
  writer.set(db.doc(update.path), { entries: update.entries }, { merge: true });

/** Index documents merged per batch: an index can hold thousands of entries (a request ≤ 10 MiB). */
const INDEXES_PER_BATCH = 100;

/**
 * Indexes every stored document of the indexed collections — those stored before the index
 * existed (an upgrade: `tdkt reindex`) — from one read of their unit, subject and year. Entries are
 * only added, so a rerun changes nothing; derived like the aggregation's results, it is not audited.
 * Returns how many documents it found.
 */
export async function rebuildUnitIndexes(db: Firestore): Promise<number> {
  let documents = 0;
  for (const collection of INDEXED) {
    const query = YEAR_COLLECTIONS.has(collection)
      ? db.collectionGroup(COLLECTIONS[collection])
      : db.collection(COLLECTIONS[collection]);
    const snapshot = await query.select("unitId", "subjectId", "year").get();
    const updates = indexUpdates(snapshot.docs.map((doc) => ({ path: doc.ref.path, data: doc.data() })));
    for (let start = 0; start < updates.length; start += INDEXES_PER_BATCH) {
      const batch = db.batch();
      for (const update of updates.slice(start, start + INDEXES_PER_BATCH)) setIndexUpdate(db, batch, update);
      await batch.commit();
    }
    documents += snapshot.size;
  }
  return documents;
}

/**
 * The index of some units' documents of a collection (of `year` for the year's collections), by
 * unit, in one read by id; a unit without an index holds none.
 */
export async function unitIndexes(
  db: Firestore,
  unitIds: readonly string[],
  collection: IndexedCollection,
  year: string,
): Promise<Map<string, IndexEntry[]>> {
  const named = [...new Set(unitIds.filter((unitId) => unitId.length > 0))];
  const snapshots =
    named.length === 0
      ? []
      : await db.getAll(...named.map((unitId) => db.doc(unitIndexPath(unitId, collection, year))));
  const stored = new Map(named.map((unitId, index) => [unitId, snapshots[index]?.get("entries")]));
  return new Map(unitIds.map((unitId) => [unitId, entriesOf(stored.get(unitId))]));
}

function entriesOf(stored: unknown): IndexEntry[] {
  if (stored === null || typeof stored !== "object") return [];
  return Object.entries(stored as Record<string, unknown>).map(([id, entry]) => {
    const [subjectId, year] = Array.isArray(entry) ? entry : [];
    return { id, subjectId: text(subjectId), year: text(year) };
  });
}
