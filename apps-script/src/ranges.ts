/**
 * Sets of sheet rows kept as sorted, disjoint, non-adjacent [first, last] ranges, so that a paste of
 * 5,000 rows is one entry and the record of a tab's dirty rows fits in one property ("2-40,55").
 */

export type RowRange = readonly [first: number, last: number];

/** Sorted, with overlapping and touching ranges merged. */
export function compactRanges(ranges: readonly RowRange[]): RowRange[] {
  const sorted = ranges.filter(([first, last]) => first <= last).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** The ranges of a list of row numbers (any order, duplicates allowed). */
export const rangesOfRows = (rows: readonly number[]): RowRange[] =>
  compactRanges(rows.map((row) => [row, row]));

/** The rows of `ranges` not in `removed`. */
export function subtractRanges(ranges: readonly RowRange[], removed: readonly RowRange[]): RowRange[] {
  let remaining = compactRanges(ranges);
  for (const [cutFirst, cutLast] of compactRanges(removed)) {
    remaining = remaining.flatMap(([first, last]): RowRange[] => {
      if (cutLast < first || cutFirst > last) return [[first, last]];
      const pieces: RowRange[] = [];
      if (first < cutFirst) pieces.push([first, cutFirst - 1]);
      if (cutLast < last) pieces.push([cutLast + 1, last]);
      return pieces;
    });
  }
  return remaining;
}

/** Only the rows between `min` and `max`. */
export const clampRanges = (ranges: readonly RowRange[], min: number, max: number): RowRange[] =>
  compactRanges(ranges.map(([first, last]): RowRange => [Math.max(first, min), Math.min(last, max)]));

export function rowsOfRanges(ranges: readonly RowRange[]): number[] {
  const rows: number[] = [];
  for (const [first, last] of compactRanges(ranges)) for (let row = first; row <= last; row++) rows.push(row);
  return rows;
}

export const formatRanges = (ranges: readonly RowRange[]): string =>
  compactRanges(ranges)
    .map(([first, last]) => (first === last ? String(first) : `${first}-${last}`))
    .join(",");

/** The inverse of formatRanges; unreadable pieces are dropped (the record is ours, never typed). */
export function parseRanges(text: string): RowRange[] {
  const ranges: RowRange[] = [];
  for (const piece of text.split(",")) {
    const match = /^(\d+)(?:-(\d+))?$/.exec(piece.trim());
    if (!match) continue;
    const first = Number(match[1]);
    ranges.push([first, match[2] === undefined ? first : Number(match[2])]);
  }
  return compactRanges(ranges);
}
