/** Seeds a few units' share of the sample province (the emulator is shared: the whole takes long). */
import type { Firestore } from "@google-cloud/firestore";
import type { Province } from "../../functions/sample/province.js";
import { seedProvince } from "../../functions/sample/seed.js";

/** The units `unitIds` with their people, records, ledger, votes and proposals; users and years whole. */
export async function seedUnitsOf(
  db: Firestore,
  province: Province,
  unitIds: readonly string[],
): Promise<void> {
  const kept = new Set(unitIds);
  const own = <T extends { unitId: string }>(items: readonly T[]) =>
    items.filter((item) => kept.has(item.unitId));
  await seedProvince(db, {
    ...province,
    units: province.units.filter((unit) => kept.has(unit.id)),
    people: own(province.people),
    records: own(province.records),
    initiatives: own(province.initiatives),
    awards: own(province.awards),
    votes: own(province.votes),
    proposals: own(province.proposals),
    evidence: own(province.evidence),
  });
}
