/**
 * Firestore for CLI commands: the emulator named by FIRESTORE_EMULATOR_HOST, the one `npm start`
 * is running (recorded in .local/emulator.json), real Firestore when TDKT_FIRESTORE=production, or
 * else an embedded emulator started for the command, importing and exporting the local data folder
 * so every command sees the same local province.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Firestore } from "@google-cloud/firestore";
import { z } from "zod";
import { createFirestore, ensureEmulator, type RunningEmulator } from "../services/runtime.js";

/** The local folder: .local in the project, or TDKT_LOCAL_DIR (tests run `serve` on a folder of their own). */
export const localDir = (): string => process.env.TDKT_LOCAL_DIR ?? ".local";
export const localDataDir = (): string => join(localDir(), "emulator-data");
const runningEmulatorFile = (): string => join(localDir(), "emulator.json");
export const LOCAL_PROJECT_ID = "tdkt-local";

/** What `npm start` writes to emulator.json so CLI commands use its emulator while it runs. */
export const RunningRecord = z.object({
  hostPort: z.string().regex(/^127\.0\.0\.1:\d+$/),
  projectId: z.string(),
  /** Absolute path of the data folder the emulator imports from and exports to. */
  dataDir: z.string(),
  /** The `serve` process that owns the emulator. */
  ownerPid: z.number().int().positive(),
  processGroup: z.number().int().positive(),
});
export type RunningRecord = z.infer<typeof RunningRecord>;

export interface LocalFirestore {
  db: Firestore;
  emulator: RunningEmulator | undefined;
  close(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The Firestore emulator answers its root with "Ok". */
async function answersAsEmulator(hostPort: string): Promise<boolean> {
  try {
    const response = await fetch(`http://${hostPort}/`, { signal: AbortSignal.timeout(3000) });
    return response.ok && (await response.text()).trim() === "Ok";
  } catch {
    return false;
  }
}

function readRecord(): RunningRecord | undefined {
  try {
    const parsed = RunningRecord.safeParse(JSON.parse(readFileSync(runningEmulatorFile(), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The emulator a running `serve` recorded, when that record still holds: its owner and emulator
 * are alive, it serves this project and data folder, and it answers as the Firestore emulator. A
 * record left by a crash or another checkout is deleted, so it is replaced rather than reused.
 */
export async function recordedEmulator(): Promise<string | undefined> {
  const record = readRecord();
  const holds =
    record !== undefined &&
    record.projectId === LOCAL_PROJECT_ID &&
    record.dataDir === resolve(localDataDir()) &&
    isRunning(record.ownerPid) &&
    isRunning(-record.processGroup) &&
    (await answersAsEmulator(record.hostPort));
  if (holds) return record.hostPort;
  rmSync(runningEmulatorFile(), { force: true });
  return undefined;
}

/** Starts (or finds) the local emulator and returns a client for the local project. */
export async function openLocalFirestore(
  options: { port?: number; record?: boolean } = {},
): Promise<LocalFirestore> {
  if (process.env.TDKT_FIRESTORE === "production") {
    const db = createFirestore();
    return { db, emulator: undefined, close: () => db.terminate() };
  }
  const recorded = process.env.FIRESTORE_EMULATOR_HOST ? undefined : await recordedEmulator();
  if (recorded) process.env.FIRESTORE_EMULATOR_HOST = recorded;
  const dataDir = localDataDir();
  mkdirSync(dataDir, { recursive: true });
  process.env.METADATA_SERVER_DETECTION ??= "none";
  const emulator = await ensureEmulator({
    importDir: dataDir,
    exportOnStop: { dir: dataDir, projectId: LOCAL_PROJECT_ID },
    ...(options.port ? { port: options.port } : {}),
  });
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const processGroup = options.record ? emulator.processGroup : undefined;
  if (processGroup !== undefined) {
    const record: RunningRecord = {
      hostPort: emulator.hostPort,
      projectId: LOCAL_PROJECT_ID,
      dataDir: resolve(dataDir),
      ownerPid: process.pid,
      processGroup,
    };
    writeFileSync(runningEmulatorFile(), JSON.stringify(record));
  }
  const db = createFirestore(LOCAL_PROJECT_ID);
  return {
    db,
    emulator,
    close: async () => {
      try {
        await db.terminate();
        await emulator.stop();
      } finally {
        if (processGroup !== undefined && readRecord()?.ownerPid === process.pid)
          rmSync(runningEmulatorFile(), { force: true });
      }
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
