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

/** Median wall time in milliseconds of `fn` over several runs after a warm-up. */
export async function medianMs(
  fn: () => unknown | Promise<unknown>,
  options: MeasureOptions = {},
): Promise<number> {
  const { warmup = 1, runs = 5 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
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
