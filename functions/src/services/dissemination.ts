/**
 * The tuyên truyền, quán triệt report (docs/duties.md): reads the year's register, each unit's current
 * staff, sessions and acknowledgements, and runs domain/dissemination.ts. The route, the CLI and the
 * PDF call it.
 */
import type { Firestore } from "@google-cloud/firestore";
import { type BaoCaoQuanTrietInput, renderBaoCaoQuanTriet } from "../documents/bao-cao-quan-triet.js";
import {
  disseminationReport as analyse,
  DEFAULT_BRIEFING_DEADLINE_DAYS,
  type DisseminationReport,
} from "../domain/dissemination.js";
import type { Unit, User } from "../domain/model.js";
import { yearDutyDocuments } from "../store/duties.js";
import { checkYear, countOption, type DutyQuery, readableUnits, reportDay, staffOf } from "./duties.js";

export interface DisseminationQuery extends DutyQuery {
  deadlineDays?: string | undefined;
}

/** The longest default deadline a query may ask for, in days. */
const MAX_DEADLINE_DAYS = 366;

/** The report over `units`, on the day and with the default deadline of `query`. */
export async function disseminationOf(
  db: Firestore,
  year: string,
  units: readonly Unit[],
  query: DisseminationQuery = {},
): Promise<DisseminationReport> {
  checkYear(year);
  const asOf = reportDay(query.asOf);
  const deadlineDays = countOption(
    query.deadlineDays,
    "deadlineDays",
    MAX_DEADLINE_DAYS,
    DEFAULT_BRIEFING_DEADLINE_DAYS,
  );
  const one = units.length === 1 ? units[0]?.id : undefined;
  const [register, staff, sessions, acknowledgements] = await Promise.all([
    yearDutyDocuments(db, "legalDocuments", year),
    staffOf(db, units, year),
    yearDutyDocuments(db, "briefingSessions", year, one),
    yearDutyDocuments(db, "acknowledgements", year, one),
  ]);
  return analyse(
    register,
    units.map((unit) => ({
      unit: { id: unit.id, name: unit.name },
      staffIds: (staff.get(unit.id) ?? []).map((person) => person.id),
      sessions: sessions.filter((session) => session.unitId === unit.id),
      acknowledgements: acknowledgements.filter((ack) => ack.unitId === unit.id),
    })),
    { year, asOf, deadlineDays },
  );
}

/** The report as `user` may read it: its own unit, the schools its commune manages, or the province. */
export async function disseminationFor(
  db: Firestore,
  user: User,
  year: string,
  query: DisseminationQuery,
): Promise<DisseminationReport> {
  checkYear(year);
  return disseminationOf(db, year, await readableUnits(db, user, query.unit), query);
}

/** The report as the PDF "Báo cáo công tác tuyên truyền, quán triệt"; `document` gives issuer, signer, date. */
export async function disseminationPdf(
  db: Firestore,
  year: string,
  units: readonly Unit[],
  query: DisseminationQuery,
  document: Record<string, unknown>,
): Promise<Buffer> {
  const report = await disseminationOf(db, year, units, query);
  return renderBaoCaoQuanTriet({ date: report.asOf, ...document, report } as BaoCaoQuanTrietInput);
}
