import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { startYearOf } from "../../../functions/src/domain/school-year.js";

describe("startYearOf", () => {
  it("reads a school year's first year", () => {
    expect(startYearOf("2025-2026")).toBe(2025);
    expect(startYearOf("1975-1976")).toBe(1975);
  });

  it("is Number(year.slice(0, 4)) for any text, digits or not (its digit-by-digit reading changes nothing)", () => {
    const digitsFirst = fc
      .tuple(fc.stringMatching(/^[0-9]{0,5}$/), fc.string({ maxLength: 6 }))
      .map(([digits, rest]) => digits + rest);
    fc.assert(
      fc.property(fc.oneof(digitsFirst, fc.string({ maxLength: 10 })), (text) => {
        expect(Object.is(startYearOf(text), Number(text.slice(0, 4)))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
