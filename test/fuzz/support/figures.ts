/**
 * How many inputs a fuzz target tries and what it found. `npm test` runs a few per target;
 * `npm run fuzz` sets FUZZ_RUNS (≥ 10,000) and FUZZ_FIGURES_DIR, where each fuzz file writes its
 * figures as JSON for SECURITY.md (`npm run security` reads them).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function fuzzRuns(defaultRuns: number): number {
  const runs = Number(process.env.FUZZ_RUNS ?? defaultRuns);
  return Number.isInteger(runs) && runs > 0 ? runs : defaultRuns;
}

/** One seed per run, printed with every failure so that it can be replayed with FUZZ_SEED. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** A finding: the class of the input, what went wrong, and a short description of the input. */
export interface Finding {
  kind: string;
  problem: string;
  input: string;
}

export interface TargetFigures {
  target: string;
  inputs: number;
  /** Responses with a 5xx status (routes) or exceptions thrown (tab parsers). */
  failures: number;
  /** 400/422 responses naming no field, or rejected rows whose errors name no row or column. */
  unnamed: number;
  statuses: Record<string, number>;
  /** Failing input classes → how many inputs of that class failed. */
  failingClasses: Record<string, number>;
}

export class Tally {
  readonly findings: Finding[] = [];
  private readonly figures: TargetFigures;

  constructor(target: string) {
    this.figures = { target, inputs: 0, failures: 0, unnamed: 0, statuses: {}, failingClasses: {} };
  }

  /** Counts one input; `problem` is "failure" or "unnamed" when the property did not hold. */
  record(
    kind: string,
    status: string,
    problem: "failure" | "unnamed" | undefined,
    input: () => string,
  ): void {
    const figures = this.figures;
    figures.inputs += 1;
    figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
    if (!problem) return;
    if (problem === "failure") figures.failures += 1;
    else figures.unnamed += 1;
    figures.failingClasses[kind] = (figures.failingClasses[kind] ?? 0) + 1;
    if (this.findings.length < 20)
      this.findings.push({ kind, problem: `${problem} (${status})`, input: input().slice(0, 300) });
  }

  get result(): TargetFigures {
    return this.figures;
  }
}

/** Writes the figures of one fuzz file when the dedicated run asked for them. */
export function writeFigures(name: string, figures: readonly TargetFigures[]): void {
  const dir = process.env.FUZZ_FIGURES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ seed: FUZZ_SEED, runs: fuzzRuns(0), figures }, null, 2)}\n`);
}

/** Runs `task` over `items` with at most `limit` in flight. */
export async function inPool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
