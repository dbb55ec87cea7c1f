/**
 * Use case "remind the units of the year's deadlines" (the scheduled job, `tdkt remind`): finds the
 * due reminders (domain/reminders.ts) from stored data and sends each once per unit, kind and day
 * through the configured channel — the log (one structured line naming the unit, never a person)
 * or e-mail through TDKT_SMTP_URL to the unit's school accounts.
 */
import type { Firestore } from "@google-cloud/firestore";
import nodemailer from "nodemailer";
import { z } from "zod";
import { adHocOverdueReminder } from "../domain/ad-hoc.js";
import { currentSchoolYear, dateInVietnam } from "../domain/calendar.js";
import { AppError } from "../domain/errors.js";
import { reminderMessages, sheetMessages } from "../domain/messages/index.js";
import { type DueReminder, dueReminders, type ReminderKind } from "../domain/reminders.js";
import { isSchoolYear } from "../domain/school-year.js";
import { claimReminder, reminderInputs, settleReminder } from "../store/reminders.js";
import { loadYearConfig } from "../store/years.js";
import { overdueAdHocCases } from "./ad-hoc.js";

interface ReminderMessage {
  unitId: string;
  kind: ReminderKind;
  year: string;
  to: string[];
  subject: string;
  text: string;
}

export interface ReminderChannel {
  name: "log" | "smtp";
  send(message: ReminderMessage): Promise<void>;
}

/** The log channel: one JSON line per reminder with the unit and the kind, no address, no name. */
export const logChannel = (
  write: (line: string) => void = (line) => process.stdout.write(line),
): ReminderChannel => ({
  name: "log",
  send: async (message) => {
    write(
      `${JSON.stringify({
        severity: "INFO",
        event: "reminder",
        unitId: message.unitId,
        kind: message.kind,
        year: message.year,
        recipients: message.to.length,
        subject: message.subject,
      })}\n`,
    );
  },
});

/** E-mail through an SMTP server (smtp:// or smtps:// URL with its credentials). */
export function smtpChannel(url: string, from: string = reminderMessages.from): ReminderChannel {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("INVALID_ARGUMENT", reminderMessages.smtpUrlInvalid);
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:")
    throw new AppError("INVALID_ARGUMENT", reminderMessages.smtpUrlInvalid);
  const transport = nodemailer.createTransport(url);
  return {
    name: "smtp",
    send: async (message) => {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

/** TDKT_REMINDER_CHANNEL (log|smtp); by default smtp when TDKT_SMTP_URL is set, else the log. */
export function reminderChannelFromEnv(env: NodeJS.ProcessEnv = process.env): ReminderChannel {
  const chosen = env.TDKT_REMINDER_CHANNEL ?? (env.TDKT_SMTP_URL ? "smtp" : "log");
  if (chosen === "log") return logChannel();
  if (chosen !== "smtp") throw new AppError("INVALID_ARGUMENT", reminderMessages.badChannel(chosen));
  if (!env.TDKT_SMTP_URL) throw new AppError("INVALID_ARGUMENT", reminderMessages.smtpUrlMissing);
  return smtpChannel(env.TDKT_SMTP_URL, env.TDKT_SMTP_FROM);
}

type ReminderOutcome = "sent" | "already-sent" | "no-recipients" | "dry-run" | "failed";

export interface ReminderRun {
  year: string;
  date: string;
  channel: string;
  reminders: (Omit<DueReminder, "text"> & { recipients: number; outcome: ReminderOutcome })[];
}

export interface ReminderRequest {
  db: Firestore;
  year: string;
  channel: ReminderChannel;
  /** The moment of the run; its day in Asia/Ho_Chi_Minh is the one compared with the deadlines. */
  at?: Date;
  dryRun?: boolean;
  actor: string;
  requestId: string;
}

export async function sendReminders(request: ReminderRequest): Promise<ReminderRun> {
  const { db, year, channel } = request;
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, "body.year");
  const config = await loadYearConfig(db, year);
  if (!config) throw new AppError("NOT_FOUND", reminderMessages.noYearConfig(year));
  const date = dateInVietnam(request.at ?? new Date());
  const inputs = await reminderInputs(db, year);
  const due = dueReminders(
    config,
    date,
    inputs.units.map((unit) => ({
      unitId: unit.id,
      unitName: unit.name,
      registered: inputs.registered.has(unit.id),
      dossierState: inputs.dossierStates.get(unit.id),
    })),
  );
  for (const { unit, cases } of await overdueAdHocCases(db, year, date)) {
    const reminder = adHocOverdueReminder(unit, year, date, cases);
    if (reminder) due.push(reminder);
  }
  const meta = { actor: request.actor, requestId: request.requestId };
  const reminders: ReminderRun["reminders"] = [];
  // One at a time: a handful of units a day, and an SMTP server that is not flooded.
  for (const reminder of due) {
    const { text, subject, ...facts } = reminder;
    const unitRecipients = inputs.recipients.get(reminder.unitId) ?? [];
    const to =
      reminder.kind === "AD_HOC_OVERDUE"
        ? [...new Set([...unitRecipients, ...inputs.departmentRecipients])]
        : unitRecipients;
    const report = (outcome: ReminderOutcome) =>
      reminders.push({ ...facts, subject, recipients: to.length, outcome });
    if (to.length === 0) {
      report("no-recipients");
      continue;
    }
    if (request.dryRun) {
      report("dry-run");
      continue;
    }
    const key = { year, unitId: reminder.unitId, kind: reminder.kind, date };
    const { claimed, claim } = await claimReminder(
      db,
      { ...key, deadline: reminder.deadline, channel: channel.name, recipients: to.length },
      meta,
    );
    if (!claimed) {
      report("already-sent");
      continue;
    }
    try {
      await channel.send({ unitId: reminder.unitId, kind: reminder.kind, year, to, subject, text });
      await settleReminder(db, key, claim, "sent", meta);
      report("sent");
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The next run of the day takes a failed reminder again.
      await settleReminder(db, key, claim, "failed", meta);
      report("failed");
    }
  }
  return { year, date, channel: channel.name, reminders };
}

/** What the scheduler publishes: Pub/Sub's envelope around an optional JSON { "year": "2025-2026" }. */
const PubSubEnvelope = z.object({
  message: z.object({ data: z.string().optional() }).optional(),
});
const JobRequest = z.object({ year: z.string() }).partial();

/**
 * The year a scheduled run reminds of: the one the message names, else the school year of the
 * run's day in Vietnam, so one scheduler job serves every year.
 */
export function reminderYearOf(eventData: unknown, at: Date): string {
  const envelope = PubSubEnvelope.safeParse(eventData ?? {});
  if (!envelope.success) throw new AppError("INVALID_ARGUMENT", reminderMessages.badEvent);
  const encoded = envelope.data.message?.data;
  let named: string | undefined;
  if (encoded) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    } catch {
      throw new AppError("INVALID_ARGUMENT", reminderMessages.badEvent);
    }
    const request = JobRequest.safeParse(parsed);
    if (!request.success) throw new AppError("INVALID_ARGUMENT", reminderMessages.badEvent);
    named = request.data.year;
  }
  return named ?? currentSchoolYear(at);
}
