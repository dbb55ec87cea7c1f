/**
 * tsx bench/generator/cli.ts --schools 1500 --seed 1 [--years 10] [--last-year 2025-2026] [--out province.json]
 * Generates a synthetic province and prints its counts and the time it took.
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { generateProvince } from "../../functions/sample/province.js";

const { values } = parseArgs({
  options: {
    schools: { type: "string", default: "1500" },
    seed: { type: "string", default: "1" },
    years: { type: "string", default: "10" },
    "last-year": { type: "string", default: "2025-2026" },
    out: { type: "string" },
  },
});

const start = performance.now();
const province = generateProvince({
  seed: Number(values.seed),
  schools: Number(values.schools),
  years: Number(values.years),
  lastYear: values["last-year"],
});
const elapsedMs = performance.now() - start;

const counts = {
  communes: province.communes.length,
  units: province.units.length,
  clusters: new Set(province.units.map((unit) => unit.clusterId)).size,
  people: province.people.length,
  records: province.records.length,
  initiatives: province.initiatives.length,
  awards: province.awards.length,
  votes: province.votes.length,
  users: province.users.length,
};
console.table(counts);
console.log(`${province.years[0]} … ${province.years.at(-1)}; generated in ${Math.round(elapsedMs)} ms`);
if (values.out) {
  writeFileSync(values.out, JSON.stringify(province));
  console.log(`written to ${values.out}`);
}
