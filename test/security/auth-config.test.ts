/**
 * Attacks on the audiences the API accepts (issue 13, item 9): config/auth decides which OAuth
 * clients' ID tokens sign in, so only the Department's administrator may change it. Over sockets
 * against the API; each attack asserts the refusal and that config/auth did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../functions/src/domain/model.js";
import { AUTH_CONFIG_PATH } from "../../functions/src/store/registry.js";
import { errorOf, signGoogleStyleToken, startTestApi, type TestApi } from "../support/api.js";

const admin: User = { email: "quantri@sgd.example.org", role: "ADMIN", unitId: "SGD" };
const specialist: User = { email: "chuyenvien@sgd.example.org", role: "DEPT_SPECIALIST", unitId: "SGD" };
const officer: User = { email: "canbo@thpt-lqd.example.org", role: "SCHOOL_OFFICER", unitId: "THPT_LQD" };
const principal: User = { email: "hieutruong@thpt-lqd.example.org", role: "PRINCIPAL", unitId: "THPT_LQD" };

const PROVINCE_CLIENT = "987654321012-addonprovince.apps.googleusercontent.com";
const ATTACKER_CLIENT = "555555555555-attackerapp.apps.googleusercontent.com";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi({ users: [admin, specialist, officer, principal] });
  await api.db.doc(AUTH_CONFIG_PATH).set({ audiences: [PROVINCE_CLIENT] });
});

afterAll(async () => {
  await api?.close();
});

const stored = async () => (await api.db.doc(AUTH_CONFIG_PATH).get()).get("audiences");

const setAudiences = (body: unknown, as?: string) =>
  api.fetch("/v1/config/auth", { method: "POST", body: JSON.stringify(body), ...(as ? { as } : {}) });

describe("config/auth", () => {
  for (const user of [officer, principal, specialist]) {
    it(`attack: a ${user.role} adds their own OAuth client to the accepted audiences`, async () => {
      const response = await setAudiences({ audiences: [PROVINCE_CLIENT, ATTACKER_CLIENT] }, user.email);
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
      expect(await stored()).toEqual([PROVINCE_CLIENT]);
    });
  }

  it("attack: a school officer reads which OAuth clients are accepted", async () => {
    const response = await api.fetch("/v1/config/auth", { as: officer.email });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
  });

  it("attack: an unauthenticated caller replaces the audiences", async () => {
    const response = await setAudiences({ audiences: [ATTACKER_CLIENT] });
    expect(response.status).toBe(401);
    expect(await stored()).toEqual([PROVINCE_CLIENT]);
  });

  it("attack: a token of an unlisted OAuth client signs in as the administrator", async () => {
    const token = signGoogleStyleToken(api.googleKey, { email: admin.email, aud: ATTACKER_CLIENT });
    const response = await fetch(`${api.url}/v1/config/auth`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ audiences: [ATTACKER_CLIENT] }),
    });
    expect(response.status).toBe(401);
    expect(await stored()).toEqual([PROVINCE_CLIENT]);
  });

  for (const [what, body, field] of [
    ["a wildcard audience", { audiences: ["*"] }, "body.audiences.0"],
    [
      "a non-Google audience",
      { audiences: [PROVINCE_CLIENT, "https://evil.example.org"] },
      "body.audiences.1",
    ],
    ["101 audiences", { audiences: Array.from({ length: 101 }, () => PROVINCE_CLIENT) }, "body.audiences"],
    ["an extra field", { audiences: [PROVINCE_CLIENT], allowAll: true }, "body"],
    ["a string instead of a list", { audiences: PROVINCE_CLIENT }, "body.audiences"],
  ] as const) {
    it(`attack: the administrator's request carries ${what}`, async () => {
      const response = await setAudiences(body, admin.email);
      expect(response.status).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("INVALID_ARGUMENT");
      expect(error.field).toBe(field);
      expect(await stored()).toEqual([PROVINCE_CLIENT]);
    });
  }

  it("the administrator adds a pilot's client, and its tokens sign in at once on this instance", async () => {
    const pilot = "111222333444-pilotsheet.apps.googleusercontent.com";
    const token = signGoogleStyleToken(api.googleKey, { email: officer.email, aud: pilot });
    const asPilot = () =>
      fetch(`${api.url}/v1/units/THPT_LQD/years/2025-2026/summary`, {
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await asPilot()).status).toBe(401);
    const response = await setAudiences({ audiences: [PROVINCE_CLIENT, pilot, pilot] }, admin.email);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ audiences: [PROVINCE_CLIENT, pilot] });
    expect(await stored()).toEqual([PROVINCE_CLIENT, pilot]);
    expect((await asPilot()).status).not.toBe(401);
    const read = await api.fetch("/v1/config/auth", { as: admin.email });
    expect(await read.json()).toEqual({ audiences: [PROVINCE_CLIENT, pilot] });
    const audit = await api.db.collection("audit").where("path", "==", AUTH_CONFIG_PATH).get();
    expect(audit.docs.map((doc) => doc.get("meta.actor") ?? doc.get("actor"))).toContain(admin.email);
  });
});
