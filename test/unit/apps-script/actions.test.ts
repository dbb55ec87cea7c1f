import { describe, expect, it } from "vitest";
import { describeReply, TRIGGER_HANDLERS } from "../../../apps-script/src/actions.js";
import { app, MENU } from "../../../apps-script/src/app.js";
import { jwtClaims } from "../../../apps-script/src/identity.js";
import { promptSettings, readSettings } from "../../../apps-script/src/settings.js";
import { appsScriptMessages } from "../../../functions/src/domain/messages/index.js";
import { FakeProperties, FakeUi, fakeWorld, SETTINGS } from "./fakes.js";

describe("settings", () => {
  it("reads and checks the three script properties", () => {
    expect(readSettings(new FakeProperties(SETTINGS))).toEqual({
      ok: true,
      settings: { apiUrl: "https://api.example.test", unit: "THPT-LQD", year: "2025-2026" },
    });
    expect(readSettings(new FakeProperties({}))).toEqual({
      ok: false,
      message: appsScriptMessages.settingsMissing(["TDKT_API_URL", "TDKT_UNIT_ID", "TDKT_YEAR"]),
    });
    expect(readSettings(new FakeProperties({ ...SETTINGS, TDKT_YEAR: "2025-2027" }))).toEqual({
      ok: false,
      message: appsScriptMessages.settingsInvalidYear("2025-2027"),
    });
  });

  it("asks for each value, keeps the current one on an empty answer, saves only when all are valid", () => {
    const properties = new FakeProperties(SETTINGS);
    const ui = new FakeUi();
    ui.answers.push("https://tdkt.example.vn", "", "2026-2027");
    promptSettings(properties, ui);
    expect(readSettings(properties)).toMatchObject({
      settings: { apiUrl: "https://tdkt.example.vn", unit: "THPT-LQD", year: "2026-2027" },
    });
    expect(ui.questions[1]).toContain(appsScriptMessages.settingsCurrent("THPT-LQD"));

    ui.answers.push("ftp://x");
    promptSettings(properties, ui);
    expect(ui.alerts.at(-1)).toBe(appsScriptMessages.settingsInvalidUrl("ftp://x"));
    expect(properties.getProperty("TDKT_API_URL")).toBe("https://tdkt.example.vn");
  });
});

describe("menu actions", () => {
  it("lists a global for every item", () => {
    const handlers = MENU.flatMap((entry) => (entry === "separator" ? [] : [entry.handler]));
    for (const handler of [...handlers, ...Object.values(TRIGGER_HANDLERS)])
      expect(app).toHaveProperty(handler);
  });

  it("installs the edit and hourly triggers, replacing its own", () => {
    const world = fakeWorld();
    app.installTriggers(world.env);
    app.installTriggers(world.env);
    expect(world.triggers.filter((t) => !t.removed).map((t) => `${t.handler} ${t.kind}`)).toEqual([
      "onEditInstallable edit",
      "submitScheduled every 1 h",
    ]);
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.triggersInstalled(1));
  });

  it("checks eligibility and builds the dossier through the API", () => {
    const world = fakeWorld();
    world.urlFetch.reply(
      { status: 200, body: { unit: "THPT-LQD", eligible: 12, titles: [{ code: "LDTT", count: 10 }] } },
      { status: 200, body: { dossier: { id: "d-1", documents: 3 } } },
      { status: 200, body: {} },
    );
    app.checkEligibility(world.env);
    app.buildDossier(world.env, "click-1");
    app.buildDossier(world.env, "click-2");
    expect(world.urlFetch.requests.map((r) => `${r.params.method} ${r.url}`)).toEqual([
      "get https://api.example.test/v1/units/THPT-LQD/years/2025-2026/summary",
      "post https://api.example.test/v1/units/THPT-LQD/years/2025-2026/dossiers",
      "post https://api.example.test/v1/units/THPT-LQD/years/2025-2026/dossiers",
    ]);
    expect(world.ui.alerts[0]).toBe(
      appsScriptMessages.eligibilityDone(["unit: THPT-LQD", "eligible: 12", "titles 1: …"]),
    );
    expect(world.ui.alerts[1]).toBe(
      appsScriptMessages.dossierDone(["dossier id: d-1", "dossier documents: 3"]),
    );
    const keys = world.urlFetch.requests.slice(1).map((r) => r.params.headers["Idempotency-Key"]);
    expect(keys[0]).not.toBe(keys[1]);
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

  it("describes replies briefly", () => {
    expect(describeReply({ a: 1, b: { c: "x", d: [1, 2] }, e: null })).toEqual([
      "a: 1",
      "b c: x",
      "b d: 2",
      "e: null",
    ]);
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

  it("shows the audience to put in TDKT_AUTH_AUDIENCES", () => {
    const world = fakeWorld();
    world.env.identityToken = () => token({ aud: "123-abc.apps.googleusercontent.com", email: "a@b.vn" });
    app.showClientId(world.env);
    world.env.identityToken = () => null;
    app.showClientId(world.env);
    expect(world.ui.alerts).toEqual([
      appsScriptMessages.clientId("123-abc.apps.googleusercontent.com", "a@b.vn"),
      appsScriptMessages.identityMissing,
    ]);
  });
});
