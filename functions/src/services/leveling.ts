/**
 * The anti-"cào bằng, nể nang" report of a school year (docs/leveling.md): reads each unit's roster,
 * year records over the window, initiatives and own registration, and the province's records of the
 * year for the shares, then runs domain/leveling.ts. The route, the CLI and the year-end aggregation
 * call it.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { sheets_v4 } from "@googleapis/sheets";
import { type BaoCaoBinhXetInput, renderBaoCaoBinhXet } from "../documents/bao-cao-binh-xet.js";
import { canAccessUnit, isDepartmentRole } from "../domain/access.js";
import { AppError } from "../domain/errors.js";
import { isValidId } from "../domain/ids.js";
import {
  levelingReport as analyse,
  type LevelingUnitInput,
  levelingWindow,
  sumDistributions,
  unitDistribution,
} from "../domain/leveling.js";
import { resolveLevelingConfig } from "../domain/leveling-config.js";
import type { LevelingReport } from "../domain/leveling-schema.js";
import { httpMessages, levelingMessages, sheetMessages } from "../domain/messages/index.js";
import type { Registration, Unit, User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { compareVietnamese } from "../domain/text.js";
import { levelingTab } from "../sheets/summary-tabs.js";
import {
  indexedUnitsDocuments,
  unitDocuments,
  unitRecordsOver,
  unitYearDocuments,
} from "../store/readers.js";
import { allUnits } from "../store/registry.js";
import { loadYearConfig } from "../store/years.js";
import { rewriteSummarySpreadsheet, type SummaryWrite, summarySpreadsheetId } from "./summary-sheet.js";
import { unitScopeOf } from "./unit-access.js";

/** At most this many units named in one request (the whole province needs none named). */
const MAX_NAMED_UNITS = 100;

/** The analysed units' data, read unit by unit: a few named units cost a few queries each. */
async function namedInputs(db: Firestore, units: readonly Unit[], year: string, window: readonly string[]) {
  return Promise.all(
    units.map(async (unit) => {
      const [people, records, initiatives, registrations, achievements] = await Promise.all([
        unitDocuments(db, unit.id, "people", { includeWithdrawn: true }),
        unitRecordsOver(db, unit.id, window),
        unitDocuments(db, unit.id, "initiatives"),
        unitYearDocuments(db, unit.id, year, "registrations"),
        Promise.all(window.map((windowYear) => unitYearDocuments(db, unit.id, windowYear, "achievements"))),
      ]);
      return inputOf(unit, {
        people,
        records,
        initiatives,
        registrations,
        achievements: achievements.flat(),
      });
    }),
  );
}

/** Every unit's data, each collection read once for the whole province, by id through the units' index. */
async function provinceInputs(
  db: Firestore,
  units: readonly Unit[],
  year: string,
  window: readonly string[],
) {
  const ids = units.map((unit) => unit.id);
  const perYear = <C extends "records" | "achievements">(collection: C) =>
    Promise.all(window.map((windowYear) => indexedUnitsDocuments(db, ids, collection, windowYear)));
  const [people, initiatives, registrations, records, achievements] = await Promise.all([
    indexedUnitsDocuments(db, ids, "people", year, { includeWithdrawn: true }),
    indexedUnitsDocuments(db, ids, "initiatives", year),
    indexedUnitsDocuments(db, ids, "registrations", year),
    perYear("records"),
    perYear("achievements"),
  ]);
  return units.map((unit) =>
    inputOf(unit, {
      people: people.get(unit.id) ?? [],
      records: records.flatMap((byUnit) => byUnit.get(unit.id) ?? []),
      initiatives: initiatives.get(unit.id) ?? [],
      registrations: registrations.get(unit.id) ?? [],
      achievements: achievements.flatMap((byUnit) => byUnit.get(unit.id) ?? []),
    }),
  );
}

function inputOf(
  unit: Unit,
  data: Omit<LevelingUnitInput, "unit" | "registration"> & { registrations: readonly Registration[] },
): LevelingUnitInput {
  return {
    unit: { id: unit.id, name: unit.name },
    people: data.people,
    records: data.records,
    initiatives: data.initiatives,
    achievements: data.achievements,
    registration: data.registrations.find(
      (registration) => registration.subjectKind === "collective" && registration.subjectId === unit.id,
    ),
  };
}

/**
 * The report of `unitIds` (default: every unit with records in the year), each against the whole
 * province's distribution of the year. Unknown units are NOT_FOUND.
 */
export async function levelingReport(
  db: Firestore,
  year: string,
  options: { unitIds?: readonly string[] | undefined } = {},
): Promise<LevelingReport> {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, "path.year");
  const [yearConfig, units] = await Promise.all([loadYearConfig(db, year), allUnits(db)]);
  const config = resolveLevelingConfig(yearConfig?.leveling);
  const window = levelingWindow(year, config);

  const byId = new Map(units.map((unit) => [unit.id, unit]));
  for (const id of options.unitIds ?? [])
    if (!byId.has(id))
      throw new AppError("NOT_FOUND", httpMessages.unitNotFound(id), undefined, "query.unit");

  // The province's distribution comes from one read of the year's records, whatever is analysed.
  const [yearRecords, inputs] = await Promise.all([
    indexedUnitsDocuments(
      db,
      units.map((unit) => unit.id),
      "records",
      year,
    ),
    options.unitIds
      ? namedInputs(
          db,
          [...new Set(options.unitIds)].map((id) => byId.get(id) as Unit),
          year,
          window,
        )
      : provinceInputs(db, units, year, window),
  ]);
  const province = sumDistributions(
    units.map((unit) => unitDistribution(yearRecords.get(unit.id) ?? [], year)),
  );
  const analysed = inputs
    .filter((input) => options.unitIds !== undefined || unitDistribution(input.records, year).people > 0)
    .sort((a, b) => compareVietnamese(a.unit.name, b.unit.name));
  return analyse(analysed, province, {
    year,
    htxsCapDenominator: yearConfig?.htxsCapDenominator ?? "HTT_ONLY",
    config,
  });
}

/**
 * Who reads the report (docs/leveling.md): the Department's roles every unit; a commune specialist
 * the schools its UBND xã manages (all of them by default, and no other); every other role, the
 * council's included, nothing — the report compares units, which is the Department's and the
 * commune's business, not a school's.
 */
export async function levelingReportFor(
  db: Firestore,
  user: User,
  year: string,
  unitIds?: readonly string[],
): Promise<LevelingReport> {
  if (!isDepartmentRole(user.role) && user.role !== "COMMUNE_SPECIALIST")
    throw new AppError("PERMISSION_DENIED", levelingMessages.forbidden);
  if ((unitIds?.length ?? 0) > MAX_NAMED_UNITS || unitIds?.some((id) => !isValidId(id)))
    throw new AppError(
      "INVALID_ARGUMENT",
      levelingMessages.invalidUnitQuery(MAX_NAMED_UNITS),
      undefined,
      "query.unit",
    );
  if (isDepartmentRole(user.role)) return levelingReport(db, year, { unitIds });

  const managed = (await allUnits(db))
    .filter((unit) => unit.id !== user.unitId && canAccessUnit(user, unitScopeOf(unit), "read"))
    .map((unit) => unit.id);
  const allowed = new Set(managed);
  for (const id of unitIds ?? [])
    if (!allowed.has(id)) throw new AppError("PERMISSION_DENIED", httpMessages.forbiddenUnit(id));
  return levelingReport(db, year, { unitIds: unitIds ?? managed });
}

/**
 * The report as a PDF (documents/bao-cao-binh-xet.ts): `document` gives the issuer, signer, date and
 * copies; absent items are a MISSING_DATA error naming them.
 */
export async function levelingPdf(
  db: Firestore,
  year: string,
  document: Record<string, unknown>,
  unitIds?: readonly string[],
): Promise<Buffer> {
  const report = await levelingReport(db, year, { unitIds });
  return renderBaoCaoBinhXet({ ...document, report } as BaoCaoBinhXetInput);
}

/**
 * Rewrites the "Bình xét – cảnh báo" tab of the year's summary spreadsheet with the whole province's
 * report (the year-end job and `tdkt leveling --sheet`).
 */
export async function publishLevelingTab(
  db: Firestore,
  year: string,
  client: sheets_v4.Sheets,
  env: NodeJS.ProcessEnv = process.env,
): Promise<SummaryWrite> {
  const spreadsheetId = summarySpreadsheetId(await loadYearConfig(db, year), env);
  return rewriteSummarySpreadsheet(client, spreadsheetId, [levelingTab(await levelingReport(db, year))]);
}
