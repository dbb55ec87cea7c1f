import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleProvince } from "../../../functions/sample/province.js";
import { isValidId, MAX_ID_LENGTH } from "../../../functions/src/domain/ids.js";
import { isWellFormedText } from "../../../functions/src/domain/text.js";
import { lineAndColumn, scanJson } from "../../../functions/src/http/json-scan.js";

describe("the id rule", () => {
  it("keeps every id of the sample province valid", () => {
    const province = sampleProvince();
    const ids = [
      ...province.units.flatMap((unit) => [unit.id, unit.communeUnitId ?? unit.id]),
      ...province.people.map((person) => person.id),
      ...province.awards.map((award) => award.id),
      ...province.initiatives.map((initiative) => initiative.id),
      ...province.units.map((unit) => `${unit.id}_2025-2026`),
    ];
    expect(ids.filter((id) => !isValidId(id))).toEqual([]);
  });

  it("accepts codes people type, Vietnamese letters included", () => {
    for (const id of [
      "GV0001",
      "SK-2025-01",
      "to-toan_thpt.a~1",
      "trường-nguyễn-du",
      "a".repeat(MAX_ID_LENGTH),
    ])
      expect(isValidId(id), id).toBe(true);
  });

  it("takes a tổ named by its title: single inner spaces", () => {
    expect(isValidId("Tổ Toán - Tin")).toBe(true);
  });

  it("refuses separators, dot segments, reserved and invisible characters, and non-NFC spellings", () => {
    const refused = [
      "",
      "a".repeat(MAX_ID_LENGTH + 1),
      "GV/01",
      ".",
      "..",
      "__proto__",
      " GV01",
      "GV01 ",
      "GV  01",
      "GV\t01",
      "GV:01",
      "GV\u000001",
      "GV\u001b01",
      "\u202eGV01",
      "GV\u206601",
      "GV\ud800",
      "nguye\u0302\u0303n",
      "%2F",
    ];
    for (const id of refused) expect(isValidId(id), JSON.stringify(id)).toBe(false);
  });
});

describe("well-formed text", () => {
  it("allows tabs and line breaks, refuses other controls, bidi controls and lone surrogates", () => {
    expect(isWellFormedText("Nguyễn Thị Lan\tTổ Toán\r\nHTXS 😀")).toBe(true);
    for (const bad of [
      "\u0000",
      "a\u0007",
      "\u007f",
      "\u0085",
      "\u202a",
      "\u202e",
      "\u2066",
      "\u2069",
      "\ud800",
      "\udfff",
    ])
      expect(isWellFormedText(bad), JSON.stringify(bad)).toBe(false);
  });
});

describe("scanJson", () => {
  const parses = (text: string) => {
    try {
      JSON.parse(text);
      return true;
    } catch {
      return false;
    }
  };

  it("accepts exactly what JSON.parse accepts (shallow texts)", () => {
    const jsonish = fc.oneof(
      fc.json({ depthSize: "small" }),
      fc.string({ unit: fc.constantFrom(...'{}[]",:0123456789.-+eE tfalsenu\\/\n') }),
      fc
        .tuple(
          fc.json({ depthSize: "small" }),
          fc.nat(),
          fc.constantFrom("", "x", ",", "}", "]", '"', "\\", "-"),
        )
        .map(
          ([text, at, insert]) =>
            text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)),
        ),
    );
    fc.assert(
      fc.property(jsonish, (text) => {
        expect(scanJson(text, 1000).ok).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("stops at the depth limit without recursion", () => {
    expect(scanJson(`${"[".repeat(32)}${"]".repeat(32)}`, 32)).toEqual({ ok: true });
    expect(scanJson(`{"a":${"[".repeat(32)}${"]".repeat(32)}}`, 32)).toEqual({
      ok: false,
      problem: "depth",
      offset: 36,
    });
    expect(scanJson("[".repeat(1_000_000), 32)).toMatchObject({ ok: false, problem: "depth" });
  });

  it("points at the first offending character", () => {
    expect(scanJson('{"a": tru}', 32)).toEqual({ ok: false, problem: "syntax", offset: 6 });
    expect(scanJson('{"a": 1,}', 32)).toEqual({ ok: false, problem: "syntax", offset: 8 });
    expect(scanJson('{"a": "b', 32)).toEqual({ ok: false, problem: "syntax", offset: 8 });
    expect(lineAndColumn('{\n  "a": x', 9)).toEqual({ line: 2, column: 8 });
  });
});
