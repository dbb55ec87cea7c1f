/**
 * `tdkt history import FILE.xlsx [--format province|tdkt] [--year Y] [--decision SỐ] [--decision-date D]
 * [--issuer TEXT] [--dry-run] [--json] [--out FILE]`: the province's past lists into the awards
 * ledger (services/history-import.ts), as the Department's local operator. Prints each row's
 * status (or one JSON object per data row), writes a copy with a "Trạng thái" column as `tdkt import`
 * does; exit 1 when any row is rejected.
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import ExcelJS from "exceljs";
import { historyMessages, sheetMessages } from "../../domain/messages/index.js";
import type { User } from "../../domain/model.js";
import { formatDateVi } from "../../domain/text.js";
import { type HistoryImportResult, importHistory, statusLine } from "../../services/history-import.js";
import { toIsoDate } from "../../sheets/cells.js";
import { HISTORY_FORMATS, type HistoryFormat } from "../../sheets/history-workbook.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

/** The local operator imports with the Department's rights (as `tdkt import` does). */
const LOCAL_OPERATOR: User = { email: "tdkt-cli@localhost", role: "ADMIN", unitId: "so-gddt" };

/** One JSON object per data row: { row, status, reason?, candidates? } (and its sheet). */
function jsonLines(result: HistoryImportResult): string[] {
  return result.rows.map((row) =>
    JSON.stringify({
      row: row.row,
      sheet: row.sheet,
      status: row.status,
      ...(row.reason ? { reason: row.reason } : {}),
      ...(row.candidates ? { candidates: row.candidates } : {}),
    }),
  );
}

/** The Vietnamese report: a line per row, its candidates, what a dry run would write, the counts. */
function historyReport(result: HistoryImportResult): string[] {
  const lines = result.dryRun ? [historyMessages.dryRun] : [];
  for (const row of result.rows) {
    lines.push(historyMessages.rowLine(row.sheet, row.row, statusLine(row)));
    for (const candidate of row.candidates ?? [])
      lines.push(
        historyMessages.candidateLine(
          candidate.id,
          candidate.name,
          candidate.unitId,
          candidate.birthDate ? formatDateVi(candidate.birthDate) : undefined,
        ),
      );
    if (result.dryRun && row.status === "new")
      for (const award of row.awards ?? [])
        lines.push(
          historyMessages.wouldWrite(row.subject ?? "", award.code, award.year, award.decisionNo ?? ""),
        );
  }
  const count = (status: string) => result.rows.filter((row) => row.status === status).length;
  lines.push(historyMessages.summary(count("new"), count("unchanged"), count("rejected")));
  return lines;
}

const isFormat = (value: string): value is HistoryFormat =>
  (HISTORY_FORMATS as readonly string[]).includes(value);

async function runImport(args: string[], io: Parameters<CliCommand["run"]>[1]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "province" },
      year: { type: "string" },
      decision: { type: "string" },
      "decision-date": { type: "string" },
      issuer: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      json: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  const file = positionals[0];
  const format = values.format ?? "province";
  const decisionDate = values["decision-date"] === undefined ? undefined : toIsoDate(values["decision-date"]);
  if (!file || positionals.length > 1 || !isFormat(format)) {
    io.stderr(sheetMessages.usageError(historyMessages.usage));
    return 2;
  }
  if (values["decision-date"] !== undefined && decisionDate === undefined) {
    io.stderr(`${historyMessages.badQueryDate(values["decision-date"])}\n`);
    return 2;
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    io.stderr(`${sheetMessages.fileMissing(file)}\n`);
    return 2;
  }
  const result = await withFirestore((db) =>
    importHistory(db, LOCAL_OPERATOR, workbook, {
      format,
      defaults: { year: values.year, decisionNo: values.decision, decisionDate, issuer: values.issuer },
      dryRun: values["dry-run"] ?? false,
      file,
      requestId: randomUUID(),
    }),
  );
  const out = values.out ?? file.replace(/(\.xlsx)?$/i, ".ket-qua.xlsx");
  await workbook.xlsx.writeFile(out);
  const lines = values.json ? jsonLines(result) : [...historyReport(result), historyMessages.wrote(out)];
  io.stdout(`${lines.join("\n")}\n`);
  return result.rows.some((row) => row.status === "rejected") ? 1 : 0;
}

export const historyCommand: CliCommand = {
  name: "history",
  summary: historyMessages.commandSummary,
  usage: historyMessages.usage,
  run: async (args, io) => {
    const [action, ...rest] = args;
    if (action !== "import") {
      io.stderr(sheetMessages.usageError(historyMessages.usage));
      return 2;
    }
    return runImport(rest, io);
  },
};
