/**
 * Idempotency keys for requests (the Apps Script client retries with the same key). A completed
 * request's response is replayed. A running request holds a lease: a retry that finds the lease
 * alive is told to come back when it ends (409 with Retry-After) rather than running twice at once;
 * a retry that finds it expired — the request crashed, or was abandoned at its deadline — takes it
 * over and runs again, which is safe because every write underneath is an upsert that converges.
 */
import { createHash, randomUUID } from "node:crypto";
import { type DocumentReference, FieldValue, type Firestore, Timestamp } from "@google-cloud/firestore";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { currentDeadline } from "./deadline.js";
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

/**
 * Lease of a run outside any request deadline (CLI, direct calls). Under a deadline the lease ends
 * when the request's work is certain to have stopped: its deadline plus the grace of one store call.
 */
const UNSCOPED_LEASE_MS = 60_000;

export const fingerprintOf = (payload: unknown): string =>
  createHash("sha256").update(JSON.stringify(payload)).digest("hex");

function leaseEnd(now: number): number {
  const deadline = currentDeadline();
  return deadline ? deadline.at + deadline.graceMs : now + UNSCOPED_LEASE_MS;
}

export async function withIdempotency<T>(
  db: Firestore,
  request: IdempotencyRequest,
  run: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  const id = createHash("sha256").update(`${request.scope}\u0000${request.key}`).digest("hex");
  const ref = db.collection(COLLECTIONS.idempotency).doc(id);
  const owner = randomUUID();
  const stored = await db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    const data = snapshot.data();
    if (data && data.fingerprint !== request.fingerprint) {
      throw new AppError("CONFLICT", httpMessages.idempotencyKeyReused());
    }
    if (data?.status === "done") return { response: data.response as T };
    const now = Date.now();
    // A record without a lease comes from before leases existed: its request is long gone.
    const leaseUntil = data?.leaseUntil instanceof Timestamp ? data.leaseUntil.toMillis() : 0;
    if (data?.status === "running" && leaseUntil > now) {
      const retryAfterSeconds = Math.max(1, Math.ceil((leaseUntil - now) / 1000));
      throw new AppError("CONFLICT", httpMessages.requestInProgress(retryAfterSeconds), {
        reason: "IN_PROGRESS",
        retryAfterSeconds,
      });
    }
    tx.set(ref, {
      scope: request.scope,
      fingerprint: request.fingerprint,
      status: "running",
      owner,
      leaseUntil: Timestamp.fromMillis(leaseEnd(now)),
      startedAt: FieldValue.serverTimestamp(),
      expiresAt: Timestamp.fromMillis(now + RETENTION_MS),
    });
    return undefined;
  });
  if (stored !== undefined) return { value: stored.response, replayed: true };
  let value: T;
  try {
    value = await run();
  } catch (error) {
    // Free the key at once for the retry; if the store is down too, the lease runs out by itself.
    await settle(db, ref, owner, { status: "failed" }).catch(() => {});
    throw error;
  }
  await settle(db, ref, owner, {
    status: "done",
    response: value,
    completedAt: FieldValue.serverTimestamp(),
  });
  return { value, replayed: false };
}

/** Records the outcome of a run, unless another request has taken the key over meanwhile. */
async function settle(
  db: Firestore,
  ref: DocumentReference,
  owner: string,
  outcome: Record<string, unknown>,
): Promise<void> {
  await db.runTransaction(async (tx) => {
    const snapshot = await tx.get(ref);
    if (snapshot.get("owner") === owner) tx.set(ref, outcome, { merge: true });
  });
}
