/**
 * Faults mid-ingest, over sockets against the API in its own process (test/support/fault-server.ts):
 * the emulator hanging (SIGSTOP) or dying (SIGKILL) between two chunks, and the server killed -9
 * between two chunks. Each time the caller gets an answer within the request budget (503 with
 * Retry-After, never a 500 or a wait), and a retry with the same Idempotency-Key converges: exactly
 * the rows, one audit entry per change, the state of a clean run.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { signDevToken } from "../../functions/src/http/tokens.js";
import { ingestTab } from "../../functions/src/services/ingest.js";
import { type RunningEmulator, startEmulator } from "../../functions/src/store/emulator.js";
import { COLLECTIONS, createFirestore } from "../../functions/src/store/firestore.js";
import { DOCUMENTS_PER_CHUNK, META_FIELD } from "../../functions/src/store/writes.js";
import { ingestBody, officer, seedProvince, staffRow, UNIT } from "../fixtures/sheets/rows.js";
import { DEV_SECRET } from "../support/api.js";
import { emulatorHost, testFirestore } from "../support/firestore.js";

/**
 * Generous for a loaded 2-core machine: the budget must cover a whole 600-row ingest on the retry.
 * The server-kill case waits out a lease of its budget plus one call deadline, so it gets its own.
 */
const BUDGET_MS = 12_000;
const KILLED_SERVER_BUDGET_MS = 15_000;
const CALL_DEADLINE_MS = 2_000;
/** Two chunks (250 + 50): the faults strike between them. */
const ROWS = 300;
const body = ingestBody(
  "can-bo",
  Array.from({ length: ROWS }, (_, i) => staffRow(i + 1)),
);
const token = signDevToken(officer.email, DEV_SECRET, 3600);

interface FaultServer {
  url: string;
  child: ChildProcessWithoutNullStreams;
  /** Resolves with the next stdout line that starts with `prefix`. */
  nextLine(prefix: string): Promise<string>;
}

const servers: FaultServer[] = [];

/** Waits until the server paused after its first chunk; fails (never hangs) if it answered first. */
async function pausedAfterFirstChunk(server: FaultServer, answer: Promise<unknown>): Promise<void> {
  const early = answer.then(() => {
    throw new Error("answered before its first chunk was stored: the budget is too short for this machine");
  });
  early.catch(() => {});
  await Promise.race([server.nextLine("paused 0"), early]);
}

async function startServer(
  hostPort: string,
  projectId: string,
  options: { pauseAfterChunk?: number; budgetMs?: number } = {},
): Promise<FaultServer> {
  const { pauseAfterChunk, budgetMs = BUDGET_MS } = options;
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/fault-server.ts"], {
    env: {
      ...process.env,
      FIRESTORE_EMULATOR_HOST: hostPort,
      FAULT_PROJECT_ID: projectId,
      TDKT_ENV: "test",
      TDKT_DEV_AUTH_SECRET: DEV_SECRET,
      TDKT_REQUEST_BUDGET_MS: String(budgetMs),
      TDKT_FIRESTORE_CALL_DEADLINE_MS: String(CALL_DEADLINE_MS),
      ...(pauseAfterChunk === undefined ? {} : { FAULT_PAUSE_AFTER_CHUNK: String(pauseAfterChunk) }),
    },
  });
  const lines = createInterface({ input: child.stdout });
  const waiting: { prefix: string; resolve: (line: string) => void }[] = [];
  lines.on("line", (line) => {
    const index = waiting.findIndex((entry) => line.startsWith(entry.prefix));
    if (index >= 0) waiting.splice(index, 1)[0]?.resolve(line);
  });
  const nextLine = (prefix: string) => new Promise<string>((resolve) => waiting.push({ prefix, resolve }));
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`fault server exited (${code})`))),
  );
  exited.catch(() => {});
  const url = (await Promise.race([nextLine("listening "), exited])).slice("listening ".length);
  const server = { url, child, nextLine };
  servers.push(server);
  return server;
}

function killServer(server: FaultServer): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once("exit", () => resolve());
    server.child.kill("SIGKILL");
  });
}

interface Answer {
  status: number;
  retryAfter: string | null;
  json: { error?: { code: string; message: string; details?: { reason?: string } } };
  elapsedMs: number;
}

async function send(server: FaultServer, key: string): Promise<Answer> {
  const started = Date.now();
  const response = await fetch(`${server.url}/v1/sheets/can-bo:ingest`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": key },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    json: (await response.json()) as Answer["json"],
    elapsedMs: Date.now() - started,
  };
}

/** 409 "đang xử lý" while a lease is alive, 503 while the store is slow: never a 500. */
const isComeBackLater = (answer: Answer): boolean =>
  (answer.status === 409 && answer.json.error?.details?.reason === "IN_PROGRESS") ||
  (answer.status === 503 && answer.json.error?.code === "UNAVAILABLE");

/** Resends as a client should: after each 409 "đang xử lý" or 503, waits the Retry-After it was given. */
async function resendUntilDone(server: FaultServer, key: string): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (let attempt = 0; attempt < 8; attempt++) {
    const answer = await send(server, key);
    answers.push(answer);
    if (answer.status !== 409 && answer.status !== 503) return answers;
    expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(answer.retryAfter), 10) * 1000));
  }
  return answers;
}

async function seed(db: Firestore): Promise<void> {
  await seedProvince(db);
  await db.collection(COLLECTIONS.users).doc(officer.email).set(officer);
}

/** The stored rows (without write metadata) and the audit log as (action, path) pairs. */
async function storedState(db: Firestore) {
  const people = await db.collection(COLLECTIONS.people).where("unitId", "==", UNIT).get();
  const audit = await db.collection(COLLECTIONS.audit).get();
  return {
    people: Object.fromEntries(
      people.docs.map((doc) => {
        const { [META_FIELD]: _meta, ...data } = doc.data();
        return [doc.id, data];
      }),
    ),
    audit: audit.docs.map((doc) => `${doc.get("action")} ${doc.get("path")}`).sort(),
  };
}

async function expectExactlyTheRows(db: Firestore): Promise<void> {
  const state = await storedState(db);
  expect(Object.keys(state.people)).toHaveLength(ROWS);
  expect(state.audit).toHaveLength(ROWS);
  expect(new Set(state.audit).size).toBe(ROWS);
  expect(state.audit.every((entry) => entry.startsWith("create people/"))).toBe(true);
}

/** The emulator's Java process, found by the port it was started on. */
function javaPidOf(emulator: RunningEmulator): number {
  const port = emulator.hostPort.split(":")[1];
  const pid = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .find((entry) => {
      try {
        const argv = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
        // The Java process itself, not a wrapper shell that may carry the same arguments.
        return (
          /(^|\/)java$/.test(argv[0] ?? "") &&
          argv.some((arg) => arg.endsWith("CloudFirestore")) &&
          argv.includes(`--port=${port}`)
        );
      } catch {
        return false;
      }
    });
  if (!pid) throw new Error(`no emulator process on port ${port}`);
  return Number(pid);
}

/** A client for another emulator than the shared one (the client reads FIRESTORE_EMULATOR_HOST when built). */
function clientOf(hostPort: string, projectId: string): Firestore {
  const shared = process.env.FIRESTORE_EMULATOR_HOST;
  process.env.FIRESTORE_EMULATOR_HOST = hostPort;
  try {
    return createFirestore(projectId);
  } finally {
    process.env.FIRESTORE_EMULATOR_HOST = shared;
  }
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map(killServer));
});

describe("the emulator fails mid-ingest (its own emulator, so the rest of the suite is untouched)", () => {
  let emulator: RunningEmulator;
  let javaPid: number;
  beforeAll(async () => {
    process.env.METADATA_SERVER_DETECTION ??= "none";
    emulator = await startEmulator();
    javaPid = javaPidOf(emulator);
  }, 120_000);
  afterAll(async () => {
    try {
      process.kill(javaPid, "SIGCONT");
    } catch {
      // Already gone.
    }
    await emulator?.stop();
  });

  it("fault: the emulator hangs (SIGSTOP) after the first chunk → 503 with Retry-After within the budget; resumed, the same key converges", async () => {
    const projectId = `fault-${randomUUID().slice(0, 8)}`;
    const db = clientOf(emulator.hostPort, projectId);
    await seed(db);
    const server = await startServer(emulator.hostPort, projectId, { pauseAfterChunk: 0 });
    const key = `tdkt-${randomUUID()}`;

    const first = send(server, key);
    await pausedAfterFirstChunk(server, first);
    process.kill(javaPid, "SIGSTOP");
    server.child.stdin.write("go\n");
    let answer: Answer;
    try {
      answer = await first;
    } finally {
      process.kill(javaPid, "SIGCONT");
    }
    expectUnavailableWithinBudget(answer);
    expect(answer.json.error?.message).toContain(`Vui lòng gửi lại sau ${CALL_DEADLINE_MS / 1000} giây`);

    await expectConverges(server, key, db);
  }, 180_000);

  it("fault: the emulator dies (SIGKILL) after the first chunk → 503 within the budget, never a 500; restarted, the same key completes", async () => {
    const projectId = `fault-${randomUUID().slice(0, 8)}`;
    let db = clientOf(emulator.hostPort, projectId);
    await seed(db);
    await db.terminate();
    const server = await startServer(emulator.hostPort, projectId, { pauseAfterChunk: 0 });
    const key = `tdkt-${randomUUID()}`;

    const first = send(server, key);
    await pausedAfterFirstChunk(server, first);
    process.kill(javaPid, "SIGKILL");
    server.child.stdin.write("go\n");
    const answer = await first;
    expectUnavailableWithinBudget(answer);

    // A dead emulator keeps nothing: restarted on the same port, the Department's data is loaded again.
    emulator = await startEmulator({ port: Number(emulator.hostPort.split(":")[1]) });
    javaPid = javaPidOf(emulator);
    db = clientOf(emulator.hostPort, projectId);
    await seed(db);
    await expectConverges(server, key, db);
  }, 180_000);
});

/** The answer of a send whose store stopped answering: 503 UNAVAILABLE within the budget, with Retry-After. */
function expectUnavailableWithinBudget(answer: Answer): void {
  expect(answer.status).toBe(503);
  expect(answer.elapsedMs).toBeLessThan(BUDGET_MS + 2_000);
  expect(answer.retryAfter).toBe(String(CALL_DEADLINE_MS / 1000));
  expect(answer.json.error?.code).toBe("UNAVAILABLE");
}

/** Resent under the same key, the send completes with exactly the rows of a clean run. */
async function expectConverges(
  server: Parameters<typeof send>[0],
  key: string,
  db: Firestore,
): Promise<void> {
  const answers = await resendUntilDone(server, key);
  expect(answers.at(-1)?.status).toBe(200);
  expect(answers.slice(0, -1).every(isComeBackLater)).toBe(true);
  await expectExactlyTheRows(db);
  await db.terminate();
}

describe("the server dies mid-ingest", () => {
  it("fault: the server is killed -9 after the first chunk → a new server answers the same key 409 'đang xử lý' until the lease ends, then takes it over; the state equals a clean run", async () => {
    const hostPort = emulatorHost();
    const projectId = `fault-${randomUUID().slice(0, 8)}`;
    const db = createFirestore(projectId);
    await seed(db);
    const key = `tdkt-${randomUUID()}`;

    const budgetMs = KILLED_SERVER_BUDGET_MS;
    const crashing = await startServer(hostPort, projectId, { pauseAfterChunk: 0, budgetMs });
    const lost = send(crashing, key).catch((error: unknown) => error);
    await pausedAfterFirstChunk(crashing, lost);
    await killServer(crashing);
    expect(await lost).toBeInstanceOf(Error);
    expect((await storedState(db)).audit).toHaveLength(DOCUMENTS_PER_CHUNK);

    const restarted = await startServer(hostPort, projectId, { budgetMs });
    const busy = await send(restarted, key);
    expect(busy.status).toBe(409);
    expect(busy.json.error?.details?.reason).toBe("IN_PROGRESS");
    expect(busy.json.error?.message).toContain("đang được xử lý");
    expect(Number(busy.retryAfter)).toBeGreaterThan(0);
    expect(Number(busy.retryAfter)).toBeLessThanOrEqual((budgetMs + CALL_DEADLINE_MS) / 1000);
    expect((await storedState(db)).audit).toHaveLength(DOCUMENTS_PER_CHUNK);

    await new Promise((resolve) => setTimeout(resolve, Number(busy.retryAfter) * 1000));
    const answers = await resendUntilDone(restarted, key);
    expect(answers.at(-1)?.status).toBe(200);
    expect(answers.slice(0, -1).every(isComeBackLater)).toBe(true);
    await expectExactlyTheRows(db);

    const clean = testFirestore("clean");
    await seed(clean);
    await ingestTab(clean, officer, "can-bo", body, { requestId: "clean", maxRows: 5000 });
    expect(await storedState(db)).toEqual(await storedState(clean));

    const replay = await send(restarted, key);
    expect(replay.status).toBe(200);
    expect((await storedState(db)).audit).toHaveLength(ROWS);
  }, 180_000);
});
