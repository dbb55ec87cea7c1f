/**
 * The zod schema of a tab's rows, derived from its column definitions: one transform runs each
 * column's cell parser (cells.ts) and reports failures as issues on the column's key carrying the
 * cell error code. (One transform per row rather than per cell: a 1,000-row sheet parses in
 * milliseconds.)
 */
import { z } from "zod";
import type { CellErrorCode } from "../domain/messages/sheets.js";
import { parseCell } from "./cells.js";
import type { CellValue, ParsedRow, TabDefinition } from "./definition.js";

/** What a failed cell's issue carries in `params`. */
export interface CellIssueParams {
  cellCode: CellErrorCode;
  value?: string;
}

const schemas = new WeakMap<TabDefinition, z.ZodType<ParsedRow, Record<string, unknown>>>();

/** Input: column key → raw cell. Output: column key → typed value (absent when empty). */
export function rowSchema(tab: TabDefinition): z.ZodType<ParsedRow, Record<string, unknown>> {
  let schema = schemas.get(tab);
  if (!schema) {
    // The input is the object parse.ts builds from the sheet's headers: no need to re-check its keys.
    schema = z.custom<Record<string, unknown>>().transform((raw, ctx) => {
      const row: Record<string, CellValue> = {};
      for (const column of tab.columns) {
        const result = parseCell(column, raw[column.key]);
        if (result.ok) {
          if (result.value !== undefined) row[column.key] = result.value;
          continue;
        }
        const params: CellIssueParams = { cellCode: result.code, value: result.value };
        ctx.issues.push({
          code: "custom",
          message: result.code,
          params,
          path: [column.key],
          input: raw[column.key],
        });
      }
      return row;
    });
    schemas.set(tab, schema);
  }
  return schema;
}
