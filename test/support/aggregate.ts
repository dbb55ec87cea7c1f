/** A small stored province for the aggregation's faces: one sample school and the year's configuration. */
import type { Firestore } from "@google-cloud/firestore";
import { sampleStoredSchool } from "../../functions/sample/documents.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { User } from "../../functions/src/domain/model.js";
import { writeIndexUpdates } from "../../functions/src/store/unit-index.js";

export const AGGREGATE_YEAR = "2025-2026";

export async function seedAggregateYear(
  db: Firestore,
  unitIds: readonly string[] = ["THPT_LQD"],
): Promise<void> {
  const writer = db.bulkWriter();
  const documents = unitIds.flatMap((unitId) => sampleStoredSchool(unitId));
  for (const { path, data } of documents) void writer.set(db.doc(path), data);
  void writer.set(db.collection(COLLECTIONS.years).doc(AGGREGATE_YEAR), {
    year: AGGREGATE_YEAR,
    legalBasisVersion: "2025-07",
  });
  await writer.close();
  // The units' document index, as the store's writes keep it (store/unit-index.ts).
  const index = db.batch();
  writeIndexUpdates(db, index, documents);
  await index.commit();
}

/** How many jobs the year holds, and how many audit entries the store has: what an attack must not change. */
export async function aggregationFootprint(
  db: Firestore,
): Promise<{ jobs: number; audit: number; events: number }> {
  const count = async (path: string) => (await db.collection(path).count().get()).data().count;
  return {
    jobs: await count(`${COLLECTIONS.years}/${AGGREGATE_YEAR}/${COLLECTIONS.aggregations}`),
    audit: await count(COLLECTIONS.audit),
    events: await count(COLLECTIONS.aggregationEvents),
  };
}

/** The accounts the aggregation's route tests play: the Department's three roles, a school, a commune. */

export const SPECIALIST: User = {
  email: "chuyenvien@sogddt.example.org",
  role: "DEPT_SPECIALIST",
  unitId: "so-gddt",
};
export const COUNCIL: User = {
  email: "hoidong@sogddt.example.org",
  role: "COUNCIL_MEMBER",
  unitId: "so-gddt",
};
export const ADMIN: User = { email: "quantri@sogddt.example.org", role: "ADMIN", unitId: "so-gddt" };
export const OFFICER: User = {
  email: "tdkt@thpt-lqd.example.org",
  role: "SCHOOL_OFFICER",
  unitId: "THPT_LQD",
};
export const PRINCIPAL: User = {
  email: "hieutruong@thpt-lqd.example.org",
  role: "PRINCIPAL",
  unitId: "THPT_LQD",
};
export const COMMUNE: User = {
  email: "vhxh@xa-an-thinh.example.org",
  role: "COMMUNE_SPECIALIST",
  unitId: "xa-an-thinh",
};

export const AGGREGATE_USERS: User[] = [SPECIALIST, COUNCIL, ADMIN, OFFICER, PRINCIPAL, COMMUNE];
