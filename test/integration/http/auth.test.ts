import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "../../../functions/src/http/route.js";
import { requireUnitAccess } from "../../../functions/src/services/unit-access.js";
import { communeSchool, departmentSchool } from "../../fixtures/store/units.js";
import { errorOf, signGoogleStyleToken, startTestApi, type TestApi } from "../../support/api.js";

const officer = { email: "canbo@thpt-lqd.edu.vn", role: "SCHOOL_OFFICER", unitId: "thpt-lqd" } as const;
const specialist = { email: "chuyenvien@sogd.gov.vn", role: "DEPT_SPECIALIST", unitId: "so-gddt" } as const;

/** A route shaped like the unit routes, to exercise authentication and unit authorization. */
const unitEcho: Route = {
  method: "POST",
  path: "/v1/units/{unit}/echo",
  handle: async (ctx, deps) => {
    await requireUnitAccess(deps.db, ctx.user, ctx.params.unit ?? "", "write");
    return { body: { unit: ctx.params.unit, received: ctx.body } };
  },
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    users: [officer, specialist],
    routes: [unitEcho],
    env: { TDKT_MAX_BODY_BYTES: "1000" },
  });
  // Unit authorization reads the unit (a commune-managed school names its commune).
  await api.db.doc(`units/${departmentSchool.id}`).set(departmentSchool);
  await api.db.doc(`units/${communeSchool.id}`).set(communeSchool);
});
afterAll(() => api.close());

const post = (path: string, token: string | undefined, body: unknown = { a: 1 }) =>
  api.fetch(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });

describe("authentication", () => {
  it("answers /healthz without a token", async () => {
    const response = await api.fetch("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "ok" });
    expect(response.headers.get("x-request-id")).toBeTruthy();
  });

  it("accepts a valid Google ID token for the configured audience", async () => {
    const token = signGoogleStyleToken(api.googleKey, { email: officer.email });
    const response = await post("/v1/units/thpt-lqd/echo", token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ unit: "thpt-lqd", received: { a: 1 } });
  });

  // The refused tokens (forged, expired, wrong audience or issuer, alg=none, …) are attacks in
  // test/security/edges.test.ts.

  it("gives 403 to a valid token whose e-mail is not a user", async () => {
    const response = await post("/v1/units/thpt-lqd/echo", api.devToken("nguoila@gmail.com"));
    expect(response.status).toBe(403);
    expect((await errorOf(response)).message).toMatch(/chưa được cấp quyền/);
  });
});

describe("authorization and limits", () => {
  it("gives 403 for another unit's data and lets the Department through", async () => {
    const other = await post("/v1/units/thcs-nguyen-du/echo", api.devToken(officer.email));
    expect(other.status).toBe(403);
    expect(await errorOf(other)).toMatchObject({ code: "PERMISSION_DENIED" });
    expect((await post("/v1/units/thcs-nguyen-du/echo", api.devToken(specialist.email))).status).toBe(200);
  });

  it("lets a commune specialist reach the schools of that commune only", async () => {
    const commune = {
      email: "vhxh@xa-an-thinh.gov.vn",
      role: "COMMUNE_SPECIALIST",
      unitId: "xa-an-thinh",
    } as const;
    await api.db.doc(`users/${commune.email}`).set(commune);
    expect((await post("/v1/units/thcs-nguyen-du/echo", api.devToken(commune.email))).status).toBe(200);
    expect((await post("/v1/units/thpt-lqd/echo", api.devToken(commune.email))).status).toBe(403);
  });

  it("answers 404 for a unit that does not exist", async () => {
    const response = await post("/v1/units/khong-co/echo", api.devToken(specialist.email));
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toMatch(/Không có đơn vị/);
  });

  it("answers 413 for a body over the limit and 400 for invalid JSON", async () => {
    const token = api.devToken(officer.email);
    const big = await post("/v1/units/thpt-lqd/echo", token, { text: "x".repeat(2000) });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).code).toBe("PAYLOAD_TOO_LARGE");
    const broken = await api.fetch("/v1/units/thpt-lqd/echo", {
      method: "POST",
      body: '{"rows": [',
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    });
    expect(broken.status).toBe(400);
    expect((await errorOf(broken)).message).toMatch(/JSON/);
  });

  it("answers 404 for an unknown path and 405 with Allow for a wrong method", async () => {
    expect((await api.fetch("/v1/khong-co", { as: officer.email })).status).toBe(404);
    const wrongMethod = await api.fetch("/v1/units/thpt-lqd/echo", { as: officer.email });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });
});
