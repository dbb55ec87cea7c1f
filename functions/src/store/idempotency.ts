/**
 * Idempotency keys for requests (the Apps Script client retries with the same key). A completed
 * request's response is replayed; a request that crashed midway is simply run again, which is safe
 * because every write underneath is an upsert that converges.
 */
import { createHash } from "node:crypto";
import { FieldValue, type Firestore, Timestamp } from "@google-cloud/firestore";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { COLLECTIONS } from "./firestore.js";

export interface IdempotencyRequest {
  key: string;
  /** What the key is used for, e.g. "ingest:can-bo:unit-1": the same key in another scope is another request. */
  scope: string;
  /** Hash of the payload: the same key with another payload is a client error. */
  fingerprint: string;
}

/** Completed responses are kept this long (a Firestore TTL policy on expiresAt deletes them). */
const RETENTION_MS = 7 * 24 * 3600 * 1000;

export const fingerprintOf = (payload: unknown): string =>
  createHash("sha256").update(JSON.stringify(payload)).digest("hex");

export async function withIdempotency<T>(
  db: Firestore,
  request: IdempotencyRequest,
  run: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const id = createHash("sha256").update(`${request.scope}\u0000${request.key}`).digest("hex");
  const ref = db.collection(COLLECTIONS.idempotency).doc(id);
  const stored = await db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const data = snapshot.data();
    if (data && data.fingerprint !== request.fingerprint) {
      throw new AppError("CONFLICT", httpMessages.idempotencyKeyReused());
    }
    if (data?.status === "done") return data.response as T;
    tx.set(ref, {
      scope: request.scope,
      fingerprint: request.fingerprint,
      status: "running",
      startedAt: FieldValue.serverTimestamp(),
      expiresAt: Timestamp.fromMillis(Date.now() + RETENTION_MS),
    });
    return undefined;
  });
  if (stored !== undefined) return { value: stored, replayed: true };
  const value = await run();
  await ref.set(
    { status: "done", response: value, completedAt: FieldValue.serverTimestamp() },
    { merge: true },
  );
  return { value, replayed: false };
}
