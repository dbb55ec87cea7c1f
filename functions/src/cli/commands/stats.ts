/**
 * `tdkt stats --year Y [--json] [--pdf FILE --options FILE] [--classes FILE]`: the year's titles and
 * forms by class of subject, as a table on the terminal, as JSON, or as the signed PDF table.
 */
import { writeFile } from "node:fs/promises";
import { renderThongKe } from "../../documents/thong-ke.js";
import { provinceMessages as msg } from "../../domain/messages/index.js";
import { isSchoolYear } from "../../domain/school-year.js";
import { type StatisticsTable, statisticsTable, yearStatistics } from "../../services/statistics.js";
import { commandOptions } from "../args.js";
import { readClassRules } from "../class-rules.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";
import { readOptionsFile } from "../options-file.js";

export const statsCommand: CliCommand = {
  name: "stats",
  summary: msg.statsSummary,
  usage: msg.statsUsage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        year: { type: "string" },
        json: { type: "boolean" },
        pdf: { type: "string" },
        options: { type: "string" },
        classes: { type: "string" },
      },
      msg.statsUsage,
      io,
    );
    if (!values) return 2;
    const { year } = values;
    if (!year || (values.pdf !== undefined) !== (values.options !== undefined)) {
      io.stderr(msg.statsUsage);
      return 2;
    }
    if (!isSchoolYear(year)) {
      io.stderr(`${msg.invalidYear(year)}\n`);
      return 2;
    }
    const classes = await readClassRules(values.classes);
    if ("error" in classes) {
      io.stderr(classes.error);
      return 2;
    }
    const read = await readOptionsFile(values.options, io);
    if (!read) return 2;
    const statistics = await withFirestore((db) => yearStatistics(db, year, classes.rules));
    const table = statisticsTable(statistics);
    if (values.json) io.stdout(`${JSON.stringify({ ...statistics, table }, null, 2)}\n`);
    else io.stdout(formatTable(table));
    const pdfPath = values.pdf;
    if (!pdfPath) return 0;
    const pdf = await renderThongKe({
      ...(read.options as object),
      schoolYear: year,
      units: statistics.units,
      table: { header: table.header, rows: table.rows },
    });
    await writeFile(pdfPath, pdf);
    io.stdout(`${msg.statsWritten(pdfPath)}\n`);
    return 0;
  },
};

/**
 * The table on a terminal: the class columns numbered, their names in a legend below (they are
 * too long for column heads), the first column left, the counts right-aligned.
 */
function formatTable(table: StatisticsTable): string {
  const [first = "", ...rest] = table.header;
  const classes = rest.slice(0, -1);
  const head = [first, ...classes.map((_, index) => `(${index + 1})`), rest.at(-1) ?? ""];
  const rows = [head, ...table.rows];
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, String(cell).length);
    });
  const lines = rows.map((row) =>
    row
      .map((cell, index) =>
        index === 0 ? String(cell).padEnd(widths[0] ?? 0) : String(cell).padStart(widths[index] ?? 0),
      )
      .join("  "),
  );
  const legend = classes.map((name, index) => `(${index + 1}) ${name}`);
  return `${table.title}\n\n${lines.join("\n")}\n\n${legend.join("\n")}\n`;
}
