/**
 * Attacks on the withdrawal of a full send (store/writes.ts withdrawMissing), over sockets against
 * the sample province: a school's officer (THCS Quang Mỹ) sends "full" tabs to make the store
 * withdraw rows that are not theirs to withdraw: another school's, another year's, the province's.
 * Each attack asserts the refusal, or the answer that only touched the sender's own rows, and that
 * the documents it aimed at did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProvince } from "../../functions/sample/province.js";
import { COLLECTIONS, collectionPath } from "../../functions/src/domain/collections.js";
import type { IngestResponse } from "../../functions/src/services/ingest.js";
import {
  ATTACKER,
  DEPARTMENT,
  NEW_YEAR,
  officerOf,
  startSampleApi,
  VICTIM,
  YEAR,
} from "../fixtures/sample-actors.js";
import { errorOf, type TestApi } from "../support/api.js";

const province = sampleProvince();

let api: TestApi;
beforeAll(async () => {
  api = await startSampleApi(province);
}, 120_000);
afterAll(() => api.close());

async function sendFull(tab: string, options: { unit: string; year: string; as: string }) {
  const response = await api.fetch(`/v1/sheets/${tab}:ingest`, {
    method: "POST",
    as: options.as,
    body: JSON.stringify({ unit: options.unit, year: options.year, mode: "full", rows: [] }),
  });
  return response;
}

/** Contents of a collection's documents held by `unitId` (or every document), to compare before and after. */
async function contents(path: string, unitId?: string): Promise<Record<string, unknown>> {
  const collection = api.db.collection(path);
  const snapshot = await (unitId ? collection.where("unitId", "==", unitId) : collection).get();
  return Object.fromEntries(snapshot.docs.map((doc) => [doc.id, doc.data()]));
}

const activeCount = (documents: Record<string, unknown>) =>
  Object.values(documents).filter((data) => (data as { withdrawn?: boolean }).withdrawn !== true).length;

describe("withdrawal by a full send", () => {
  it("attack: an empty full send naming another school withdraws that school's staff", async () => {
    const before = await contents(COLLECTIONS.people, VICTIM);
    const response = await sendFull("can-bo", { unit: VICTIM, year: YEAR, as: officerOf(ATTACKER) });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
    expect(await contents(COLLECTIONS.people, VICTIM)).toEqual(before);
  });

  it("attack: an empty full send of the Department's units tab withdraws every school", async () => {
    const before = await contents(COLLECTIONS.units);
    const response = await sendFull("don-vi", { unit: ATTACKER, year: YEAR, as: DEPARTMENT });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("INVALID_ARGUMENT");
    expect(await contents(COLLECTIONS.units)).toEqual(before);
  });

  it("attack: an empty full send of next year's proposals withdraws this year's", async () => {
    const proposals = collectionPath("proposals", YEAR);
    const votes = collectionPath("votes", YEAR);
    const before = { proposals: await contents(proposals, ATTACKER), votes: await contents(votes, ATTACKER) };
    expect(activeCount(before.proposals)).toBeGreaterThan(0);
    const response = await sendFull("de-nghi", { unit: ATTACKER, year: NEW_YEAR, as: officerOf(ATTACKER) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as IngestResponse).withdrawn).toBe(0);
    expect(await contents(proposals, ATTACKER)).toEqual(before.proposals);
    expect(await contents(votes, ATTACKER)).toEqual(before.votes);
  });

  it("attack: an empty full send of the sender's own roster reaches another school's staff", async () => {
    const victimBefore = await contents(COLLECTIONS.people, VICTIM);
    const own = activeCount(await contents(COLLECTIONS.people, ATTACKER));
    expect(own).toBeGreaterThan(0);
    const response = await sendFull("can-bo", { unit: ATTACKER, year: YEAR, as: officerOf(ATTACKER) });
    expect(response.status).toBe(200);
    // Only the sender's own staff are withdrawn; the other school's roster is as it was.
    expect(((await response.json()) as IngestResponse).withdrawn).toBe(own);
    expect(activeCount(await contents(COLLECTIONS.people, ATTACKER))).toBe(0);
    expect(await contents(COLLECTIONS.people, VICTIM)).toEqual(victimBefore);
  });
});
