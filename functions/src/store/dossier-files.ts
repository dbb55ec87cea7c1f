/** The stored dossiers with their generated files and the year's ledger, for the records index. */
import type { DocumentData, Firestore } from "@google-cloud/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { Dossier } from "../domain/dossier.js";
import { Award } from "../domain/model.js";

const parsedDossiers = (documents: readonly DocumentData[]): Dossier[] =>
  documents.flatMap((data) => {
    const parsed = Dossier.safeParse(data);
    return parsed.success ? [parsed.data] : [];
  });

/** Every dossier the unit holds for the year, parsed; one that does not parse is left out. */
export async function unitYearDossiers(db: Firestore, unitId: string, year: string): Promise<Dossier[]> {
  const snapshot = await db
    .collection(COLLECTIONS.dossiers)
    .where("unitId", "==", unitId)
    .where("year", "==", year)
    .get();
  return parsedDossiers(snapshot.docs.map((doc) => doc.data())).filter(
    (dossier) => dossier.unitId === unitId,
  );
}

/** Every unit's dossiers of the year, by unit (the province's records index reads them once). */
export async function yearDossiersByUnit(db: Firestore, year: string): Promise<Map<string, Dossier[]>> {
  const snapshot = await db.collection(COLLECTIONS.dossiers).where("year", "==", year).get();
  return groupByUnit(parsedDossiers(snapshot.docs.map((doc) => doc.data())));
}

/** Every unit's awards of the year, by unit; withdrawn and revoked entries left out (as every ledger reader). */
export async function yearAwardsByUnit(db: Firestore, year: string): Promise<Map<string, Award[]>> {
  const snapshot = await db.collection(COLLECTIONS.awards).where("year", "==", year).get();
  return groupByUnit(
    snapshot.docs.flatMap((doc) => {
      const data = doc.data();
      if (data.withdrawn === true || data.revoked === true) return [];
      const parsed = Award.safeParse(data);
      return parsed.success ? [parsed.data] : [];
    }),
  );
}

function groupByUnit<T extends { unitId: string }>(items: readonly T[]): Map<string, T[]> {
  const byUnit = new Map<string, T[]>();
  for (const item of items) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), item]);
  return byUnit;
}
