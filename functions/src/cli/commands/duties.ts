/**
 * The reports of the guidance's other duties (docs/duties.md):
 *   tdkt dissemination --year Y [--unit U] [--as-of D] [--deadline-days N] [--json] [--out DIR --options FILE]
 *   tdkt officers --year Y [--unit U] [--trained-years N] [--json] [--out DIR --options FILE]
 *   tdkt training-plan --year Y --unit U [--as-of D] [--json]
 * A short Vietnamese table on the terminal, the same figures as JSON, or the PDF into DIR.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { dutyMessages as msg } from "../../domain/messages/index.js";
import { disseminationOf, disseminationPdf } from "../../services/dissemination.js";
import { namedUnits } from "../../services/duties.js";
import { officersOf, officersPdf, trainingPlanOf } from "../../services/emulation-officers.js";
import type { CliCommand, CliIo } from "../command.js";
import { withFirestore } from "../firestore.js";
import { readOptionsFile } from "../options-file.js";

interface ReportArgs {
  year?: string;
  unit?: string;
  json?: boolean;
  out?: string;
  options?: string;
  "as-of"?: string;
  "deadline-days"?: string;
  "trained-years"?: string;
}

/** The parsed arguments, or undefined (usage told on stderr) when they are wrong. */
function reportArgs(
  args: string[],
  io: CliIo,
  usage: string,
  extra: readonly string[],
): ReportArgs | undefined {
  try {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: "string" },
        unit: { type: "string" },
        json: { type: "boolean" },
        out: { type: "string" },
        options: { type: "string" },
        ...Object.fromEntries(extra.map((name) => [name, { type: "string" as const }])),
      },
    });
    const parsed = values as ReportArgs;
    if (parsed.year && (parsed.out === undefined) === (parsed.options === undefined)) return parsed;
  } catch {
    // Told below, as a missing year is.
  }
  io.stderr(usage);
  return undefined;
}

/** Writes the PDF `name` into `dir`, and says so. */
async function writePdf(io: CliIo, dir: string, name: string, content: Buffer): Promise<void> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, content);
  io.stdout(`${msg.cliPdfWritten(file)}\n`);
}

export const disseminationCommand: CliCommand = {
  name: "dissemination",
  summary: msg.disseminationSummary,
  usage: msg.disseminationUsage,
  run: async (args, io) => {
    const values = reportArgs(args, io, msg.disseminationUsage, ["as-of", "deadline-days"]);
    if (!values?.year) return 2;
    const { year } = values;
    const query = { asOf: values["as-of"], deadlineDays: values["deadline-days"] };
    const document = values.options ? await readOptionsFile(values.options, io) : undefined;
    if (values.options && !document) return 2;
    await withFirestore(async (db) => {
      const units = await namedUnits(db, values.unit);
      if (values.out && document) {
        const pdf = await disseminationPdf(
          db,
          year,
          units,
          query,
          document.options as Record<string, unknown>,
        );
        await writePdf(io, values.out, `bao-cao-quan-triet-${year}.pdf`, pdf);
        return;
      }
      const report = await disseminationOf(db, year, units, query);
      if (values.json) {
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      for (const document of report.documents)
        io.stdout(
          `${msg.cliDocumentLine(document.code, document.number, document.deadline, document.unitsHeld, report.units.length, document.share)}\n`,
        );
      for (const unit of report.units) {
        io.stdout(`${msg.cliUnitLine(unit.unitName, unit.staff, unit.overdue, unit.withoutSession)}\n`);
        for (const entry of unit.documents)
          io.stdout(`${msg.cliCoverageCell(entry.code, entry.acknowledged, unit.staff, entry.share)}\n`);
      }
    });
    return 0;
  },
};

export const officersCommand: CliCommand = {
  name: "officers",
  summary: msg.officersSummary,
  usage: msg.officersUsage,
  run: async (args, io) => {
    const values = reportArgs(args, io, msg.officersUsage, ["trained-years"]);
    if (!values?.year) return 2;
    const { year } = values;
    const query = { trainedYears: values["trained-years"] };
    const document = values.options ? await readOptionsFile(values.options, io) : undefined;
    if (values.options && !document) return 2;
    await withFirestore(async (db) => {
      const units = await namedUnits(db, values.unit);
      if (values.out && document) {
        const pdf = await officersPdf(db, year, units, query, document.options as Record<string, unknown>);
        await writePdf(io, values.out, `bao-cao-doi-ngu-thi-dua-${year}.pdf`, pdf);
        return;
      }
      const report = await officersOf(db, year, units, query);
      if (values.json) {
        io.stdout(`${JSON.stringify(report, null, 2)}\n`);
        return;
      }
      for (const unit of report.units)
        io.stdout(`${msg.cliOfficerUnitLine(unit.unitName, unit.officers.length, unit.trained)}\n`);
      for (const line of report.coverage) io.stdout(`${msg.cliCoverageLine(line)}\n`);
      io.stdout(`${msg.cliUntrained(report.untrainedUnits.map((unit) => unit.unitName))}\n`);
    });
    return 0;
  },
};

export const trainingPlanCommand: CliCommand = {
  name: "training-plan",
  summary: msg.planSummary,
  usage: msg.planUsage,
  run: async (args, io) => {
    const values = reportArgs(args, io, msg.planUsage, ["as-of"]);
    if (!values?.year) return 2;
    if (!values.unit || values.out) {
      io.stderr(msg.planUsage);
      return 2;
    }
    const { year, unit } = values;
    await withFirestore(async (db) => {
      const [stored] = await namedUnits(db, unit);
      if (!stored) return;
      const plan = await trainingPlanOf(db, year, stored, values["as-of"]);
      if (values.json) {
        io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
        return;
      }
      io.stdout(
        `${msg.planHeader(plan.unitName, plan.year, plan.staff, plan.staffAttended, plan.staffPassed)}\n`,
      );
      for (const course of plan.courses) io.stdout(`${msg.planCourseLine(course)}\n`);
    });
    return 0;
  },
};
