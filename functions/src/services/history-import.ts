/**
 * The history import (docs/province-formats.md "Nhập lịch sử"): a province list or TĐKT's history
 * tab, as a workbook, into the awards ledger. Department roles only. Each data row ends "new" (its
 * entries written, or to be written on a dry run), "unchanged" (already in the ledger, so a second
 * run writes nothing) or "rejected" with a Vietnamese reason and, for a subject matching none or
 * several, the candidates. A ledger entry already recorded under another decision is never
 * overwritten. Writes are idempotent upserts with audit entries; the workbook gets a status column.
 */
import type { Firestore } from "@google-cloud/firestore";
import type ExcelJS from "exceljs";
import { isDepartmentRole } from "../domain/access.js";
import { documentPath } from "../domain/collections.js";
import { AppError, bodyField } from "../domain/errors.js";
import {
  type HistoryCandidate,
  type HistoryDefaults,
  type HistoryRow,
  planHistoryRows,
  type RowPlan,
  unitsNamedBy,
} from "../domain/history-import.js";
import { historyMessages } from "../domain/messages/index.js";
import type { Award, User } from "../domain/model.js";
import { ProvinceCodesConfig, provinceCodeTable } from "../domain/province-codes.js";
import { isSchoolYear } from "../domain/school-year.js";
import { isWellFormedText, normalizeText } from "../domain/text.js";
import { toIsoDate } from "../sheets/cells.js";
import {
  HISTORY_FORMATS,
  type HistoryFormat,
  readHistoryWorkbook,
  workbookFromBytes,
} from "../sheets/history-workbook.js";
import { writeStatusColumn } from "../sheets/xlsx.js";
import { awardsByIds, loadProvinceCodes, PROVINCE_CODES_PATH, peopleNamedBy } from "../store/history.js";
import { allUnits } from "../store/registry.js";
import { updateDocument, upsertDocuments } from "../store/writes.js";

export interface HistoryImportOptions {
  format: HistoryFormat;
  defaults: HistoryDefaults;
  dryRun: boolean;
  /** The file's name, for the audit entries' source. */
  file: string;
  requestId: string;
}

export interface HistoryRowResult {
  sheet: string;
  row: number;
  status: "new" | "unchanged" | "rejected";
  reason?: string;
  candidates?: HistoryCandidate[];
  /** The matched subject's name and the entries the row stands for (not for a rejected row). */
  subject?: string;
  awards?: Award[];
}

export interface HistoryImportResult {
  dryRun: boolean;
  rows: HistoryRowResult[];
  /** Ledger entries written (0 on a dry run). */
  written: number;
}

function requireDepartment(user: User): void {
  if (!isDepartmentRole(user.role)) throw new AppError("PERMISSION_DENIED", historyMessages.departmentOnly());
}

/** Stored content equal to what the row would write (the store skips such a write too). */
const canonical = (data: Record<string, unknown>): string =>
  JSON.stringify(
    Object.keys(data)
      .filter((key) => data[key] !== undefined)
      .sort()
      .map((key) => [key, data[key]]),
  );
const sameEntry = (stored: Record<string, unknown>, award: Award): boolean =>
  canonical(stored) === canonical(award);

function resultOf(plan: RowPlan, stored: ReadonlyMap<string, Record<string, unknown>>): HistoryRowResult {
  if (plan.status === "rejected") {
    const { sheet, row, reason, candidates } = plan;
    return { sheet, row, status: "rejected", reason, ...(candidates ? { candidates } : {}) };
  }
  const base = { sheet: plan.sheet, row: plan.row };
  for (const award of plan.awards) {
    const before = stored.get(award.id);
    if (before && typeof before.decisionNo === "string" && before.decisionNo !== award.decisionNo)
      return {
        ...base,
        status: "rejected",
        reason: historyMessages.ledgerConflict(award.code, award.year, before.decisionNo),
      };
  }
  const fresh = plan.awards.some((award) => {
    const before = stored.get(award.id);
    return before === undefined || before.withdrawn === true || !sameEntry(before, award);
  });
  return { ...base, status: fresh ? "new" : "unchanged", subject: plan.subjectName, awards: plan.awards };
}

/** Reads, matches and (unless a dry run) writes the workbook's rows; marks each row's status in it. */
export async function importHistory(
  db: Firestore,
  user: User,
  workbook: ExcelJS.Workbook,
  options: HistoryImportOptions,
): Promise<HistoryImportResult> {
  requireDepartment(user);
  const read = readHistoryWorkbook(workbook, options.format);
  if (!read.ok)
    throw new AppError(
      "INVALID_ARGUMENT",
      read.problem === "no-sheet"
        ? historyMessages.noSheet(options.format)
        : historyMessages.noHeader(read.sheet ?? ""),
      undefined,
      "body",
    );
  const rows: HistoryRow[] = read.sheets.flatMap((sheet) => sheet.rows);
  const units = await allUnits(db);
  const names = rows.flatMap((row) => (row.name ? [normalizeText(row.name)] : []));
  const people = await peopleNamedBy(db, {
    unitIds: unitsNamedBy(rows, units),
    names,
    ids: rows.flatMap((row) => (row.subjectId ? [row.subjectId] : [])),
  });
  const table = provinceCodeTable((await loadProvinceCodes(db))?.mappings);
  const plans = planHistoryRows(rows, { units, people }, table, options.defaults);
  const planned = plans.flatMap((plan) => (plan.status === "planned" ? plan.awards : []));
  const stored = await awardsByIds(
    db,
    planned.map((award) => award.id),
  );
  const results = plans.map((plan) => resultOf(plan, stored));

  const writes = results.flatMap((result) =>
    result.status === "new"
      ? (result.awards ?? []).map((award) => ({
          path: documentPath("awards", award.id, award.year),
          data: award as Record<string, unknown>,
          source: { file: options.file, sheet: result.sheet, row: result.row },
        }))
      : [],
  );
  const written = options.dryRun
    ? 0
    : (await upsertDocuments(db, writes, { actor: user.email, requestId: options.requestId })).filter(
        (outcome) => outcome.change !== "unchanged",
      ).length;

  for (const sheet of read.sheets) {
    const statuses = new Map(
      results
        .filter((result) => result.sheet === sheet.sheetName)
        .map((result) => [result.row, statusLine(result)]),
    );
    const target = workbook.getWorksheet(sheet.sheetName);
    if (target) writeStatusColumn(target, sheet.headerRow, statuses);
  }
  return { dryRun: options.dryRun, rows: results, written };
}

/** Query texts longer than this are no decision number or issuer. */
const MAX_QUERY_TEXT = 200;

function queryText(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name);
  if (value === null || value.trim() === "") return undefined;
  const text = normalizeText(value);
  if (text.length > MAX_QUERY_TEXT || !isWellFormedText(text))
    throw new AppError("INVALID_ARGUMENT", historyMessages.badQueryText(name), undefined, `query.${name}`);
  return text;
}

/**
 * POST /v1/history:import: the workbook's bytes and the query (format, year, decision, decisionDate,
 * issuer, dryRun) checked, then the same import as the CLI's. The rows' results are the answer.
 */
export async function importHistoryUpload(
  db: Firestore,
  user: User,
  body: unknown,
  query: URLSearchParams,
  requestId: string,
): Promise<HistoryImportResult> {
  requireDepartment(user);
  const format = query.get("format") ?? "province";
  if (!(HISTORY_FORMATS as readonly string[]).includes(format))
    throw new AppError("INVALID_ARGUMENT", historyMessages.badFormat(format), undefined, "query.format");
  const year = queryText(query, "year");
  if (year !== undefined && !isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", historyMessages.yearInvalid(year), undefined, "query.year");
  const dateText = queryText(query, "decisionDate");
  const decisionDate = dateText === undefined ? undefined : toIsoDate(dateText);
  if (dateText !== undefined && decisionDate === undefined)
    throw new AppError(
      "INVALID_ARGUMENT",
      historyMessages.badQueryDate(dateText),
      undefined,
      "query.decisionDate",
    );
  const dryRun = query.get("dryRun");
  if (dryRun !== null && dryRun !== "true" && dryRun !== "false")
    throw new AppError("INVALID_ARGUMENT", historyMessages.badQueryText("dryRun"), undefined, "query.dryRun");
  const loaded = Buffer.isBuffer(body)
    ? await workbookFromBytes(body)
    : ({ ok: false, problem: "not-workbook" } as const);
  if (!loaded.ok)
    throw new AppError(
      loaded.problem === "too-large" ? "PAYLOAD_TOO_LARGE" : "INVALID_ARGUMENT",
      loaded.problem === "too-large" ? historyMessages.unpackedTooLarge() : historyMessages.notWorkbook(),
      undefined,
      "body",
    );
  return importHistory(db, user, loaded.workbook, {
    format: format as HistoryFormat,
    defaults: {
      year,
      decisionNo: queryText(query, "decision"),
      decisionDate,
      issuer: queryText(query, "issuer"),
    },
    dryRun: dryRun === "true",
    file: "upload.xlsx",
    requestId,
  });
}

/** The status a row shows in the workbook copy and the CLI's report. */
export function statusLine(result: HistoryRowResult): string {
  if (result.status === "new") return historyMessages.statusNew;
  if (result.status === "unchanged") return historyMessages.statusUnchanged;
  return historyMessages.statusRejected(result.reason ?? "");
}

/** The Department's own code mappings (config/province-codes), for reading. */
export async function readProvinceCodes(db: Firestore, user: User): Promise<ProvinceCodesConfig> {
  requireDepartment(user);
  return (await loadProvinceCodes(db)) ?? { mappings: [] };
}

/** Replaces the Department's code mappings (audited). */
export async function setProvinceCodes(
  db: Firestore,
  user: User,
  body: unknown,
  requestId: string,
): Promise<ProvinceCodesConfig> {
  requireDepartment(user);
  const parsed = ProvinceCodesConfig.safeParse(body);
  if (!parsed.success)
    throw new AppError(
      "INVALID_ARGUMENT",
      historyMessages.codesInvalid(),
      undefined,
      bodyField(parsed.error.issues[0]?.path),
    );
  const config = parsed.data;
  return updateDocument<ProvinceCodesConfig>(db, PROVINCE_CODES_PATH, () => config, {
    actor: user.email,
    requestId,
  });
}
