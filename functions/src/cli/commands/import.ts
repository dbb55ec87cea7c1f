/**
 * `tdkt import FILE.xlsx --unit ID --year Y [--as EMAIL]`: the ingest pipeline of the sheets over a
 * filled workbook. Department tabs go first (units, users, the year's configuration), then the
 * roster, then the rest; prints each row's errors and writes a copy with a "Trạng thái" column.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import type { Firestore } from "@google-cloud/firestore";
import ExcelJS from "exceljs";
import { isAppError } from "../../domain/errors.js";
import { sheetMessages } from "../../domain/messages/index.js";
import type { User } from "../../domain/model.js";
import { emailKey } from "../../domain/text.js";
import { type IngestResponse, ingestTab } from "../../services/ingest.js";
import { loadUser } from "../../services/runtime.js";
import { isEmptyCell } from "../../sheets/cells.js";
import { statusText } from "../../sheets/render.js";
import { TABS } from "../../sheets/tabs/index.js";
import { readWorkbook, writeStatusColumn } from "../../sheets/xlsx.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

/**
 * Department registers before school data; the roster before the tabs that name people; decisions
 * last, on the proposals they approve.
 */
export const IMPORT_ORDER = [
  ...TABS.filter((tab) => tab.audience === "department"),
  ...TABS.filter((tab) => tab.audience === "school"),
  ...TABS.filter((tab) => tab.audience === "decider"),
];

/** Who imports when --as is not given: the local operator, with the Department's rights. */
export const localOperator = (unitId: string): User => ({
  email: "tdkt-cli@localhost",
  role: "ADMIN",
  unitId,
});

export interface ImportedTab {
  tab: string;
  sheetName: string;
  /** The ingest answer, or the error that stopped the whole tab (unknown year, no rights…). */
  result: IngestResponse | undefined;
  error: { code: string; message: string } | undefined;
}

export interface ImportOptions {
  unit: string;
  year: string;
  mode: "partial" | "full";
  file: string;
}

/** Ingests every tab of the workbook and writes each row's status into it (in memory). */
export async function importWorkbook(
  db: Firestore,
  user: User,
  workbook: ExcelJS.Workbook,
  options: ImportOptions,
): Promise<{ tabs: ImportedTab[]; ignored: string[] }> {
  const { tabs, ignored } = readWorkbook(workbook, IMPORT_ORDER);
  const imported: ImportedTab[] = [];
  for (const { tab, sheetName, headerRow, rows } of tabs) {
    // An untouched tab of the template is not a request to withdraw everything.
    if (rows.every((row) => Object.values(row.values).every(isEmptyCell))) continue;
    const body = {
      unit: options.unit,
      year: options.year,
      source: { file: options.file, sheet: sheetName },
      rows,
      mode: tab.scope === "global" ? "partial" : options.mode,
    };
    try {
      // The CLI runs locally: no row limit, so a full-tab send stays one request.
      const { body: result } = await ingestTab(db, user, tab.id, body, {
        requestId: randomUUID(),
        maxRows: Number.MAX_SAFE_INTEGER,
      });
      const statuses = new Map(result.rows.map((row) => [row.row, statusText(row)]));
      const sheet = workbook.getWorksheet(sheetName);
      if (sheet) writeStatusColumn(sheet, headerRow, statuses);
      imported.push({ tab: tab.id, sheetName, result, error: undefined });
    } catch (error) {
      if (!isAppError(error)) throw error;
      imported.push({
        tab: tab.id,
        sheetName,
        result: undefined,
        error: { code: error.code, message: error.message },
      });
    }
  }
  return { tabs: imported, ignored };
}

/** The Vietnamese report: a line per tab, a line per rejected row's error. */
export function importReport(tabs: readonly ImportedTab[]): string[] {
  return tabs.flatMap(({ sheetName, result, error }) => {
    if (!result) return [`${sheetName}: ${error?.message ?? ""}`];
    return [
      `${sheetName}: ${sheetMessages.importSummary(result.accepted, result.rejected, result.withdrawn)}`,
      ...result.rows.flatMap((row) =>
        row.errors.map((cellError) => `  ${sheetMessages.importRow(sheetName, row.row, cellError.message)}`),
      ),
    ];
  });
}

async function actingUser(db: Firestore, email: string | undefined, unit: string): Promise<User | undefined> {
  if (!email) return localOperator(unit);
  return loadUser(db, emailKey(email));
}

export const importCommand: CliCommand = {
  name: "import",
  summary: sheetMessages.importSummaryLine,
  usage: sheetMessages.importUsage,
  run: async (args, io) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        unit: { type: "string" },
        year: { type: "string" },
        as: { type: "string" },
        out: { type: "string" },
        full: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
      },
    });
    const file = positionals[0];
    if (!file || !values.unit || !values.year) {
      io.stderr(sheetMessages.usageError(sheetMessages.importUsage));
      return 2;
    }
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.readFile(file);
    } catch {
      io.stderr(`${sheetMessages.fileMissing(file)}\n`);
      return 2;
    }
    const out = values.out ?? file.replace(/(\.xlsx)?$/i, ".ket-qua.xlsx");
    const unit = values.unit;
    const year = values.year;
    const outcome = await withFirestore(async (db) => {
      const user = await actingUser(db, values.as, unit);
      if (!user) return undefined;
      return importWorkbook(db, user, workbook, { unit, year, mode: values.full ? "full" : "partial", file });
    });
    if (!outcome) {
      io.stderr(`${sheetMessages.unknownActor(values.as ?? "")}\n`);
      return 2;
    }
    await workbook.xlsx.writeFile(out);
    if (values.json) io.stdout(`${JSON.stringify({ ...outcome, output: out }, null, 2)}\n`);
    else
      io.stdout(
        [
          ...outcome.ignored.map(sheetMessages.importTabSkipped),
          ...importReport(outcome.tabs),
          sheetMessages.importWrote(out),
          "",
        ].join("\n"),
      );
    const failed = outcome.tabs.some((tab) => tab.error !== undefined || (tab.result?.rejected ?? 0) > 0);
    return failed ? 1 : 0;
  },
};
