/**
 * What ingest checks of the thematic tabs against stored data (docs/domain.md §19): a registration
 * or a result names a field of the year (the Department's, or the defaults when it sent none), a
 * result names a stored unit; a registration after its field's deadline is kept and flagged (its
 * note goes to the row's status) — the selection names it and never proposes it.
 */
import type { Firestore } from "@google-cloud/firestore";
import { thematicMessages } from "../domain/messages/index.js";
import { fieldsOfYear, isLate, ThematicRegistration } from "../domain/thematic.js";
import { cellError, type ParsedSheetRow, type TabDefinition } from "../sheets/index.js";
import { thematicRegistrations } from "../sheets/tabs/dang-ky-chuyen-de.js";
import { thematicResults } from "../sheets/tabs/ket-qua-chuyen-de.js";
import { loadUnits } from "../store/registry.js";
import { yearThematicFields } from "../store/thematic.js";

const reject = (
  row: ParsedSheetRow,
  tab: TabDefinition,
  column: string,
  code: "UNKNOWN_FIELD" | "UNKNOWN_UNIT",
  value: string,
) => {
  row.errors.push(cellError(tab, column, code, { value }));
  row.documents = [];
};

/** Rejects the rows naming an unknown field or unit; returns the notes of accepted rows (late registrations). */
export async function reviewThematicRows(
  db: Firestore,
  tab: TabDefinition,
  rows: readonly ParsedSheetRow[],
  year: string,
): Promise<Map<ParsedSheetRow, string[]>> {
  const notes = new Map<ParsedSheetRow, string[]>();
  if (tab !== thematicRegistrations && tab !== thematicResults) return notes;
  const good = rows.filter((row) => row.errors.length === 0);
  if (good.length === 0) return notes;
  const fields = fieldsOfYear(year, await yearThematicFields(db, year));
  const fieldOf = (code: unknown) => fields.find((field) => field.code === code);
  const units =
    tab === thematicResults
      ? await loadUnits(db, [...new Set(good.map((row) => String(row.documents[0]?.data.unitId ?? "")))])
      : undefined;
  for (const row of good) {
    const data = row.documents[0]?.data ?? {};
    const field = fieldOf(data.field);
    if (!field) {
      reject(row, tab, "field", "UNKNOWN_FIELD", String(data.field ?? ""));
      continue;
    }
    const unit = units?.get(String(data.unitId));
    if (units && (unit === undefined || unit instanceof Error)) {
      reject(row, tab, "unitId", "UNKNOWN_UNIT", String(data.unitId ?? ""));
      continue;
    }
    const registration = ThematicRegistration.safeParse(data);
    if (tab === thematicRegistrations && registration.success && isLate(registration.data, field))
      notes.set(row, [thematicMessages.lateNote(field.name, field.registrationDeadline ?? "")]);
  }
  return notes;
}
