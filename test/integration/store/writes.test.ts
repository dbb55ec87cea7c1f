import { Timestamp } from "@google-cloud/firestore";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../functions/src/domain/errors.js";
import { withinDeadline } from "../../../functions/src/store/deadline.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import { fingerprintOf, withIdempotency } from "../../../functions/src/store/idempotency.js";
import {
  DOCUMENTS_PER_CHUNK,
  updateDocument,
  upsertDocuments,
  withdrawMissing,
} from "../../../functions/src/store/writes.js";
import { testFirestore } from "../../support/firestore.js";

const meta = { actor: "canbo@thpt-lqd.edu.vn", requestId: "req-1" };

async function auditEntries(db: FirebaseFirestore.Firestore) {
  const snapshot = await db.collection(COLLECTIONS.audit).get();
  return snapshot.docs.map((doc) => doc.data());
}

describe("upsertDocuments", () => {
  it("creates, then skips an identical write, then audits a real change", async () => {
    const db = testFirestore();
    const write = {
      path: "people/p1",
      data: { fullName: "Nguyễn Thị Lan", unitId: "u1" },
      source: { sheet: "Cán bộ", row: 2 },
    };
    expect(await upsertDocuments(db, [write], meta)).toEqual([{ path: "people/p1", change: "created" }]);
    expect(await upsertDocuments(db, [write], meta)).toEqual([{ path: "people/p1", change: "unchanged" }]);
    const changed = { ...write, data: { ...write.data, fullName: "Nguyễn Thị Lan Anh" } };
    expect(await upsertDocuments(db, [changed], meta)).toEqual([{ path: "people/p1", change: "updated" }]);

    const audit = await auditEntries(db);
    expect(audit).toHaveLength(2);
    const update = audit.find((entry) => entry.action === "update");
    expect(update?.before).toEqual({ fullName: "Nguyễn Thị Lan", unitId: "u1" });
    expect(update?.after).toEqual({ fullName: "Nguyễn Thị Lan Anh", unitId: "u1" });
    expect(update?.source).toEqual({ sheet: "Cán bộ", row: 2 });
    expect(update?.actor).toBe(meta.actor);
  });

  it("finishes a write that crashed after its first chunk when the same request is retried", async () => {
    const db = testFirestore();
    const writes = Array.from({ length: DOCUMENTS_PER_CHUNK + 10 }, (_, i) => ({
      path: `people/p${i}`,
      data: { fullName: `Người ${i}`, unitId: "u1" },
    }));
    await expect(
      upsertDocuments(db, writes, meta, {
        afterChunk: () => {
          throw new Error("mất kết nối");
        },
      }),
    ).rejects.toThrow("mất kết nối");
    expect((await db.collection("people").count().get()).data().count).toBe(DOCUMENTS_PER_CHUNK);

    const retry = await upsertDocuments(db, writes, meta);
    expect(retry.filter((o) => o.change === "created")).toHaveLength(10);
    expect(retry.filter((o) => o.change === "unchanged")).toHaveLength(DOCUMENTS_PER_CHUNK);
    expect((await db.collection("people").count().get()).data().count).toBe(DOCUMENTS_PER_CHUNK + 10);
    expect(await auditEntries(db)).toHaveLength(DOCUMENTS_PER_CHUNK + 10);
  });
});

describe("updateDocument", () => {
  it("loses no update when two writers change one document at once", async () => {
    const db = testFirestore();
    const increment = (writer: string) =>
      updateDocument<{ count: number; writers: string[] }>(
        db,
        "counters/demo",
        (current) => ({ count: (current?.count ?? 0) + 1, writers: [...(current?.writers ?? []), writer] }),
        { actor: writer, requestId: writer },
      );
    await Promise.all([increment("a"), increment("b"), increment("c"), increment("d")]);
    const data = (await db.doc("counters/demo").get()).data();
    expect(data?.count).toBe(4);
    expect([...(data?.writers ?? [])].sort()).toEqual(["a", "b", "c", "d"]);
    const counts = (await auditEntries(db)).map((entry) => entry.after.count).sort();
    expect(counts).toEqual([1, 2, 3, 4]);
  });
});

describe("withIdempotency", () => {
  it("replays a completed request instead of running it twice", async () => {
    const db = testFirestore();
    let runs = 0;
    const request = { key: "k-1", scope: "ingest:can-bo:u1", fingerprint: fingerprintOf({ rows: [1] }) };
    const run = async () => {
      runs++;
      return { accepted: 1 };
    };
    expect(await withIdempotency(db, request, run)).toEqual({ value: { accepted: 1 }, replayed: false });
    expect(await withIdempotency(db, request, run)).toEqual({ value: { accepted: 1 }, replayed: true });
    expect(runs).toBe(1);
  });

  it("runs again after a crash and refuses the key for another payload", async () => {
    const db = testFirestore();
    const request = { key: "k-2", scope: "s", fingerprint: fingerprintOf("a") };
    await expect(
      withIdempotency(db, request, async () => {
        throw new Error("sập giữa chừng");
      }),
    ).rejects.toThrow("sập giữa chừng");
    expect(await withIdempotency(db, request, async () => "xong")).toEqual({
      value: "xong",
      replayed: false,
    });
    const other = { ...request, fingerprint: fingerprintOf("b") };
    await expect(withIdempotency(db, other, async () => "khác")).rejects.toBeInstanceOf(AppError);
  });
});

describe("withIdempotency: the lease of a running request", () => {
  const request = { key: "k-lease", scope: "ingest:can-bo:u1:2025-2026", fingerprint: fingerprintOf("rows") };

  /** The record a request leaves when it dies mid-run (crash, kill -9): "running" until its lease ends. */
  async function leaveRunning(db: FirebaseFirestore.Firestore, leaseUntilMs: number | undefined) {
    const started = withIdempotency(db, request, () => new Promise<never>(() => {}));
    started.catch(() => {});
    // Wait for the claim, then rewrite its lease as the dead request would have left it.
    for (let i = 0; i < 100; i++) {
      const records = await db.collection(COLLECTIONS.idempotency).get();
      const record = records.docs[0];
      if (record) {
        await record.ref.update({
          leaseUntil: leaseUntilMs === undefined ? null : Timestamp.fromMillis(leaseUntilMs),
          owner: "dead-request",
        });
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("no claim");
  }

  it("tells a retry that finds the lease alive to come back later (409 IN_PROGRESS), without running it", async () => {
    const db = testFirestore();
    await leaveRunning(db, Date.now() + 30_000);
    let runs = 0;
    const retry = withIdempotency(db, request, async () => ++runs);
    await expect(retry).rejects.toMatchObject({ code: "CONFLICT", details: { reason: "IN_PROGRESS" } });
    const error = (await retry.catch((e: unknown) => e)) as AppError;
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThan(25);
    expect(retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(error.message).toContain(`sau ${retryAfterSeconds} giây`);
    expect(runs).toBe(0);
  });

  it("takes over a running record whose lease has expired, and one left without a lease", async () => {
    for (const leaseUntil of [Date.now() - 1, undefined]) {
      const db = testFirestore();
      await leaveRunning(db, leaseUntil);
      expect(await withIdempotency(db, request, async () => "xong")).toEqual({
        value: "xong",
        replayed: false,
      });
      expect(await withIdempotency(db, request, async () => "lần hai")).toEqual({
        value: "xong",
        replayed: true,
      });
    }
  });

  it("leases a request's run until its deadline plus the grace of one store call", async () => {
    const db = testFirestore();
    const deadline = { at: Date.now() + 5_000, graceMs: 2_000 };
    await withinDeadline(deadline, () => withIdempotency(db, request, async () => "xong"));
    const record = (await db.collection(COLLECTIONS.idempotency).get()).docs[0];
    expect((record?.get("leaseUntil") as Timestamp | undefined)?.toMillis()).toBe(
      deadline.at + deadline.graceMs,
    );
  });

  it("does not let a run that lost its lease overwrite the answer of the request that took over", async () => {
    const db = testFirestore();
    let releaseSlow: (value: string) => void = () => {};
    const slow = withIdempotency(
      db,
      request,
      () => new Promise<string>((resolve) => (releaseSlow = resolve)),
    );
    for (
      let i = 0;
      i < 100 && (await db.collection(COLLECTIONS.idempotency).count().get()).data().count === 0;
      i++
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    const record = (await db.collection(COLLECTIONS.idempotency).get()).docs[0];
    await record?.ref.update({ leaseUntil: Timestamp.fromMillis(Date.now() - 1) });
    expect(await withIdempotency(db, request, async () => "mới")).toEqual({ value: "mới", replayed: false });
    releaseSlow("cũ");
    await slow;
    expect(await withIdempotency(db, request, async () => "lần ba")).toEqual({
      value: "mới",
      replayed: true,
    });
  });
});

describe("withdrawMissing", () => {
  const send = {
    unitId: "u1",
    year: "2025-2026",
    collection: "proposals",
    byYearField: false,
    present: new Set(["u1_kept_LDTT"]),
    companions: ["votes"],
  } as const;

  it("withdraws the unit's unlisted documents of the year with their companions, audited, past one chunk", async () => {
    const db = testFirestore();
    const batch = db.batch();
    const missing = Array.from({ length: DOCUMENTS_PER_CHUNK }, (_, i) => `u1_p${i}_LDTT`);
    for (const id of [...missing, "u1_kept_LDTT"]) {
      batch.set(db.doc(`years/2025-2026/proposals/${id}`), { unitId: "u1", target: "LDTT" });
      batch.set(db.doc(`years/2025-2026/votes/${id}`), { unitId: "u1", agree: 10 });
    }
    batch.set(db.doc("years/2025-2026/proposals/u2_p0_LDTT"), { unitId: "u2", target: "LDTT" });
    batch.set(db.doc("years/2024-2025/proposals/u1_old_LDTT"), { unitId: "u1", target: "LDTT" });
    await batch.commit();

    expect(await withdrawMissing(db, send, meta, { sheet: "Đề nghị" })).toBe(DOCUMENTS_PER_CHUNK);
    const withdrawn = async (path: string) => (await db.doc(path).get()).get("withdrawn") as unknown;
    expect(await withdrawn("years/2025-2026/proposals/u1_p0_LDTT")).toBe(true);
    expect(await withdrawn(`years/2025-2026/votes/u1_p${DOCUMENTS_PER_CHUNK - 1}_LDTT`)).toBe(true);
    expect(await withdrawn("years/2025-2026/proposals/u1_kept_LDTT")).toBeUndefined();
    expect(await withdrawn("years/2025-2026/votes/u1_kept_LDTT")).toBeUndefined();
    expect(await withdrawn("years/2025-2026/proposals/u2_p0_LDTT")).toBeUndefined();
    expect(await withdrawn("years/2024-2025/proposals/u1_old_LDTT")).toBeUndefined();
    const audit = await auditEntries(db);
    expect(audit).toHaveLength(2 * DOCUMENTS_PER_CHUNK);
    expect(audit.every((entry) => entry.action === "withdraw" && entry.after.withdrawn === true)).toBe(true);
    expect(audit[0]?.source).toEqual({ sheet: "Đề nghị" });

    // Sent again: nothing left to withdraw, no new audit entry.
    expect(await withdrawMissing(db, send, meta, {})).toBe(0);
    expect(await auditEntries(db)).toHaveLength(2 * DOCUMENTS_PER_CHUNK);
  });

  it("compares only the send's year in a top-level collection with a year field", async () => {
    const db = testFirestore();
    await db.doc("awards/u1_a_2025-2026").set({ unitId: "u1", year: "2025-2026" });
    await db.doc("awards/u1_a_2024-2025").set({ unitId: "u1", year: "2024-2025" });
    const awards = {
      ...send,
      collection: "awards",
      byYearField: true,
      present: new Set<string>(),
      companions: [],
    } as const;
    expect(await withdrawMissing(db, awards, meta, {})).toBe(1);
    expect((await db.doc("awards/u1_a_2025-2026").get()).get("withdrawn")).toBe(true);
    expect((await db.doc("awards/u1_a_2024-2025").get()).get("withdrawn")).toBeUndefined();
  });
});
