/** The year's khen thưởng chuyên đề documents (docs/domain.md §19): fields, registrations, results. */
import type { Firestore } from "@google-cloud/firestore";
import type { z } from "zod";
import { collectionPath } from "../domain/collections.js";
import {
  ThematicField as FieldSchema,
  ThematicRegistration as RegistrationSchema,
  ThematicResult as ResultSchema,
  type ThematicField,
  type ThematicRegistration,
  type ThematicResult,
} from "../domain/thematic.js";

export interface YearThematic {
  fields: ThematicField[];
  registrations: ThematicRegistration[];
  results: ThematicResult[];
}

/** Every stored document of one collection of the year that parses, withdrawn rows left out. */
async function yearCollection<S extends z.ZodType>(
  db: Firestore,
  collection: "thematicFields" | "thematicRegistrations" | "thematicResults",
  year: string,
  schema: S,
): Promise<z.output<S>[]> {
  const snapshot = await db.collection(collectionPath(collection, year)).get();
  return snapshot.docs.flatMap((doc) => {
    const data = doc.data();
    if (data.withdrawn === true) return [];
    const parsed = schema.safeParse(data);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The fields the Department declared for the year (none: the defaults apply, domain/thematic.ts). */
export const yearThematicFields = (db: Firestore, year: string): Promise<ThematicField[]> =>
  yearCollection(db, "thematicFields", year, FieldSchema);

export async function yearThematic(db: Firestore, year: string): Promise<YearThematic> {
  const [fields, registrations, results] = await Promise.all([
    yearThematicFields(db, year),
    yearCollection(db, "thematicRegistrations", year, RegistrationSchema),
    yearCollection(db, "thematicResults", year, ResultSchema),
  ]);
  return { fields, registrations, results };
}
