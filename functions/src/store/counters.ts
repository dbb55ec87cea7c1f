/**
 * Document numbers (NĐ 30/2020 Điều 15: from 01 each 1 January, per issuer): one Firestore counter
 * document per issuer/year/type, advanced in a transaction so concurrent requests never share a
 * number and never skip one.
 */
import type { Firestore } from "@google-cloud/firestore";
import { COLLECTIONS } from "./firestore.js";

export interface CounterKey {
  issuerId: string;
  /** Calendar year: numbering restarts on 1 January. */
  year: number;
  /** Ký hiệu of the document type: "TTr", "QĐ", "BB"… */
  type: string;
}

/** "THPTLQD__2026__TTr": Firestore IDs may not contain "/". */
const counterId = (key: CounterKey): string =>
  [key.issuerId, String(key.year), key.type].map((part) => part.replaceAll("/", "_")).join("__");

/** The next number of the series (1 for the first document of the year). */
export async function allocateDocumentNumber(db: Firestore, key: CounterKey): Promise<number> {
  const ref = db.collection(COLLECTIONS.counters).doc(counterId(key));
  return db.runTransaction(
    async (transaction) => {
      const snapshot = await transaction.get(ref);
      const last = snapshot.exists ? Number(snapshot.get("last") ?? 0) : 0;
      const next = last + 1;
      transaction.set(ref, { ...key, last: next }, { merge: true });
      return next;
    },
    // Twenty requests racing on one counter retry each other out; give them room.
    { maxAttempts: 50 },
  );
}

/** Forgets every series, so numbering restarts at 01 (the demo's fresh project each run). */
export async function clearCounters(db: Firestore): Promise<void> {
  await db.recursiveDelete(db.collection(COLLECTIONS.counters));
}
