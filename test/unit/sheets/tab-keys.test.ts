/**
 * A tab's row is typed from its columns (defineTab): its natural key, row rules and mappings can
 * name only its own column keys. The `@ts-expect-error` lines are the test of that: `tsc` (the
 * test tsconfig includes test/) fails if any of them compiles, i.e. if a renamed column could be
 * read silently. The runtime part checks that every column of every tab reaches its documents.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type CellValue,
  type Column,
  defineTab,
  optionsOf,
  pick,
  type RowOf,
} from "../../../functions/src/sheets/definition.js";
import { parseTabRows } from "../../../functions/src/sheets/parse.js";
import { type subjectColumns, textColumn } from "../../../functions/src/sheets/tabs/columns.js";
import { TABS } from "../../../functions/src/sheets/tabs/index.js";

const context = { unitId: "THPT-LQD", year: "2025-2026" };

const rosterColumns = [
  textColumn("id", "Mã cán bộ", "", 14, true),
  textColumn("fullName", "Họ và tên", ""),
] as const satisfies readonly Column[];

const Roster = z.object({ id: z.string(), fullName: z.string().optional(), unitId: z.string() });

const rosterTab = {
  id: "thu",
  title: "Thử",
  audience: "school",
  scope: "unit",
  needsYear: false,
  description: "",
  primary: "people",
} as const;

describe("a tab's row typed from its columns", () => {
  it("maps the keys its columns have, with their value types", () => {
    const tab = defineTab({
      ...rosterTab,
      columns: rosterColumns,
      naturalKey: ["id"],
      toDocuments: (row, { unitId }) => {
        const id: string | undefined = row.id;
        return [
          {
            collection: "people",
            id: id ?? "",
            data: { ...pick(row, ["id", "fullName"]), unitId },
            schema: Roster,
          },
        ];
      },
    });
    const [parsed] = parseTabRows(
      tab,
      [{ row: 2, values: { "Mã cán bộ": "GV01", "Họ và tên": "Lan" } }],
      context,
    ).rows;
    expect(parsed?.errors).toEqual([]);
    expect(parsed?.documents).toEqual([
      { collection: "people", id: "GV01", data: { id: "GV01", fullName: "Lan", unitId: context.unitId } },
    ]);
  });

  it("refuses, at compile time, a key that no column has", () => {
    const tab = defineTab({
      ...rosterTab,
      columns: rosterColumns,
      // @ts-expect-error — "maCanBo" is not a column of this tab
      naturalKey: ["maCanBo"],
      // @ts-expect-error — a row rule names only the tab's columns
      checkRow: (row) => (row.fullName === undefined ? [{ column: "name", code: "REQUIRED" }] : []),
      toDocuments: (row, { unitId }) => [
        {
          collection: "people",
          // @ts-expect-error — the column is "id", not "personId"
          id: row.personId ?? "",
          data: {
            ...pick(row, [
              "id",
              // @ts-expect-error — a renamed column cannot be picked under its old key
              "name",
            ]),
            unitId,
          },
          schema: Roster,
        },
      ],
    });
    // At run time the misspelt keys read nothing: exactly what the compile errors prevent.
    const [parsed] = parseTabRows(tab, [{ row: 2, values: { "Mã cán bộ": "GV01" } }], context).rows;
    expect(parsed?.errors.map((error) => error.code)).toEqual(["REQUIRED", "INVALID_KEY"]);
  });

  it("types each value from its column: text as string, a list of codes as string[]", () => {
    type SubjectRow = RowOf<typeof subjectColumns>;
    const row: SubjectRow = { subjectKind: "individual", subjectId: "GV01" };
    // @ts-expect-error — a text column's value is a string, not a number
    const count: number | undefined = row.subjectId;
    // @ts-expect-error — the shared subject columns have no "subjectCode"
    const code = row.subjectCode;
    expect([count, code]).toEqual(["GV01", undefined]);
  });
});

/** A value of the column's type; enums take their last choice, so it is never a mapping's default. */
function sampleValue(column: Column): CellValue | undefined {
  const codes = (optionsOf(column) ?? []).map((option) => option.code);
  switch (column.type) {
    case "text":
      return `${column.key}-1`;
    case "date":
      return "2025-09-05";
    case "number":
    case "integer":
      return (column.min ?? 0) + 1;
    case "boolean":
      return true;
    case "enum":
      return codes.at(-1);
    case "list":
      return column.item === "pair"
        ? [{ key: "Sáng kiến", value: 1 }]
        : column.item === "text"
          ? ["a"]
          : codes;
  }
}

/** Columns shown only to help the reader: the system reads the id column beside them. */
const DISPLAY_ONLY = [
  "dang-ky.subjectName",
  "ket-qua.subjectName",
  "de-nghi.subjectName",
  "minh-chung.subjectName",
  "lich-su.subjectName",
  "bieu-quyet-so.subjectName",
  "xac-nhan-quan-triet.fullName",
  "can-bo-thi-dua.fullName",
  "tham-du-tap-huan.fullName",
];

describe("every tab", () => {
  it("stores every column: leaving one cell out changes the documents its row becomes", () => {
    const dropped: string[] = [];
    for (const tab of TABS) {
      const full = Object.fromEntries(tab.columns.map((column) => [column.key, sampleValue(column)]));
      const documentsOf = (row: typeof full) =>
        JSON.stringify(tab.toDocuments(row, context).map(({ schema: _schema, ...stored }) => stored));
      for (const column of tab.columns) {
        const { [column.key]: _left, ...without } = full;
        if (documentsOf(without) === documentsOf(full)) dropped.push(`${tab.id}.${column.key}`);
      }
    }
    expect(dropped).toEqual(DISPLAY_ONLY);
  });
});
