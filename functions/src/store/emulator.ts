/**
 * Finds and runs Google's official Firestore emulator (the JAR that `gcloud emulators firestore`
 * runs). The Firebase CLI cannot start it on machines without Java 21 and network access, so the
 * project starts it itself: tests (vitest global setup), `npm start` and the CLI all come here.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { systemMessages } from "../domain/messages/index.js";

export const GCLOUD_EMULATOR_JAR =
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar";
const MAIN_CLASS = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";
const READY_LINE = "Dev App Server is now running";

export class EmulatorUnavailableError extends Error {
  override name = "EmulatorUnavailableError";
}

export interface RunningEmulator {
  /** "127.0.0.1:PORT", the value for FIRESTORE_EMULATOR_HOST. */
  readonly hostPort: string;
  /** True when the emulator was already running (FIRESTORE_EMULATOR_HOST); stop() leaves it alone. */
  readonly external: boolean;
  /** Id of the process group that holds the emulator and its watchdog (absent when external). */
  readonly processGroup?: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  port?: number;
  rulesFile?: string;
  /** Directory holding a previous export; imported when it has one. */
  importDir?: string;
  /**
   * Export one project's data to this directory when stop() is called. The emulator's own
   * --export-on-exit does not fire on SIGTERM, so the export goes through its HTTP endpoint.
   */
  exportOnStop?: { dir: string; projectId: string };
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}

/** How long the export on stop may take before it is abandoned (the previous export is kept). */
const EXPORT_TIMEOUT_MS = 60_000;
/** How long the emulator may take to exit after it was asked to, before it is killed. */
const EXIT_TIMEOUT_MS = 15_000;

/** Candidate JAR paths in the documented order (after an already running emulator). */
export function emulatorJarCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const candidates: string[] = [];
  if (env.FIRESTORE_EMULATOR_JAR) candidates.push(resolve(env.FIRESTORE_EMULATOR_JAR));
  candidates.push(GCLOUD_EMULATOR_JAR);
  const firebaseCache = join(env.HOME ?? homedir(), ".cache", "firebase", "emulators");
  if (existsSync(firebaseCache)) {
    const jars = readdirSync(firebaseCache)
      .filter((name) => name.startsWith("cloud-firestore-emulator-") && name.endsWith(".jar"))
      .sort()
      .reverse();
    candidates.push(...jars.map((name) => join(firebaseCache, name)));
  }
  return candidates;
}

export function findEmulatorJar(
  env: NodeJS.ProcessEnv = process.env,
  candidates: readonly string[] = emulatorJarCandidates(env),
): string {
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new EmulatorUnavailableError(systemMessages.emulatorJarMissing([...candidates]));
  return found;
}

function javaMajorVersion(): number | undefined {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return undefined;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolvePort(address.port);
        else reject(new Error("no port"));
      });
    });
  });
}

const EXPORT_NAME = "firestore_export";

function exportMetadataFile(dir: string): string | undefined {
  const file = join(dir, EXPORT_NAME, `${EXPORT_NAME}.overall_export_metadata`);
  return existsSync(file) ? file : undefined;
}

const stagingDir = (target: string) => `${target}.new`;
const previousDir = (target: string) => `${target}.old`;

/**
 * Exports one project into `dir`. The export is written beside it (`dir.new`) and swapped in by
 * renames, so an interrupted or failed export leaves the previous one whole.
 */
export async function exportProject(hostPort: string, projectId: string, dir: string): Promise<void> {
  const target = resolve(dir);
  const staging = stagingDir(target);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  try {
    const response = await fetch(`http://${hostPort}/emulator/v1/projects/${projectId}:export`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        database: `projects/${projectId}/databases/(default)`,
        export_directory: staging,
        export_name: EXPORT_NAME,
      }),
      signal: AbortSignal.timeout(EXPORT_TIMEOUT_MS),
    });
    if (!response.ok || !exportMetadataFile(staging)) throw new Error(`HTTP ${response.status}`);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    const reason =
      error instanceof Error && error.name === "TimeoutError"
        ? systemMessages.exportTimedOut(EXPORT_TIMEOUT_MS)
        : String(error instanceof Error ? error.message : error);
    throw new Error(systemMessages.exportFailed(target, reason));
  }
  const previous = previousDir(target);
  rmSync(previous, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Settles what an export interrupted by a crash left behind: a partial `dir.new` is dropped, and
 * when the crash fell between the two renames the previous export is put back.
 */
export function settleInterruptedExport(dir: string): void {
  const target = resolve(dir);
  rmSync(stagingDir(target), { recursive: true, force: true });
  const previous = previousDir(target);
  if (!existsSync(previous)) return;
  if (!exportMetadataFile(target) && exportMetadataFile(previous)) {
    rmSync(target, { recursive: true, force: true });
    renameSync(previous, target);
  } else rmSync(previous, { recursive: true, force: true });
}

/**
 * Runs the command given after it under `sh` and stops it (SIGTERM) when its standard input reaches
 * end of file. That input is a pipe from this process, whose end the kernel closes however this
 * process ends, even by SIGKILL, so the emulator never outlives the process that started it. The
 * JAR itself never reads its input, hence the watchdog. `stop()` closes the pipe too.
 */
const WATCHDOG = `
exec 3<&0 </dev/null
"$@" 3<&- &
emulator=$!
{ cat <&3 >/dev/null; kill -TERM "$emulator" 2>/dev/null; } &
watcher=$!
exec 3<&-
wait "$emulator"
status=$?
kill "$watcher" 2>/dev/null
exit "$status"
`;

/** Starts a new emulator process on 127.0.0.1 and resolves when it accepts requests. */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const env = options.env ?? process.env;
  const java = javaMajorVersion();
  if (java === undefined) throw new EmulatorUnavailableError(systemMessages.javaMissing());
  if (java < 17) throw new EmulatorUnavailableError(systemMessages.javaTooOld(java));
  const jar = findEmulatorJar(env);
  const port = options.port ?? (await freePort());
  const args = ["-Duser.language=en", "-cp", jar, MAIN_CLASS, "start", "--host=127.0.0.1", `--port=${port}`];
  if (options.rulesFile) args.push(`--rules=${resolve(options.rulesFile)}`);
  if (options.importDir) settleInterruptedExport(options.importDir);
  const metadata = options.importDir ? exportMetadataFile(options.importDir) : undefined;
  if (metadata) args.push(`--import-data=${metadata}`);

  // Its own process group (and session): Ctrl+C and a closing terminal reach us, never the emulator,
  // so we can export before it stops.
  const child = spawn("sh", ["-c", WATCHDOG, "tdkt-emulator", "java", ...args], {
    stdio: ["pipe", "pipe", "pipe"],
    detached: true,
  });
  // Writing the end of input after the watchdog is gone fails harmlessly: there is nothing to stop.
  child.stdin?.on("error", () => {});
  await waitUntilReady(child, options.readyTimeoutMs ?? 60_000);
  const hostPort = `127.0.0.1:${port}`;
  return {
    hostPort,
    external: false,
    ...(child.pid ? { processGroup: child.pid } : {}),
    stop: async () => {
      try {
        if (options.exportOnStop)
          await exportProject(hostPort, options.exportOnStop.projectId, options.exportOnStop.dir);
      } finally {
        await stopProcess(child);
      }
    },
  };
}

/** Uses FIRESTORE_EMULATOR_HOST when it is set, otherwise starts an emulator. */
export async function ensureEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const env = options.env ?? process.env;
  if (env.FIRESTORE_EMULATOR_HOST) {
    return { hostPort: env.FIRESTORE_EMULATOR_HOST, external: true, stop: async () => {} };
  }
  return startEmulator(options);
}

function waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = "";
    const timer = setTimeout(() => {
      killGroup(child, "SIGKILL");
      reject(new EmulatorUnavailableError(systemMessages.emulatorTimeout(timeoutMs, output.slice(-2000))));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (output.includes(READY_LINE)) {
        clearTimeout(timer);
        // Keep draining the pipes so the emulator never blocks on a full buffer.
        child.stdout?.removeListener("data", onData);
        child.stderr?.removeListener("data", onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolveReady();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new EmulatorUnavailableError(systemMessages.emulatorExited(code, output.slice(-2000))));
    });
  });
}

/** Signals the emulator, its watchdog and everything else in their process group. */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => killGroup(child, "SIGKILL"), EXIT_TIMEOUT_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolveStop();
    });
    // End of input: the watchdog sends SIGTERM, which lets the emulator run its shutdown hook.
    child.stdin?.end();
  });
}
