/** The unit's stored data a dossier is built from, read through the typed readers of store/. */
import type { Firestore } from "@google-cloud/firestore";
import {
  Achievement,
  Award,
  CouncilVote,
  Initiative,
  Person,
  Proposal,
  YearRecord,
} from "../../domain/model.js";
import { schoolYearStarting, schoolYearsBetween, startYearOf } from "../../domain/school-year.js";
import { COLLECTIONS } from "../../store/firestore.js";
import { loadUnit, unitDocuments, yearCollectionPath } from "../../store/readers.js";
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
  const [people, proposals, votes, achievements, awards, initiatives, recordsByYear] = await Promise.all([
    unitDocuments(db, COLLECTIONS.people, Person, unitId),
    unitDocuments(db, yearCollectionPath(year, "proposals"), Proposal, unitId),
    unitDocuments(db, yearCollectionPath(year, "votes"), CouncilVote, unitId),
    unitDocuments(db, yearCollectionPath(year, "achievements"), Achievement, unitId),
    unitDocuments(db, COLLECTIONS.awards, Award, unitId),
    unitDocuments(db, COLLECTIONS.initiatives, Initiative, unitId),
    Promise.all(
      schoolYearsBetween(registerFrom, year).map((registerYear) =>
        unitDocuments(db, yearCollectionPath(registerYear, "records"), YearRecord, unitId),
      ),
    ),
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
    records: recordsByYear.flat(),
    registerFrom,
  };
}
