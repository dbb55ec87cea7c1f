/**
 * Small fakes of the Apps Script services: a sheet that keeps its cells and counts every call, a
 * document lock, properties, a recording UrlFetchApp and dialogs. `fakeEnv` gives the modules'
 * AppsScriptEnv; `appsScriptGlobals` dresses the same fakes as the globals the bundle calls.
 */
import { createHash, randomUUID } from "node:crypto";
import { requestDeadline } from "../../../apps-script/src/client.js";
import type {
  AppsScriptEnv,
  FetchParams,
  HttpResponsePort,
  LockPort,
  PropertiesPort,
  RangePort,
  SheetPort,
  SpreadsheetPort,
  UiPort,
  ValidationFactory,
} from "../../../apps-script/src/ports.js";

export type CallCounts = Record<string, number>;

export class FakeSheet implements SheetPort {
  /** cells[row - 1][column - 1]. */
  cells: unknown[][] = [];
  backgrounds = new Map<string, string | null>();
  notes = new Map<string, string | null>();
  formats = new Map<number, string>();
  validations = new Map<number, unknown>();
  widths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  /** "row:column" of cells a paste left without their column's format and dropdown. */
  pastedOver = new Set<string>();
  /** "row:column" of cells written with a leading apostrophe (forced text). */
  forcedText = new Set<string>();
  frozenRows = 0;
  maxRows = 1000;
  maxColumns = 26;
  readonly calls: CallCounts = {};

  constructor(
    private name: string,
    private readonly id: number,
  ) {}

  count(method: string): void {
    this.calls[method] = (this.calls[method] ?? 0) + 1;
  }

  cell(row: number, column: number): unknown {
    return this.cells[row - 1]?.[column - 1] ?? "";
  }

  setCell(row: number, column: number, value: unknown): void {
    while (this.cells.length < row) this.cells.push([]);
    const cells = this.cells[row - 1] as unknown[];
    while (cells.length < column) cells.push("");
    cells[column - 1] = value;
  }

  /** Writes rows of values starting at row 1 (headers first). */
  fill(rows: readonly (readonly unknown[])[], fromRow = 1): this {
    rows.forEach((values, index) => {
      values.forEach((value, column) => {
        this.setCell(fromRow + index, column + 1, value);
      });
    });
    return this;
  }

  getName(): string {
    return this.name;
  }
  rename(name: string): void {
    this.name = name;
  }
  getSheetId(): number {
    return this.id;
  }
  getLastRow(): number {
    for (let row = this.cells.length; row > 0; row--)
      if (this.cells[row - 1]?.some((value) => value !== "" && value !== null)) return row;
    return 0;
  }
  getLastColumn(): number {
    return Math.max(0, ...this.cells.map((row) => row.findLastIndex((value) => value !== "") + 1));
  }
  getMaxRows(): number {
    return this.maxRows;
  }
  getMaxColumns(): number {
    return this.maxColumns;
  }
  insertColumnsAfter(_after: number, howMany: number): SheetPort {
    this.maxColumns += howMany;
    return this;
  }
  insertRowsAfter(_after: number, howMany: number): SheetPort {
    this.maxRows += howMany;
    return this;
  }
  getRange(row: number, column: number, numRows: number, numColumns: number): RangePort {
    if (row < 1 || column < 1 || numRows < 1 || numColumns < 1) throw new Error("invalid range");
    // As Sheets does: a range past the grid throws; the grid only grows by inserting rows or columns.
    if (column + numColumns - 1 > this.maxColumns) throw new Error("range past the last column");
    if (row + numRows - 1 > this.maxRows) throw new Error("range past the last row");
    return new FakeRange(this, row, column, numRows, numColumns);
  }
  clearContents(): SheetPort {
    this.count("clearContents");
    this.cells = [];
    return this;
  }
  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  setColumnWidth(column: number, width: number): SheetPort {
    this.widths.set(column, width);
    return this;
  }
  hideColumns(columnIndex: number, numColumns: number): void {
    for (let column = columnIndex; column < columnIndex + numColumns; column++)
      this.hiddenColumns.add(column);
  }
  /** The number format a cell has: its column's, unless a paste replaced it. */
  formatAt(row: number, column: number): string | undefined {
    return this.pastedOver.has(`${row}:${column}`) ? undefined : this.formats.get(column);
  }
  validationAt(row: number, column: number): unknown {
    return this.pastedOver.has(`${row}:${column}`) ? undefined : this.validations.get(column);
  }
  /**
   * A paste from Excel: it brings Excel's formats (none) instead of "@" and drops the dropdowns,
   * and Sheets reads text that looks like a number as a number ("00123" → 123). Fires an edit event.
   */
  pasteFromExcel(row: number, column: number, rows: readonly (readonly string[])[]): void {
    rows.forEach((values, r) => {
      values.forEach((text, c) => {
        const number = /^[+-]?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : undefined;
        this.setCell(row + r, column + c, number ?? text);
        this.pastedOver.add(`${row + r}:${column + c}`);
      });
    });
  }
  /** Cells of a range that a format or validation now covers again. */
  repaired(row: number, column: number, numRows: number, numColumns: number): void {
    for (const key of [...this.pastedOver]) {
      const [r = 0, c = 0] = key.split(":").map(Number);
      if (r >= row && r < row + numRows && c >= column && c < column + numColumns)
        this.pastedOver.delete(key);
    }
  }
  /**
   * What a user's "insert row above" does: the rows from `row` move down, whole (the hidden column
   * with them). Fires no edit event, as in Sheets.
   */
  insertRowBefore(row: number): void {
    this.cells.splice(row - 1, 0, []);
    this.maxRows++;
  }
  /** Data → Sort sheet: the data rows reordered whole, the header row left in place. Fires no edit event. */
  sortDataRows(compare: (a: readonly unknown[], b: readonly unknown[]) => number): void {
    const [header = [], ...rows] = this.cells;
    this.cells = [header, ...rows.sort(compare)];
  }
}

class FakeRange implements RangePort {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  getRow = () => this.row;
  getNumRows = () => this.numRows;
  getColumn = () => this.column;
  getNumColumns = () => this.numColumns;
  getSheet = () => this.sheet;

  private each(
    matrix: readonly (readonly unknown[])[],
    write: (row: number, column: number, v: unknown) => void,
  ) {
    if (matrix.length !== this.numRows || matrix.some((cells) => cells.length !== this.numColumns))
      throw new Error("the data does not match the range's size");
    matrix.forEach((cells, r) => {
      cells.forEach((value, c) => {
        write(this.row + r, this.column + c, value);
      });
    });
  }

  getValues(): unknown[][] {
    this.sheet.count("getValues");
    return Array.from({ length: this.numRows }, (_, r) =>
      Array.from({ length: this.numColumns }, (_, c) => this.sheet.cell(this.row + r, this.column + c)),
    );
  }
  setValues(values: unknown[][]): RangePort {
    this.sheet.count("setValues");
    this.each(values, (row, column, value) => {
      // Like Sheets: a leading apostrophe marks text and is not part of the value.
      const forced = typeof value === "string" && value.startsWith("'");
      if (forced) this.sheet.forcedText.add(`${row}:${column}`);
      else this.sheet.forcedText.delete(`${row}:${column}`);
      this.sheet.setCell(row, column, forced ? value.slice(1) : value);
    });
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): RangePort {
    this.sheet.count("setBackgrounds");
    this.each(colors, (row, column, value) =>
      this.sheet.backgrounds.set(`${row}:${column}`, value as string),
    );
    return this;
  }
  setNotes(notes: (string | null)[][]): RangePort {
    this.sheet.count("setNotes");
    this.each(notes, (row, column, value) => this.sheet.notes.set(`${row}:${column}`, value as string));
    return this;
  }
  setFontWeight(): RangePort {
    this.sheet.count("setFontWeight");
    return this;
  }
  setNumberFormat(format: string): RangePort {
    this.sheet.count("setNumberFormat");
    for (let column = this.column; column < this.column + this.numColumns; column++)
      this.sheet.formats.set(column, format);
    this.sheet.repaired(this.row, this.column, this.numRows, this.numColumns);
    return this;
  }
  setDataValidation(rule: unknown): RangePort {
    this.sheet.count("setDataValidation");
    for (let column = this.column; column < this.column + this.numColumns; column++)
      this.sheet.validations.set(column, rule);
    this.sheet.repaired(this.row, this.column, this.numRows, this.numColumns);
    return this;
  }
}

export class FakeSpreadsheet implements SpreadsheetPort {
  readonly sheets: FakeSheet[] = [];
  timeZone = "Asia/Ho_Chi_Minh";
  locale = "en_US";
  active: FakeSheet | undefined;
  private nextId = 100;

  constructor(private readonly id = "spreadsheet-1") {}

  getId = () => this.id;
  getSpreadsheetTimeZone = () => this.timeZone;
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }
  setSpreadsheetLocale(locale: string): void {
    this.locale = locale;
  }
  getSheetByName(name: string): FakeSheet | null {
    return this.sheets.find((sheet) => sheet.getName() === name) ?? null;
  }
  insertSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name, this.nextId++);
    this.sheets.push(sheet);
    return sheet;
  }
  getActiveSheet(): FakeSheet {
    const sheet = this.active ?? this.sheets[0];
    if (!sheet) throw new Error("no sheet");
    return sheet;
  }
}

export class FakeProperties implements PropertiesPort {
  readonly values = new Map<string, string>();
  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, value);
  }
  getProperty = (key: string) => this.values.get(key) ?? null;
  getProperties = () => Object.fromEntries(this.values);
  setProperty(key: string, value: string): PropertiesPort {
    this.values.set(key, value);
    return this;
  }
  deleteProperty(key: string): PropertiesPort {
    this.values.delete(key);
    return this;
  }
}

export class FakeLock implements LockPort {
  held = false;
  /** Set to true to play another execution holding the lock. */
  busy = false;
  tryLock(): boolean {
    if (this.busy || this.held) return false;
    this.held = true;
    return true;
  }
  releaseLock(): void {
    this.held = false;
  }
}

export interface RecordedRequest {
  url: string;
  params: FetchParams;
}

export interface FakeReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A reply, a thrown network error, or a function of the request. */
export type Responder = FakeReply | Error | ((request: RecordedRequest) => FakeReply | Error);

export class FakeUrlFetch {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: Responder[] = [];
  /** Used once the queue is empty: accept every row. */
  fallback: Responder = (request) => acceptAll(request);

  reply(...responders: Responder[]): this {
    this.queue.push(...responders);
    return this;
  }

  fetch = (url: string, params: FetchParams): HttpResponsePort => {
    const request = { url, params };
    this.requests.push(request);
    const responder = this.queue.shift() ?? this.fallback;
    const outcome = typeof responder === "function" ? responder(request) : responder;
    if (outcome instanceof Error) throw outcome;
    return {
      getResponseCode: () => outcome.status,
      getContentText: () => JSON.stringify(outcome.body),
      getHeaders: () => outcome.headers ?? {},
    };
  };
}

/** The body of a recorded ingest request. */
export const bodyOf = (
  request: RecordedRequest | undefined,
): { rows: { row: number }[] } & Record<string, unknown> => JSON.parse(request?.params.payload ?? "{}");

/** A 200 ingest answer accepting every row of the request. */
export function acceptAll(request: RecordedRequest): FakeReply {
  const rows = bodyOf(request).rows.map(({ row }) => ({
    row,
    status: "accepted",
    change: "created",
    errors: [],
  }));
  return { status: 200, body: { tab: "", accepted: rows.length, rejected: 0, withdrawn: 0, rows } };
}

export class FakeUi implements UiPort {
  readonly alerts: string[] = [];
  readonly answers: (string | null)[] = [];
  readonly questions: string[] = [];
  alert(message: string): void {
    this.alerts.push(message);
  }
  prompt(message: string): string | null {
    this.questions.push(message);
    return this.answers.shift() ?? null;
  }
}

export const fakeValidation: ValidationFactory = {
  list: (values, help) => ({ kind: "list", values: [...values], help }),
  date: (help) => ({ kind: "date", help }),
  number: (min, max, help) => ({ kind: "number", min, max, help }),
};

export const sha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

/** The title the fake Sheets gives an add-on's menu: the add-on's name, not ours. */
export const ADDON_MENU = "Tiện ích TĐKT";

export const OFFICER_EMAIL = "canbo@thpt-lqd.edu.vn";

export const SETTINGS = {
  TDKT_API_URL: "https://api.example.test",
  TDKT_UNIT_ID: "THPT-LQD",
  TDKT_YEAR: "2025-2026",
};

export interface FakeWorld {
  env: AppsScriptEnv;
  spreadsheet: FakeSpreadsheet;
  documentProperties: FakeProperties;
  scriptProperties: FakeProperties;
  lock: FakeLock;
  urlFetch: FakeUrlFetch;
  ui: FakeUi;
  sleeps: number[];
  /** The fake Date.now(), in ms: sleeps advance it, and so may a responder (a hung server). */
  clock: { ms: number };
  /** Every user's triggers; each user sees only their own, as in Apps Script. */
  triggers: { handler: string; kind: string; removed: boolean; user: string }[];
  /** Who runs the current execution. */
  user: string;
  /** Scopes the user unticked at consent; requireAllScopes throws while any is listed. */
  unticked: string[];
  /** ScriptApp.getInstallationSource(): "NONE" for a bound script, else how the add-on was installed. */
  installationSource: string;
}

/** `scriptProperties` given: the script of an add-on, whose properties every spreadsheet shares. */
export function fakeWorld(
  settings: Record<string, string> = SETTINGS,
  scriptProperties = new FakeProperties(settings),
): FakeWorld {
  const spreadsheet = new FakeSpreadsheet();
  const documentProperties = new FakeProperties();
  const lock = new FakeLock();
  const urlFetch = new FakeUrlFetch();
  const ui = new FakeUi();
  const sleeps: number[] = [];
  const clock = { ms: 0 };
  const triggers: FakeWorld["triggers"] = [];
  const unticked: string[] = [];
  const current = { user: OFFICER_EMAIL };
  const mine = () => triggers.filter((trigger) => !trigger.removed && trigger.user === current.user);
  const env: AppsScriptEnv = {
    spreadsheet,
    documentProperties,
    scriptProperties,
    lock,
    fetch: urlFetch.fetch,
    identityToken: () => "id-token",
    requireAllScopes: () => {
      // As Apps Script: an exception that names no scope the user could act on.
      if (unticked.length > 0) throw new Error("Authorization is required to perform that action.");
    },
    sha256Hex,
    userEmail: () => current.user,
    uuid: () => randomUUID(),
    sleep: (ms) => {
      sleeps.push(ms);
      clock.ms += ms;
    },
    now: () => clock.ms,
    deadline: requestDeadline(clock.ms),
    validation: fakeValidation,
    triggers: {
      list: () =>
        mine().map((trigger) => ({
          handler: trigger.handler,
          remove: () => {
            trigger.removed = true;
          },
        })),
      onEdit: (handler) => {
        triggers.push({ handler, kind: "edit", removed: false, user: current.user });
      },
      everyHours: (handler, hours) => {
        triggers.push({ handler, kind: `every ${hours} h`, removed: false, user: current.user });
      },
    },
    ui,
  };
  const world = {
    env,
    spreadsheet,
    documentProperties,
    scriptProperties,
    lock,
    urlFetch,
    ui,
    sleeps,
    clock,
    triggers,
    unticked,
    installationSource: "NONE",
    get user() {
      return current.user;
    },
    set user(email: string) {
      current.user = email;
    },
  };
  return world;
}

/** The Apps Script globals over a fake world, for running dist/Code.js in a vm context. */
export function appsScriptGlobals(world: FakeWorld, user?: string): Record<string, unknown> {
  const { env, ui } = world;
  /** The user this bundle runs as: two bundles over one world are two officers. */
  const who = () => user ?? world.user;
  const ruleBuilder = () => {
    const rule: Record<string, unknown> = {};
    const builder: Record<string, (...args: unknown[]) => unknown> = {
      requireValueInList: (values) => Object.assign(rule, { kind: "list", values }) && builder,
      requireDate: () => Object.assign(rule, { kind: "date" }) && builder,
      requireNumberBetween: (min, max) => Object.assign(rule, { kind: "number", min, max }) && builder,
      requireNumberGreaterThanOrEqualTo: (min) => Object.assign(rule, { kind: "number", min }) && builder,
      requireNumberLessThanOrEqualTo: (max) => Object.assign(rule, { kind: "number", max }) && builder,
      setAllowInvalid: (allow) => Object.assign(rule, { allowInvalid: allow }) && builder,
      setHelpText: (help) => Object.assign(rule, { help }) && builder,
      build: () => rule,
    };
    return builder;
  };
  const menus: { title: string; items: string[] }[] = [];
  const menuBuilder = (title: string) => {
    const menu = { title, items: [] as string[] };
    menus.push(menu);
    const builder = {
      addItem: (label: string, handler: string) => menu.items.push(`${label} → ${handler}`) && builder,
      addSeparator: () => menu.items.push("—") && builder,
      addToUi: () => undefined,
    };
    return builder;
  };
  return {
    menus,
    SpreadsheetApp: {
      getActiveSpreadsheet: () => env.spreadsheet,
      getActive: () => env.spreadsheet,
      newDataValidation: ruleBuilder,
      getUi: () => ({
        alert: (message: string) => ui.alert(message),
        prompt: (_title: string, message: string) => {
          const answer = ui.prompt(message);
          return {
            getSelectedButton: () => (answer === null ? "CANCEL" : "OK"),
            getResponseText: () => answer ?? "",
          };
        },
        ButtonSet: { OK_CANCEL: "OK_CANCEL" },
        Button: { OK: "OK", CANCEL: "CANCEL" },
        createMenu: (title: string) => menuBuilder(title),
        // Sheets titles an add-on's menu (under Extensions) with the add-on's name.
        createAddonMenu: () => menuBuilder(ADDON_MENU),
      }),
    },
    PropertiesService: {
      getDocumentProperties: () => world.documentProperties,
      getScriptProperties: () => world.scriptProperties,
    },
    LockService: { getDocumentLock: () => world.lock },
    Session: { getEffectiveUser: () => ({ getEmail: who }) },
    UrlFetchApp: { fetch: world.urlFetch.fetch },
    ScriptApp: {
      getIdentityToken: () => "id-token",
      AuthMode: { NONE: "NONE", LIMITED: "LIMITED", FULL: "FULL" },
      InstallationSource: { NONE: "NONE", APPS_MARKETPLACE_DOMAIN_ADD_ON: "APPS_MARKETPLACE_DOMAIN_ADD_ON" },
      getInstallationSource: () => world.installationSource,
      requireAllScopes: () => env.requireAllScopes(),
      getProjectTriggers: () =>
        world.triggers
          .filter((trigger) => !trigger.removed && trigger.user === who())
          .map((trigger) => ({ getHandlerFunction: () => trigger.handler, trigger })),
      deleteTrigger: (installed: { trigger: FakeWorld["triggers"][number] }) => {
        installed.trigger.removed = true;
      },
      newTrigger: (handler: string) => {
        const create = (kind: string) => ({
          create: () => world.triggers.push({ handler, kind, removed: false, user: who() }),
        });
        return {
          forSpreadsheet: () => ({ onEdit: () => create("edit") }),
          timeBased: () => ({ everyHours: (hours: number) => create(`every ${hours} h`) }),
        };
      },
    },
    Utilities: {
      DigestAlgorithm: { SHA_256: "SHA_256" },
      Charset: { UTF_8: "UTF_8" },
      computeDigest: (_algorithm: string, text: string) =>
        [...createHash("sha256").update(text, "utf8").digest()].map((byte) =>
          byte > 127 ? byte - 256 : byte,
        ),
      sleep: (ms: number) => world.env.sleep(ms),
      getUuid: () => env.uuid(),
    },
    console: { log: () => undefined },
  };
}
