import { describe, expect, it } from "vitest";
import { TAKE_OVER_ANSWER, TRIGGER_HANDLERS } from "../../../apps-script/src/actions.js";
import { app, MENU } from "../../../apps-script/src/app.js";
import { jwtClaims } from "../../../apps-script/src/identity.js";
import { promptSettings, readAudience, readSettings } from "../../../apps-script/src/settings.js";
import { appsScriptMessages } from "../../../functions/src/domain/messages/index.js";
import type { PublicBoard } from "../../../functions/src/domain/public-board.js";
import { boardSheet } from "../../../functions/src/sheets/board.js";
import {
  type EligibilityReport,
  renderSummary,
  type UnitSummary,
} from "../../../functions/src/sheets/render.js";
import { FakeProperties, FakeUi, fakeWorld, OFFICER_EMAIL, SETTINGS } from "./fakes.js";

/** A spreadsheet's document properties over the script properties that an add-on shares. */
const sources = (own: Record<string, string>, shared: Record<string, string> = {}) => ({
  documentProperties: new FakeProperties(own),
  scriptProperties: new FakeProperties(shared),
});

describe("settings", () => {
  it("reads and checks the three settings", () => {
    expect(readSettings(sources(SETTINGS))).toEqual({
      ok: true,
      settings: { apiUrl: "https://api.example.test", unit: "THPT-LQD", year: "2025-2026" },
    });
    expect(readSettings(sources({}))).toEqual({
      ok: false,
      message: appsScriptMessages.settingsMissing(["TDKT_API_URL", "TDKT_UNIT_ID", "TDKT_YEAR"]),
    });
    expect(readSettings(sources({ ...SETTINGS, TDKT_YEAR: "2025-2027" }))).toEqual({
      ok: false,
      message: appsScriptMessages.settingsInvalidYear("2025-2027"),
    });
  });

  it("takes each setting from the spreadsheet's document properties first, else the script properties", () => {
    const shared = { ...SETTINGS, TDKT_AUDIENCE: "department" };
    expect(readSettings(sources({}, shared))).toMatchObject({ settings: { unit: "THPT-LQD" } });
    expect(readAudience(sources({}, shared))).toBe("department");
    const own = sources({ TDKT_UNIT_ID: "THCS-NTT", TDKT_AUDIENCE: "school", TDKT_YEAR: " " }, shared);
    expect(readSettings(own)).toEqual({
      ok: true,
      settings: { apiUrl: "https://api.example.test", unit: "THCS-NTT", year: "2025-2026" },
    });
    expect(readAudience(own)).toBe("school");
  });

  it("asks for each value, keeps the current one on an empty answer, saves only when all are valid", () => {
    const settings = sources(SETTINGS);
    const ui = new FakeUi();
    ui.answers.push("https://tdkt.example.vn", "", "2026-2027");
    promptSettings(settings, ui);
    expect(readSettings(settings)).toMatchObject({
      settings: { apiUrl: "https://tdkt.example.vn", unit: "THPT-LQD", year: "2026-2027" },
    });
    expect(ui.questions[1]).toContain(appsScriptMessages.settingsCurrent("THPT-LQD"));

    ui.answers.push("ftp://x");
    promptSettings(settings, ui);
    expect(ui.alerts.at(-1)).toBe(appsScriptMessages.settingsInvalidUrl("ftp://x"));
    expect(settings.documentProperties.getProperty("TDKT_API_URL")).toBe("https://tdkt.example.vn");
  });

  it("saves into this spreadsheet's document properties, never the script properties other schools share", () => {
    const settings = sources({}, SETTINGS);
    const ui = new FakeUi();
    ui.answers.push("", "THCS-NTT", "");
    promptSettings(settings, ui);
    expect(settings.documentProperties.getProperties()).toEqual({ ...SETTINGS, TDKT_UNIT_ID: "THCS-NTT" });
    expect(settings.scriptProperties.getProperties()).toEqual(SETTINGS);
    expect(ui.questions[1]).toContain(appsScriptMessages.settingsCurrent("THPT-LQD"));
  });
});

describe("menu actions", () => {
  it("lists a global for every item", () => {
    const handlers = MENU.flatMap((entry) => (entry === "separator" ? [] : [entry.handler]));
    for (const handler of [...handlers, ...Object.values(TRIGGER_HANDLERS)])
      expect(app).toHaveProperty(handler);
  });

  it("installs the edit and hourly triggers, replacing its own, and records who installed them", () => {
    const world = fakeWorld();
    const now = new Date("2025-09-05T01:00:00Z");
    app.installTriggers(world.env, now);
    app.installTriggers(world.env, now);
    expect(world.triggers.filter((t) => !t.removed).map((t) => `${t.handler} ${t.kind} ${t.user}`)).toEqual([
      `onEditInstallable edit ${OFFICER_EMAIL}`,
      `submitScheduled every 1 h ${OFFICER_EMAIL}`,
    ]);
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.triggersInstalled(1, OFFICER_EMAIL));
    app.showClientId(world.env);
    expect(world.ui.alerts.at(-1)).toContain(
      appsScriptMessages.triggersOwner(OFFICER_EMAIL, now.toISOString()),
    );
  });

  it("refuses a second officer's install (triggers are per user) unless they take over", () => {
    const world = fakeWorld();
    const now = new Date("2025-09-05T01:00:00Z");
    app.installTriggers(world.env, now);
    world.user = "hieupho@thpt-lqd.edu.vn";
    // The colleague's ScriptApp.getProjectTriggers() lists none of the first officer's triggers.
    expect(world.env.triggers.list()).toEqual([]);
    app.installTriggers(world.env, now);
    expect(world.ui.questions.at(-1)).toBe(
      appsScriptMessages.triggersOwnedBy(OFFICER_EMAIL, now.toISOString(), TAKE_OVER_ANSWER),
    );
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.triggersNotInstalled(OFFICER_EMAIL));
    expect(world.triggers).toHaveLength(2);

    world.ui.answers.push(TAKE_OVER_ANSWER.toLowerCase());
    app.installTriggers(world.env, now);
    expect(world.triggers.filter((t) => t.user === "hieupho@thpt-lqd.edu.vn")).toHaveLength(2);
    expect(world.ui.alerts.at(-1)).toBe(
      [
        appsScriptMessages.triggersInstalled(1, "hieupho@thpt-lqd.edu.vn"),
        appsScriptMessages.triggersTakenOver(OFFICER_EMAIL),
      ].join("\n"),
    );
    app.showClientId(world.env);
    expect(world.ui.alerts.at(-1)).toContain("hieupho@thpt-lqd.edu.vn");
  });

  it("writes the unit's summary into the Tổng hợp tab with one setValues", () => {
    const world = fakeWorld();
    const summary: UnitSummary = {
      unit: { id: "THPT-LQD", name: "Trường THPT Lê Quý Đôn" },
      year: "2025-2026",
      people: 2,
      ratings: { HTXS: 1 },
      counts: [{ code: "LDTT", label: "Lao động tiên tiến", registered: 2, proposed: 1, recognized: 0 }],
      proposals: [
        {
          code: "CSTD_CS",
          label: "Chiến sĩ thi đua cơ sở",
          subjectKind: "individual",
          subjectId: "GV01",
          name: "=Nguyễn Văn An",
          rating: "HTXS",
          agree: 10,
          members: 11,
        },
      ],
      achievements: [],
      adHocOverdue: 0,
    };
    world.urlFetch.reply({ status: 200, body: summary }, { status: 200, body: summary });
    app.showSummary(world.env);
    app.showSummary(world.env);
    expect(world.urlFetch.requests[0]?.url).toBe(
      "https://api.example.test/v1/units/THPT-LQD/years/2025-2026/summary",
    );
    const sheet = world.spreadsheet.getSheetByName(appsScriptMessages.summarySheet);
    const expected = renderSummary(summary);
    expect(sheet?.cells.length).toBe(expected.length);
    expect(sheet?.cell(1, 1)).toBe(expected[0]?.[0]);
    const nameRow = (sheet?.cells.findIndex((row) => row.includes("=Nguyễn Văn An")) ?? -1) + 1;
    const nameColumn = (sheet?.cells[nameRow - 1]?.indexOf("=Nguyễn Văn An") ?? -1) + 1;
    expect(sheet?.forcedText.has(`${nameRow}:${nameColumn}`)).toBe(true);
    expect(sheet?.calls.setValues).toBe(2);
    expect(world.ui.alerts.at(-1)).toBe(
      appsScriptMessages.summaryWritten(appsScriptMessages.summarySheet, "2025-2026", 1),
    );
  });

  it("writes the public board's rows into the Bảng công khai tab, a formula-like name kept as text", () => {
    const world = fakeWorld();
    const board: PublicBoard = {
      unit: {
        id: "THPT-LQD",
        name: "Trường THPT Lê Quý Đôn",
        managingBodyName: "Sở Giáo dục và Đào tạo",
        place: "Hà Tĩnh",
      },
      year: "2025-2026",
      date: "2026-06-20",
      groups: [
        {
          code: "LDTT",
          label: "Lao động tiên tiến",
          lines: [
            { subjectKind: "individual", name: "=Nguyễn Văn An", position: "Giáo viên" },
            { subjectKind: "individual", name: "Đỗ Thị Hạnh" },
          ],
        },
      ],
    };
    const sheet = boardSheet(board);
    world.urlFetch.reply({ status: 200, body: { board, sheet } });
    app.showBoard(world.env);
    expect(world.urlFetch.requests[0]?.url).toBe(
      "https://api.example.test/v1/units/THPT-LQD/years/2025-2026/board",
    );
    const tab = world.spreadsheet.getSheetByName("Bảng công khai");
    expect(tab?.cells.map((row) => row.slice(0, 4))).toEqual([
      ["STT", "Danh hiệu, hình thức", "Họ và tên / Tên tập thể", "Chức vụ"],
      [1, "Lao động tiên tiến", "=Nguyễn Văn An", "Giáo viên"],
      [2, "Lao động tiên tiến", "Đỗ Thị Hạnh", ""],
    ]);
    expect(tab?.forcedText.has("2:3")).toBe(true);
    expect(tab?.calls.setValues).toBe(1);
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.boardWritten("Bảng công khai", "2025-2026", 2));
  });

  it("writes every proposal's verdict, with the rule and article for each no, into its own tab", () => {
    const world = fakeWorld();
    const report: EligibilityReport = {
      unitId: "THPT-LQD",
      year: "2025-2026",
      results: [
        {
          subjectId: "GV01",
          subjectName: "Nguyễn Văn An",
          target: "LDTT",
          status: "eligible",
          failed: [],
          checks: [],
        },
        {
          subjectId: "GV02",
          subjectName: "=Trần Thị Bình",
          target: "CSTD_CS",
          status: "ineligible",
          failed: ["CSCS-04"],
          checks: [
            { rule: "LDTT-01", ok: true, basis: "Luật 06/2022/QH15, Điều 24", message: "đạt" },
            {
              rule: "CSCS-04",
              ok: false,
              basis: "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7",
              message: "5/9 thành viên đồng ý (55,6%) < 80% tổng số thành viên.",
            },
          ],
          warnings: [
            { message: "Chưa có minh chứng hiệu quả công việc (tab Minh chứng hiệu quả công việc)." },
          ],
        },
      ],
    };
    world.urlFetch.reply({ status: 200, body: report });
    app.checkEligibility(world.env);
    expect(world.urlFetch.requests[0]?.url).toBe(
      "https://api.example.test/v1/units/THPT-LQD/years/2025-2026/eligibility",
    );
    const sheet = world.spreadsheet.getSheetByName(appsScriptMessages.eligibilitySheet);
    expect(sheet?.calls.setValues).toBe(1);
    const rowIndex = sheet?.cells.findIndex((cells) => cells[0] === "GV02") ?? -1;
    const row = sheet?.cells[rowIndex] ?? [];
    // A name that looks like a formula is written as text, never run.
    expect(sheet?.forcedText.has(`${rowIndex + 1}:2`)).toBe(true);
    expect(row).toEqual([
      "GV02",
      "=Trần Thị Bình",
      "Chiến sĩ thi đua cơ sở",
      "Không đủ điều kiện",
      "CSCS-04",
      "CSCS-04: 5/9 thành viên đồng ý (55,6%) < 80% tổng số thành viên.",
      "NĐ 98/2023/NĐ-CP, Điều 30, khoản 7",
      // The flag of a proposal without its merit evidence, beside the verdict (which it never changes).
      "Chưa có minh chứng hiệu quả công việc (tab Minh chứng hiệu quả công việc).",
    ]);
    expect(sheet?.cells.find((cells) => cells[0] === "GV01")?.[3]).toBe("Đủ điều kiện");
    expect(world.ui.alerts.at(-1)).toBe(
      appsScriptMessages.eligibilityWritten(appsScriptMessages.eligibilitySheet, "2025-2026", 1, 2),
    );
  });

  it("grows a result tab past its 1,000 rows, as Sheets needs before writing there", () => {
    const world = fakeWorld();
    const results = Array.from({ length: 1_200 }, (_, i) => ({
      subjectId: `GV${String(i).padStart(4, "0")}`,
      subjectName: `Nguyễn Văn ${i}`,
      target: "LDTT",
      status: "eligible",
      failed: [],
      checks: [],
    }));
    world.urlFetch.reply({ status: 200, body: { unitId: "THPT-LQD", year: "2025-2026", results } });
    app.checkEligibility(world.env);
    const sheet = world.spreadsheet.getSheetByName(appsScriptMessages.eligibilitySheet);
    expect(sheet?.getMaxRows()).toBeGreaterThan(1_200);
    expect(sheet?.cells.some((cells) => cells[0] === "GV1199")).toBe(true);
    expect(world.ui.alerts.at(-1)).toBe(
      appsScriptMessages.eligibilityWritten(appsScriptMessages.eligibilitySheet, "2025-2026", 1_200, 1_200),
    );
  });

  it("builds the dossier dated today in Vietnam, with one key per click", () => {
    const world = fakeWorld();
    const built = {
      id: "THPT-LQD_2025-2026",
      legalBasisVersion: "ND152-2025",
      documents: [
        { type: "to-trinh", number: "05/TTr-THPTLQĐ", file: "THPT-LQD/2025-2026/to-trinh.pdf" },
        { type: "danh-sach", file: "THPT-LQD/2025-2026/danh-sach.pdf" },
      ],
    };
    world.urlFetch.reply({ status: 201, body: built }, { status: 201, body: built });
    // 20:00Z on 31 May is already 1 June in Hà Nội.
    app.buildDossier(world.env, "click-1", new Date("2026-05-31T20:00:00Z"));
    app.buildDossier(world.env, "click-2", new Date("2026-05-31T20:00:00Z"));
    const [first, second] = world.urlFetch.requests;
    expect(first?.url).toBe("https://api.example.test/v1/units/THPT-LQD/years/2025-2026/dossiers");
    expect(JSON.parse(first?.params.payload ?? "")).toEqual({ date: "2026-06-01" });
    expect(first?.params.headers["Idempotency-Key"]).not.toBe(second?.params.headers["Idempotency-Key"]);
    expect(world.ui.alerts[0]).toBe(
      appsScriptMessages.dossierDone("THPT-LQD_2025-2026", [
        appsScriptMessages.dossierLine("to-trinh", "05/TTr-THPTLQĐ", "THPT-LQD/2025-2026/to-trinh.pdf"),
        appsScriptMessages.dossierLine("danh-sach", undefined, "THPT-LQD/2025-2026/danh-sach.pdf"),
      ]),
    );
  });

  it("shows the server's error", () => {
    const world = fakeWorld();
    world.urlFetch.reply({
      status: 404,
      body: { error: { code: "NOT_FOUND", message: "Không có đơn vị." } },
    });
    app.checkEligibility(world.env);
    expect(world.ui.alerts).toEqual([appsScriptMessages.serverFailed(404, "Không có đơn vị.")]);
  });

  it("says so when the answer has an unexpected shape", () => {
    const world = fakeWorld();
    world.urlFetch.reply({ status: 200, body: { ok: true } });
    app.buildDossier(world.env, "click-1", new Date());
    expect(world.ui.alerts).toEqual([appsScriptMessages.unexpectedReply]);
  });
});

describe("the script's client ID", () => {
  const token = (claims: object) =>
    ["e30", Buffer.from(JSON.stringify(claims)).toString("base64url"), "sig"].join(".");

  it("decodes the ID token's claims, Vietnamese included", () => {
    const claims = {
      aud: "123-abc.apps.googleusercontent.com",
      email: "canbo@thpt.edu.vn",
      name: "Nguyễn Thị Lan",
    };
    expect(jwtClaims(token(claims))).toEqual(claims);
    expect(jwtClaims("not a token")).toBeUndefined();
  });

  it("explains an unticked scope or a missing openid before any request, on every action", () => {
    const world = fakeWorld();
    world.unticked.push("https://www.googleapis.com/auth/script.external_request");
    app.submitAll(world.env);
    app.checkEligibility(world.env);
    app.buildDossier(world.env, "click-1", new Date());
    app.installTriggers(world.env, new Date());
    expect(app.submitScheduled(world.env)).toEqual([appsScriptMessages.scopesMissing]);
    world.unticked.length = 0;
    world.env.identityToken = () => null;
    app.showSummary(world.env);
    expect(world.ui.alerts).toEqual([
      ...Array.from({ length: 4 }, () => appsScriptMessages.scopesMissing),
      appsScriptMessages.identityMissing,
    ]);
    expect(world.urlFetch.requests).toEqual([]);
    expect(world.triggers).toEqual([]);
  });

  it("shows the audience to put in TDKT_AUTH_AUDIENCES", () => {
    const world = fakeWorld();
    world.env.identityToken = () => token({ aud: "123-abc.apps.googleusercontent.com", email: "a@b.vn" });
    app.showClientId(world.env);
    world.env.identityToken = () => null;
    app.showClientId(world.env);
    expect(world.ui.alerts).toEqual([
      `${appsScriptMessages.clientId("123-abc.apps.googleusercontent.com", "a@b.vn")}\n\n${appsScriptMessages.triggersNone}`,
      `${appsScriptMessages.identityMissing}\n\n${appsScriptMessages.triggersNone}`,
    ]);
  });
});
