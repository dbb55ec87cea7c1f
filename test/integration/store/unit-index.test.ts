/**
 * The units' document index (store/unit-index.ts) must name every document of every unit, with its
 * subject and year, after each way documents are written: the sample seed, the store's writes that
 * every service goes through (ingest, history import, decisions and their revocation, full-send
 * withdrawals), and a tab's ingest end to end. It is compared with what queries find in the store.
 */
import type { Firestore } from "@google-cloud/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { generateProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { COLLECTIONS, collectionPath, unitIndexPath } from "../../../functions/src/domain/collections.js";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { indexedUnitsDocuments } from "../../../functions/src/store/readers.js";
import { rebuildUnitIndexes, unitIndexes } from "../../../functions/src/store/unit-index.js";
import {
  updateDocument,
  updateDocuments,
  upsertDocuments,
  withdrawMissing,
} from "../../../functions/src/store/writes.js";
import {
  ingestBody,
  officer,
  seedProvince as seedUnits,
  staffRow,
  UNIT,
} from "../../fixtures/sheets/rows.js";
import { testFirestore } from "../../support/firestore.js";

const YEAR = "2025-2026";
const meta = { actor: "test@so.edu.vn", requestId: "req-index" };
const TOP = ["people", "initiatives", "awards"] as const;
const UNDER_YEAR = ["registrations", "records", "votes", "achievements", "proposals", "scores"] as const;

/**
 * Index documents that differ from the store: for every stored document of an indexed collection,
 * its unit's index must hold it with its subject and year, and no index may hold anything else.
 */
async function indexDrift(db: Firestore, years: readonly string[]): Promise<string[]> {
  const expected = new Map<string, Record<string, [string, string]>>();
  const places = [
    ...TOP.map((collection) => ({ collection, year: "" })),
    ...years.flatMap((year) => UNDER_YEAR.map((collection) => ({ collection, year }))),
  ];
  for (const { collection, year } of places) {
    const snapshot = await db.collection(collectionPath(collection, year)).get();
    for (const doc of snapshot.docs) {
      const path = unitIndexPath(doc.get("unitId"), collection, year);
      const entries = expected.get(path) ?? {};
      entries[doc.id] = [doc.get("subjectId") ?? "", doc.get("year") ?? ""];
      expected.set(path, entries);
    }
  }
  const stored = new Map<string, unknown>();
  for (const unit of await db.collection(COLLECTIONS.units).listDocuments())
    for (const index of (await unit.collection(COLLECTIONS.unitIndex).get()).docs)
      stored.set(index.ref.path, index.get("entries"));
  const drift: string[] = [];
  for (const path of new Set([...expected.keys(), ...stored.keys()]))
    if (JSON.stringify(sorted(stored.get(path))) !== JSON.stringify(sorted(expected.get(path))))
      drift.push(path);
  return drift;
}

const sorted = (entries: unknown) =>
  entries && typeof entries === "object" ? Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)) : [];

describe("the units' document index", () => {
  let db: Firestore;
  let years: string[];
  beforeAll(async () => {
    db = testFirestore("unit-index");
    const province = generateProvince({ seed: 7, schools: 3, years: 3 });
    years = province.years;
    await seedProvince(db, province);
  }, 120_000);

  it("names every seeded document of every unit", async () => {
    expect(await indexDrift(db, years)).toEqual([]);
    // Not vacuous: the seeded units' indexes hold their people, awards and proposals.
    const [unitId] = (await db.collection(COLLECTIONS.units).limit(1).get()).docs.map((doc) => doc.id);
    const people = await unitIndexes(db, [unitId ?? ""], "people", YEAR);
    expect(people.get(unitId ?? "")?.length).toBeGreaterThan(0);
  });

  it("follows the store's writes: upserts, read-modify-writes of one and several documents, withdrawals", async () => {
    const unitId = "thpt-chi-muc";
    const person = { id: "gv.chấm.1", unitId, fullName: "Lê Văn Chấm", gender: "M" };
    const award = (subjectId: string, code: string) => ({
      unitId,
      subjectId,
      subjectKind: "individual",
      year: YEAR,
      code,
      kind: "CONG_TRANG",
    });
    await upsertDocuments(
      db,
      [
        { path: `people/${person.id}`, data: person },
        { path: `people/gv-2`, data: { ...person, id: "gv-2" } },
        {
          path: `${collectionPath("proposals", YEAR)}/${unitId}_gv-2_LDTT`,
          data: { unitId, subjectId: "gv-2", year: YEAR },
        },
        // A collection without a unit index: nothing added for it.
        { path: `${COLLECTIONS.users}/x@y.vn`, data: { unitId, role: "SCHOOL_OFFICER" } },
      ],
      meta,
    );
    // A decision writes several ledger entries of one unit in one transaction.
    await updateDocuments(
      db,
      [`awards/${unitId}_gv-2_a`, `awards/${unitId}_gv.chấm.1_b`],
      () => [award("gv-2", "LDTT"), award(person.id, "CSTD_CS")],
      meta,
    );
    await updateDocument(
      db,
      `initiatives/${unitId}_SK1`,
      () => ({ id: `${unitId}_SK1`, unitId, ownerIds: ["gv-2"] }),
      meta,
    );
    // An update keeps the entry; a withdrawal keeps it too (the document stays, marked withdrawn).
    await upsertDocuments(
      db,
      [{ path: `people/gv-2`, data: { ...person, id: "gv-2", fullName: "Đổi Tên" } }],
      meta,
    );
    await withdrawMissing(
      db,
      {
        unitId,
        year: YEAR,
        collection: "people",
        byYearField: false,
        present: new Set([person.id]),
        companions: [],
      },
      meta,
      {},
    );
    expect(await indexDrift(db, years)).toEqual([]);
    const index = await unitIndexes(db, [unitId], "awards", YEAR);
    expect(index.get(unitId)?.map(({ id, subjectId, year }) => [id, subjectId, year])).toEqual(
      expect.arrayContaining([
        [`${unitId}_gv-2_a`, "gv-2", YEAR],
        [`${unitId}_gv.chấm.1_b`, person.id, YEAR],
      ]),
    );
  });

  it("follows a tab's ingest, and its documents read through it are the unit's own", async () => {
    const fresh = testFirestore("unit-index-ingest");
    await seedUnits(fresh);
    const result = await ingestTab(
      fresh,
      officer,
      "can-bo",
      ingestBody("can-bo", [staffRow(1), staffRow(2)]),
      {
        requestId: "req-1",
        maxRows: 5000,
      },
    );
    expect(result.status).toBe(200);
    expect(await indexDrift(fresh, [YEAR])).toEqual([]);
    const people = await indexedUnitsDocuments(fresh, [UNIT, "khong-co"], "people", YEAR);
    expect(people.get(UNIT)?.map((each) => each.id)).toEqual(["GV0001", "GV0002"]);
    expect(people.get("khong-co")).toEqual([]);
    await fresh.terminate();
  });

  it("is rebuilt for documents stored before it existed, and a rebuild again changes nothing", async () => {
    const old = testFirestore("unit-index-rebuild");
    const documents = [
      { path: "people/gv-cu", data: { id: "gv-cu", unitId: "thpt-cu", fullName: "Trần Cũ" } },
      {
        path: `${collectionPath("records", YEAR)}/thpt-cu_gv-cu`,
        data: { unitId: "thpt-cu", subjectId: "gv-cu", year: YEAR },
      },
      {
        path: "awards/thpt-cu_gv-cu_2019-2020_LDTT_CONG_TRANG",
        data: { unitId: "thpt-cu", subjectId: "gv-cu", year: "2019-2020" },
      },
    ];
    await Promise.all(documents.map(({ path, data }) => old.doc(path).set(data)));
    expect(await indexDrift(old, [YEAR])).toHaveLength(3);
    expect(await rebuildUnitIndexes(old)).toBe(3);
    expect(await indexDrift(old, [YEAR])).toEqual([]);
    const before = (await old.doc(unitIndexPath("thpt-cu", "awards", YEAR)).get()).updateTime;
    expect(await rebuildUnitIndexes(old)).toBe(3);
    expect(await indexDrift(old, [YEAR])).toEqual([]);
    const after = (await old.doc(unitIndexPath("thpt-cu", "awards", YEAR)).get()).updateTime;
    expect(before?.toDate().getTime()).toBeGreaterThan(0);
    expect(after?.toDate().getTime()).toBe(before?.toDate().getTime());
    await old.terminate();
  });
});
