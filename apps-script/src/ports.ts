/**
 * The parts of the Apps Script services this script uses, as plain structural types. The modules
 * take them as arguments, so they run in Node against small fakes; main.ts passes the real services
 * (and `tsc -p apps-script` checks that the real ones fit these shapes).
 */

export interface RangePort {
  getRow(): number;
  getNumRows(): number;
  getColumn(): number;
  getNumColumns(): number;
  getSheet(): SheetPort;
  getValues(): unknown[][];
  setValues(values: unknown[][]): RangePort;
  /** null resets a cell to no colour. */
  setBackgrounds(colors: (string | null)[][]): RangePort;
  setNotes(notes: (string | null)[][]): RangePort;
  setFontWeight(weight: "bold" | "normal" | null): RangePort;
  setNumberFormat(format: string): RangePort;
  /** A rule made by a ValidationFactory; null clears. */
  setDataValidation(rule: unknown): RangePort;
}

export interface SheetPort {
  getName(): string;
  getSheetId(): number;
  getLastRow(): number;
  getLastColumn(): number;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertColumnsAfter(afterPosition: number, howMany: number): SheetPort;
  insertRowsAfter(afterPosition: number, howMany: number): SheetPort;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangePort;
  setFrozenRows(rows: number): void;
  clearContents(): SheetPort;
  setColumnWidth(column: number, width: number): SheetPort;
  hideColumns(columnIndex: number, numColumns: number): void;
}

export interface SpreadsheetPort {
  getId(): string;
  getSpreadsheetTimeZone(): string;
  setSpreadsheetTimeZone(timeZone: string): void;
  setSpreadsheetLocale(locale: string): void;
  getSheetByName(name: string): SheetPort | null;
  insertSheet(name: string): SheetPort;
  getActiveSheet(): SheetPort;
}

export interface PropertiesPort {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  setProperty(key: string, value: string): PropertiesPort;
  deleteProperty(key: string): PropertiesPort;
}

export interface LockPort {
  tryLock(timeoutInMillis: number): boolean;
  releaseLock(): void;
}

export interface FetchParams {
  method: "get" | "post";
  contentType?: string;
  payload?: string;
  headers: Record<string, string>;
  muteHttpExceptions: true;
}

export interface HttpResponsePort {
  getResponseCode(): number;
  getContentText(): string;
  getHeaders(): object;
}

/** Data validation rules, built by SpreadsheetApp.newDataValidation() in main.ts. */
export interface ValidationFactory {
  /** A dropdown that refuses other values. */
  list(values: readonly string[], help: string): unknown;
  /** A date check that warns (red corner) without refusing. */
  date(help: string): unknown;
  /** A number check that warns without refusing. */
  number(min: number | undefined, max: number | undefined, help: string): unknown;
}

/** Dialogs; absent when the script runs from a time-driven trigger. */
export interface UiPort {
  alert(message: string): void;
  /** The text typed, or null when the user cancelled. */
  prompt(message: string): string | null;
}

interface TriggerPort {
  /**
   * Handler names of this project's triggers installed by the current user, with a way to remove
   * each (ScriptApp.getProjectTriggers sees no other user's).
   */
  list(): { handler: string; remove(): void }[];
  onEdit(handler: string): void;
  everyHours(handler: string, hours: number): void;
}

/** Everything a module may touch, gathered once per run by main.ts. */
export interface AppsScriptEnv {
  spreadsheet: SpreadsheetPort;
  /**
   * This spreadsheet's own: its settings (TDKT_API_URL, TDKT_UNIT_ID, TDKT_YEAR, TDKT_AUDIENCE), the
   * keys of sends still awaiting an answer, who installed the triggers.
   */
  documentProperties: PropertiesPort;
  /** The script's, shared by every spreadsheet of an add-on: settings of a bound pilot, as a fallback. */
  scriptProperties: PropertiesPort;
  /** LockService.getDocumentLock(): one submit per spreadsheet at a time. */
  lock: LockPort;
  fetch(url: string, params: FetchParams): HttpResponsePort;
  /** ScriptApp.getIdentityToken(): a Google ID token for the `api` function; null without openid. */
  identityToken(): string | null;
  /** ScriptApp.requireAllScopes: throws when the user unticked a scope of the manifest at consent. */
  requireAllScopes(): void;
  sha256Hex(text: string): string;
  /** Session.getEffectiveUser().getEmail(): who runs this execution. */
  userEmail(): string;
  /** Utilities.getUuid(). */
  uuid(): string;
  sleep(ms: number): void;
  /** Date.now(). */
  now(): number;
  /** When this run must have its last answer from the server (client.ts requestDeadline). */
  deadline: number;
  validation: ValidationFactory;
  triggers: TriggerPort;
  ui: UiPort | undefined;
}
