/**
 * `tdkt leveling --year Y [--unit ID …] [--json] [--pdf FILE [--options FILE]] [--sheet]`: the
 * anti-"cào bằng, nể nang" report (docs/leveling.md) — a line per unit and its flags, the JSON, the
 * PDF, or the summary spreadsheet's tab.
 */
import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { documentCliMessages, levelingMessages as msg } from "../../domain/messages/index.js";
import { levelingPdf, levelingReport, publishLevelingTab } from "../../services/leveling.js";
import { sheetsClient } from "../../services/summary-sheet.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

interface LevelingArgs {
  year?: string;
  unit?: string[];
  json?: boolean;
  pdf?: string;
  options?: string;
  sheet?: boolean;
}

export const levelingCommand: CliCommand = {
  name: "leveling",
  summary: msg.cliSummary,
  usage: msg.cliUsage,
  run: async (args, io) => {
    let values: LevelingArgs;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          year: { type: "string" },
          unit: { type: "string", multiple: true },
          json: { type: "boolean" },
          pdf: { type: "string" },
          options: { type: "string" },
          sheet: { type: "boolean" },
        },
      }));
    } catch {
      io.stderr(msg.cliUsage);
      return 2;
    }
    const { year, unit: unitIds, pdf } = values;
    if (!year || (values.options && !pdf)) {
      io.stderr(msg.cliUsage);
      return 2;
    }
    let document: Record<string, unknown> = {};
    if (values.options) {
      try {
        document = JSON.parse(await readFile(values.options, "utf8")) as Record<string, unknown>;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        io.stderr(documentCliMessages.readFailed(values.options, reason));
        return 2;
      }
    }
    // Typed errors (unknown unit, missing document data, Sheets unavailable) go to run.ts's exit codes.
    await withFirestore(async (db) => {
      if (pdf) {
        const today = new Date().toISOString().slice(0, 10);
        await writeFile(pdf, await levelingPdf(db, year, { date: today, ...document }, unitIds));
        io.stdout(`${msg.cliPdfWritten(pdf)}\n`);
      }
      if (values.sheet) {
        const written = await publishLevelingTab(db, year, sheetsClient(process.env.TDKT_SHEETS_ROOT_URL));
        io.stdout(`${msg.cliSheetWritten(written.spreadsheetId, written.tabs[0]?.rows ?? 0)}\n`);
      }
      if (pdf || values.sheet) return;
      const report = await levelingReport(db, year, { unitIds });
      if (values.json) {
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      for (const line of report.units) {
        const htxs = line.ratings.HTXS?.share ?? 0;
        io.stdout(`${msg.cliUnitLine(line.unitName, line.people, msg.percent(htxs), line.flags.length)}\n`);
        for (const flag of line.flags) io.stdout(`  ! ${flag.code}: ${flag.message}\n`);
      }
    });
    return 0;
  },
};
