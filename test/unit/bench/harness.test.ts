import { describe, expect, it } from "vitest";
import { type BenchResult, mergeResults, result } from "../../../bench/harness.js";

const row = (name: string, value: number): BenchResult => result(name, value, "ms", 1000, null);

describe("bench/results.json", () => {
  it("a run of one benchmark replaces its rows by name and keeps every other row, in place", () => {
    const previous = [
      row("load: total", 51.8),
      row("eligibility: 60,000 people", 900),
      row("sheets: parse", 8),
    ];
    const merged = mergeResults(previous, [row("eligibility: 60,000 people", 640)]);
    expect(merged).toEqual([
      row("load: total", 51.8),
      row("eligibility: 60,000 people", 640),
      row("sheets: parse", 8),
    ]);
  });

  it("rows not there before are added after the others; a first run writes what it measured", () => {
    expect(mergeResults([row("load: total", 51.8)], [row("documents: danh sách", 557)])).toEqual([
      row("load: total", 51.8),
      row("documents: danh sách", 557),
    ]);
    expect(mergeResults([], [row("a", 1), row("b", 2)])).toEqual([row("a", 1), row("b", 2)]);
  });
});
