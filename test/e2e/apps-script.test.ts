/**
 * The built Code.js end to end: bundle it, load it in a bare vm context whose Apps Script services
 * are the fakes, and drive it through its globals. UrlFetchApp cannot reach a socket synchronously
 * in Node, so the exchange is done in two turns: the bundle's request is recorded (the network
 * "fails"), replayed byte for byte over a real socket to the API on the emulator, and the real
 * answer is handed to the bundle's next submit — which must send the very same request again.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppsScriptBuild, buildAppsScript } from "../../apps-script/build.js";
import { MENU } from "../../apps-script/src/app.js";
import { FETCH_TIMEOUT_MS } from "../../apps-script/src/client.js";
import { REQUEST_LIMITS } from "../../functions/src/domain/limits.js";
import { appsScriptMessages, sheetMessages } from "../../functions/src/domain/messages/index.js";
import type { User } from "../../functions/src/domain/model.js";
import { IngestBody } from "../../functions/src/services/ingest.js";
import { tabsFor } from "../../functions/src/sheets/tabs/index.js";
import { OTHER_UNIT, officer, otherOfficer, seedProvince, UNIT, YEAR } from "../fixtures/sheets/rows.js";
import { signGoogleStyleToken, startTestApi, type TestApi } from "../support/api.js";
import {
  ADDON_MENU,
  appsScriptGlobals,
  bodyOf,
  FakeProperties,
  type FakeReply,
  type FakeWorld,
  fakeWorld,
  type RecordedRequest,
} from "../unit/apps-script/fakes.js";
import { STAFF_STATUS_COLUMN, STAFF_TITLE, staffRow } from "../unit/apps-script/world.js";

let api: TestApi;
let built: AppsScriptBuild;
let code: string;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), "tdkt-apps-script-"));
  built = await buildAppsScript(outDir);
  code = await readFile(built.file, "utf8");
  api = await startTestApi({ users: [officer, colleague, otherOfficer] });
  await seedProvince(api.db);
});

afterAll(async () => {
  await api?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

interface Loaded {
  world: FakeWorld;
  context: vm.Context;
  call(name: string, ...args: unknown[]): unknown;
}

/** A second officer of the same school, working in the same spreadsheet. */
const colleague: User = { email: "phohieutruong@thpt-lqd.edu.vn", role: "SCHOOL_OFFICER", unitId: UNIT };

const schoolSettings = () => ({ TDKT_API_URL: api.url, TDKT_UNIT_ID: UNIT, TDKT_YEAR: YEAR });

/**
 * Code.js in a fresh context: only the Apps Script services, no Node globals. Two loads over one
 * world are two officers' executions on the same spreadsheet.
 */
function load(world = fakeWorld(schoolSettings()), user: User = officer): Loaded {
  const token = signGoogleStyleToken(api.googleKey, { email: user.email, sub: user.email });
  const globals = appsScriptGlobals(world, user.email);
  (globals.ScriptApp as Record<string, unknown>).getIdentityToken = () => token;
  const context = vm.createContext(globals);
  vm.runInContext(code, context, { filename: "Code.js" });
  const call = (name: string, ...args: unknown[]) => (context[name] as (...a: unknown[]) => unknown)(...args);
  return { world, context, call };
}

/** Runs the bundle on the world's fake clock: its Date.now() is `world.clock`, which sleeps advance. */
function onFakeClock({ world, context }: Loaded): void {
  context.fakeClock = world.clock;
  vm.runInContext("Date.now = () => fakeClock.ms;", context);
}

/** Apps Script ends a run at 6 minutes, whatever it is doing. */
const RUN_LIMIT_MS = 6 * 60_000;

/** Sends a recorded UrlFetchApp request over a real socket, as Apps Script would have. */
async function replay(request: RecordedRequest): Promise<FakeReply> {
  const response = await fetch(request.url, {
    method: request.params.method.toUpperCase(),
    headers: { ...request.params.headers, "content-type": request.params.contentType ?? "" },
    body: request.params.payload ?? null,
  });
  return { status: response.status, body: await response.json() };
}

/**
 * Runs a global twice: first with the network down (its request is recorded), then with the answer
 * the real API gave to that recorded request. Returns the recorded request.
 */
async function overTheWire({ world, call }: Loaded, name: string): Promise<RecordedRequest> {
  world.urlFetch.fallback = new Error("offline");
  call(name);
  const request = world.urlFetch.requests.at(-1) as RecordedRequest;
  world.urlFetch.fallback = await replay(request);
  call(name);
  return request;
}

describe("Code.js", () => {
  it("carries the tab definitions as plain data, without zod", () => {
    expect(code).not.toMatch(/ZodError|\$ZodType/);
    expect(built.bytes).toBeLessThan(192 * 1024);
    const { call, world } = load();
    call("setupTemplate");
    const titles = tabsFor("school").map((tab) => tab.title);
    expect(world.spreadsheet.sheets.map((sheet) => sheet.getName())).toEqual(titles);
    const staff = world.spreadsheet.getSheetByName("Cán bộ");
    expect(staff?.cell(1, 1)).toBe(tabsFor("school")[0]?.columns[0]?.header);
  });

  it("exposes every menu action and trigger handler as a global function", () => {
    const { context, call } = load();
    const handlers = MENU.flatMap((entry) => (entry === "separator" ? [] : [entry.handler]));
    for (const name of [...handlers, "onOpen", "onEditInstallable", "submitScheduled"]) {
      expect(built.globals).toContain(name);
      expect(typeof context[name]).toBe("function");
    }
    call("onOpen");
    const menus = context.menus as { title: string; items: string[] }[];
    expect(menus[0]?.title).toBe(appsScriptMessages.menuTitle);
    expect(menus[0]?.items).toContain(`${appsScriptMessages.menuSubmitActive} → submitActiveTab`);
  });

  it("as an add-on, opens with AuthMode.NONE and builds its menu under Extensions without reading properties", () => {
    const { context, call, world } = load();
    const menus = context.menus as { title: string; items: string[] }[];
    call("onOpen", { authMode: "LIMITED" });
    expect(menus.at(-1)?.title).toBe(appsScriptMessages.menuTitle);

    world.installationSource = "APPS_MARKETPLACE_DOMAIN_ADD_ON";
    const properties = context.PropertiesService as Record<string, unknown>;
    const refused = () => {
      throw new Error("You do not have permission to call PropertiesService in AuthMode.NONE");
    };
    properties.getDocumentProperties = refused;
    properties.getScriptProperties = refused;
    call("onOpen", { authMode: "NONE" });
    call("onInstall", { authMode: "FULL" });
    call("onOpen", { authMode: "LIMITED" });
    expect(menus.slice(1).map((menu) => menu.title)).toEqual([ADDON_MENU, ADDON_MENU, ADDON_MENU]);
    expect(menus[1]?.items).toEqual(menus[0]?.items);
    expect(menus[1]?.items).toContain(`${appsScriptMessages.menuSettings} → settings`);
  });

  it("sets up the template, sends the staff tab to the API and writes the real statuses back", async () => {
    const loaded = load();
    const { world, context, call } = loaded;
    call("setupTemplate");
    call("installTriggers");
    expect(world.triggers.map((t) => `${t.handler} ${t.kind} ${t.user}`)).toEqual([
      `onEditInstallable edit ${officer.email}`,
      `submitScheduled every 1 h ${officer.email}`,
    ]);
    const sheet = world.spreadsheet.getSheetByName("Cán bộ");
    if (!sheet) throw new Error("no staff sheet");
    const statusColumn = 10;
    expect(sheet.cell(1, statusColumn)).toBe(sheetMessages.statusHeader);
    // Dates as Sheets gives them: local midnight, in the bundle's own realm.
    const birth = vm.runInContext("new Date('1985-09-04T17:00:00Z')", context);
    sheet.fill(
      [
        ["GV0001", "Nguyễn Thị Lan", "Nữ", birth, "Kinh", "Giáo viên", "Tổ Toán"],
        ["GV0002", "Trần Văn Bình", "không rõ", "31/02/1990"],
        ["GV0003", '=HYPERLINK("http://x","y")', "Nam", "05/09/1985"],
      ],
      2,
    );
    world.spreadsheet.active = sheet;

    // Turn 1: the network "fails"; the bundle retries the same request, then keeps the rows dirty.
    world.urlFetch.fallback = new Error("offline");
    call("submitActiveTab");
    const attempts = world.urlFetch.requests.splice(0);
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((r) => JSON.stringify(r))).size).toBe(1);
    const request = attempts[0] as RecordedRequest;
    expect(request.url).toBe(`${api.url}/v1/sheets/can-bo:ingest`);
    expect(request.params.headers.Authorization).toMatch(/^Bearer ey/);
    const body = bodyOf(request);
    expect(IngestBody.safeParse(body).success).toBe(true);
    expect(body.rows[0]).toMatchObject({ row: 2, values: { "Ngày sinh": "05/09/1985" } });
    expect(String(sheet.cell(2, statusColumn))).toMatch(/^Chưa gửi được/);

    // Turn 2: the recorded request over a real socket, and the answer given to the next submit.
    const reply = await replay(request);
    expect(reply.status).toBe(422);
    world.urlFetch.fallback = reply;
    call("submitActiveTab");
    expect(world.urlFetch.requests).toHaveLength(1);
    expect(JSON.stringify(world.urlFetch.requests[0])).toBe(JSON.stringify(request));

    expect(sheet.cell(2, statusColumn)).toBe(sheetMessages.statusAccepted);
    expect(String(sheet.cell(3, statusColumn))).toMatch(/^Lỗi: Cột "Giới tính"/);
    expect(String(sheet.cell(3, statusColumn))).toContain('Cột "Ngày sinh"');
    expect(sheet.cell(4, statusColumn)).toBe(sheetMessages.statusAccepted);
    expect(sheet.backgrounds.get(`3:${statusColumn}`)).toBe("#f4cccc");
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.submitSummary("Cán bộ", 2, 1, 0));
    expect((await api.db.doc("people/GV0003").get()).get("fullName")).toBe('=HYPERLINK("http://x","y")');

    // The same key again is a replay on the server too: the same answer, nothing written twice.
    expect(await replay(request)).toEqual(reply);

    // The accepted rows are clean; the rejected one is sent again until fixed; fixing it sends it alone.
    sheet.setCell(3, 3, "Nam");
    call("onEditInstallable", { range: sheet.getRange(3, 3, 1, 1) });
    expect(sheet.cell(3, statusColumn)).toBe(appsScriptMessages.statusPending);
    const edited = await overTheWire(loaded, "submitActiveTab");
    expect(bodyOf(edited).rows.map((r) => r.row)).toEqual([3]);
    expect(String(sheet.cell(3, statusColumn))).toMatch(/^Lỗi: Cột "Ngày sinh"/);

    // A row deleted from the sheet is withdrawn by a full resend of the tab.
    sheet.fill([Array.from({ length: statusColumn }, () => "")], 4);
    const full = await overTheWire(loaded, "resendActiveTab");
    expect(bodyOf(full)).toMatchObject({ mode: "full" });
    expect(bodyOf(full).rows.map((r) => r.row)).toEqual([2, 3]);
    expect(world.ui.alerts.at(-1)).toContain(appsScriptMessages.withdrawn(1));
    expect((await api.db.doc("people/GV0003").get()).get("withdrawn")).toBe(true);

    // Kiểm tra điều kiện: every stored proposal judged by the real route, into its own tab.
    const eligibilityRequest = await overTheWire(loaded, "checkEligibility");
    expect(eligibilityRequest.url).toBe(`${api.url}/v1/units/${UNIT}/years/${YEAR}/eligibility`);
    const verdicts = world.spreadsheet.getSheetByName(appsScriptMessages.eligibilitySheet);
    expect(String(verdicts?.cell(1, 1))).toContain(YEAR);
    expect(world.ui.alerts.at(-1)).toBe(
      appsScriptMessages.eligibilityWritten(appsScriptMessages.eligibilitySheet, YEAR, 0, 0),
    );

    // Tổng hợp năm học: the stored data's summary, from the real route, into the Tổng hợp tab.
    const summaryRequest = await overTheWire(loaded, "showSummary");
    expect(summaryRequest.url).toBe(`${api.url}/v1/units/${UNIT}/years/${YEAR}/summary`);
    const summarySheet = world.spreadsheet.getSheetByName(appsScriptMessages.summarySheet);
    expect(String(summarySheet?.cell(1, 1))).toContain(YEAR);
    expect(world.ui.alerts.at(-1)).toBe(
      appsScriptMessages.summaryWritten(appsScriptMessages.summarySheet, YEAR, 0),
    );
  });

  /** A laid-out staff tab holding staffRow(i) for each i, from row 2. */
  function staffTab({ world, call }: Loaded, ids: readonly number[]) {
    call("setupTemplate");
    const sheet = world.spreadsheet.getSheetByName(STAFF_TITLE);
    if (!sheet) throw new Error("no staff sheet");
    sheet.fill(
      ids.map((i) => staffRow(i)),
      2,
    );
    world.spreadsheet.active = sheet;
    return sheet;
  }

  const sentCodes = (request: RecordedRequest) =>
    (bodyOf(request).rows as unknown as { values: Record<string, string> }[]).map(
      (r) => r.values["Mã cán bộ"],
    );
  const storedName = async (code: string) => (await api.db.doc(`people/${code}`).get()).get("fullName");

  it("sort and insert between two sends: the edited row is sent, none is skipped", async () => {
    const loaded = load();
    loaded.call("installTriggers");
    const sheet = staffTab(loaded, [1001, 1002, 1003, 1004, 1005]);
    expect(sentCodes(await overTheWire(loaded, "submitActiveTab"))).toHaveLength(5);

    sheet.setCell(3, 2, "Hoàng Thị Mai"); // GV01002
    loaded.call("onEditInstallable", { range: sheet.getRange(3, 2, 1, 1) });
    // Sorting and inserting fire change events, not edits: the row moves, the trigger never hears.
    sheet.sortDataRows((a, b) => String(b[0]).localeCompare(String(a[0])));
    sheet.insertRowBefore(3);
    sheet.fill([staffRow(1009)], 3);
    const second = await overTheWire(loaded, "submitActiveTab");
    expect(sentCodes(second)).toEqual(["GV01009", "GV01002"]);
    expect(await storedName("GV01002")).toBe("Hoàng Thị Mai");
    expect(await storedName("GV01009")).toBe("Nguyễn Văn 1009");
    const row = sheet.cells.findIndex((cells) => cells[0] === "GV01002") + 1;
    expect(sheet.cell(row, STAFF_STATUS_COLUMN)).toBe(sheetMessages.statusAccepted);

    loaded.call("submitActiveTab");
    expect(loaded.world.ui.alerts.at(-1)).toBe(appsScriptMessages.nothingToSend(STAFF_TITLE));
  });

  it("A → B → A: the return to earlier values is applied, not replayed", async () => {
    const loaded = load();
    const sheet = staffTab(loaded, [2001]);
    const keys: string[] = [];
    for (const name of ["Nguyễn Văn A", "Nguyễn Văn B", "Nguyễn Văn A"]) {
      sheet.setCell(2, 2, name);
      const request = await overTheWire(loaded, "submitActiveTab");
      keys.push(request.params.headers["Idempotency-Key"] ?? "");
      expect(await storedName("GV02001")).toBe(name);
      expect(sheet.cell(2, STAFF_STATUS_COLUMN)).not.toMatch(/^Chưa gửi/);
    }
    expect(new Set(keys).size).toBe(3);
  });

  it("two officers in one spreadsheet, one without the edit trigger: neither loses an edit", async () => {
    const world = fakeWorld(schoolSettings());
    const first = load(world, officer);
    const second = load(world, colleague);
    first.call("installTriggers");
    const sheet = staffTab(first, [3001, 3002, 3003]);
    await overTheWire(first, "submitActiveTab");
    // The colleague sees none of the first officer's triggers, but the record of who installed them.
    second.call("installTriggers");
    expect(world.ui.questions.at(-1)).toContain(officer.email);
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.triggersNotInstalled(officer.email));
    expect(world.triggers.filter((t) => t.user === colleague.email)).toEqual([]);

    sheet.setCell(2, 7, "Tổ Văn"); // the first officer; their trigger marks the row
    first.call("onEditInstallable", { range: sheet.getRange(2, 7, 1, 1) });
    sheet.setCell(4, 2, "Vũ Thị Thu"); // the colleague pastes; no trigger of theirs hears it
    sheet.sortDataRows((a, b) => String(a[1]).localeCompare(String(b[1])));
    const sent = await overTheWire(second, "submitActiveTab");
    expect(sentCodes(sent).sort()).toEqual(["GV03001", "GV03003"]);
    expect((await api.db.doc("people/GV03001").get()).get("group")).toBe("Tổ Văn");
    expect(await storedName("GV03003")).toBe("Vũ Thị Thu");
    first.call("submitActiveTab");
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.nothingToSend(STAFF_TITLE));
  });

  it("a code that a paste from Excel turned into a number is reported, not stored without its zeros", async () => {
    const loaded = load();
    const sheet = staffTab(loaded, [5001]);
    sheet.pasteFromExcel(3, 1, [["005002", "Lê Thị Hà", "Nữ", "05/09/1985"]]);
    const request = await overTheWire(loaded, "submitActiveTab");
    expect(sentCodes(request)).toEqual(["GV05001", 5002]);
    expect(String(sheet.cell(3, STAFF_STATUS_COLUMN))).toMatch(
      /^Lỗi: Cột "Mã cán bộ": "5002" đến dưới dạng số/,
    );
    expect((await api.db.doc("people/5002").get()).exists).toBe(false);
    // Thiết lập mẫu repairs the format; the officer retypes the code, which is then stored as typed.
    loaded.call("setupTemplate");
    expect(sheet.formatAt(3, 1)).toBe("@");
    sheet.setCell(3, 1, "005002");
    expect(sentCodes(await overTheWire(loaded, "submitActiveTab"))).toEqual(["005002"]);
    expect(await storedName("005002")).toBe("Lê Thị Hà");
  });

  it("a hung server within the deadline: Gửi tất cả stops before 6 minutes and writes every tab's status", () => {
    const loaded = load();
    const { world, call } = loaded;
    call("setupTemplate");
    call("installTriggers");
    onFakeClock(loaded);
    const tabs = world.spreadsheet.sheets.filter((sheet) => sheet.cell(1, 1) !== "");
    expect(tabs.length).toBeGreaterThan(2);
    for (const sheet of tabs) sheet.fill([["X-1"]], 2);
    // Each fetch blocks until UrlFetchApp gives up, as against a server that accepts and never answers.
    world.urlFetch.fallback = (request) => {
      world.clock.ms += FETCH_TIMEOUT_MS;
      return new Error(`Timeout: ${request.url}`);
    };

    call("submitAll");

    expect(world.clock.ms).toBeLessThan(RUN_LIMIT_MS);
    // The first tab used its four tries, the second what time was left; the rest were not started.
    expect(world.urlFetch.requests.length).toBe(5);
    const alert = world.ui.alerts.at(-1) ?? "";
    for (const sheet of tabs) {
      const header = Array.from({ length: sheet.getLastColumn() }, (_, i) => sheet.cell(1, i + 1));
      const statusColumn = header.indexOf(sheetMessages.statusHeader) + 1;
      expect(String(sheet.cell(2, statusColumn))).toMatch(/^Chưa gửi được/);
      expect(alert).toContain(appsScriptMessages.submitSummary(sheet.getName(), 0, 0, 1));
    }
    expect(alert).toContain(appsScriptMessages.outOfTime);
  });

  it("5,000 rows within the 6-minute budget: one request answered by the real API, one status write", async () => {
    const rows = REQUEST_LIMITS.maxRows;
    const loaded = load();
    const { world, call } = loaded;
    call("setupTemplate");
    call("installTriggers");
    onFakeClock(loaded);
    const sheet = world.spreadsheet.getSheetByName("Cán bộ");
    if (!sheet) throw new Error("no staff sheet");
    // Sheets grows the grid as rows are pasted.
    sheet.maxRows = rows + 1;
    sheet.fill(
      Array.from({ length: rows }, (_, i) => staffRow(i + 1)),
      2,
    );
    world.spreadsheet.active = sheet;

    // Turn 1 records the request; the real API answers it over a socket, and the time it took is
    // what the bundle's UrlFetchApp.fetch blocks in turn 2.
    world.urlFetch.fallback = new Error("offline");
    let started = performance.now();
    call("submitActiveTab");
    const firstTurnMs = performance.now() - started;
    const request = world.urlFetch.requests.at(-1) as RecordedRequest;
    expect(bodyOf(request).rows).toHaveLength(rows);
    started = performance.now();
    const reply = await replay(request);
    const serverMs = performance.now() - started;
    expect(reply.status).toBe(200);
    world.urlFetch.requests.splice(0);
    world.clock.ms = 0;
    world.urlFetch.fallback = () => {
      world.clock.ms += Math.ceil(serverMs);
      return reply;
    };
    for (const key of Object.keys(sheet.calls)) delete sheet.calls[key];
    started = performance.now();
    call("submitActiveTab");
    const secondTurnMs = performance.now() - started;

    expect(world.urlFetch.requests).toHaveLength(1);
    expect(sheet.calls.setValues).toBe(1);
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.submitSummary("Cán bộ", rows, 0, 0));
    expect(sheet.cell(rows + 1, STAFF_STATUS_COLUMN)).toBe(sheetMessages.statusAccepted);
    expect((await api.db.doc(`people/${staffRow(rows)[0]}`).get()).exists).toBe(true);
    // The server answers inside its own request budget, and the run (the bundle's own work in both
    // turns plus the server's time) leaves most of Apps Script's 6 minutes unused.
    expect(serverMs).toBeLessThan(50_000);
    expect(firstTurnMs + serverMs + secondTurnMs).toBeLessThan(RUN_LIMIT_MS / 4);
  }, 120_000);

  it("as an add-on, two spreadsheets sharing one script send to the units of their own document properties", async () => {
    // The add-on's script properties are everyone's; a pilot's leftover unit there must not leak.
    const shared = new FakeProperties({ TDKT_UNIT_ID: "so-gddt" });
    const schools = [
      { user: officer, unit: UNIT, row: 7001 },
      { user: otherOfficer, unit: OTHER_UNIT, row: 7002 },
    ];
    for (const school of schools) {
      const loaded = load(fakeWorld({}, shared), school.user);
      const { world, call } = loaded;
      world.installationSource = "APPS_MARKETPLACE_DOMAIN_ADD_ON";
      // Cài đặt: the answers are saved in this spreadsheet's document properties.
      world.ui.answers.push(api.url, school.unit, YEAR);
      call("settings");
      expect(world.documentProperties.getProperty("TDKT_UNIT_ID")).toBe(school.unit);
      call("setupTemplate");
      const sheet = world.spreadsheet.getSheetByName(STAFF_TITLE);
      if (!sheet) throw new Error("no staff sheet");
      sheet.fill([staffRow(school.row)], 2);
      world.spreadsheet.active = sheet;
      const request = await overTheWire(loaded, "submitActiveTab");
      expect(bodyOf(request)).toMatchObject({ unit: school.unit, year: YEAR });
      expect(sheet.cell(2, STAFF_STATUS_COLUMN)).toBe(sheetMessages.statusAccepted);
      const stored = await api.db.doc(`people/${staffRow(school.row)[0]}`).get();
      expect(stored.get("unitId")).toBe(school.unit);
    }
    expect(shared.getProperties()).toEqual({ TDKT_UNIT_ID: "so-gddt" });
  });
});
