/**
 * The `reminders` CloudEvent function: Cloud Scheduler publishes to a Pub/Sub topic every morning
 * (README, "Reminders"), and each run sends the day's due reminders once. A run that could not send
 * some reminder fails, so Pub/Sub retries it; the per-day records keep the retry from sending the
 * others twice.
 */
import { randomUUID } from "node:crypto";
import * as functions from "@google-cloud/functions-framework";
import { isAppError } from "../domain/errors.js";
import { reminderChannelFromEnv, reminderYearOf, sendReminders } from "../services/reminders.js";
import { createFirestore } from "../services/runtime.js";

let db: ReturnType<typeof createFirestore> | undefined;

functions.cloudEvent("reminders", async (event: functions.CloudEvent<unknown>) => {
  db ??= createFirestore();
  const at = new Date();
  let year: string;
  try {
    year = reminderYearOf(event.data, at);
  } catch (error) {
    // A malformed message stays malformed: acknowledged and logged, not retried for ever.
    if (!isAppError(error)) throw error;
    process.stdout.write(
      `${JSON.stringify({ severity: "ERROR", event: "reminders-run", error: error.message })}\n`,
    );
    return;
  }
  const run = await sendReminders({
    db,
    year,
    channel: reminderChannelFromEnv(),
    at,
    actor: "job:reminders",
    requestId: event.id ?? randomUUID(),
  });
  const failed = run.reminders.filter((reminder) => reminder.outcome === "failed");
  process.stdout.write(
    `${JSON.stringify({
      severity: failed.length > 0 ? "ERROR" : "INFO",
      event: "reminders-run",
      year: run.year,
      date: run.date,
      channel: run.channel,
      outcomes: run.reminders.map(({ unitId, kind, outcome }) => ({ unitId, kind, outcome })),
    })}\n`,
  );
  if (failed.length > 0) throw new Error(`${failed.length} reminder(s) could not be sent`);
});
