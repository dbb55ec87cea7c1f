/** Timing helpers shared by the benchmarks. Results follow docs/design.md §9. */
import { performance } from "node:perf_hooks";

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  budget: number;
  /** The floor measured on the same input (JSON.parse, raw writes, plain pdfkit), when one exists. */
  floor: number | null;
  /** value / floor, when there is a floor. */
  ratio: number | null;
}

export interface MeasureOptions {
  warmup?: number;
  runs?: number;
}

/** Wall times in milliseconds of `fn` over several runs after a warm-up, fastest first. */
export async function timesMs(
  fn: () => unknown | Promise<unknown>,
  options: MeasureOptions = {},
): Promise<number[]> {
  const { warmup = 1, runs = 5 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

export const median = (sorted: readonly number[]): number =>
  sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;

/** Median wall time in milliseconds of `fn` over several runs after a warm-up. */
export async function medianMs(
  fn: () => unknown | Promise<unknown>,
  options: MeasureOptions = {},
): Promise<number> {
  return median(await timesMs(fn, options));
}

export function result(
  name: string,
  value: number,
  unit: string,
  budget: number,
  floor: number | null,
): BenchResult {
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    name,
    value: round(value),
    unit,
    budget,
    floor: floor === null ? null : round(floor),
    ratio: floor === null || floor === 0 ? null : round(value / floor),
  };
}

/**
 * bench/results.json after a run: the rows just measured replace the rows of the same name, in
 * place; the other benchmarks' rows (`npm run bench -- load` runs one file) stay; new rows go last.
 */
export function mergeResults(previous: readonly BenchResult[], fresh: readonly BenchResult[]): BenchResult[] {
  const byName = new Map(fresh.map((row) => [row.name, row]));
  const merged = previous.map((row) => byName.get(row.name) ?? row);
  const kept = new Set(previous.map((row) => row.name));
  return [...merged, ...fresh.filter((row) => !kept.has(row.name))];
}
