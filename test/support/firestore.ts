/**
 * Firestore clients for tests: every call gets its own project id on the shared emulator, so test
 * files (and tests) never see each other's data.
 */
import { randomUUID } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
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
