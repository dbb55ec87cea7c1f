/**
 * `tdkt inspection --year Y [--unit U] [--json]`: the findings dashboard (per visit, unit, item, and
 * the overdue recommendations); `--visit V --out DIR [--options FILE]`: the visit's Biên bản kiểm tra
 * in DIR, the options file giving the Department as it signs ({ "issuer": … }).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { inspectionMessages as msg } from "../../domain/messages/index.js";
import { type InspectionsView, inspectionDocument, inspectionsFor } from "../../services/inspections.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";
import { readOptionsFile } from "../options-file.js";
import { localOperator } from "./import.js";

export const inspectionCommand: CliCommand = {
  name: "inspection",
  summary: msg.summary,
  usage: msg.usage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        year: { type: "string" },
        unit: { type: "string" },
        visit: { type: "string" },
        out: { type: "string" },
        options: { type: "string" },
        json: { type: "boolean" },
      },
      msg.usage,
      io,
    );
    if (!values) return 2;
    const { year, unit, visit, out } = values;
    if (!year) {
      io.stderr(msg.usage);
      return 2;
    }
    if (visit !== undefined && !out) {
      io.stderr(msg.visitNeedsOut);
      return 2;
    }
    const operator = localOperator(unit ?? "");
    if (visit !== undefined && out) {
      const read = await readOptionsFile(values.options, io);
      if (!read) return 1;
      const document = await withFirestore((db) =>
        inspectionDocument(db, operator, year, visit, read.options),
      );
      await mkdir(out, { recursive: true });
      const path = join(out, document.fileName);
      await writeFile(path, document.pdf);
      io.stdout(msg.written(path));
      return 0;
    }
    const view = await withFirestore((db) => inspectionsFor(db, operator, year, { unitId: unit }));
    io.stdout(values.json ? `${JSON.stringify(view, null, 2)}\n` : dashboardText(view));
    return 0;
  },
};

/** The terminal's table: each visit, then the đạt rates per unit and per item, then what is overdue. */
function dashboardText(view: InspectionsView): string {
  const lines = [msg.heading(view.year, view.asOf), ""];
  if (view.visits.length === 0) return `${[...lines, msg.noVisits].join("\n")}\n`;
  const nameOf = (unitId: string) => view.unitNames[unitId] ?? unitId;
  for (const visit of view.visits) lines.push(msg.visitLine(nameOf(visit.unitId), visit));
  lines.push("", msg.unitsHeading);
  for (const unit of view.units) lines.push(msg.unitLine(nameOf(unit.unitId), unit));
  lines.push("", msg.itemsHeading);
  for (const item of view.items) lines.push(msg.itemLine(item.item, item.met, item.checked, item.rate));
  if (view.overdue.length > 0) {
    lines.push("", msg.overdueHeading);
    for (const entry of view.overdue) lines.push(msg.overdueLine(nameOf(entry.unitId), entry));
  }
  return `${lines.join("\n")}\n`;
}
