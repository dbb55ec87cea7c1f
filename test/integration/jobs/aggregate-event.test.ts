/**
 * The scheduled aggregation as deployed: the functions framework's own server for `aggregateYear`
 * on 127.0.0.1, sent CloudEvents in binary mode as Pub/Sub's push to a Cloud Run function does
 * (ce-* headers; body { message: { data, messageId }, subscription }).
 */
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { Firestore } from "@google-cloud/firestore";
import { getTestServer } from "@google-cloud/functions-framework/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregationPath, COLLECTIONS } from "../../../functions/src/domain/collections.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { AGGREGATE_YEAR, aggregationFootprint, seedAggregateYear } from "../../support/aggregate.js";
import { emulatorHost } from "../../support/firestore.js";

let server: ReturnType<typeof getTestServer>;
let url: string;
let db: Firestore;

beforeAll(async () => {
  emulatorHost();
  process.env.TDKT_ENV = "test";
  // The job's client reads the project when the first event arrives.
  process.env.GCLOUD_PROJECT = `job-${randomUUID().slice(0, 8)}`;
  db = createFirestore(process.env.GCLOUD_PROJECT, { callDeadlineMs: 60_000 });
  await seedAggregateYear(db, ["THPT_LQD", "THPT_NTMK"]);
  await import("../../../functions/src/index.js");
  server = getTestServer("aggregateYear");
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await db.terminate();
});

function publish(id: string, data: string) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "ce-id": id,
      "ce-specversion": "1.0",
      "ce-type": "google.cloud.pubsub.topic.v1.messagePublished",
      "ce-source": "//pubsub.googleapis.com/projects/tdkt/topics/tdkt-aggregate",
      "ce-time": new Date().toISOString(),
    },
    body: JSON.stringify({
      message: { data: Buffer.from(data).toString("base64"), messageId: id },
      subscription: "projects/tdkt/subscriptions/eventarc-aggregate",
    }),
  });
}

const jobsOf = async () =>
  (await db.collection(`${COLLECTIONS.years}/${AGGREGATE_YEAR}/${COLLECTIONS.aggregations}`).get()).docs;

describe("aggregateYear (CloudEvent from Pub/Sub)", () => {
  it("runs the year named by the message, and the same event delivered again changes nothing", async () => {
    const id = `${Date.now()}1`;
    const first = await publish(id, JSON.stringify({ year: AGGREGATE_YEAR }));
    expect(first.status).toBeLessThan(300);
    const [job] = await jobsOf();
    expect(job?.data()).toMatchObject({
      state: "SUCCEEDED",
      eventId: id,
      actor: "scheduler",
      year: AGGREGATE_YEAR,
    });
    expect(job?.get("counts.units")).toBe(2);
    const before = await aggregationFootprint(db);
    const stored = await db.doc(aggregationPath(AGGREGATE_YEAR, job?.id ?? "")).get();

    const again = await publish(id, JSON.stringify({ year: AGGREGATE_YEAR }));
    expect(again.status).toBeLessThan(300);
    expect(await aggregationFootprint(db)).toEqual(before);
    const after = await db.doc(aggregationPath(AGGREGATE_YEAR, job?.id ?? "")).get();
    expect(after.updateTime?.valueOf()).toBe(stored.updateTime?.valueOf());
    expect(after.data()).toEqual(stored.data());
  }, 400_000);

  it("another event is another job", async () => {
    const before = (await jobsOf()).length;
    expect((await publish(`${Date.now()}2`, JSON.stringify({ year: AGGREGATE_YEAR }))).status).toBeLessThan(
      300,
    );
    expect((await jobsOf()).length).toBe(before + 1);
  }, 400_000);

  it("acknowledges a message it cannot act on without starting anything", async () => {
    const before = await aggregationFootprint(db);
    for (const data of [
      "{not json",
      JSON.stringify({ year: "2025/2026" }),
      JSON.stringify({ year: "2039-2040" }),
    ])
      expect((await publish(`${Date.now()}3`, data)).status).toBeLessThan(300);
    expect(await aggregationFootprint(db)).toEqual(before);
  }, 300_000);
});
