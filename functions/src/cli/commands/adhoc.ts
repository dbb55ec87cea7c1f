/**
 * `tdkt adhoc --year Y [--unit U] [--json] [--out DIR --date D]`: the year's đột xuất cases (forms
 * proposed by the table, clocks); with --out, the unit's simplified dossier (Luật 2022 Đ85) in DIR.
 */
import {
  adHocRoleLabels,
  awardCodeLabels,
  clockStateLabels,
  adHocMessages as msg,
} from "../../domain/messages/index.js";
import { adHocReport, buildAdHocDossier } from "../../services/ad-hoc.js";
import { localFileStore } from "../../services/files.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";
import { localOperator } from "./import.js";

export const adHocCommand: CliCommand = {
  name: "adhoc",
  summary: msg.cliSummary,
  usage: msg.cliUsage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        year: { type: "string" },
        unit: { type: "string" },
        json: { type: "boolean" },
        out: { type: "string" },
        date: { type: "string" },
      },
      msg.cliUsage,
      io,
    );
    if (!values) return 2;
    const { year, unit, json, out, date } = values;
    if (!year || (out && (!unit || !date))) {
      io.stderr(msg.cliUsage);
      return 2;
    }
    // The local operator is an administrator: without --unit it sees every unit.
    const operator = localOperator(unit ?? "");
    if (out && unit) {
      const built = await withFirestore((db) =>
        buildAdHocDossier({
          db,
          unitId: unit,
          year,
          options: { date },
          files: localFileStore(out),
          actor: "cli",
        }),
      );
      if (json) io.stdout(`${JSON.stringify(built, null, 2)}\n`);
      else io.stdout(`${msg.cliWrote(built.documents.length, out)}\n`);
      return 0;
    }
    const report = await withFirestore((db) => adHocReport(db, operator, year, { unitId: unit }));
    if (json) {
      io.stdout(`${JSON.stringify(report, null, 2)}\n`);
      return 0;
    }
    for (const entry of report.units) {
      io.stdout(`${msg.cliUnit(entry.unit.name, entry.overdue)}\n`);
      for (const line of entry.lines)
        io.stdout(
          `${msg.cliLine(line.name, adHocRoleLabels[line.role], awardCodeLabels[line.target], line.ruleId)}\n`,
        );
      for (const item of entry.cases)
        io.stdout(
          `${
            item.clock
              ? msg.cliClock(
                  item.name,
                  clockStateLabels[item.clock.state],
                  item.clock.days,
                  item.clock.deadline,
                )
              : msg.cliNoDate(item.name)
          }\n`,
        );
    }
    return 0;
  },
};
