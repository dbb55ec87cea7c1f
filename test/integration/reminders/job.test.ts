/**
 * The `reminders` CloudEvent function as deployed: registered by functions/src/index.ts with the
 * functions framework, sent a Pub/Sub CloudEvent over 127.0.0.1, mailing through a local SMTP sink.
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateInVietnam } from "../../../functions/src/domain/calendar.js";
import { COLLECTIONS } from "../../../functions/src/domain/collections.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { REMIND_UNITS, seedReminderProvince } from "../../fixtures/reminders.js";
import { emulatorHost } from "../../support/firestore.js";
import { type SmtpSink, startSmtpSink } from "../../support/smtp-sink.js";

const YEAR = "2026-2027";
const project = `remind-job-${randomUUID().slice(0, 8)}`;
let server: ReturnType<typeof getTestServer>;
let url: string;
let sink: SmtpSink;

beforeAll(async () => {
  emulatorHost();
  sink = await startSmtpSink();
  process.env.TDKT_ENV = "test";
  process.env.GCLOUD_PROJECT = project;
  process.env.TDKT_SMTP_URL = sink.url;
  // The deadline two days after the run's own day in Vietnam.
  const today = dateInVietnam(new Date());
  const deadline = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
  await seedReminderProvince(createFirestore(project), YEAR, deadline);
  await import("../../../functions/src/index.js");
  server = getTestServer("reminders");
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await sink.close();
  delete process.env.TDKT_SMTP_URL;
});

const publish = (data: unknown, id = randomUUID()) =>
  fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "ce-id": id,
      "ce-specversion": "1.0",
      "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
      "ce-source": "//pubsub.googleapis.com/projects/tdkt/topics/tdkt-reminders",
    },
    body: JSON.stringify(data),
  });

const message = (payload: unknown) => ({
  message: { data: Buffer.from(JSON.stringify(payload)).toString("base64"), messageId: "1" },
  subscription: "projects/tdkt/subscriptions/tdkt-reminders",
});

describe("the reminders job", () => {
  it("sends the day's reminders once, however often the scheduler's message is delivered", async () => {
    const first = await publish(message({ year: YEAR }));
    expect(first.status).toBe(204);
    expect(sink.mails.map((mail) => mail.to.sort().join(",")).sort()).toEqual([
      "hieutruong@leloi.example.org,tdkt@leloi.example.org",
      "tdkt@nguyentrai.example.org",
    ]);
    expect(sink.mails[0]?.subject).toMatch(/^\[TĐKT\] Nhắc hạn: Trường THCS (Lê Lợi|Nguyễn Trãi) chưa/);
    expect(sink.mails.every((mail) => mail.text.includes("(còn 2 ngày)"))).toBe(true);
    // Pub/Sub delivers at least once: the redelivery sends nothing more.
    expect((await publish(message({ year: YEAR }))).status).toBe(204);
    expect(sink.mails).toHaveLength(2);
    const records = await createFirestore(project).collection(COLLECTIONS.reminders).get();
    expect(records.docs.map((doc) => doc.get("unitId")).sort()).toEqual(
      [REMIND_UNITS.none.id, REMIND_UNITS.returned.id].sort(),
    );
  });

  it("acknowledges a message that is not the expected JSON without sending (a retry could not mend it)", async () => {
    const before = sink.mails.length;
    const response = await publish({ message: { data: Buffer.from("năm học?").toString("base64") } });
    expect(response.status).toBe(204);
    expect(sink.mails).toHaveLength(before);
  });
});
