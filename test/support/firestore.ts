/**
 * Firestore clients for tests: every call gets its own project id on the shared emulator, so test
 * files (and tests) never see each other's data.
 */
import { randomUUID } from "node:crypto";
import { Firestore } from "@google-cloud/firestore";
import { inject } from "vitest";
import { createFirestore } from "../../functions/src/store/firestore.js";

export function emulatorHost(): string {
  const host = inject("firestoreEmulatorHost");
  process.env.FIRESTORE_EMULATOR_HOST = host;
  return host;
}

export function testFirestore(prefix = "t"): Firestore {
  emulatorHost();
  return createFirestore(`${prefix}-${randomUUID().slice(0, 12)}`);
}

/**
 * A client for an emulator other than the shared one. FIRESTORE_EMULATOR_HOST, when set, wins over
 * the `host` setting, so it is held back while the client reads its settings.
 */
export function firestoreAt(hostPort: string, projectId: string): Firestore {
  const shared = process.env.FIRESTORE_EMULATOR_HOST;
  delete process.env.FIRESTORE_EMULATOR_HOST;
  try {
    return new Firestore({ projectId, host: hostPort, ssl: false });
  } finally {
    if (shared !== undefined) process.env.FIRESTORE_EMULATOR_HOST = shared;
  }
}
