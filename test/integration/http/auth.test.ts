import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Route } from "../../../functions/src/http/route.js";
import { signDevToken } from "../../../functions/src/http/tokens.js";
import { requireUnitAccess } from "../../../functions/src/services/unit-access.js";
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
  await api.db.doc("units/thpt-lqd").set({ id: "thpt-lqd", managingAuthority: "SO_GDDT" });
  await api.db
    .doc("units/thcs-nguyen-du")
    .set({ id: "thcs-nguyen-du", managingAuthority: "UBND_XA", communeUnitId: "xa-an-thinh" });
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

  it.each([
    ["missing", undefined],
    ["expired", "expired"],
    ["wrong audience", "audience"],
    ["forged signature", "forged"],
    ["wrong issuer", "issuer"],
    ["garbage", "garbage"],
  ])("rejects a %s token with 401 and a Vietnamese message", async (_label, kind) => {
    const now = Math.floor(Date.now() / 1000);
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const tokens: Record<string, string> = {
      expired: signGoogleStyleToken(api.googleKey, {
        email: officer.email,
        iat: now - 7200,
        exp: now - 3600,
      }),
      audience: signGoogleStyleToken(api.googleKey, { email: officer.email, aud: "another-client" }),
      forged: signGoogleStyleToken(otherKey, { email: officer.email }),
      issuer: signGoogleStyleToken(api.googleKey, { email: officer.email, iss: "https://evil.example" }),
      garbage: "abc.def.ghi",
    };
    const response = await post("/v1/units/thpt-lqd/echo", kind ? tokens[kind] : undefined);
    expect(response.status).toBe(401);
    const error = await errorOf(response);
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(error.message).toMatch(/xác thực/);
  });

  it("rejects expired and wrongly signed development tokens", async () => {
    expect((await post("/v1/units/thpt-lqd/echo", api.devToken(officer.email, -10))).status).toBe(401);
    const wrongSecret = signDevToken(officer.email, "another-secret-0123456789");
    expect((await post("/v1/units/thpt-lqd/echo", wrongSecret)).status).toBe(401);
    expect((await post("/v1/units/thpt-lqd/echo", api.devToken(officer.email))).status).toBe(200);
  });

  it("refuses development tokens when the development key is not enabled", async () => {
    const strict = await startTestApi({
      users: [officer],
      routes: [unitEcho],
      env: { TDKT_DEV_AUTH_SECRET: "" },
    });
    try {
      const response = await strict.fetch("/v1/units/thpt-lqd/echo", {
        method: "POST",
        body: "{}",
        as: officer.email,
      });
      expect(response.status).toBe(401);
    } finally {
      await strict.close();
    }
  });

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

  it("answers 404 for an unknown path and 400 for a wrong method", async () => {
    expect((await api.fetch("/v1/khong-co", { as: officer.email })).status).toBe(404);
    expect((await api.fetch("/v1/units/thpt-lqd/echo", { as: officer.email })).status).toBe(400);
  });
});
