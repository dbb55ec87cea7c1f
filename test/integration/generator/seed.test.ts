import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateProvince, SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { hasProvince, recordPath, seedProvince } from "../../../functions/sample/seed.js";
import { Person, Unit, YearRecord } from "../../../functions/src/domain/model.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import { testFirestore } from "../../support/firestore.js";

describe("seedProvince", () => {
  const province = sampleProvince();
  let db: Firestore;

  beforeAll(() => {
    db = testFirestore("seed");
  });
  afterAll(async () => {
    await db.terminate();
  });

  // ≈ 10,000 documents: a few seconds alone, longer while other test files share the emulator.
  it("writes the sample province at the paths of docs/design.md §6 and reads it back", {
    timeout: 120_000,
  }, async () => {
    expect(await hasProvince(db)).toBe(false);
    const counts = await seedProvince(db, province);
    const total =
      counts.units +
      counts.people +
      counts.records +
      counts.initiatives +
      counts.awards +
      counts.votes +
      counts.proposals +
      counts.registrations +
      counts.yearConfigs +
      counts.users +
      counts.registrations +
      counts.criteria +
      counts.manualScores +
      (counts.duties ?? 0) +
      counts.evidence +
      (counts.thematic ?? 0) +
      (counts.achievements ?? 0) +
      (counts.decisions ?? 0) +
      (counts.dossiers ?? 0) +
      counts.inspectionTeams +
      counts.inspectionVisits +
      counts.inspectionFindings;
    // ≤ 500 writes a batch, each document's unit index entry in its batch (one index write per unit and collection).
    expect(counts.batches).toBeGreaterThanOrEqual(Math.ceil(total / 500));
    expect(counts.batches).toBeLessThanOrEqual(Math.ceil((2 * total) / 500));
    expect(await hasProvince(db)).toBe(true);

    const count = async (query: FirebaseFirestore.Query) => (await query.count().get()).data().count;
    expect(await count(db.collection(COLLECTIONS.units))).toBe(province.units.length);
    expect(await count(db.collection(COLLECTIONS.people))).toBe(province.people.length);
    expect(await count(db.collectionGroup(COLLECTIONS.records))).toBe(province.records.length);
    expect(await count(db.collection(COLLECTIONS.initiatives))).toBe(province.initiatives.length);
    expect(await count(db.collection(COLLECTIONS.awards))).toBe(province.awards.length);
    expect(await count(db.collectionGroup(COLLECTIONS.votes))).toBe(province.votes.length);
    expect(await count(db.collection(COLLECTIONS.users))).toBe(province.users.length);
    expect(await count(db.collectionGroup(COLLECTIONS.proposals))).toBe(province.proposals.length);
    expect(await count(db.collection(COLLECTIONS.years))).toBe(province.years.length);
    expect(await count(db.collectionGroup(COLLECTIONS.registrations))).toBe(province.registrations.length);
    expect(await count(db.collectionGroup(COLLECTIONS.criteria))).toBe(province.criteria.length);
    expect(await count(db.collectionGroup(COLLECTIONS.scores))).toBe(province.manualScores.length);
    expect(await count(db.collectionGroup(COLLECTIONS.evidence))).toBe(province.evidence.length);
    expect(await count(db.collectionGroup(COLLECTIONS.inspectionFindings))).toBe(
      province.inspectionFindings.length,
    );
    // Seeding is not a user's change: nothing goes to the audit log.
    expect(await count(db.collection(COLLECTIONS.audit))).toBe(0);

    const unit = Unit.parse((await db.doc(`${COLLECTIONS.units}/${SAMPLE_SCHOOLS.leQuyDon}`).get()).data());
    expect(unit.abbreviation).toBe("THPTLQĐ");
    const person = province.people.find((p) => p.unitId === SAMPLE_SCHOOLS.nguyenDu) as Person;
    expect(Person.parse((await db.doc(`${COLLECTIONS.people}/${person.id}`).get()).data())).toEqual(person);
    const record = province.records.find(
      (r) => r.subjectId === person.id && r.year === province.openYear,
    ) as YearRecord;
    expect(YearRecord.parse((await db.doc(recordPath(record)).get()).data())).toEqual(record);
    const vote = province.votes[0];
    const votes = await db.collection(`${COLLECTIONS.years}/${vote?.year}/${COLLECTIONS.votes}`).get();
    expect(votes.docs.map((d) => d.id)).toContain(`${vote?.unitId}_${vote?.subjectId}_${vote?.target}`);
  });

  it("is idempotent: seeding twice leaves the same documents", async () => {
    const small = generateProvince({ seed: 5, schools: 2, years: 2 });
    const other = testFirestore("seed");
    try {
      await seedProvince(other, small);
      await seedProvince(other, small);
      expect((await other.collection(COLLECTIONS.people).count().get()).data().count).toBe(
        small.people.length,
      );
      expect((await other.collectionGroup(COLLECTIONS.records).count().get()).data().count).toBe(
        small.records.length,
      );
    } finally {
      await other.terminate();
    }
  });
});
