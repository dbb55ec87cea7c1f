/**
 * The year-end aggregation of the synthetic province (1,500 schools, ~60,000 people, 10 years) on
 * an emulator of its own (docs/design.md §9: ≤ 60 s, and within the 1 GiB of the Cloud Run instance
 * the README deploys). The emulator is started on a free port and stopped at the end (never a shared
 * one); the province is seeded once (batched writes); then, each in a process of its own, the
 * aggregation and the floor — the same collections read raw, by id —, reported per phase (whatever
 * AGGREGATION_PHASES holds, by the run's phase timings) and per step (read, evaluate, write…), with
 * its peak RSS. AGGREGATE_SCHOOLS changes the size (a quick check: `AGGREGATE_SCHOOLS=30 npm run
 * bench -- aggregate`).
 */
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { loadavg } from "node:os";
import { generateProvince } from "../functions/sample/province.js";
import { seedProvince } from "../functions/sample/seed.js";
import { startEmulator } from "../functions/src/store/emulator.js";
import { createFirestore } from "../functions/src/store/firestore.js";
import { type BenchResult, result } from "./harness.js";

const SCHOOLS = Number(process.env.AGGREGATE_SCHOOLS ?? 1500);
const YEAR = "2025-2026";
const BUDGET_MS = 60_000;
/** The instance size of the README's deploy commands (--memory=1GiB). */
const MEMORY_BUDGET_MB = 1024;

interface Pass {
  ms: number;
  timings: Record<string, number>;
  phaseTimings: Record<string, number>;
  state: string;
  maxRssBytes: number;
}

function pass(mode: "floor" | "aggregate", project: string, years: readonly string[]): Promise<Pass> {
  const child = fork(new URL("./aggregate-runner.ts", import.meta.url), [], {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, AGG_MODE: mode, AGG_PROJECT: project, AGG_YEAR: YEAR, AGG_YEARS: years.join(",") },
  });
  return new Promise((resolve, reject) => {
    child.once("message", (message) => resolve(message as Pass));
    child.once("exit", (code) => reject(new Error(`aggregate-runner (${mode}) exited with ${code}`)));
  });
}

export async function run(): Promise<BenchResult[]> {
  process.env.METADATA_SERVER_DETECTION ??= "none";
  // A private emulator: the benchmark's 600,000 documents must not weigh on the shared one.
  delete process.env.FIRESTORE_EMULATOR_HOST;
  const emulator = await startEmulator({ readyTimeoutMs: 180_000 });
  process.stderr.write(
    `  aggregate: private emulator ${emulator.hostPort} (process group ${emulator.processGroup})\n`,
  );
  try {
    process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
    return await measure();
  } finally {
    await emulator.stop();
  }
}

async function measure(): Promise<BenchResult[]> {
  const project = `bench-aggregate-${randomUUID().slice(0, 8)}`;
  const db = createFirestore(project, { callDeadlineMs: 120_000 });
  let years: string[];
  let people: number;
  {
    const province = generateProvince({ seed: 1, schools: SCHOOLS });
    ({ years } = province);
    people = province.people.length;
    const seedStarted = performance.now();
    await seedProvince(db, province, { concurrency: 8 });
    process.stderr.write(
      `  aggregate: seeded ${SCHOOLS} schools, ${people} people in ${Math.round((performance.now() - seedStarted) / 1000)} s\n`,
    );
  }
  await db.terminate();
  const load = () =>
    loadavg()
      .map((each) => each.toFixed(1))
      .join(" ");
  process.stderr.write(`  aggregate: load average before the passes ${load()}\n`);
  // The aggregation first, printed as soon as it ends: the raw floor of a large province can take long.
  const aggregation = await pass("aggregate", project, years);
  if (aggregation.state !== "SUCCEEDED") throw new Error(`the aggregation ended ${aggregation.state}`);
  const figures = (timings: Record<string, number>) =>
    Object.entries(timings)
      .map(([name, ms]) => `${name} ${Math.round(ms)} ms`)
      .join(", ");
  process.stderr.write(
    `  aggregate: ${Math.round(aggregation.ms)} ms; phases: ${figures(aggregation.phaseTimings)}; steps: ${figures(aggregation.timings)}; peak RSS ${Math.round(aggregation.maxRssBytes / 2 ** 20)} MB; load average ${load()}\n`,
  );
  const floor = await pass("floor", project, years);
  process.stderr.write(
    `  aggregate: floor ${Math.round(floor.ms)} ms for ${floor.timings.documents} documents; load average ${load()}\n`,
  );
  const label = `aggregation, ${SCHOOLS.toLocaleString("en")} schools (${people.toLocaleString("en")} people)`;
  return [
    result(label, aggregation.ms, "ms", BUDGET_MS, floor.ms),
    // The phases and steps share the one budget; the read step is shown against the raw-read floor.
    ...Object.entries(aggregation.phaseTimings).map(([phase, ms]) =>
      result(`${label}: phase ${phase}`, ms, "ms", BUDGET_MS, null),
    ),
    ...Object.entries(aggregation.timings).map(([step, ms]) =>
      result(`${label}: step ${step}`, ms, "ms", BUDGET_MS, step === "read" ? floor.ms : null),
    ),
    result(`${label}: peak RSS`, aggregation.maxRssBytes / 2 ** 20, "MB", MEMORY_BUDGET_MB, null),
  ];
}
