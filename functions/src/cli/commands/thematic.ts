/**
 * `tdkt thematic --year Y [--json] [--propose --as EMAIL]`: the year's khen thưởng chuyên đề from
 * stored data (services/thematic.ts) — each field's registered units in order with their reasons —
 * and, with --propose, the proposals of kind CHUYEN_DE for the decision, as the account EMAIL.
 */
import { thematicMessages as msg } from "../../domain/messages/index.js";
import { emailKey } from "../../domain/text.js";
import type { ThematicSelection } from "../../domain/thematic.js";
import { loadUser } from "../../services/runtime.js";
import { proposeThematicAwards, thematicSelection } from "../../services/thematic.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

export const thematicCommand: CliCommand = {
  name: "thematic",
  summary: msg.summary,
  usage: msg.usage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        year: { type: "string" },
        json: { type: "boolean" },
        propose: { type: "boolean" },
        as: { type: "string" },
      },
      msg.usage,
      io,
    );
    if (!values) return 2;
    const { year, as } = values;
    if (!year || (values.propose && !as)) {
      io.stderr(msg.usage);
      return 2;
    }
    return await withFirestore(async (db) => {
      if (!values.propose || !as) {
        const selection = await thematicSelection(db, year);
        io.stdout(values.json ? `${JSON.stringify(selection, null, 2)}\n` : selectionText(selection));
        return 0;
      }
      const user = await loadUser(db, emailKey(as));
      if (!user) {
        io.stderr(`${msg.unknownUser(as)}\n`);
        return 1;
      }
      const result = await proposeThematicAwards(db, user, year, `cli:thematic:${Date.now()}`);
      if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else {
        io.stdout(selectionText(result.selection));
        for (const skipped of result.skipped) io.stdout(`${skipped.reason}\n`);
        io.stdout(
          `${msg.proposalsWritten(
            result.proposals.length,
            result.proposals.map((proposal) => proposal.dossierId),
          )}\n`,
        );
      }
      return 0;
    });
  },
};

/** The terminal's table: each field, its units in order with status and reason, ties explained. */
function selectionText(selection: ThematicSelection): string {
  const lines = [msg.heading(selection.year, selection.fieldsSource === "DEFAULT"), ""];
  for (const { field, cap, minRating, form, entries, unregisteredResults } of selection.fields) {
    lines.push(
      msg.fieldHeading({
        name: field.name,
        code: field.code,
        cap,
        minRating,
        form,
        deadline: field.registrationDeadline,
      }),
    );
    if (entries.length === 0) lines.push(msg.noEntries);
    for (const entry of entries) {
      lines.push(msg.entryLine(entry));
      if (entry.tieBreak) lines.push(msg.tieLine(entry.tieBreak));
    }
    for (const unit of unregisteredResults) lines.push(msg.unregisteredLine(unit.unitName, unit.unitId));
    lines.push("");
  }
  for (const entry of selection.outsideFields)
    lines.push(msg.outsideFieldLine(entry.unitName, entry.unitId, entry.field, entry.entry));
  return `${lines.join("\n")}\n`;
}
