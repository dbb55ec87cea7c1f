/**
 * firestore.rules deny every direct client access (docs/design.md §6). Runs on an emulator of its own,
 * started with --rules, so that the shared test emulator (no rules) stays as it is.
 */
import { readFileSync } from "node:fs";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { setLogLevel } from "firebase/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../../functions/src/store/emulator.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";

const RULES_FILE = "firestore.rules";
const PATHS = [
  `${COLLECTIONS.units}/thpt-le-quy-don`,
  `${COLLECTIONS.people}/thpt-le-quy-don-001`,
  `${COLLECTIONS.audit}/entry-1`,
  `${COLLECTIONS.users}/hieutruong.thpt-le-quy-don@truong.example.org`,
  `${COLLECTIONS.years}/2025-2026/${COLLECTIONS.records}/thpt-le-quy-don-001`,
];

describe("firestore.rules", () => {
  let emulator: RunningEmulator | undefined;
  let env: RulesTestEnvironment | undefined;

  beforeAll(async () => {
    // Every denied call would otherwise log a warning: denials are what this file expects.
    setLogLevel("silent");
    emulator = await startEmulator({ rulesFile: RULES_FILE });
    const [host, port] = emulator.hostPort.split(":");
    env = await initializeTestEnvironment({
      projectId: "rules-test",
      firestore: { host: host as string, port: Number(port), rules: readFileSync(RULES_FILE, "utf8") },
    });
    // Documents to try to read; written with the rules disabled, which must succeed.
    await env.withSecurityRulesDisabled(async (admin) => {
      for (const path of PATHS)
        await assertSucceeds(admin.firestore().doc(path).set({ name: "Trường THPT Lê Quý Đôn" }));
    });
  }, 120_000);

  afterAll(async () => {
    await env?.cleanup();
    await emulator?.stop();
  });

  const testEnv = (): RulesTestEnvironment => {
    if (!env) throw new Error("test environment not initialised");
    return env;
  };

  it("can tell: the same documents are readable with the rules disabled", async () => {
    await testEnv().withSecurityRulesDisabled(async (admin) => {
      for (const path of PATHS) {
        const snapshot = await assertSucceeds(admin.firestore().doc(path).get());
        expect(snapshot.exists).toBe(true);
      }
    });
  });

  it("denies reads and writes to unauthenticated clients", async () => {
    const db = testEnv().unauthenticatedContext().firestore();
    for (const path of PATHS) {
      await assertFails(db.doc(path).get());
      await assertFails(db.doc(path).set({ name: "x" }));
      await assertFails(db.doc(path).delete());
    }
    await assertFails(db.collection(COLLECTIONS.units).get());
  });

  it("denies reads and writes to signed-in users, whatever their claims", async () => {
    const principal = testEnv()
      .authenticatedContext("hieutruong", {
        email: "hieutruong.thpt-le-quy-don@truong.example.org",
        email_verified: true,
      })
      .firestore();
    const admin = testEnv().authenticatedContext("admin", { admin: true, role: "ADMIN" }).firestore();
    for (const db of [principal, admin]) {
      for (const path of PATHS) {
        await assertFails(db.doc(path).get());
        await assertFails(db.doc(path).set({ name: "x" }));
        await assertFails(db.doc(path).update({ name: "x" }));
      }
      await assertFails(db.collection(COLLECTIONS.people).get());
      await assertFails(db.collectionGroup(COLLECTIONS.records).get());
      await assertFails(db.collection(COLLECTIONS.audit).add({ actor: "x" }));
    }
  });
});
