/**
 * Apps Script calls per 1,000-row submit (docs/design.md §9: 1 request, ≤ 2 setValues), counted on the
 * fakes of the services: the worse of a first submit of 1,000 contiguous rows and a submit of 1,000
 * rows edited one in two (scattered, so no contiguous block). And the size of Code.js, which every
 * run (each edit trigger among them) loads, with the time to evaluate it in a fresh context.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { buildAppsScript } from "../apps-script/build.js";
import { app } from "../apps-script/src/app.js";
import { schoolWorld } from "../test/unit/apps-script/world.js";
import { type BenchResult, medianMs, result } from "./harness.js";

/** Without zod the bundle is about 70 kB; with it, 540 kB. */
const BUNDLE_BUDGET_KB = 192;
const LOAD_BUDGET_MS = 20;

const ROWS = 1_000;

interface Counts {
  requests: number;
  setValues: number;
}

function contiguousFirstSubmit(): Counts {
  const { world, sheet } = schoolWorld(ROWS);
  app.submitActiveTab(world.env);
  return { requests: world.urlFetch.requests.length, setValues: sheet.calls.setValues ?? 0 };
}

function scatteredEdits(): Counts {
  const { world, sheet } = schoolWorld(2 * ROWS);
  app.submitActiveTab(world.env);
  for (let row = 2; row < 2 + 2 * ROWS; row += 2) {
    sheet.setCell(row, 2, `Trần Thị ${row}`);
    app.onEditInstallable({ range: sheet.getRange(row, 2, 1, 1) });
  }
  const sent = world.urlFetch.requests.length;
  sheet.calls.setValues = 0;
  app.submitActiveTab(world.env);
  const rows = JSON.parse(world.urlFetch.requests.at(-1)?.params.payload ?? "{}").rows?.length;
  if (rows !== ROWS) throw new Error(`expected ${ROWS} rows, sent ${rows}`);
  return { requests: world.urlFetch.requests.length - sent, setValues: sheet.calls.setValues };
}

async function bundle(): Promise<{ kilobytes: number; loadMs: number }> {
  const outDir = await mkdtemp(join(tmpdir(), "tdkt-bench-apps-script-"));
  try {
    const built = await buildAppsScript(outDir);
    const code = await readFile(built.file, "utf8");
    const loadMs = await medianMs(() => vm.runInNewContext(code, {}, { filename: "Code.js" }), { runs: 9 });
    return { kilobytes: Math.round(built.bytes / 102.4) / 10, loadMs: Math.round(loadMs * 10) / 10 };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

export async function run(): Promise<BenchResult[]> {
  const runs = [contiguousFirstSubmit(), scatteredEdits()];
  const worst = (key: keyof Counts) => Math.max(...runs.map((counts) => counts[key]));
  const code = await bundle();
  return [
    result("Apps Script requests per 1,000-row submit", worst("requests"), "requests", 1, null),
    result("Apps Script setValues per 1,000-row submit", worst("setValues"), "calls", 2, null),
    result("Apps Script bundle Code.js (no zod)", code.kilobytes, "kB", BUNDLE_BUDGET_KB, null),
    result("Apps Script bundle load, fresh context", code.loadMs, "ms", LOAD_BUDGET_MS, null),
  ];
}
