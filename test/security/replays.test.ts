/**
 * Replaying clients and concurrent writers (issue 8): a client that sends one ingest 40 more times
 * under its Idempotency-Key gets the same answer each time and the store holds and audits each row
 * once; 20 writers changing one document at once lose no update. Each test also records its counts
 * for SECURITY.md (`npm run security`).
 */
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/store/firestore.js";
import { updateDocument } from "../../functions/src/store/writes.js";
import { ingestBody, officer, seedProvince, staffRow, UNIT } from "../fixtures/sheets/rows.js";
import { startTestApi, type TestApi } from "../support/api.js";
import { recordSecurityFigure } from "./figures.js";

const REPLAYS = 40;
const WRITERS = 20;
const ROWS = 25;
/** gRPC status of a transaction Firestore gave up on. */
const ABORTED = 10;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [officer], env: { TDKT_RATE_LIMIT_PER_MINUTE: "100000" } });
  await seedProvince(api.db);
});
afterAll(() => api.close());

const count = async (db: Firestore, collection: string, field: string, value: string) =>
  (await db.collection(collection).where(field, "==", value).count().get()).data().count;

describe("replays and concurrent writers over the API", () => {
  it(`attack: replay one ingest ${REPLAYS} times under its Idempotency-Key, to store or audit it twice`, async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => staffRow(9000 + i));
    const body = JSON.stringify(ingestBody("can-bo", rows));
    const send = () =>
      api.fetch("/v1/sheets/can-bo:ingest", {
        method: "POST",
        as: officer.email,
        headers: { "idempotency-key": "replay-attack-1" },
        body,
      });
    const first = await send();
    expect(first.status).toBe(200);
    const answer = await first.json();
    const auditBefore = (await api.db.collection(COLLECTIONS.audit).count().get()).data().count;
    // Half the replays one after the other, half all at once, as a double-clicking client would.
    const replays: Response[] = [];
    for (let i = 0; i < REPLAYS / 2; i++) replays.push(await send());
    replays.push(...(await Promise.all(Array.from({ length: REPLAYS / 2 }, send))));
    const answers = await Promise.all(replays.map(async (r) => ({ status: r.status, body: await r.json() })));

    const stored = await count(api.db, COLLECTIONS.people, "unitId", UNIT);
    const people = await Promise.all(rows.map((row) => api.db.doc(`people/${row.id}`).get()));
    const audited = await Promise.all(
      rows.map((row) => count(api.db, COLLECTIONS.audit, "path", `people/${row.id}`)),
    );
    const duplicates = audited.reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    recordSecurityFigure("replays", { replays: REPLAYS, duplicates });

    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.map((a) => a.body)).toEqual(Array(REPLAYS).fill(answer));
    expect(people.every((snapshot) => snapshot.exists)).toBe(true);
    expect(audited).toEqual(Array(ROWS).fill(1));
    expect((await api.db.collection(COLLECTIONS.audit).count().get()).data().count).toBe(auditBefore);
    expect(duplicates).toBe(0);
    expect(stored).toBeGreaterThanOrEqual(ROWS);
  });

  it(`attack: ${WRITERS} writers change one document at once, to lose one another's update`, async () => {
    const path = `${COLLECTIONS.counters}/concurrent-writers`;
    const write = (i: number) =>
      updateDocument<{ count: number; writers: string[] }>(
        api.db,
        path,
        (current) => ({
          count: (current?.count ?? 0) + 1,
          writers: [...(current?.writers ?? []), `writer-${i}`],
        }),
        { actor: `writer-${i}@example.org`, requestId: `writer-${i}` },
      );
    // On a loaded machine 20 contending transactions can exhaust Firestore's own attempts
    // (ABORTED: lock timeout): that write failed loudly, and its client retries it, as a sheet does.
    const writeRetrying = async (i: number): Promise<void> => {
      for (let attempt = 1; ; attempt++) {
        try {
          await write(i);
          return;
        } catch (error) {
          if ((error as { code?: number }).code !== ABORTED || attempt === 5) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writeRetrying(i)));
    const data = (await api.db.doc(path).get()).data() as { count: number; writers: string[] };
    const audits = await count(api.db, COLLECTIONS.audit, "path", path);
    recordSecurityFigure("concurrent-writers", { writers: WRITERS, lostUpdates: WRITERS - data.count });

    expect(data.count).toBe(WRITERS);
    expect(new Set(data.writers).size).toBe(WRITERS);
    expect(audits).toBe(WRITERS);
  });
});
