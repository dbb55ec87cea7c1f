/**
 * `npm run bench`: runs every bench/*.bench.ts (or those whose name starts with the argument), prints
 * one table, and updates bench/results.json by row name (docs/design.md §9: name, value, unit,
 * budget, floor, ratio), keeping the rows of the benchmarks not run.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BenchResult, mergeResults } from "./harness.js";

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
const file = join(here, "results.json");
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as BenchResult[]) : [];
const merged = mergeResults(previous, results);
writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
process.stderr.write(`bench/results.json: ${results.length} rows measured, ${merged.length} in all\n`);
