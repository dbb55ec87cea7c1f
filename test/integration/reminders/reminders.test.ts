/**
 * The reminders against the emulator and a local SMTP sink on 127.0.0.1: who is reminded of what,
 * the Vietnamese message as a mail client reads it (UTF-8 subject and body), one send per unit,
 * kind and day, a refused send taken again by the next run, and a log line without addresses.
 */
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../../functions/src/domain/collections.js";
import {
  logChannel,
  type ReminderRun,
  sendReminders,
  smtpChannel,
} from "../../../functions/src/services/reminders.js";
import { REMIND_AT, REMIND_UNITS, REMIND_YEAR, seedReminderProvince } from "../../fixtures/reminders.js";
import { testFirestore } from "../../support/firestore.js";
import { type SmtpSink, startSmtpSink } from "../../support/smtp-sink.js";

let sink: SmtpSink;
let db: Firestore;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterAll(() => sink.close());
beforeEach(async () => {
  db = testFirestore("remind");
  await seedReminderProvince(db);
  sink.mails.length = 0;
  sink.refuse = false;
});

const run = (channel = smtpChannel(sink.url), options: { dryRun?: boolean } = {}) =>
  sendReminders({
    db,
    year: REMIND_YEAR,
    channel,
    at: REMIND_AT,
    actor: "test",
    requestId: "r-1",
    ...options,
  });
const outcomes = (result: ReminderRun) =>
  result.reminders.map((reminder) => `${reminder.unitId}:${reminder.kind}:${reminder.outcome}`).sort();
const records = async () =>
  (await db.collection(COLLECTIONS.reminders).get()).docs.map((doc) => [doc.id, doc.get("status")]).sort();

describe("sendReminders over SMTP", () => {
  it("mails each owing unit's school accounts the Vietnamese reminder, once", async () => {
    const first = await run();
    expect(first.date).toBe("2026-06-05");
    expect(outcomes(first)).toEqual(
      [
        `${REMIND_UNITS.none.id}:SUBMISSION:sent`,
        `${REMIND_UNITS.unreachable.id}:SUBMISSION:no-recipients`,
        `${REMIND_UNITS.returned.id}:CORRECTION:sent`,
      ].sort(),
    );
    expect(sink.mails).toHaveLength(2);
    const leLoi = sink.mails.find((mail) => mail.to.includes("tdkt@leloi.example.org"));
    expect(leLoi?.to.sort()).toEqual(["hieutruong@leloi.example.org", "tdkt@leloi.example.org"]);
    expect(leLoi?.subject).toBe(
      "[TĐKT] Nhắc hạn: Trường THCS Lê Lợi chưa gửi hồ sơ đề nghị khen thưởng năm học 2025-2026",
    );
    expect(leLoi?.text).toContain("Kính gửi: Trường THCS Lê Lợi.");
    expect(leLoi?.text).toContain(
      "Đến ngày 05/06/2026, đơn vị chưa gửi hồ sơ đề nghị khen thưởng năm học 2025-2026.",
    );
    expect(leLoi?.text).toContain("Hạn gửi hồ sơ: 10/06/2026 (còn 5 ngày).");
    expect(leLoi?.raw).toMatch(/charset=utf-8/i);
    const nguyenTrai = sink.mails.find((mail) => mail.to.includes("tdkt@nguyentrai.example.org"));
    expect(nguyenTrai?.subject).toContain("chưa bổ sung, gửi lại hồ sơ đề nghị khen thưởng bị trả lại");

    // The same day again: nothing is sent twice.
    const again = await run();
    expect(outcomes(again)).toEqual(
      [
        `${REMIND_UNITS.none.id}:SUBMISSION:already-sent`,
        `${REMIND_UNITS.unreachable.id}:SUBMISSION:no-recipients`,
        `${REMIND_UNITS.returned.id}:CORRECTION:already-sent`,
      ].sort(),
    );
    expect(sink.mails).toHaveLength(2);
    expect(await records()).toEqual([
      [`${REMIND_UNITS.none.id}_${REMIND_YEAR}_SUBMISSION_2026-06-05`, "sent"],
      [`${REMIND_UNITS.returned.id}_${REMIND_YEAR}_CORRECTION_2026-06-05`, "sent"],
    ]);
    // Each change of a record is audited, without any address.
    const audit = (await db.collection(COLLECTIONS.audit).get()).docs.map((doc) => doc.data());
    expect(audit.filter((entry) => String(entry.path).startsWith(`${COLLECTIONS.reminders}/`))).toHaveLength(
      4,
    );
    expect(JSON.stringify(audit)).not.toContain("@");
  });

  it("marks a refused send failed and sends it on the next run of the day", async () => {
    sink.refuse = true;
    const refused = await run();
    expect(refused.reminders.filter((reminder) => reminder.outcome === "failed")).toHaveLength(2);
    expect((await records()).map(([, status]) => status)).toEqual(["failed", "failed"]);
    sink.refuse = false;
    const retried = await run();
    expect(retried.reminders.filter((reminder) => reminder.outcome === "sent")).toHaveLength(2);
    expect(sink.mails).toHaveLength(2);
  });

  it("sends and records nothing on a dry run", async () => {
    const dry = await run(smtpChannel(sink.url), { dryRun: true });
    expect(dry.reminders.map((reminder) => reminder.outcome).sort()).toEqual([
      "dry-run",
      "dry-run",
      "no-recipients",
    ]);
    expect(sink.mails).toHaveLength(0);
    expect(await records()).toEqual([]);
  });
});

describe("the log channel", () => {
  it("writes one JSON line per reminder naming the unit, never an address or a person", async () => {
    const lines: string[] = [];
    const result = await run(logChannel((line) => lines.push(line)));
    expect(result.channel).toBe("log");
    expect(lines).toHaveLength(2);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.map((line) => line.unitId).sort()).toEqual(
      [REMIND_UNITS.returned.id, REMIND_UNITS.none.id].sort(),
    );
    expect(parsed[0]).toMatchObject({ severity: "INFO", event: "reminder", year: REMIND_YEAR });
    expect(lines.join("")).not.toContain("@");
  });
});
