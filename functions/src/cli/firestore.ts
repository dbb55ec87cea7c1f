/**
 * Firestore for CLI commands: the emulator named by FIRESTORE_EMULATOR_HOST, the one `npm start`
 * is running (recorded in .local/emulator.json), real Firestore when TDKT_FIRESTORE=production, or
 * else an embedded emulator started for the command, importing and exporting the local data folder
 * so every command sees the same local province.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Firestore } from "@google-cloud/firestore";
import { ensureEmulator, type RunningEmulator } from "../store/emulator.js";
import { createFirestore } from "../store/firestore.js";

export const LOCAL_DIR = ".local";
export const LOCAL_DATA_DIR = join(LOCAL_DIR, "emulator-data");
const RUNNING_FILE = join(LOCAL_DIR, "emulator.json");
export const LOCAL_PROJECT_ID = "tdkt-local";

export interface LocalFirestore {
  db: Firestore;
  emulator: RunningEmulator | undefined;
  close(): Promise<void>;
}

async function isAlive(hostPort: string): Promise<boolean> {
  try {
    const response = await fetch(`http://${hostPort}/`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

function recordedEmulator(): string | undefined {
  try {
    const { hostPort } = JSON.parse(readFileSync(RUNNING_FILE, "utf8")) as { hostPort?: string };
    return hostPort;
  } catch {
    return undefined;
  }
}

/** Starts (or finds) the local emulator and returns a client for the local project. */
export async function openLocalFirestore(
  options: { port?: number; record?: boolean } = {},
): Promise<LocalFirestore> {
  if (process.env.TDKT_FIRESTORE === "production") {
    const db = createFirestore();
    return { db, emulator: undefined, close: () => db.terminate() };
  }
  const recorded = process.env.FIRESTORE_EMULATOR_HOST ? undefined : recordedEmulator();
  if (recorded && (await isAlive(recorded))) process.env.FIRESTORE_EMULATOR_HOST = recorded;
  mkdirSync(LOCAL_DATA_DIR, { recursive: true });
  process.env.METADATA_SERVER_DETECTION ??= "none";
  const emulator = await ensureEmulator({
    importDir: LOCAL_DATA_DIR,
    exportOnStop: { dir: LOCAL_DATA_DIR, projectId: LOCAL_PROJECT_ID },
    ...(options.port ? { port: options.port } : {}),
  });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  if (options.record && !emulator.external)
    writeFileSync(RUNNING_FILE, JSON.stringify({ hostPort: emulator.hostPort }));
  const db = createFirestore(LOCAL_PROJECT_ID);
  return {
    db,
    emulator,
    close: async () => {
      await db.terminate();
      await emulator.stop();
      if (options.record && !emulator.external) rmSync(RUNNING_FILE, { force: true });
    },
  };
}

/** Runs `fn` with a local Firestore and always shuts it down (exporting the data). */
export async function withFirestore<T>(fn: (db: Firestore) => Promise<T>): Promise<T> {
  const local = await openLocalFirestore();
  try {
    return await fn(local.db);
  } finally {
    await local.close();
  }
}
