/** The stored dossiers of a unit's year with their generated files, for the records index. */
import type { Firestore } from "@google-cloud/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { Dossier } from "../domain/model.js";

/** Every dossier the unit holds for the year, parsed; one that does not parse is left out. */
export async function unitYearDossiers(db: Firestore, unitId: string, year: string): Promise<Dossier[]> {
  const snapshot = await db
    .collection(COLLECTIONS.dossiers)
    .where("unitId", "==", unitId)
    .where("year", "==", year)
    .get();
  return snapshot.docs.flatMap((doc) => {
    const parsed = Dossier.safeParse(doc.data());
    return parsed.success && parsed.data.unitId === unitId ? [parsed.data] : [];
  });
}
