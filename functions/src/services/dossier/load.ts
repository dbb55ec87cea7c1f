/** The unit's stored data a dossier is built from, read through the typed readers of store/. */
import type { Firestore } from "@google-cloud/firestore";
import { schoolYearStarting, schoolYearsBetween, startYearOf } from "../../domain/school-year.js";
import { unitDocuments, unitRecordsOver, unitYearDocuments } from "../../store/readers.js";
import { loadUnit } from "../../store/registry.js";
import { loadYearConfig } from "../../store/years.js";
import type { DossierData } from "./context.js";

/** NOT_FOUND for an unknown unit; the year's configuration must parse (store/years.ts). */
export async function loadDossierData(
  db: Firestore,
  unitId: string,
  year: string,
  registerYears: number,
): Promise<DossierData> {
  const unit = await loadUnit(db, unitId);
  const registerFrom = schoolYearStarting(startYearOf(year) - registerYears + 1);
  const yearConfig = await loadYearConfig(db, year);
  const [people, proposals, votes, achievements, awards, initiatives, records] = await Promise.all([
    unitDocuments(db, unitId, "people"),
    unitYearDocuments(db, unitId, year, "proposals"),
    unitYearDocuments(db, unitId, year, "votes"),
    unitYearDocuments(db, unitId, year, "achievements"),
    unitDocuments(db, unitId, "awards"),
    unitDocuments(db, unitId, "initiatives"),
    unitRecordsOver(db, unitId, schoolYearsBetween(registerFrom, year)),
  ]);
  return {
    unit,
    yearConfig,
    people,
    proposals,
    votes,
    achievements,
    awards,
    initiatives,
    records,
    registerFrom,
  };
}
