/** `tdkt remind --year Y [--dry-run] [--json]`: the day's due reminders, through the configured channel. */
import { randomUUID } from "node:crypto";
import { reminderMessages as msg } from "../../domain/messages/index.js";
import { reminderChannelFromEnv, sendReminders } from "../../services/reminders.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

export const remindCommand: CliCommand = {
  name: "remind",
  summary: msg.cliSummary,
  usage: msg.cliUsage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      { year: { type: "string" }, "dry-run": { type: "boolean" }, json: { type: "boolean" } },
      msg.cliUsage,
      io,
    );
    if (!values) return 2;
    const { year } = values;
    if (!year) {
      io.stderr(msg.cliUsage);
      return 2;
    }
    const channel = reminderChannelFromEnv();
    const run = await withFirestore((db) =>
      sendReminders({
        db,
        year,
        channel,
        dryRun: values["dry-run"] === true,
        actor: "cli:remind",
        requestId: randomUUID(),
      }),
    );
    if (values.json) io.stdout(`${JSON.stringify(run, null, 2)}\n`);
    else {
      for (const reminder of run.reminders)
        io.stdout(
          `${msg.line(reminder.unitId, msg.kindLabels[reminder.kind] ?? reminder.kind, reminder.deadline, msg.outcomeLabels[reminder.outcome] ?? reminder.outcome, reminder.recipients)}\n`,
        );
      io.stdout(`${msg.done(run.date, run.reminders.length)}\n`);
    }
    return run.reminders.some((reminder) => reminder.outcome === "failed") ? 1 : 0;
  },
};
