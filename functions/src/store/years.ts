/** Reader of years/{year}: the Department's configuration of one school year, parsed by its schema. */
import type { Firestore } from "@google-cloud/firestore";
import { AppError } from "../domain/errors.js";
import { sheetMessages } from "../domain/messages/index.js";
import { YearConfig } from "../domain/model.js";
import { COLLECTIONS } from "./firestore.js";

/**
 * The year's configuration, or undefined when the Department has not configured the year. A stored
 * configuration that does not parse is an error about the request's year (its texts must not be
 * silently dropped from a document).
 */
export async function loadYearConfig(db: Firestore, year: string): Promise<YearConfig | undefined> {
  const snapshot = await db.collection(COLLECTIONS.years).doc(year).get();
  if (!snapshot.exists) return undefined;
  const config = YearConfig.safeParse(snapshot.data());
  if (!config.success || config.data.year !== year)
    throw new AppError("MISSING_DATA", sheetMessages.yearMalformed(year), undefined, "path.year");
  return config.data;
}
