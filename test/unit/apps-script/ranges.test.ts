import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { coarsenRanges } from "../../../apps-script/src/dirty.js";
import {
  clampRanges,
  compactRanges,
  formatRanges,
  parseRanges,
  rangesOfRows,
  rowsOfRanges,
  subtractRanges,
} from "../../../apps-script/src/ranges.js";

describe("row ranges", () => {
  it("merges overlapping and touching ranges, in order", () => {
    expect(
      compactRanges([
        [10, 12],
        [2, 4],
        [5, 5],
        [11, 20],
        [30, 30],
      ]),
    ).toEqual([
      [2, 5],
      [10, 20],
      [30, 30],
    ]);
    expect(rangesOfRows([7, 3, 4, 5, 7, 9])).toEqual([
      [3, 5],
      [7, 7],
      [9, 9],
    ]);
  });

  it("subtracts rows, splitting ranges", () => {
    expect(subtractRanges([[2, 10]], [[5, 6]])).toEqual([
      [2, 4],
      [7, 10],
    ]);
    expect(subtractRanges([[2, 10]], [[1, 20]])).toEqual([]);
    expect(
      subtractRanges(
        [
          [2, 3],
          [8, 9],
        ],
        [[3, 8]],
      ),
    ).toEqual([
      [2, 2],
      [9, 9],
    ]);
  });

  it("clamps to the data rows", () => {
    expect(
      clampRanges(
        [
          [1, 4],
          [50, 60],
        ],
        2,
        55,
      ),
    ).toEqual([
      [2, 4],
      [50, 55],
    ]);
    expect(clampRanges([[2, 40]], 2, 1)).toEqual([]);
  });

  it("formats compactly and parses back", () => {
    expect(
      formatRanges([
        [2, 40],
        [55, 55],
        [41, 41],
      ]),
    ).toBe("2-41,55");
    expect(parseRanges("2-41,55, x,7-3")).toEqual([
      [2, 41],
      [55, 55],
    ]);
  });

  it("round-trips any set of rows (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 500 }), { maxLength: 200 }), (rows) => {
        const ranges = rangesOfRows(rows);
        expect(rowsOfRanges(parseRanges(formatRanges(ranges)))).toEqual(
          [...new Set(rows)].sort((a, b) => a - b),
        );
      }),
    );
  });

  it("coarsens a record too long for one property, keeping every row", () => {
    const scattered = rangesOfRows(Array.from({ length: 3_000 }, (_, i) => 2 + i * 3));
    expect(formatRanges(scattered).length).toBeGreaterThan(8_000);
    const coarse = coarsenRanges(scattered);
    expect(formatRanges(coarse).length).toBeLessThanOrEqual(8_000);
    const kept = new Set(rowsOfRanges(coarse));
    expect(rowsOfRanges(scattered).every((row) => kept.has(row))).toBe(true);
  });
});
