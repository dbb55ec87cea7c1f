/**
 * Sheet rows → the ingest body of docs/design.md §5.3: `{ unit, year, source, rows: [{ row, values }] }`,
 * values keyed by the Vietnamese header. Cells go as the row parser of functions/src/sheets/cells.ts
 * reads them: text and numbers as they are, booleans as booleans, dates as the sheet shows them
 * (dd/MM/yyyy in the spreadsheet's time zone); empty cells are left out (the parser treats a missing
 * header as an empty cell).
 */
import { REQUEST_LIMITS, type RequestLimits, resolveHeader, type TabDefinition } from "./server.js";

export type WireValue = string | number | boolean;

export interface IngestRow {
  row: number;
  values: Record<string, WireValue>;
}

interface IngestSource {
  spreadsheetId: string;
  sheet: string;
}

export interface IngestBody {
  unit: string;
  year: string;
  source: IngestSource;
  /** "full": the rows are the whole tab; stored rows missing from it are withdrawn. */
  mode?: "full";
  rows: IngestRow[];
}

/** Day, month and year of an instant in a time zone, zero-padded. */
function datePartsIn(timeZone: string): (date: Date) => Record<string, string> {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  return (date) => Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
}

/** Formats a Date of a cell as dd/MM/yyyy in the spreadsheet's time zone. */
export function dateFormatter(timeZone: string): (date: Date) => string {
  const partsOf = datePartsIn(timeZone);
  return (date) => {
    const { day, month, year } = partsOf(date);
    return `${day}/${month}/${year}`;
  };
}

/** "yyyy-MM-dd" of an instant in a time zone. */
export function isoDateIn(timeZone: string, date: Date): string {
  const { day, month, year } = datePartsIn(timeZone)(date);
  return `${year}-${month}-${day}`;
}

/** A cell as sent, or undefined when it is empty. */
export function cellToWire(cell: unknown, formatDate: (date: Date) => string): WireValue | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : formatDate(cell);
  if (typeof cell === "string") return cell.trim() === "" ? undefined : cell;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell === "boolean") return cell;
  return String(cell);
}

/** Where each of the tab's headers sits in the sheet's header row (users may move columns). */
export interface HeaderMap {
  /** Tab header → 0-based column index. */
  columns: Map<string, number>;
  /** Headers of the tab that the sheet lacks. */
  missing: string[];
}

/** Headers match as the server matches them (any case, with or without diacritics). */
export function mapHeaders(tab: TabDefinition, headerRow: readonly unknown[]): HeaderMap {
  const columns = new Map<string, number>();
  headerRow.forEach((cell, index) => {
    const column = resolveHeader(tab, String(cell ?? ""));
    if (column && !columns.has(column.header)) columns.set(column.header, index);
  });
  const missing = tab.columns.map(({ header }) => header).filter((header) => !columns.has(header));
  return { columns, missing };
}

export interface BuiltRows {
  rows: IngestRow[];
  /** Rows with every tab cell empty: nothing to send. */
  blank: number[];
}

/**
 * The ingest rows of `rowNumbers`, read from `block` (the values of sheet rows firstRow…, one array
 * per row, as one getValues gives them).
 */
export function buildIngestRows(
  headers: HeaderMap,
  block: readonly (readonly unknown[])[],
  firstRow: number,
  rowNumbers: readonly number[],
  formatDate: (date: Date) => string,
): BuiltRows {
  const rows: IngestRow[] = [];
  const blank: number[] = [];
  for (const row of rowNumbers) {
    const cells = block[row - firstRow] ?? [];
    const values: Record<string, WireValue> = {};
    for (const [header, index] of headers.columns) {
      const value = cellToWire(cells[index], formatDate);
      if (value !== undefined) values[header] = value;
    }
    if (Object.keys(values).length === 0) blank.push(row);
    else rows.push({ row, values });
  }
  return { rows, blank };
}

/** Bytes of the UTF-8 encoding (Apps Script has no TextEncoder). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * As few bodies as the server's limits allow (domain/limits.ts): one for any ordinary submit, more
 * only past 5 MB or 5,000 rows.
 * A single row larger than the byte limit still goes alone (the server answers 413 for it).
 */
export function splitIntoBodies(
  envelope: Omit<IngestBody, "rows">,
  rows: readonly IngestRow[],
  limits: RequestLimits = REQUEST_LIMITS,
): IngestBody[] {
  const envelopeBytes = utf8Length(JSON.stringify({ ...envelope, rows: [] }));
  const bodies: IngestBody[] = [];
  let current: IngestRow[] = [];
  let bytes = envelopeBytes;
  for (const row of rows) {
    const rowBytes = utf8Length(JSON.stringify(row)) + 1; // the comma between rows
    if (current.length > 0 && (current.length >= limits.maxRows || bytes + rowBytes > limits.maxBodyBytes)) {
      bodies.push({ ...envelope, rows: current });
      current = [];
      bytes = envelopeBytes;
    }
    current.push(row);
    bytes += rowBytes;
  }
  if (current.length > 0) bodies.push({ ...envelope, rows: current });
  return bodies;
}
