/**
 * The shape of a tab definition. A tab (tabs/) lists its columns once; the row schema
 * (schema.ts), the .xlsx template (xlsx.ts), the Apps Script setup and the summaries all read it.
 * Pure: imports only domain/ (and zod types), so the Apps Script bundle can use it.
 */
import type { z } from "zod";
import type { SubjectKind } from "../domain/codes.js";
import type { StoreCollection } from "../domain/collections.js";
import type { CellErrorCode } from "../domain/messages/sheets.js";

/** One choice of an enum column: the stored code and the Vietnamese label shown in the dropdown. */
export interface EnumOption {
  code: string;
  label: string;
}

interface ColumnBase<K extends string> {
  /** Field of the parsed row; the same name as the domain field it fills whenever there is one. */
  key: K;
  /** Vietnamese header as it appears in row 1 of the sheet. */
  header: string;
  required: boolean;
  /** Shown as the header's note in the sheet and the workbook. */
  help: string;
  /** Column width in characters. */
  width: number;
  /**
   * The column names the unit's own people or collectives, which ingest checks against the stored
   * roster: "person" — ids on the roster; "subject" — by the row's "Loại đối tượng", a person on
   * the roster or one of the unit's collectives (the unit itself, or a tổ of its roster).
   */
  names?: "person" | "subject";
  /**
   * The column holds codes of a register, which ingest checks against the stored one:
   * "legalDocument" — the year's register of tab "Văn bản pháp lý"; "trainingCourse" — the year's
   * courses of the unit (tab "Tập huấn") or of the Department (tab "Tập huấn của Sở").
   */
  refers?: RegisterKind;
  /**
   * The column holds the id of a stored document of this collection (of the row's year for a year
   * collection), which ingest checks exists: a result of an unplanned visit is refused in its cell.
   */
  refersTo?: StoreCollection;
}

type RegisterKind = "legalDocument" | "trainingCourse";

/** Codes in a row that must be on a stored register (from the columns' `refers`). */
export interface RegisterReference {
  column: string;
  register: RegisterKind;
  codes: readonly string[];
}

export type Column<K extends string = string> = ColumnBase<K> &
  (
    | { type: "text"; maxLength?: number }
    | { type: "date" }
    | { type: "number" | "integer"; min?: number; max?: number }
    | { type: "boolean" }
    | { type: "enum"; options: readonly EnumOption[] }
    /**
     * Several values in one cell, separated by ";" (or new lines; "," too for codes and ids).
     * "pair" items are "tên chỉ tiêu: giá trị" (registration commitments).
     */
    | { type: "list"; item: "text" | "pair" | readonly EnumOption[] }
  );

/** The choices of an enum column, or of a list column of codes. */
export const optionsOf = (column: Column): readonly EnumOption[] | undefined =>
  column.type === "enum"
    ? column.options
    : column.type === "list" && Array.isArray(column.item)
      ? column.item
      : undefined;

/** A "tên chỉ tiêu: giá trị" item; the value is a number when it reads as one. */
export interface Pair {
  key: string;
  value: number | string;
}

export type CellValue = string | number | boolean | readonly string[] | readonly Pair[];

/** A row after cell parsing: column key → value; empty optional cells are absent. */
export type ParsedRow = Readonly<Record<string, CellValue | undefined>>;

/** The value a column's cell parses to (cells.ts). */
type ValueOf<C extends Column> = C extends { type: "text" | "date" }
  ? string
  : C extends { type: "number" | "integer" }
    ? number
    : C extends { type: "boolean" }
      ? boolean
      : C extends { type: "enum" }
        ? string
        : C extends { type: "list"; item: "pair" }
          ? readonly Pair[]
          : readonly string[];

/** The keys of a tab's columns. */
export type KeyOf<C extends readonly Column[]> = C[number]["key"];

/**
 * The parsed row of a tab with these columns: exactly their keys, each with its column's value type.
 * Every key is optional: empty optional cells are absent, and a row with errors elsewhere is mapped
 * from its natural key alone (parse.ts) to name its document.
 */
export type RowOf<C extends readonly Column[]> = {
  readonly [Col in C[number] as Col["key"]]?: ValueOf<Col>;
};

export interface RowContext {
  unitId: string;
  year: string;
}

/**
 * Where a tab's rows go: a collection the tabs write, or "decisions" — rows the decisions service
 * records (tab "Quyết định khen thưởng", services/decision-tab.ts), never upserted as they are.
 */
export type TabCollection = StoreCollection | "decisions";

/** A stored document a row produces, before validation against its domain schema. */
interface TabDocument {
  collection: TabCollection;
  id: string;
  data: Record<string, unknown>;
  schema: z.ZodType;
}

/** A finding on one cell of a row, from a row-level rule. */
export interface RowIssue<K extends string = string> {
  column: K;
  code: CellErrorCode;
  value?: string;
  max?: number;
}

/** Ids in a row that must name the unit's own people or collectives (from the columns' `names`). */
export interface SubjectReference {
  column: string;
  kind: SubjectKind;
  ids: readonly string[];
}

/** An id in a row that must name a stored document (from the columns' `refersTo`). */
export interface StoredReference {
  column: string;
  collection: StoreCollection;
  id: string;
}

/**
 * Who fills a tab: the schools, the Department, or the deciding levels — the Department and the
 * communes (UBND xã) that decide for the schools they manage ("Quyết định khen thưởng").
 */
export type TabAudience = "school" | "department" | "decider";

/**
 * The kinds of workbook a setup lays out (TDKT_AUDIENCE): a school's, the Department's (its own tabs
 * and the deciders'), a commune's (the deciders' tabs only: a commune enters decisions, nothing else).
 */
export type Workbook = "school" | "department" | "commune";

const WORKBOOK_TABS: Record<Workbook, readonly TabAudience[]> = {
  school: ["school"],
  department: ["department", "decider"],
  commune: ["decider"],
};

/**
 * Which stored rows a tab owns: "unit" (the unit's rows of any year), "unit-year" (the unit's rows
 * of the request's year) or "global" (Department registers). A full-tab send withdraws, within this
 * scope, the rows missing from the payload.
 */
type TabScope = "unit" | "unit-year" | "global";

export interface TabDefinition {
  /** Stable id used in URLs and the sheet's developer metadata, e.g. "can-bo". */
  id: string;
  /** Sheet name (Vietnamese). */
  title: string;
  audience: TabAudience;
  scope: TabScope;
  /** Whether the school year's configuration (years/{year}) must exist before rows are accepted. */
  needsYear: boolean;
  description: string;
  columns: readonly Column[];
  /** Column keys that identify a row: two rows with the same values are the same record. */
  naturalKey: readonly string[];
  /** The collection whose documents are the rows (the one a full-tab send withdraws from). */
  primary: TabCollection;
  /**
   * What the row's document id must be: an id of the id rule (default), or an e-mail address, the key
   * of `users/{email}` (an address has "@", which the id rule does not take).
   */
  keyKind?: "id" | "email";
  /** Collections holding documents under the same id as the primary one, withdrawn with it. */
  companions?: readonly StoreCollection[];
  /**
   * Rows about past years (the awards history) may name people the unit has since withdrawn: they
   * left, but their awards stay in the unit's ledger. Other tabs name only current staff.
   */
  namesFormerStaff?: boolean;
  /**
   * Rules across the cells of one row (e.g. a vote tally larger than the council).
   * This and toDocuments are methods, whose parameters TypeScript compares both ways, so a tab
   * written with defineTab (its functions take the row typed from its own columns) is a
   * TabDefinition: parse.ts passes them only rows parsed by the schema of those columns (schema.ts).
   */
  checkRow?(row: ParsedRow): RowIssue[];
  toDocuments(row: ParsedRow, context: RowContext): TabDocument[];
}

/**
 * A tab as plain data, without its mappings and row rules: what the Apps Script bundle carries
 * (apps-script/build.ts writes it as JSON, so the bundle needs neither zod nor the domain schemas).
 */
export type TabData = Pick<TabDefinition, "id" | "title" | "audience" | "columns">;

export const tabData = ({ id, title, audience, columns }: TabData): TabData => ({
  id,
  title,
  audience,
  columns,
});

/** The tabs of a kind of workbook ("all": every tab), in the order given. */
export const tabsOfAudience = <T extends TabData>(tabs: readonly T[], workbook: Workbook | "all"): T[] =>
  tabs.filter((tab) => workbook === "all" || WORKBOOK_TABS[workbook].includes(tab.audience));

/** A tab as written: its mappings read the row typed from its own columns (`RowOf`). */
export type TabSpec<C extends readonly Column[]> = Omit<
  TabDefinition,
  "columns" | "naturalKey" | "checkRow" | "toDocuments"
> & {
  columns: C;
  naturalKey: readonly KeyOf<C>[];
  checkRow?: (row: RowOf<C>) => RowIssue<KeyOf<C>>[];
  toDocuments: (row: RowOf<C>, context: RowContext) => TabDocument[];
};

/**
 * A tab whose natural key, row rules and mappings can name only its own columns: a renamed or
 * misspelt key fails to compile instead of silently dropping a field.
 */
export const defineTab = <const C extends readonly Column[]>(tab: TabSpec<C>): TabDefinition => tab;

/** Copies the given fields of a row (absent ones stay absent); the keys are the row's own. */
export function pick<R extends object, K extends keyof R>(row: R, keys: readonly K[]): Partial<Pick<R, K>> {
  const picked: Partial<Pick<R, K>> = {};
  for (const key of keys) if (row[key] !== undefined) picked[key] = row[key];
  return picked;
}
