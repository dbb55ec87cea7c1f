/**
 * The unit document is read once per unit eligibility request: the access check's copy serves the
 * judgement, and a caller that holds the unit (a dossier build) passes it on. Counted on the real
 * Firestore client against the emulator, with one school of the sample province.
 */
import { DocumentReference } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { evaluateUnitProposals } from "../../../functions/src/services/unit-eligibility.js";
import { loadUnit } from "../../../functions/src/store/registry.js";
import { startTestApi, type TestApi } from "../../support/api.js";

const unitId = SAMPLE_SCHOOLS.nguyenDu;
const officer = `tdkt.${unitId}@truong.example.org`;
const YEAR = "2025-2026";

/** The showcase school alone: its unit, people, records, ledger, initiatives, votes, proposals. */
function oneSchool() {
  const province = sampleProvince();
  const ours = <T extends { unitId?: string }>(items: readonly T[]) =>
    items.filter((item) => item.unitId === unitId);
  return {
    ...province,
    units: province.units.filter((unit) => unit.id === unitId),
    people: ours(province.people),
    records: ours(province.records),
    initiatives: ours(province.initiatives),
    awards: ours(province.awards),
    votes: ours(province.votes),
    proposals: ours(province.proposals),
  };
}

/** How many times `fn` reads units/{unitId}. */
async function unitReads(fn: () => Promise<unknown>): Promise<number> {
  const get = vi.spyOn(DocumentReference.prototype, "get");
  try {
    await fn();
    return get.mock.contexts.filter((ref) => (ref as DocumentReference).path === `units/${unitId}`).length;
  } finally {
    get.mockRestore();
  }
}

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedProvince(api.db, oneSchool());
}, 180_000);
afterAll(() => api.close());

describe("reads of the unit document", () => {
  it("GET …/eligibility reads it once, for the access check, and judges every proposal", async () => {
    let judged = 0;
    const reads = await unitReads(async () => {
      const response = await api.fetch(`/v1/units/${unitId}/years/${YEAR}/eligibility`, { as: officer });
      expect(response.status).toBe(200);
      judged = ((await response.json()) as { results: unknown[] }).results.length;
    });
    expect(judged).toBe(oneSchool().proposals.filter((proposal) => proposal.year === YEAR).length);
    expect(reads).toBe(1);
  });

  it("the service reads it only when the caller does not hold it, with the same results either way", async () => {
    const unit = await loadUnit(api.db, unitId);
    let given: unknown;
    let read: unknown;
    expect(
      await unitReads(async () => (given = await evaluateUnitProposals(api.db, unitId, YEAR, { unit }))),
    ).toBe(0);
    expect(await unitReads(async () => (read = await evaluateUnitProposals(api.db, unitId, YEAR)))).toBe(1);
    expect(given).toEqual(read);
  });
});
