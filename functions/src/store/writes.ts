/**
 * Idempotent writes with an audit trail. Every document is written whole under its natural key;
 * a write that would change nothing is skipped, so a repeated request leaves no trace. Each chunk
 * is one transaction holding the documents and their audit entries, so a crash leaves whole chunks
 * and the retry completes the rest. Past the request's deadline no further chunk starts
 * (store/deadline.ts). The units' document index (store/unit-index.ts) is written with the documents.
 */
import {
  type DocumentReference,
  FieldValue,
  type Firestore,
  type Transaction,
} from "@google-cloud/firestore";
import { COLLECTIONS, type Collection, collectionPath } from "../domain/collections.js";
import { checkDeadline } from "./deadline.js";
import { writeIndexUpdates } from "./unit-index.js";

/** Where a change came from: a sheet row, a workbook row, a CLI command. */
export interface RowSource {
  spreadsheetId?: string;
  sheet?: string;
  row?: number;
  revision?: string | number;
  file?: string;
}

export interface WriteMeta {
  actor: string;
  requestId: string;
}

export interface DocumentWrite {
  path: string;
  data: Record<string, unknown>;
  source?: RowSource;
}

export type ChangeKind = "created" | "updated" | "unchanged";

export interface WriteOutcome {
  path: string;
  change: ChangeKind;
}

/** Each document costs two writes (itself and its audit entry); Firestore allows 500 per commit. */
export const DOCUMENTS_PER_CHUNK = 250;

/** Field holding write metadata; it never counts as a change. */
export const META_FIELD = "_meta";

export interface UpsertOptions {
  /** Called after each committed chunk; tests use it to simulate a crash halfway. */
  afterChunk?: (chunkIndex: number) => void | Promise<void>;
}

export async function upsertDocuments(
  db: Firestore,
  writes: readonly DocumentWrite[],
  meta: WriteMeta,
  options: UpsertOptions = {},
): Promise<WriteOutcome[]> {
  const outcomes: WriteOutcome[] = [];
  for (let start = 0, chunk = 0; start < writes.length; start += DOCUMENTS_PER_CHUNK, chunk++) {
    const slice = writes.slice(start, start + DOCUMENTS_PER_CHUNK);
    outcomes.push(...(await db.runTransaction((tx) => upsertChunk(db, tx, slice, meta))));
    await options.afterChunk?.(chunk);
  }
  return outcomes;
}

async function upsertChunk(
  db: Firestore,
  tx: Transaction,
  writes: readonly DocumentWrite[],
  meta: WriteMeta,
): Promise<WriteOutcome[]> {
  // Each attempt of the transaction (Firestore retries it after a timeout) first checks the deadline.
  checkDeadline();
  const refs = writes.map((write) => db.doc(write.path));
  const snapshots = refs.length > 0 ? await tx.getAll(...refs) : [];
  const outcomes = writes.map((write, index): WriteOutcome => {
    const ref = refs[index] as DocumentReference;
    const before = snapshots[index]?.exists ? stripMeta(snapshots[index]?.data()) : undefined;
    if (before !== undefined && sameContent(before, write.data))
      return { path: write.path, change: "unchanged" };
    tx.set(ref, { ...write.data, [META_FIELD]: metaFields(meta, write.source) });
    appendAudit(db, tx, {
      action: before === undefined ? "create" : "update",
      path: write.path,
      before: before ?? null,
      after: write.data,
      meta,
      source: write.source,
    });
    return { path: write.path, change: before === undefined ? "created" : "updated" };
  });
  writeIndexUpdates(
    db,
    tx,
    writes.filter((_write, index) => outcomes[index]?.change !== "unchanged"),
  );
  return outcomes;
}

/**
 * Read-modify-write of one document in a transaction: concurrent writers are serialised by
 * Firestore, so no update is lost, and the audit entry records the exact before/after.
 */
export async function updateDocument<T extends Record<string, unknown>>(
  db: Firestore,
  path: string,
  mutate: (current: T | undefined) => T,
  meta: WriteMeta,
  source?: RowSource,
): Promise<T> {
  return db.runTransaction(async (tx) => {
    checkDeadline();
    const ref = db.doc(path);
    const snapshot = await tx.get(ref);
    const before = snapshot.exists ? (stripMeta(snapshot.data()) as T) : undefined;
    const after = mutate(before);
    if (before !== undefined && sameContent(before, after)) return after;
    tx.set(ref, { ...after, [META_FIELD]: metaFields(meta, source) });
    writeIndexUpdates(db, tx, [{ path, data: after }]);
    appendAudit(db, tx, {
      action: before === undefined ? "create" : "update",
      path,
      before: before ?? null,
      after,
      meta,
      source,
    });
    return after;
  });
}

/**
 * Read-modify-write of several documents in one transaction (a decision, its ledger entries, its
 * dossiers): `mutate` sees every document as stored (undefined when absent) and returns each one's
 * new content, or undefined to leave it; each change gets its audit entry, all or nothing.
 */
export async function updateDocuments(
  db: Firestore,
  paths: readonly string[],
  mutate: (current: (Record<string, unknown> | undefined)[]) => (Record<string, unknown> | undefined)[],
  meta: WriteMeta,
): Promise<WriteOutcome[]> {
  return db.runTransaction(async (tx) => {
    checkDeadline();
    const refs = paths.map((path) => db.doc(path));
    const snapshots = await tx.getAll(...refs);
    const before = snapshots.map((snapshot) => (snapshot.exists ? stripMeta(snapshot.data()) : undefined));
    const after = mutate(before);
    const written: DocumentWrite[] = [];
    const outcomes = paths.map((path, index): WriteOutcome => {
      const next = after[index];
      const previous = before[index];
      if (next === undefined || (previous !== undefined && sameContent(previous, next)))
        return { path, change: "unchanged" };
      tx.set(refs[index] as DocumentReference, { ...next, [META_FIELD]: metaFields(meta, undefined) });
      written.push({ path, data: next });
      appendAudit(db, tx, {
        action: previous === undefined ? "create" : "update",
        path,
        before: previous ?? null,
        after: next,
        meta,
        source: undefined,
      });
      return { path, change: previous === undefined ? "created" : "updated" };
    });
    writeIndexUpdates(db, tx, written);
    return outcomes;
  });
}

/** What a full send lists: the unit's documents of one collection (and year) it still has. */
export interface FullSend {
  unitId: string;
  year: string;
  collection: Collection;
  /** Top-level collections with a year field (awards): only the send's year is compared. */
  byYearField: boolean;
  /** Ids of the documents the send lists; every other active document of the unit is withdrawn. */
  present: ReadonlySet<string>;
  /** Collections holding a companion under the same id (a proposal's council vote), withdrawn with it. */
  companions: readonly Collection[];
}

/**
 * Marks withdrawn, never deletes, the unit's stored documents a full send no longer lists, with
 * their companions, each with an audit entry; returns how many listed documents were withdrawn.
 * One transaction per chunk; a document already withdrawn is left as it is.
 */
export async function withdrawMissing(
  db: Firestore,
  send: FullSend,
  meta: WriteMeta,
  source: RowSource,
): Promise<number> {
  let query = db.collection(collectionPath(send.collection, send.year)).where("unitId", "==", send.unitId);
  if (send.byYearField) query = query.where("year", "==", send.year);
  const stored = await query.select("withdrawn", "decisionId").get();
  // A ledger entry written by a recorded decision is the decision's, not the sheet's: no send withdraws it.
  const missing = stored.docs.filter(
    (doc) =>
      !send.present.has(doc.id) && doc.get("withdrawn") !== true && doc.get("decisionId") === undefined,
  );
  const refs = missing.flatMap((doc) => [
    doc.ref,
    ...send.companions.map((companion) => db.collection(collectionPath(companion, send.year)).doc(doc.id)),
  ]);
  for (let start = 0; start < refs.length; start += DOCUMENTS_PER_CHUNK) {
    const slice = refs.slice(start, start + DOCUMENTS_PER_CHUNK);
    await db.runTransaction(async (tx) => {
      checkDeadline();
      const snapshots = await tx.getAll(...slice);
      const written: DocumentWrite[] = [];
      for (const snapshot of snapshots) {
        const before = stripMeta(snapshot.data());
        if (!snapshot.exists || before.withdrawn === true) continue;
        const after = { ...before, withdrawn: true };
        tx.set(snapshot.ref, { ...after, [META_FIELD]: metaFields(meta, source) });
        written.push({ path: snapshot.ref.path, data: after });
        appendAudit(db, tx, { action: "withdraw", path: snapshot.ref.path, before, after, meta, source });
      }
      writeIndexUpdates(db, tx, written);
    });
  }
  return missing.length;
}

export interface AuditInput {
  action: "create" | "update" | "withdraw";
  path: string;
  before: unknown;
  after: unknown;
  meta: WriteMeta;
  source: RowSource | undefined;
}

/** The audit log is append-only: entries are created, never updated or deleted. */
export function appendAudit(db: Firestore, tx: Transaction, input: AuditInput): void {
  tx.create(db.collection(COLLECTIONS.audit).doc(), {
    action: input.action,
    path: input.path,
    actor: input.meta.actor,
    requestId: input.meta.requestId,
    at: FieldValue.serverTimestamp(),
    before: input.before,
    after: input.after,
    source: input.source ?? null,
  });
}

function metaFields(meta: WriteMeta, source: RowSource | undefined) {
  return {
    updatedBy: meta.actor,
    requestId: meta.requestId,
    updatedAt: FieldValue.serverTimestamp(),
    source: source ?? null,
  };
}

function stripMeta(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const { [META_FIELD]: _ignored, ...content } = data ?? {};
  return content;
}

/** Deep equality of plain stored data (key order does not matter; undefined fields are absent). */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return item;
    const entries = Object.entries(item as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return Object.fromEntries(entries);
  });
}
