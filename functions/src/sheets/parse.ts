/**
 * Rows of one tab, as a sheet sends them ({ row, values: { "<header>": value } }), → typed rows,
 * the documents they become, and per-cell errors in Vietnamese. Headers match whatever their case
 * or diacritics; unknown columns are ignored; empty rows are skipped. Checks that need stored data
 * (roster, other units) are the ingest service's.
 */

import { type CellErrorCode, type CellErrorDetail, cellErrorMessages } from "../domain/messages/sheets.js";
import { EmailKey, NaturalKey } from "../domain/model.js";
import { isEmptyCell, MAX_TEXT_LENGTH, parseCell } from "./cells.js";
import {
  type Column,
  optionsOf,
  type ParsedRow,
  type RegisterReference,
  type RowContext,
  type StoredReference,
  type SubjectReference,
  type TabCollection,
  type TabDefinition,
} from "./definition.js";
import { resolveHeader } from "./headers.js";
import { type CellIssueParams, rowSchema } from "./schema.js";

export interface SheetRowInput {
  /** The row number in the sheet (1 = header row). */
  row: number;
  values: Readonly<Record<string, unknown>>;
}

/** An error on one cell: `column` is the tab's Vietnamese header. */
export interface CellError {
  column: string;
  code: CellErrorCode;
  message: string;
}

interface ValidDocument {
  collection: TabCollection;
  id: string;
  data: Record<string, unknown>;
}

export interface ParsedSheetRow {
  row: number;
  errors: CellError[];
  /** Id of the row's primary document, when its natural key could be read (even with other errors). */
  primaryId: string | undefined;
  /** The natural key as the sheet shows it ("GV01 / LDTT"), for messages. */
  keyLabel: string;
  /** Validated documents; empty when the row has errors. */
  documents: ValidDocument[];
  /** The unit's own people or collectives the row names (ingest checks them); empty with errors. */
  subjectReferences: SubjectReference[];
  /** Codes the row takes from a stored register (ingest checks them); empty with errors. */
  registerReferences: RegisterReference[];
  /** Ids the row gives of other stored documents (ingest checks they exist); empty with errors. */
  storedReferences: StoredReference[];
}

export interface ParsedTab {
  rows: ParsedSheetRow[];
  /** Rows left out because every cell of a known column was empty. */
  skipped: number[];
}

const columnsByKey = new WeakMap<TabDefinition, ReadonlyMap<string, Column>>();

function columnOf(tab: TabDefinition, key: string): Column | undefined {
  let index = columnsByKey.get(tab);
  if (!index) {
    index = new Map(tab.columns.map((column) => [column.key, column]));
    columnsByKey.set(tab, index);
  }
  return index.get(key);
}

/** A Vietnamese cell error on a column of the tab. */
export function cellError(
  tab: TabDefinition,
  columnKey: string,
  code: CellErrorCode,
  detail: Omit<CellErrorDetail, "header"> = {},
): CellError {
  const header = columnOf(tab, columnKey)?.header ?? columnKey;
  return { column: header, code, message: cellErrorMessages[code]({ ...detail, header }) };
}

export function parseTabRows(
  tab: TabDefinition,
  rows: readonly SheetRowInput[],
  context: RowContext,
): ParsedTab {
  const headerCache = new Map<string, Column | undefined>();
  const columnFor = (header: string): Column | undefined => {
    if (!headerCache.has(header)) headerCache.set(header, resolveHeader(tab, header));
    return headerCache.get(header);
  };
  const parsed: ParsedSheetRow[] = [];
  const skipped: number[] = [];
  for (const input of rows) {
    const raw = rawRow(input.values, columnFor);
    if (raw === undefined) skipped.push(input.row);
    else parsed.push(parseRow(tab, input.row, raw, context));
  }
  markDuplicates(tab, parsed);
  return { rows: parsed, skipped };
}

/** Column key → raw cell; undefined when the row is empty. The first non-empty cell wins. */
function rawRow(
  values: Readonly<Record<string, unknown>>,
  columnFor: (header: string) => Column | undefined,
): Record<string, unknown> | undefined {
  const raw: Record<string, unknown> = {};
  let empty = true;
  for (const [header, value] of Object.entries(values)) {
    const column = columnFor(header);
    if (!column || isEmptyCell(value) || raw[column.key] !== undefined) continue;
    raw[column.key] = value;
    empty = false;
  }
  return empty ? undefined : raw;
}

function parseRow(
  tab: TabDefinition,
  row: number,
  raw: Record<string, unknown>,
  context: RowContext,
): ParsedSheetRow {
  const result = rowSchema(tab).safeParse(raw);
  if (!result.success) {
    const errors = result.error.issues.map((issue) => {
      const key = String(issue.path[0] ?? "");
      const params = (issue as { params?: CellIssueParams }).params;
      return cellError(tab, key, params?.cellCode ?? "INVALID_VALUE", {
        value: params?.value,
        ...limitsOf(columnOf(tab, key)),
        ...allowedOf(columnOf(tab, key)),
      });
    });
    const keyReadable = tab.naturalKey.every(
      (key) => !errors.some((e) => e.column === columnOf(tab, key)?.header),
    );
    const keyValues = partialRow(tab, raw);
    return {
      row,
      errors,
      primaryId: keyReadable ? primaryIdOf(tab, keyValues, context) : undefined,
      keyLabel: keyLabelOf(tab, keyValues),
      documents: [],
      subjectReferences: [],
      registerReferences: [],
      storedReferences: [],
    };
  }
  const values = result.data;
  const errors = (tab.checkRow?.(values) ?? []).map((issue) =>
    cellError(tab, issue.column, issue.code, { value: issue.value, max: issue.max }),
  );
  const drafts = tab.toDocuments(values, context);
  const primaryId = drafts[0]?.id;
  if (primaryId !== undefined && !isValidKey(tab, primaryId))
    errors.push(cellError(tab, tab.naturalKey[0] ?? "", "INVALID_KEY", { value: primaryId }));
  const documents: ValidDocument[] = [];
  for (const draft of errors.length === 0 ? drafts : []) {
    const checked = draft.schema.safeParse(draft.data);
    if (checked.success) {
      const { collection, id } = draft;
      documents.push({ collection, id, data: checked.data as Record<string, unknown> });
      continue;
    }
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? "");
      const key = columnOf(tab, field) ? field : (tab.naturalKey[0] ?? "");
      const value = values[key];
      // A rule across fields (a teacher needs a roster id) names the field that is missing.
      errors.push(
        value === undefined
          ? cellError(tab, key, "REQUIRED")
          : cellError(tab, key, "INVALID_VALUE", { value: String(value) }),
      );
    }
  }
  return {
    row,
    errors,
    primaryId,
    keyLabel: keyLabelOf(tab, values),
    documents: errors.length === 0 ? documents : [],
    subjectReferences: errors.length === 0 ? subjectReferencesOf(tab, values) : [],
    registerReferences: errors.length === 0 ? registerReferencesOf(tab, values) : [],
    storedReferences: errors.length === 0 ? storedReferencesOf(tab, values) : [],
  };
}

function storedReferencesOf(tab: TabDefinition, values: ParsedRow): StoredReference[] {
  return tab.columns.flatMap((column): StoredReference[] => {
    const id = values[column.key];
    return column.refersTo !== undefined && typeof id === "string"
      ? [{ column: column.key, collection: column.refersTo, id }]
      : [];
  });
}

/** The codes of the row's columns that name entries of a register, by the columns' `refers`. */
function registerReferencesOf(tab: TabDefinition, values: ParsedRow): RegisterReference[] {
  return tab.columns.flatMap((column): RegisterReference[] => {
    const value = values[column.key];
    const codes = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter(isString) : [];
    return column.refers === undefined || codes.length === 0
      ? []
      : [{ column: column.key, register: column.refers, codes }];
  });
}

/** The ids of the row's columns that name people or collectives, by the columns' `names`. */
function subjectReferencesOf(tab: TabDefinition, values: ParsedRow): SubjectReference[] {
  return tab.columns.flatMap((column): SubjectReference[] => {
    const value = values[column.key];
    const ids = typeof value === "string" ? [value] : Array.isArray(value) ? value.filter(isString) : [];
    if (column.names === undefined || ids.length === 0) return [];
    const kind =
      column.names === "subject" && values.subjectKind === "collective" ? "collective" : "individual";
    return [{ column: column.key, kind, ids }];
  });
}

const isString = (value: unknown): value is string => typeof value === "string";

/** The cells that did parse, to read the natural key of a row with errors elsewhere. */
function partialRow(tab: TabDefinition, raw: Record<string, unknown>): ParsedRow {
  const values: Record<string, unknown> = {};
  for (const key of tab.naturalKey) {
    const column = columnOf(tab, key);
    const cell = column ? parseCell(column, raw[key]) : undefined;
    if (cell?.ok) values[key] = cell.value;
  }
  return values as ParsedRow;
}

const keyLabelOf = (tab: TabDefinition, values: ParsedRow): string =>
  tab.naturalKey
    .map((key) => values[key])
    .filter((value) => value !== undefined)
    .join(" / ");

function primaryIdOf(tab: TabDefinition, values: ParsedRow, context: RowContext): string | undefined {
  const required = tab.naturalKey.filter((key) => columnOf(tab, key)?.required);
  if (required.some((key) => values[key] === undefined)) return undefined;
  const id = tab.toDocuments(values, context)[0]?.id;
  return id !== undefined && isValidKey(tab, id) ? id : undefined;
}

const isValidKey = (tab: TabDefinition, id: string): boolean =>
  tab.keyKind === "email" ? EmailKey.safeParse(id).success : NaturalKey.safeParse(id).success;

/** The limits a message quotes: a number column's range, a text column's length. */
const limitsOf = (column: Column | undefined) =>
  column?.type === "number" || column?.type === "integer"
    ? { min: column.min, max: column.max }
    : column?.type === "text"
      ? { max: column.maxLength ?? MAX_TEXT_LENGTH }
      : {};

const allowedOf = (column: Column | undefined) => {
  const options = column ? (optionsOf(column) ?? []) : [];
  return options.length > 0 ? { allowed: options.map((option) => option.label) } : {};
};

/** The same record twice in one tab: neither row is stored, each points at the other. */
function markDuplicates(tab: TabDefinition, rows: ParsedSheetRow[]): void {
  const byId = new Map<string, ParsedSheetRow[]>();
  for (const row of rows) {
    if (row.primaryId === undefined) continue;
    const group = byId.get(row.primaryId);
    if (group) group.push(row);
    else byId.set(row.primaryId, [row]);
  }
  const keyColumn = tab.naturalKey[0] ?? "";
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    for (const row of group) {
      const other = group.find((candidate) => candidate !== row);
      row.errors.push(
        cellError(tab, keyColumn, "DUPLICATE_ROW", { value: row.keyLabel, otherRow: other?.row }),
      );
      row.documents = [];
      row.subjectReferences = [];
      row.registerReferences = [];
    }
  }
}
