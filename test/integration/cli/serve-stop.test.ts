/**
 * Stopping `npm start` the way a person does, and the faults around it. A pseudo-terminal
 * (util-linux `script`, on every Debian machine) runs an interactive bash, as a terminal window
 * does; we type `npm start`, write through the API, press Ctrl+C, and start again. The serve
 * processes work on a local folder of their own (TDKT_LOCAL_DIR), never the developer's .local/.
 * The tests run in order: the first one seeds the sample province that the later ones reuse, and
 * the SIGKILL test kills the serve that the stale-record test started.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCAL_PROJECT_ID, RunningRecord, recordedEmulator } from "../../../functions/src/cli/firestore.js";
import { sheetRows, staffRow } from "../../fixtures/sheets/rows.js";
import { emulatorHost, firestoreAt } from "../../support/firestore.js";

const ROOT = resolve(import.meta.dirname, "../../..");
const LOCAL = mkdtempSync(join(tmpdir(), "tdkt-serve-"));
const DATA = join(LOCAL, "emulator-data");
const RECORD = join(LOCAL, "emulator.json");
const UNIT = "thcs-nguyen-du";
const NEW_TEACHER = "Nguyễn Thị Dừng Máy";
const LATE_TEACHER = "Trần Văn Đóng Cửa Sổ";

/** The environment of a person's shell: no test emulator, no fixed secret, our own local folder. */
function serveEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TDKT_LOCAL_DIR: LOCAL, TERM: "xterm" };
  for (const name of ["FIRESTORE_EMULATOR_HOST", "TDKT_FIRESTORE", "TDKT_DEV_AUTH_SECRET", "PORT"])
    delete env[name];
  return env;
}

/** A process whose output we read as it comes, waiting for lines. */
class Watched {
  private text = "";
  readonly exited: Promise<number | null>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on("data", (chunk: Buffer) => {
      this.text += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      this.text += chunk.toString("utf8");
    });
    this.exited = new Promise((done) => child.once("exit", (code) => done(code)));
  }

  /** Where the output ends now: wait for what comes after it. */
  mark(): number {
    return this.text.length;
  }

  since(mark: number): string {
    return this.text.slice(mark);
  }

  async waitFor(pattern: RegExp, from: number, timeoutMs: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.since(from));
      if (match) return match;
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`no ${pattern} in the output:\n${this.since(from).slice(-3000)}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/** A terminal window with an interactive bash in it. */
function openTerminal(): Watched & { type(text: string): void } {
  const child = spawn("script", ["-qfec", "bash --norc --noprofile -i", "/dev/null"], {
    cwd: ROOT,
    env: serveEnv(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  const terminal = new Watched(child) as Watched & { type(text: string): void };
  terminal.type = (text) => child.stdin?.write(text);
  return terminal;
}

/** `tdkt serve` run directly (no terminal), as a process manager would. */
function startServe(): Watched {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "functions/src/cli/main.ts", "serve", "--port", "0"],
    { cwd: ROOT, env: serveEnv(), stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Watched(child);
}

const READY = /TĐKT đang chạy tại (http:\/\/127\.0\.0\.1:\d+)/;
const SAVED = /Đã lưu dữ liệu cục bộ vào/;

const record = (): RunningRecord => RunningRecord.parse(JSON.parse(readFileSync(RECORD, "utf8")));

/** True while any process of the group (the emulator's java, its watchdog) is left. */
function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((done) => setTimeout(done, 100));
  }
  return true;
}

const exportMetadata = () => join(DATA, "firestore_export", "firestore_export.overall_export_metadata");

async function teachersNamed(hostPort: string, fullName: string): Promise<number> {
  const db = firestoreAt(hostPort, LOCAL_PROJECT_ID);
  try {
    return (await db.collection("people").where("fullName", "==", fullName).get()).size;
  } finally {
    await db.terminate();
  }
}

/** Sends one teacher of the school through the API, as its officer. */
async function addTeacher(url: string, token: string, number: number, fullName: string): Promise<void> {
  const sent = await fetch(`${url}/v1/sheets/can-bo:ingest`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify({
      unit: UNIT,
      year: "2025-2026",
      source: { spreadsheetId: "sheet-serve", sheet: "Cán bộ", revision: number },
      rows: sheetRows("can-bo", [staffRow(number, { fullName })]),
    }),
  });
  expect(sent.status).toBe(200);
  expect(await sent.json()).toMatchObject({ accepted: 1, rejected: 0 });
}

const leftovers: Watched[] = [];
/** Shared along the tests, in order (each start costs seconds). */
let terminal: ReturnType<typeof openTerminal>;
let serving: { url: string; token: string };
let serveToKill: Watched | undefined;
afterAll(async () => {
  for (const watched of leftovers) watched.child.kill("SIGKILL");
  rmSync(LOCAL, { recursive: true, force: true });
});

describe("stopping npm start", () => {
  it("fault: Ctrl+C in a terminal keeps the data, leaves no emulator running, and the next start finds it", async () => {
    terminal = openTerminal();
    leftovers.push(terminal);
    let mark = terminal.mark();
    terminal.type("npm start -- --port 0\r");
    const url = (await terminal.waitFor(READY, mark, 90_000))[1] as string;
    const token = (await terminal.waitFor(/export TOKEN=(\S+)/, mark, 1000))[1] as string;
    const running = record();
    await addTeacher(url, token, 9001, NEW_TEACHER);

    mark = terminal.mark();
    terminal.type("\u0003");
    await terminal.waitFor(SAVED, mark, 60_000);
    terminal.type('echo "npm start: $?"\r');
    expect((await terminal.waitFor(/npm start: (\d+)/, mark, 10_000))[1]).toBe("0");
    expect(existsSync(exportMetadata())).toBe(true);
    expect(readdirSync(LOCAL).sort()).toEqual(["dev-secret", "emulator-data"]);
    expect(await waitUntil(() => !groupAlive(running.processGroup), 5000)).toBe(true);

    mark = terminal.mark();
    terminal.type("npm start -- --port 0\r");
    serving = {
      url: (await terminal.waitFor(READY, mark, 60_000))[1] as string,
      token: (await terminal.waitFor(/export TOKEN=(\S+)/, mark, 1000))[1] as string,
    };
    expect(terminal.since(mark)).not.toContain("Lần chạy đầu");
    const again = record();
    expect(again.processGroup).not.toBe(running.processGroup);
    expect(await teachersNamed(again.hostPort, NEW_TEACHER)).toBe(1);
  }, 180_000);

  it("fault: closing the terminal window while serving still saves the data and stops the emulator", async () => {
    // The second start above is still serving.
    const running = record();
    await addTeacher(serving.url, serving.token, 9002, LATE_TEACHER);
    const saved = statSync(exportMetadata()).mtimeMs;
    // SIGKILL of the terminal program: the kernel hangs the terminal up (SIGHUP to everything in it).
    terminal.child.kill("SIGKILL");
    expect(await waitUntil(() => !existsSync(RECORD), 60_000)).toBe(true);
    expect(await waitUntil(() => !groupAlive(running.processGroup), 5000)).toBe(true);
    expect(statSync(exportMetadata()).mtimeMs).toBeGreaterThan(saved);
    expect(readdirSync(LOCAL).sort()).toEqual(["dev-secret", "emulator-data"]);
  }, 90_000);

  it("fault: an emulator.json naming a port that is not the Firestore emulator is ignored and replaced", async () => {
    const impostor = createServer((_req, res) => res.end("Hello"));
    await new Promise<void>((done) => impostor.listen(0, "127.0.0.1", done));
    const impostorHost = `127.0.0.1:${(impostor.address() as AddressInfo).port}`;
    const liveGroup = spawn("sleep", ["60"], { detached: true, stdio: "ignore" });
    try {
      // A live owner (this test process) and a live process group, but the port is something else.
      const stale: RunningRecord = {
        hostPort: impostorHost,
        projectId: LOCAL_PROJECT_ID,
        dataDir: DATA,
        ownerPid: process.pid,
        processGroup: liveGroup.pid as number,
      };
      writeFileSync(RECORD, JSON.stringify(stale));
      serveToKill = startServe();
      leftovers.push(serveToKill);
      await serveToKill.waitFor(READY, 0, 90_000);
      const replaced = record();
      expect(replaced.ownerPid).toBe(serveToKill.child.pid);
      expect(replaced.hostPort).not.toBe(impostorHost);
      expect(await teachersNamed(replaced.hostPort, NEW_TEACHER)).toBe(1);
      expect(await teachersNamed(replaced.hostPort, LATE_TEACHER)).toBe(1);
    } finally {
      impostor.close();
      liveGroup.kill("SIGKILL");
    }
  }, 120_000);

  it("fault: serve killed with SIGKILL takes its emulator with it within seconds", async () => {
    // The serve started above, so the test does not pay for another start.
    const serve = serveToKill as Watched;
    const running = record();
    expect(running.ownerPid).toBe(serve.child.pid);
    expect(groupAlive(running.processGroup)).toBe(true);

    serve.child.kill("SIGKILL");
    await serve.exited;
    expect(await waitUntil(() => !groupAlive(running.processGroup), 5000)).toBe(true);
    // The data saved by the last clean stop is untouched.
    expect(existsSync(exportMetadata())).toBe(true);
  });

  it("fault: an emulator.json from a dead owner, a dead emulator, another project or another folder is not used", async () => {
    const sharedEmulator = emulatorHost();
    const liveGroup = spawn("sleep", ["60"], { detached: true, stdio: "ignore" });
    const exited = spawn("true");
    await new Promise((done) => exited.once("exit", done));
    const holding: RunningRecord = {
      hostPort: sharedEmulator,
      projectId: LOCAL_PROJECT_ID,
      dataDir: DATA,
      ownerPid: process.pid,
      processGroup: liveGroup.pid as number,
    };
    const previousLocal = process.env.TDKT_LOCAL_DIR;
    process.env.TDKT_LOCAL_DIR = LOCAL;
    try {
      const found = async (written: RunningRecord) => {
        writeFileSync(RECORD, JSON.stringify(written));
        return { hostPort: await recordedEmulator(), kept: existsSync(RECORD) };
      };
      expect(await found(holding)).toEqual({ hostPort: sharedEmulator, kept: true });
      for (const stale of [
        { ...holding, ownerPid: exited.pid as number },
        { ...holding, processGroup: exited.pid as number },
        { ...holding, projectId: "another-project" },
        { ...holding, dataDir: join(tmpdir(), "another-checkout", "emulator-data") },
      ])
        expect(await found(stale)).toEqual({ hostPort: undefined, kept: false });
    } finally {
      if (previousLocal === undefined) delete process.env.TDKT_LOCAL_DIR;
      else process.env.TDKT_LOCAL_DIR = previousLocal;
      liveGroup.kill("SIGKILL");
    }
  });
});
