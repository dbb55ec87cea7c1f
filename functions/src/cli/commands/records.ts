/**
 * `tdkt records --year Y [--json]`: every unit's records index counted per set, so that units compare;
 * `tdkt records --unit U --year Y [--years 5|10] [--json] [--out DIR]`: the unit's records index (what
 * its year's hồ sơ holds and lacks, by kind) and, with --out, its PDF and the sổ theo dõi over the
 * period. `tdkt evidence --unit U --year Y [--json] [--out DIR]`: the merit evidence beside each
 * proposal, flagged where it is missing, and the council's working list as PDF.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { subjectText } from "../../documents/muc-luc.js";
import {
  awardCodeLabels,
  evidenceCliMessages,
  recordDocumentLabels,
  recordKindLabels,
  recordsCliMessages,
} from "../../domain/messages/index.js";
import { evidenceFileName, unitMeritEvidence } from "../../services/merit-evidence.js";
import {
  recordsComparison,
  recordsFileName,
  registerFileName,
  registerPeriodOf,
  unitRecordsIndex,
  unitRegisterPdf,
} from "../../services/records-index.js";
import { commandOptions } from "../args.js";
import type { CliCommand, CliIo } from "../command.js";
import { withFirestore } from "../firestore.js";
import { localOperator } from "./import.js";

/**
 * The common flags; undefined (usage printed) when they do not parse, --year is missing, or --unit is
 * where the command needs it.
 */
function unitYearArgs(args: readonly string[], io: CliIo, usage: string, command: "records" | "evidence") {
  const values = commandOptions(
    [...args],
    {
      unit: { type: "string" },
      year: { type: "string" },
      years: { type: "string" },
      json: { type: "boolean" },
      out: { type: "string" },
    },
    usage,
    io,
  );
  if (!values) return undefined;
  const { unit, year } = values;
  const needsUnit = command === "evidence" || values.out !== undefined || values.years !== undefined;
  if (!year || (needsUnit && !unit) || (command === "evidence" && values.years !== undefined)) {
    io.stderr(usage);
    return undefined;
  }
  return { ...values, year };
}

async function writePdf(
  io: CliIo,
  out: string,
  name: string,
  content: Buffer,
  written: (path: string) => string,
) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, name), content);
  io.stdout(`${written(join(out, name))}\n`);
}

export const recordsCommand: CliCommand = {
  name: "records",
  summary: recordsCliMessages.summary,
  usage: recordsCliMessages.usage,
  run: async (args, io) => {
    const values = unitYearArgs(args, io, recordsCliMessages.usage, "records");
    if (!values) return 2;
    const { unit, year, out } = values;
    const period = registerPeriodOf(values.years, "--years");
    if (!unit) {
      // Without --unit: every unit, its counts per set, so that units compare.
      const lines = await withFirestore((db) => recordsComparison(db, localOperator(""), year));
      if (values.json) io.stdout(`${JSON.stringify({ year, units: lines }, null, 2)}\n`);
      else
        for (const line of lines)
          io.stdout(
            `${recordsCliMessages.unitLine(
              line.unitName,
              line.sets.map((set) =>
                recordsCliMessages.line(recordKindLabels[set.kind], set.present, set.expected),
              ),
              line.missing,
            )}\n`,
          );
      return 0;
    }
    const operator = localOperator(unit);
    await withFirestore(async (db) => {
      const { index, pdf } = await unitRecordsIndex(db, operator, unit, year);
      if (values.json) io.stdout(`${JSON.stringify(index, null, 2)}\n`);
      else {
        for (const set of index.sets) {
          io.stdout(`${recordsCliMessages.line(recordKindLabels[set.kind], set.present, set.expected)}\n`);
          for (const item of set.items.filter((candidate) => !candidate.present))
            io.stdout(
              `${recordsCliMessages.missingLine(recordDocumentLabels[item.document], item.subject ? subjectText(item) : "")}\n`,
            );
        }
        io.stdout(`${recordsCliMessages.total(index.present, index.expected, index.missing)}\n`);
      }
      if (!out) return;
      await writePdf(io, out, recordsFileName(unit, year), await pdf(), recordsCliMessages.written);
      const register = await unitRegisterPdf(db, operator, unit, year, period);
      await writePdf(io, out, registerFileName(unit, year, period), register, recordsCliMessages.written);
    });
    return 0;
  },
};

export const evidenceCommand: CliCommand = {
  name: "evidence",
  summary: evidenceCliMessages.summary,
  usage: evidenceCliMessages.usage,
  run: async (args, io) => {
    const values = unitYearArgs(args, io, evidenceCliMessages.usage, "evidence");
    if (!values?.unit) return 2;
    const { unit, year, out } = values;
    await withFirestore(async (db) => {
      const { report, pdf } = await unitMeritEvidence(db, localOperator(unit), unit, year);
      if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      else {
        for (const line of report.proposals.filter((candidate) => candidate.required))
          io.stdout(
            `${evidenceCliMessages.line(line.subjectName, awardCodeLabels[line.target], line.warning?.message ?? "")}\n`,
          );
        io.stdout(`${evidenceCliMessages.total(report.required, report.flagged)}\n`);
      }
      if (out)
        await writePdf(io, out, evidenceFileName(unit, year), await pdf(), evidenceCliMessages.written);
    });
    return 0;
  },
};
