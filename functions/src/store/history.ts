/**
 * The reads of the history import: the people a list may name (of the units it names, and anyone
 * of the same name elsewhere, former staff included), the ledger entries it would write, and the
 * Department's own code mappings (config/province-codes), which the province export reads too.
 */
import type { Firestore } from "@google-cloud/firestore";
import { COLLECTIONS } from "../domain/collections.js";
import { AppError } from "../domain/errors.js";
import { isValidId } from "../domain/ids.js";
import { historyMessages } from "../domain/messages/index.js";
import { Person } from "../domain/model.js";
import { ProvinceCodesConfig } from "../domain/province-codes.js";
import { META_FIELD } from "./writes.js";

/** Firestore's limit of values in an `in` filter. */
const IN_LIMIT = 30;

export const PROVINCE_CODES_PATH = `${COLLECTIONS.config}/province-codes`;

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += IN_LIMIT) out.push(items.slice(start, start + IN_LIMIT));
  return out;
};

/** The people a list may name: of some units, with some names (NFC, as stored), or with some ids. */
export async function peopleNamedBy(
  db: Firestore,
  named: { unitIds: readonly string[]; names: readonly string[]; ids: readonly string[] },
): Promise<Person[]> {
  const people = db.collection(COLLECTIONS.people);
  const queries = [
    ...chunks([...new Set(named.unitIds)]).map((ids) => people.where("unitId", "in", ids)),
    ...chunks([...new Set(named.names)]).map((list) => people.where("fullName", "in", list)),
  ];
  const ids = [...new Set(named.ids)].filter(isValidId);
  const [snapshots, byId] = await Promise.all([
    Promise.all(queries.map((query) => query.get())),
    ids.length > 0 ? db.getAll(...ids.map((id) => people.doc(id))) : Promise.resolve([]),
  ]);
  const byPath = new Map<string, Person>();
  for (const doc of [...snapshots.flatMap((snapshot) => snapshot.docs), ...byId]) {
    const person = Person.safeParse(doc.data());
    if (person.success) byPath.set(doc.ref.path, person.data);
  }
  return [...byPath.values()];
}

/** The stored ledger entries with these ids, without their write metadata. */
export async function awardsByIds(
  db: Firestore,
  ids: readonly string[],
): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  if (ids.length === 0) return found;
  const snapshots = await db.getAll(...ids.map((id) => db.collection(COLLECTIONS.awards).doc(id)));
  for (const snapshot of snapshots) {
    if (!snapshot.exists) continue;
    const { [META_FIELD]: _meta, ...content } = snapshot.data() ?? {};
    found.set(snapshot.id, content);
  }
  return found;
}

/** config/province-codes, or undefined when none is stored; one that does not parse is MISSING_DATA (never half a table). */
export async function loadProvinceCodes(db: Firestore): Promise<ProvinceCodesConfig | undefined> {
  const snapshot = await db.doc(PROVINCE_CODES_PATH).get();
  if (!snapshot.exists) return undefined;
  const { [META_FIELD]: _meta, ...content } = snapshot.data() ?? {};
  const parsed = ProvinceCodesConfig.safeParse(content);
  if (!parsed.success) throw new AppError("MISSING_DATA", historyMessages.codesMalformed());
  return parsed.data;
}
