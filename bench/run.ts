/**
 * `npm run bench`: runs every bench/*.bench.ts, prints one table, and writes bench/results.json
 * (docs/design.md §9: name, value, unit, budget, floor, ratio), merged by row name: a run of one
 * file (`npm run bench -- aggregate`) replaces its own rows and keeps the others'.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BenchResult } from "./harness.js";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => !only || name.startsWith(only))
  .sort();

const results: BenchResult[] = [];
for (const file of files) {
  const module = (await import(pathToFileURL(join(here, file)).href)) as {
    run: () => Promise<BenchResult[]>;
  };
  process.stderr.write(`… ${file}\n`);
  results.push(...(await module.run()));
}

const rows = results.map((r) => ({
  name: r.name,
  value: `${r.value} ${r.unit}`,
  budget: `≤ ${r.budget} ${r.unit}`,
  within: r.value <= r.budget ? "yes" : "NO",
  floor: r.floor === null ? "—" : `${r.floor} ${r.unit}`,
  ratio: r.ratio === null ? "—" : `${r.ratio}×`,
}));
console.table(rows);
const resultsFile = join(here, "results.json");
const merged = new Map<string, BenchResult>(
  existsSync(resultsFile)
    ? (JSON.parse(readFileSync(resultsFile, "utf8")) as BenchResult[]).map((row) => [row.name, row])
    : [],
);
for (const row of results) merged.set(row.name, row);
writeFileSync(resultsFile, `${JSON.stringify([...merged.values()], null, 2)}\n`);
process.stderr.write(`bench/results.json: ${results.length} rows written, ${merged.size} in all\n`);
