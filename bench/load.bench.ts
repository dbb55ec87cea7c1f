/**
 * Load on loopback (issue 8): 200 schools each send their 1,000-row "Cán bộ" tab over HTTP to an
 * `api` server on 127.0.0.1 (a process of its own) backed by the emulator, at most 8 requests in
 * flight. Each school sends once, so the run stops by itself; a request gets 120 s. Reports the
 * total duration against the 60 s target, p50/p99 latency, errors, rows per second and the server's
 * peak memory. `npm run bench -- load --quick` (or LOAD_QUICK=1) runs a smoke version in seconds.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { signDevToken } from "../functions/src/http/tokens.js";
import { ensureEmulator } from "../functions/src/store/emulator.js";
import { createFirestore } from "../functions/src/store/firestore.js";
import { type BenchResult, result } from "./harness.js";
import { officerOf, rosterBody, seedSchools } from "./sheets.bench.js";

const quick = process.argv.includes("--quick") || process.env.LOAD_QUICK === "1";
const SCHOOLS = quick ? 4 : 200;
const ROWS = quick ? 100 : 1_000;
const IN_FLIGHT = quick ? 2 : 8;
const REQUEST_TIMEOUT_MS = 120_000;
const TARGET_SECONDS = 60;
/** The instance size the README's deploy command sets (--memory=1GiB). */
const SERVER_MEMORY_MB = 1024;
const SECRET = "load-bench-secret-0123456789";

interface Outcome {
  ms: number;
  ok: boolean;
}

/** The q-quantile of sorted values (nearest rank). */
const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;

function startServer(project: string): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(new URL("./load-server.ts", import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, LOAD_PROJECT: project, LOAD_SECRET: SECRET },
  });
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve({ child, url: (message as { url: string }).url }));
    child.once("exit", (code) => reject(new Error(`load server exited with ${code}`)));
  });
}

function stopServer(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    child.once("message", (message) => resolve((message as { maxRssBytes: number }).maxRssBytes));
    child.send("stop");
  });
}

async function send(url: string, unit: string): Promise<Outcome> {
  const body = JSON.stringify(rosterBody(ROWS, unit));
  const started = performance.now();
  try {
    const response = await fetch(`${url}/v1/sheets/can-bo:ingest`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${signDevToken(officerOf(unit).email, SECRET)}`,
        "content-type": "application/json",
      },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const answer = (await response.json()) as { accepted?: number };
    return { ms: performance.now() - started, ok: response.status === 200 && answer.accepted === ROWS };
  } catch {
    return { ms: performance.now() - started, ok: false };
  }
}

export async function run(): Promise<BenchResult[]> {
  process.env.METADATA_SERVER_DETECTION ??= "none";
  const emulator = await ensureEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
  const project = `bench-load-${randomUUID().slice(0, 8)}`;
  const db = createFirestore(project);
  const units = Array.from({ length: SCHOOLS }, (_, i) => `thpt-load-${String(i + 1).padStart(3, "0")}`);
  const server = await startServer(project);
  try {
    await seedSchools(db, units);
    const outcomes: Outcome[] = [];
    const queue = [...units];
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let unit = queue.shift(); unit !== undefined; unit = queue.shift())
          outcomes.push(await send(server.url, unit));
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const maxRssBytes = await stopServer(server.child);
    const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
    const errors = outcomes.filter((outcome) => !outcome.ok).length;
    const figures = {
      schools: SCHOOLS,
      rowsPerSchool: ROWS,
      concurrency: IN_FLIGHT,
      seconds: Math.round(seconds * 10) / 10,
      targetSeconds: TARGET_SECONDS,
      p50Ms: Math.round(quantile(latencies, 0.5)),
      p99Ms: Math.round(quantile(latencies, 0.99)),
      errors,
      rowsPerSecond: Math.round((SCHOOLS * ROWS - errors * ROWS) / seconds),
      serverPeakRssMb: Math.round(maxRssBytes / 2 ** 20),
    };
    process.stderr.write(`load: ${JSON.stringify(figures)}\n`);
    if (!quick) {
      mkdirSync(".local", { recursive: true });
      writeFileSync(".local/load-figures.json", `${JSON.stringify(figures, null, 2)}\n`);
    }
    const label = `load: ${SCHOOLS} schools × ${ROWS.toLocaleString("en")} rows, ${IN_FLIGHT} in flight`;
    return [
      result(`${label}, total`, seconds, "s", TARGET_SECONDS, null),
      // Latency: each send must fit in the whole run's target; memory: the deployed instance's.
      result(`${label}, p50 latency`, figures.p50Ms, "ms", TARGET_SECONDS * 1000, null),
      result(`${label}, p99 latency`, figures.p99Ms, "ms", TARGET_SECONDS * 1000, null),
      result(`${label}, errors`, errors, "requests", 0, null),
      result(`${label}, server peak RSS`, figures.serverPeakRssMb, "MB", SERVER_MEMORY_MB, null),
    ];
  } finally {
    if (server.child.exitCode === null) server.child.kill();
    await db.terminate();
    await emulator.stop();
  }
}
