/**
 * The scheduled face of the aggregation: a CloudEvent function (`aggregateYear`) that Cloud
 * Scheduler reaches through Pub/Sub. The message's data is base64 JSON `{ "year": "2025-2026" }`;
 * without a year, the school year in progress in Vietnam is taken. The CloudEvent id (the Pub/Sub
 * message id) is the job's event id: a redelivery finds the job the first delivery created, and
 * resumes it if it had not finished (Pub/Sub redelivers what failed or timed out).
 */
import type { Firestore } from "@google-cloud/firestore";
import type { CloudEvent } from "@google-cloud/functions-framework";
import { z } from "zod";
import { currentSchoolYear } from "../domain/calendar.js";
import { AppError, isAppError } from "../domain/errors.js";
import { aggregateMessages } from "../domain/messages/index.js";
import { runAggregation, startAggregation } from "../services/aggregate/run.js";

const PubSubEvent = z.object({
  message: z.object({ data: z.string().optional(), messageId: z.string().optional() }),
});
const Payload = z.object({ year: z.string().optional() });

/** The year the message names, or the current one when it names none. */
export function yearOfEvent(data: unknown, now: Date): string {
  const event = PubSubEvent.safeParse(data);
  if (!event.success) throw new AppError("INVALID_ARGUMENT", aggregateMessages.invalidEvent());
  const text = Buffer.from(event.data.message.data ?? "", "base64")
    .toString("utf8")
    .trim();
  if (text === "") return currentSchoolYear(now);
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_ARGUMENT", aggregateMessages.invalidEvent());
  }
  const parsed = Payload.safeParse(payload);
  if (!parsed.success) throw new AppError("INVALID_ARGUMENT", aggregateMessages.invalidEvent());
  return parsed.data.year ?? currentSchoolYear(now);
}

type JobLog = (entry: Record<string, unknown>) => void;

const jsonLog: JobLog = (entry) => process.stdout.write(`${JSON.stringify(entry)}\n`);

/**
 * Handles one delivery. A message that cannot be acted on (malformed, a year not configured) is
 * logged and acknowledged, since redelivering it would change nothing; any other failure is
 * thrown, so Pub/Sub redelivers and the rerun resumes the job.
 */
export async function aggregateYear(
  db: Firestore,
  event: CloudEvent<unknown>,
  log: JobLog = jsonLog,
): Promise<void> {
  let year: string;
  let jobId: string;
  try {
    year = yearOfEvent(event.data, new Date());
    const started = await startAggregation(db, year, { eventId: event.id, actor: "scheduler" });
    jobId = started.job.jobId;
    log({ severity: "INFO", job: "aggregateYear", eventId: event.id, year, jobId, created: started.created });
  } catch (error) {
    if (!isAppError(error) || error.code === "UNAVAILABLE" || error.code === "INTERNAL") throw error;
    log({ severity: "WARNING", job: "aggregateYear", eventId: event.id, errorCode: error.code });
    return;
  }
  const { job } = await runAggregation(db, year, jobId);
  log({ severity: "INFO", job: "aggregateYear", eventId: event.id, year, jobId, state: job.state });
}
