/**
 * Which column a header names. Apart from parse.ts so that the Apps Script bundle, which maps its
 * headers the same way, does not pull in the row schemas (and zod with them).
 */
import { matchKey } from "./cells.js";
import type { Column, TabDefinition } from "./definition.js";

/** A tab as far as its headers go: the full definition, or the plain data of the Apps Script bundle. */
type TabColumns = Pick<TabDefinition, "columns">;

const headerIndexes = new WeakMap<TabColumns, ReadonlyMap<string, Column>>();

/** Header (any case, with or without diacritics) or column key → column. */
export function resolveHeader(tab: TabColumns, header: string): Column | undefined {
  let index = headerIndexes.get(tab);
  if (!index) {
    const entries = new Map<string, Column>();
    for (const column of tab.columns) {
      entries.set(matchKey(column.header), column);
      entries.set(matchKey(column.key), column);
    }
    index = entries;
    headerIndexes.set(tab, index);
  }
  return index.get(matchKey(header));
}
