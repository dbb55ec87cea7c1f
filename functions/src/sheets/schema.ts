/**
 * The zod schema of a tab's rows, derived from its column definitions: each column's cell parser
 * (cells.ts) becomes a transform whose failures are issues carrying the cell error code.
 */
import { z } from "zod";
import type { CellErrorCode } from "../domain/messages/sheets.js";
import { parseCell } from "./cells.js";
import type { ParsedRow, TabDefinition } from "./definition.js";

/** What a failed cell's issue carries in `params`. */
export interface CellIssueParams {
  cellCode: CellErrorCode;
  value?: string;
}

const schemas = new WeakMap<TabDefinition, z.ZodType<ParsedRow>>();

/** Input: column key → raw cell. Output: column key → typed value (absent when empty). */
export function rowSchema(tab: TabDefinition): z.ZodType<ParsedRow> {
  let schema = schemas.get(tab);
  if (!schema) {
    const shape = Object.fromEntries(
      tab.columns.map((column) => [
        column.key,
        z.unknown().transform((raw, ctx) => {
          const result = parseCell(column, raw);
          if (result.ok) return result.value;
          const params: CellIssueParams = { cellCode: result.code, value: result.value };
          ctx.addIssue({ code: "custom", message: result.code, params, input: raw });
          return z.NEVER;
        }),
      ]),
    );
    schema = z.object(shape) as unknown as z.ZodType<ParsedRow>;
    schemas.set(tab, schema);
  }
  return schema;
}
