/**
 * The year's consolidation read straight from the store: every unit's proposals judged now by
 * evaluateUnitProposals, unit by unit, and consolidated (domain/consolidation.ts). What the
 * Department's dossier and the province export take while the year has no succeeded aggregation;
 * once it has, its stored consolidation is the source (services/aggregate/stored.ts).
 */
import type { Firestore } from "@google-cloud/firestore";
import { type Consolidation, consolidateUnits } from "../domain/consolidation.js";
import type { Unit } from "../domain/model.js";
import { allUnits } from "../store/registry.js";
import { evaluateUnitProposals } from "./unit-eligibility.js";

/** `units` chooses the units judged (the Department's dossier needs only the units it manages). */
export async function consolidateStoredYear(
  db: Firestore,
  year: string,
  units: (unit: Unit) => boolean = () => true,
): Promise<Consolidation> {
  const verdicts = [];
  for (const unit of (await allUnits(db)).filter(units))
    verdicts.push({ unit, results: (await evaluateUnitProposals(db, unit.id, year)).results });
  return consolidateUnits(year, verdicts);
}
