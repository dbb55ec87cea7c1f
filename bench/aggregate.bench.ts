/**
 * The year-end aggregation of the synthetic province (1,500 schools, ~60,000 people, 10 years) on
 * the emulator (docs/design.md §9: ≤ 60 s, and within the 1 GiB of the Cloud Run instance the
 * README deploys). The province is seeded once (batched writes); then, each in a process of its
 * own, the floor — streaming the same collections raw — and the aggregation, reported per phase
 * (read, evaluate, write: the phases built so far) with its peak RSS. AGGREGATE_SCHOOLS changes
 * the size (a quick check: `AGGREGATE_SCHOOLS=30 npm run bench -- aggregate`).
 */
import { fork } from "node:child_process";
import { randomUUID } from "node:crypto";
import { generateProvince } from "../functions/sample/province.js";
import { seedProvince } from "../functions/sample/seed.js";
import { ensureEmulator } from "../functions/src/store/emulator.js";
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
  const emulator = await ensureEmulator();
  process.env.FIRESTORE_EMULATOR_HOST = emulator.hostPort;
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
  const floor = await pass("floor", project, years);
  const aggregation = await pass("aggregate", project, years);
  if (aggregation.state !== "SUCCEEDED") throw new Error(`the aggregation ended ${aggregation.state}`);
  const phases = Object.entries(aggregation.timings)
    .map(([phase, ms]) => `${phase} ${Math.round(ms)} ms`)
    .join(", ");
  process.stderr.write(
    `  aggregate: ${Math.round(aggregation.ms)} ms (${phases}); floor ${Math.round(floor.ms)} ms for ${floor.timings.documents} documents; peak RSS ${Math.round(aggregation.maxRssBytes / 2 ** 20)} MB\n`,
  );
  const label = `aggregation, ${SCHOOLS.toLocaleString("en")} schools (${people.toLocaleString("en")} people)`;
  return [
    result(label, aggregation.ms, "ms", BUDGET_MS, floor.ms),
    // The phases share the one budget; each is shown against it, the read phase against the raw-read floor.
    ...Object.entries(aggregation.timings).map(([phase, ms]) =>
      result(`${label}: phase ${phase}`, ms, "ms", BUDGET_MS, phase === "read" ? floor.ms : null),
    ),
    result(`${label}: peak RSS`, aggregation.maxRssBytes / 2 ** 20, "MB", MEMORY_BUDGET_MB, null),
  ];
}
