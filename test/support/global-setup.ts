/**
 * Starts one official Firestore emulator for the whole run (or uses FIRESTORE_EMULATOR_HOST).
 * Test files isolate their data by project id (see ./firestore.ts), so they can run in parallel.
 */
import type { TestProject } from "vitest/node";
import { ensureEmulator, type RunningEmulator } from "../../functions/src/store/emulator.js";

let emulator: RunningEmulator | undefined;

export async function setup(project: TestProject): Promise<void> {
  // No metadata server here: stop google-auth-library from probing for one.
  process.env.METADATA_SERVER_DETECTION ??= "none";
  emulator = await ensureEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  project.provide("firestoreEmulatorHost", emulator.hostPort);
}

export async function teardown(): Promise<void> {
  await emulator?.stop();
}

declare module "vitest" {
  export interface ProvidedContext {
    firestoreEmulatorHost: string;
  }
}
