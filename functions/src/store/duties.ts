/**
 * Reads of the guidance's other duties (docs/duties.md): the legal documents register, the units'
 * sessions and acknowledgements, the emulation officers, training courses and attendance, exchange
 * visits. Withdrawn rows are left out; a stored document that does not parse is left out and
 * counted in one process warning, as readers.ts does.
 */
import type { DocumentData, Firestore } from "@google-cloud/firestore";
import type { z } from "zod";
import { COLLECTIONS, collectionPath, type YearCollection } from "../domain/collections.js";
import { Acknowledgement, BriefingSession, LegalDocument } from "../domain/dissemination.js";
import {
  EmulationOfficer,
  ExchangeVisit,
  TrainingAttendance,
  TrainingCourse,
} from "../domain/emulation-officers.js";
import { MALFORMED_DOCUMENT_WARNING } from "./readers.js";

const YEAR_SCHEMAS = {
  legalDocuments: LegalDocument,
  briefingSessions: BriefingSession,
  acknowledgements: Acknowledgement,
  trainingCourses: TrainingCourse,
  trainingAttendance: TrainingAttendance,
  exchangeVisits: ExchangeVisit,
} as const satisfies Partial<Record<YearCollection, z.ZodType>>;

type DutyCollection = keyof typeof YEAR_SCHEMAS;
export type DutyDocument<C extends DutyCollection> = z.output<(typeof YEAR_SCHEMAS)[C]>;

function parsedLive<S extends z.ZodType>(
  collection: string,
  schema: S,
  documents: readonly DocumentData[],
): z.output<S>[] {
  const parsed: z.output<S>[] = [];
  let malformed = 0;
  for (const data of documents) {
    if (data.withdrawn === true) continue;
    const result = schema.safeParse(data);
    if (result.success) parsed.push(result.data);
    else malformed++;
  }
  if (malformed > 0)
    process.emitWarning(`${malformed} stored document(s) of ${collection} do not parse and are left out`, {
      code: MALFORMED_DOCUMENT_WARNING,
    });
  return parsed;
}

/** The year's documents of one of the duties' collections (every unit's, or one unit's). */
export async function yearDutyDocuments<C extends DutyCollection>(
  db: Firestore,
  collection: C,
  year: string,
  unitId?: string,
): Promise<DutyDocument<C>[]> {
  const all = db.collection(collectionPath(collection, year));
  const query = unitId === undefined ? all : all.where("unitId", "==", unitId);
  const snapshot = await query.get();
  return parsedLive(
    collection,
    YEAR_SCHEMAS[collection],
    snapshot.docs.map((doc) => doc.data()),
  ) as DutyDocument<C>[];
}

/** Every unit's emulation officers (tab "Cán bộ làm công tác thi đua"). */
export async function emulationOfficers(db: Firestore): Promise<EmulationOfficer[]> {
  const snapshot = await db.collection(COLLECTIONS.emulationOfficers).get();
  return parsedLive(
    COLLECTIONS.emulationOfficers,
    EmulationOfficer,
    snapshot.docs.map((doc) => doc.data()),
  );
}

/** The codes a unit's rows may name: the year's register, or the unit's and the Department's courses. */
export async function registerCodes(
  db: Firestore,
  register: "legalDocument" | "trainingCourse",
  year: string,
  unitId: string,
): Promise<Set<string>> {
  if (register === "legalDocument")
    return new Set((await yearDutyDocuments(db, "legalDocuments", year)).map((document) => document.code));
  const courses = await yearDutyDocuments(db, "trainingCourses", year);
  return new Set(
    courses
      .filter((course) => course.organiser === "SO" || course.unitId === unitId)
      .map((course) => course.code),
  );
}
