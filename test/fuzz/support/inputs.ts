/**
 * What a fuzzing outsider sends: strings with Unicode edge cases, spreadsheet formulas and
 * `__proto__`; JSON deep, wide and of odd types, written as text so that every key and number token
 * reaches the server as typed; cell values per column type; path segments with broken
 * percent-encoding. Every generated input carries a `kind` naming its class, so that failures can be
 * reported by class rather than one counterexample at a time.
 */
import fc from "fast-check";
import type { Column, TabDefinition } from "../../../functions/src/sheets/definition.js";
import { optionsOf } from "../../../functions/src/sheets/definition.js";

/** An input and the class it belongs to ("body:deep", "path:percent", …). */
export interface Labelled<T> {
  kind: string;
  value: T;
}

export const labelled = <T>(kind: string, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<Labelled<T>> =>
  arbitrary.map((value) => ({ kind, value }));

/** Strings that broke or may break parsers, storage, logs and sheets. */
export const EDGE_STRINGS = [
  "",
  " ",
  "\u0000",
  "\u0007\u001b[31m",
  "\r\n",
  "\t",
  "\u202E",
  "abc\u202Edef",
  "\u2066\u2069",
  "\uD800",
  "\uDFFF",
  "a\uDBFFb",
  "\uFEFF",
  "\u200B",
  "e\u0301",
  "𝕏😀",
  "__proto__",
  "constructor",
  "prototype",
  "__name__",
  ".",
  "..",
  "../..",
  "/",
  "a/b",
  "%",
  "%zz",
  "%E0%A4%A",
  "=1+1",
  '=HYPERLINK("http://evil.example","x")',
  "+1",
  "-1",
  "@SUM(A1)",
  "\t=cmd|' /C calc'!A0",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-0",
  "1e309",
  "0x10",
  "31/02/2025",
  "00/00/0000",
  "2025-13-40",
  "99999-99999",
  "Nguyễn Văn A",
  "NGUYỄN văn a",
  "Có",
  "Không",
  "<script>alert(1)</script>",
  "'; DROP TABLE users; --",
  "\u0024{jndi:ldap://x}",
] as const;

const edgeString = fc.constantFrom(...EDGE_STRINGS);

/** Mostly short strings of any code point (lone surrogates included), glued to edge cases. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 15, arbitrary: edgeString },
  { weight: 15, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 15,
    arbitrary: fc
      .array(fc.oneof(edgeString, fc.string({ unit: "grapheme", maxLength: 8 })), { maxLength: 6 })
      .map((parts) => parts.join("")),
  },
  // Huge strings are rare: each costs the parsers (and the fuzz run) real time.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1_000, max: 60_000 }), fc.constantFrom("x", "ệ", "😀", "\uD800", "="))
      .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length))),
  },
);

/** A JSON value as a tree, serialized by hand so that `__proto__` keys and odd numbers survive. */
export type JsonTree =
  | { t: "raw"; text: string }
  | { t: "string"; value: string }
  | { t: "array"; items: JsonTree[] }
  | { t: "object"; entries: [string, JsonTree][] };

const numberToken = fc.oneof(
  fc.double().map((n) => JSON.stringify(n)),
  fc.integer().map(String),
  fc.constantFrom(
    "-0",
    "1e400",
    "-1e400",
    "1E-400",
    "9007199254740993",
    "0.1e1",
    "123456789012345678901234567890",
  ),
);

export const jsonTree: fc.Arbitrary<JsonTree> = fc.letrec<{ tree: JsonTree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom("null", "true", "false").map((text): JsonTree => ({ t: "raw", text })),
    numberToken.map((text): JsonTree => ({ t: "raw", text })),
    nastyString.map((value): JsonTree => ({ t: "string", value })),
    fc.array(tie("tree"), { maxLength: 6 }).map((items): JsonTree => ({ t: "array", items })),
    fc
      .array(fc.tuple(fc.oneof(edgeString, fc.string({ maxLength: 12 })), tie("tree")), { maxLength: 6 })
      .map((entries): JsonTree => ({ t: "object", entries })),
  ),
})).tree;

export function jsonText(tree: JsonTree): string {
  switch (tree.t) {
    case "raw":
      return tree.text;
    case "string":
      return JSON.stringify(tree.value);
    case "array":
      return `[${tree.items.map(jsonText).join(",")}]`;
    case "object":
      return `{${tree.entries.map(([key, value]) => `${JSON.stringify(key)}:${jsonText(value)}`).join(",")}}`;
  }
}

/** A plain value → tree (for templates of valid bodies that get mutated). */
export function treeOf(value: unknown): JsonTree {
  if (Array.isArray(value)) return { t: "array", items: value.map(treeOf) };
  if (value !== null && typeof value === "object")
    return { t: "object", entries: Object.entries(value).map(([key, item]) => [key, treeOf(item)]) };
  if (typeof value === "string") return { t: "string", value };
  return { t: "raw", text: JSON.stringify(value ?? null) };
}

/** Every node of a tree, in a fixed order, with a way to replace it. */
function slotsOf(tree: JsonTree, replace: (next: JsonTree) => JsonTree): ((next: JsonTree) => JsonTree)[] {
  const slots = [replace];
  if (tree.t === "array")
    tree.items.forEach((item, index) => {
      slots.push(
        ...slotsOf(item, (next) =>
          replace({ ...tree, items: tree.items.map((x, i) => (i === index ? next : x)) }),
        ),
      );
    });
  if (tree.t === "object")
    tree.entries.forEach(([key, item], index) => {
      slots.push(
        ...slotsOf(item, (next) =>
          replace({ ...tree, entries: tree.entries.map((x, i) => (i === index ? [key, next] : x)) }),
        ),
      );
    });
  return slots;
}

/** A valid body with one node (or the whole body) replaced by a random value. */
export function mutated(template: unknown): fc.Arbitrary<string> {
  const tree = treeOf(template);
  const slots = slotsOf(tree, (next) => next);
  return fc
    .tuple(fc.nat({ max: slots.length - 1 }), jsonTree, fc.boolean(), nastyString)
    .map(([index, replacement, addKey, key]) => {
      const mutatedTree = slots[index]?.(replacement) ?? replacement;
      // Sometimes an extra key at the top, e.g. "__proto__": { "admin": true }.
      return addKey && mutatedTree.t === "object"
        ? jsonText({ ...mutatedTree, entries: [...mutatedTree.entries, [key, replacement]] })
        : jsonText(mutatedTree);
    });
}

/** Bodies that are not small JSON trees: very deep, very wide, broken, or not JSON at all. */
export const oddBody: fc.Arbitrary<Labelled<string>> = fc.oneof(
  labelled(
    "body:deep",
    fc
      .tuple(fc.integer({ min: 100, max: 20_000 }), fc.constantFrom(["[", "]"], ['{"a":', "}"]))
      .map(([depth, [open, close]]) => `${open.repeat(depth)}1${close.repeat(depth)}`),
  ),
  labelled(
    "body:wide",
    fc
      // Short values only: 50,000 copies of a huge string would not fit in memory (nor under 5 MB).
      .tuple(
        fc.integer({ min: 1_000, max: 50_000 }),
        nastyString.filter((value) => value.length <= 40),
      )
      .map(
        ([width, value]) =>
          `{${Array.from({ length: width }, (_, i) => `"k${i}":${JSON.stringify(value)}`).join(",")}}`,
      ),
  ),
  labelled("body:broken", fc.string({ unit: "binary", maxLength: 200 })),
  labelled(
    "body:truncated",
    jsonTree.map(jsonText).map((text) => text.slice(0, Math.max(1, Math.floor(text.length / 2)))),
  ),
);

/** A value a school would type in the column: plausible for its type and, for text, its key. */
export function plausibleCell(column: Column): fc.Arbitrary<unknown> {
  const options = optionsOf(column) ?? [];
  const label = options.length > 0 ? fc.constantFrom(...options.map((option) => option.label)) : undefined;
  const date = fc
    .date({ min: new Date("1960-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
    .map(
      (d) =>
        `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`,
    );
  const ids = fc.constantFrom("GV001", "GV002", "GV003", "thcs-fuzz", "SK-01");
  const text = (): fc.Arbitrary<unknown> => {
    const key = column.key;
    if (key === "email") return fc.constantFrom("gv1@thcs-fuzz.edu.vn", "hieutruong@thcs-fuzz.edu.vn");
    if (key === "year") return fc.constantFrom("2024-2025", "2025-2026");
    if (key === "summarySpreadsheetId") return fc.constantFrom("1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abc");
    if (/(^id|Id|code|Ids)$/.test(key)) return ids;
    if (/No$/.test(key)) return fc.constantFrom("123/QĐ-UBND", "45/QĐ-SGDĐT");
    return fc.constantFrom("Nguyễn Thị Lan", "Tổ Toán - Tin", "Hà Tĩnh", "Giáo viên", "Kinh", "THCS Fuzz");
  };
  switch (column.type) {
    case "text":
      return text();
    case "date":
      return date;
    case "number":
    case "integer":
      return fc.integer({ min: column.min ?? 0, max: column.max ?? 100 });
    case "boolean":
      return fc.constantFrom("Có", "Không", true, false);
    case "enum":
      return label ?? fc.constant("");
    case "list":
      if (label) return fc.array(label, { minLength: 1, maxLength: 3 }).map((items) => items.join("; "));
      if (column.item === "pair") return fc.constantFrom("Tỷ lệ HTXS: 80%; Sáng kiến: 1", "Đề tài: 2");
      return fc.array(ids, { minLength: 1, maxLength: 3 }).map((items) => items.join("; "));
  }
}

/** A value of the column's type that may break a rule, or anything at all. */
export function hostileCell(column: Column): fc.Arbitrary<unknown> {
  const options = optionsOf(column) ?? [];
  const choice =
    options.length > 0
      ? fc.constantFrom(
          ...options.flatMap((option) => [option.label, option.code, option.label.toUpperCase()]),
        )
      : nastyString;
  const typed: Record<Column["type"], fc.Arbitrary<unknown>> = {
    text: nastyString,
    date: fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 32 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 1800, max: 2200 }),
        )
        .map(([d, m, y]) => `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`),
      fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
      fc.integer({ min: -100_000, max: 100_000 }),
    ),
    number: fc.oneof(fc.double(), fc.integer(), fc.constantFrom("1,5", "1.000", "12,3%", " 7 ", "1e3")),
    integer: fc.oneof(fc.integer(), fc.double(), fc.constantFrom("10", "10.5", "-3", "1.000")),
    boolean: fc.oneof(fc.boolean(), fc.constantFrom("Có", "Không", "có", "x", "TRUE", "0", "1")),
    enum: choice,
    list: fc
      .array(choice, { maxLength: 5 })
      .chain((items) =>
        fc.constantFrom(items.join(";"), items.join("\n"), items.join(", "), items.join(": 1; ")),
      ),
  };
  return fc.oneof(
    { weight: 4, arbitrary: typed[column.type] },
    { weight: 2, arbitrary: nastyString },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, Number.NaN, [], {}, ["a", 1]) },
  );
}

export interface SheetRow {
  row: number;
  values: Record<string, unknown>;
}

/**
 * Rows of a tab, each cell under its header (or key, or the header in capitals), plus stray
 * columns: clean rows, clean rows with one hostile cell, and rows of hostile cells.
 */
export function tabRows(tab: TabDefinition, maxRows = 8): fc.Arbitrary<SheetRow[]> {
  const header = (column: Column) =>
    fc.constantFrom(column.header, column.header, column.key, column.header.toUpperCase());
  const cleanCells = fc.tuple(
    ...tab.columns.map((column) =>
      fc.tuple(
        header(column),
        column.required ? plausibleCell(column) : fc.option(plausibleCell(column), { nil: undefined }),
      ),
    ),
  );
  const hostileCells = fc.tuple(
    ...tab.columns.map((column) =>
      fc.tuple(header(column), fc.option(hostileCell(column), { freq: 3, nil: undefined })),
    ),
  );
  const oneBadCell = fc
    .tuple(
      cleanCells,
      fc.nat({ max: tab.columns.length - 1 }),
      fc.constantFrom(...tab.columns).chain(hostileCell),
    )
    .map(([cells, index, value]) =>
      cells.map((cell, i) => (i === index ? ([cell[0], value] as const) : cell)),
    );
  const row = fc.tuple(
    fc.integer({ min: 2, max: 10_000 }),
    fc.oneof(cleanCells, oneBadCell, hostileCells),
    fc.array(fc.tuple(nastyString, jsonTree.map(jsonText)), { maxLength: 2 }),
  );
  return fc.array(row, { minLength: 1, maxLength: maxRows }).map((rows) =>
    rows.map(([number, cells, strays]) => {
      const values: Record<string, unknown> = {};
      for (const [name, value] of cells) if (value !== undefined) values[name] = value;
      // Stray columns may be named "__proto__": define them as own properties, as JSON.parse does.
      for (const [name, text] of strays)
        Object.defineProperty(values, name, {
          value: JSON.parse(text),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return { row: number, values };
    }),
  );
}

/** Path segments: valid ids, encoded random strings, broken percent-encoding, dots, slashes. */
export function pathSegment(valid: readonly string[]): fc.Arbitrary<Labelled<string>> {
  return fc.oneof(
    { weight: 3, arbitrary: labelled("path:valid", fc.constantFrom(...valid)) },
    {
      weight: 2,
      arbitrary: labelled(
        "path:encoded",
        nastyString
          .filter((s) => s.length < 2_000)
          .map((s) => encodeURIComponent(s.replace(/\p{Cs}/gu, "\uFFFD"))),
      ),
    },
    {
      weight: 2,
      arbitrary: labelled(
        "path:percent",
        fc.constantFrom("%", "%zz", "%E0%A4%A", "%ED%A0%80", "%C0%AF", "%FF", "abc%", "%%", "%u202E", "%00"),
      ),
    },
    {
      weight: 2,
      arbitrary: labelled(
        "path:dots",
        fc.constantFrom(
          "..",
          ".",
          "%2e%2e",
          "%2E",
          "a%2Fb",
          "%2F",
          "..%2F..%2Fetc",
          "__proto__",
          "constructor",
        ),
      ),
    },
    {
      weight: 1,
      arbitrary: labelled(
        "path:raw",
        fc
          .string({ unit: fc.constantFrom(..."abcXYZ019-_.~!$&'()*+,;=@%"), minLength: 1, maxLength: 30 })
          .filter((s) => s.length > 0),
      ),
    },
  );
}

/** Content types a client may send with a body. */
export const contentType: fc.Arbitrary<Labelled<string | undefined>> = fc.oneof(
  { weight: 6, arbitrary: labelled("type:json", fc.constant("application/json")) },
  {
    weight: 3,
    arbitrary: labelled(
      "type:other",
      fc.oneof(
        fc.constantFrom(
          undefined,
          "",
          "application/json; charset=utf-8",
          "application/JSON",
          "application/json; charset=latin1",
          "text/plain",
          "text/html",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/jsonp",
          "*/*",
        ),
        fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz/;=+-. "), maxLength: 40 }),
      ),
    ),
  },
);
