/**
 * `tdkt leveling --year Y [--unit ID …] [--json] [--pdf FILE [--options FILE]] [--sheet]`: the
 * anti-"cào bằng, nể nang" report (docs/leveling.md) — a line per unit and its flags, the JSON, the
 * PDF, or the summary spreadsheet's tab.
 */
import { writeFile } from "node:fs/promises";
import { levelingMessages as msg } from "../../domain/messages/index.js";
import { levelingPdf, levelingReport, publishLevelingTab } from "../../services/leveling.js";
import { sheetsClient } from "../../services/summary-sheet.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";
import { readOptionsFile } from "../options-file.js";

export const levelingCommand: CliCommand = {
  name: "leveling",
  summary: msg.cliSummary,
  usage: msg.cliUsage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        year: { type: "string" },
        unit: { type: "string", multiple: true },
        json: { type: "boolean" },
        pdf: { type: "string" },
        options: { type: "string" },
        sheet: { type: "boolean" },
      },
      msg.cliUsage,
      io,
    );
    if (!values) return 2;
    const { year, unit: unitIds, pdf } = values;
    if (!year || (values.options && !pdf)) {
      io.stderr(msg.cliUsage);
      return 2;
    }
    const read = await readOptionsFile(values.options, io);
    if (!read) return 2;
    // Typed errors (unknown unit, missing document data, Sheets unavailable) go to run.ts's exit codes.
    await withFirestore(async (db) => {
      if (pdf) {
        await writeFile(pdf, await levelingPdf(db, year, read.options as Record<string, unknown>, unitIds));
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
