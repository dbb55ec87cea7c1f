/** Generating the synthetic province of 1,500 schools (≈ 60,000 people, 10 school years). */
import { generateProvince } from "../functions/sample/province.js";
import { type BenchResult, medianMs, result } from "./harness.js";

const SCHOOLS = 1500;
const BUDGET_MS = 5000;

export async function run(): Promise<BenchResult[]> {
  let people = 0;
  const ms = await medianMs(
    () => {
      people = generateProvince({ seed: 1, schools: SCHOOLS }).people.length;
    },
    { warmup: 1, runs: 3 },
  );
  process.stderr.write(`  generator: ${SCHOOLS} schools, ${people} people\n`);
  return [result(`generator, ${SCHOOLS.toLocaleString("en")} schools`, ms, "ms", BUDGET_MS, null)];
}
