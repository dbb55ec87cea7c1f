/**
 * Attacks on the HTTP edges (issue 8, items 5–7 and 9), over sockets against the real server on the
 * generated province: ids in the path, the body's media type, depth and text, tokens, what the logs
 * keep, and floods before authentication. Each attack asserts the refusal and, where the request
 * could write, that the store did not change.
 */
import { createHash, createHmac, generateKeyPairSync } from "node:crypto";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../functions/sample/province.js";
import { seedProvince } from "../../functions/sample/seed.js";
import type { Logger } from "../../functions/src/http/log.js";
import type { Route } from "../../functions/src/http/route.js";
import { COLLECTIONS } from "../../functions/src/store/firestore.js";
import { sheetRows, staffRow } from "../fixtures/sheets/rows.js";
import { DEV_SECRET, errorOf, signGoogleStyleToken, startTestApi, type TestApi } from "../support/api.js";

const UNIT = SAMPLE_SCHOOLS.nguyenDu;
const YEAR = "2025-2026";
const officer = `tdkt.${UNIT}@truong.example.org`;

type LogEntry = Parameters<Logger>[0];
const logs: LogEntry[] = [];

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ logger: (entry) => logs.push(entry) });
  await seedProvince(api.db, sampleProvince());
}, 180_000);
afterAll(() => api.close());

/** Document counts of every collection: a refused write must leave them (and the audit log) as they were. */
async function storeCounts(db = api.db): Promise<Record<string, number>> {
  const names = Object.values(COLLECTIONS);
  const counts = await Promise.all(
    names.map(async (name) => (await db.collection(name).count().get()).data().count),
  );
  return Object.fromEntries(names.map((name, index) => [name, counts[index] ?? 0]));
}

/** A request sent byte for byte as written: fetch would normalise the path before it leaves. */
function rawRequest(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const { hostname, port } = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { hostname, port, path, method: options.method ?? "GET", headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** What the attacker gets back: status and the JSON error (code, field). */
async function refusal(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  const response = await rawRequest(path, {
    ...options,
    headers: { ...bearer(api.devToken(officer)), ...options.headers },
  });
  const error = (JSON.parse(response.text) as { error?: { code: string; field?: string; message: string } })
    .error;
  return { status: response.status, error, text: response.text, headers: response.headers };
}

const summaryOf = (unit: string) => `/v1/units/${unit}/years/${YEAR}/summary`;
const eligibilityOf = (unit: string) => `/v1/units/${unit}/years/${YEAR}/eligibility`;

describe("ids in the path", () => {
  it("attack: malformed percent-encoding in the unit id", async () => {
    const result = await refusal(summaryOf("thcs-nguyen-du%E0%A4%A"));
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
    expect(result.error?.message).toMatch(/Mã đơn vị trong đường dẫn/);
  });

  it("attack: a unit id with an encoded slash (%2F) to reach another document path", async () => {
    for (const path of [eligibilityOf(`${UNIT}%2Fpeople`), summaryOf("units%2Fthpt-le-quy-don")]) {
      const result = await refusal(path);
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
    }
  });

  it("attack: a dossier id with an encoded slash (%2F)", async () => {
    const before = await storeCounts();
    const result = await refusal(`/v1/dossiers/${UNIT}_${YEAR}%2Fx:transition`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ to: "SUBMITTED" }),
    });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.id" });
    expect(await storeCounts()).toEqual(before);
  });

  it('attack: "." and ".." as dossier ids', async () => {
    const before = await storeCounts();
    for (const id of [".", "..", "%2E%2E"]) {
      const result = await refusal(`/v1/dossiers/${id}:transition`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: "APPROVED" }),
      });
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.id" });
    }
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: bytes the HTTP parser cannot read (a GET body sent without its length) get the JSON error", async () => {
    const { port } = new URL(api.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), "127.0.0.1", () => {
        socket.write(`GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n857928289 garbage\r\n\r\n`);
      });
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString("utf8");
      });
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    const second = answer.slice(answer.indexOf("HTTP/1.1", 1));
    expect(second).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(second.slice(second.indexOf("\r\n\r\n") + 4));
    expect(body.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "request" });
  });

  it('attack: ".." as a unit id, climbing out of the unit path', async () => {
    // The path is matched as sent (no dot-segment resolution), so ".." reaches the id rule.
    for (const unit of ["..", "%2e%2e"]) {
      const result = await refusal(summaryOf(unit));
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
    }
  });

  it("attack: __proto__ as a unit id and as a dossier id", async () => {
    const before = await storeCounts();
    const unit = await refusal(`/v1/units/__proto__/years/${YEAR}/dossiers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(unit.status).toBe(400);
    expect(unit.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
    const dossier = await refusal("/v1/dossiers/__proto__:transition", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ to: "SUBMITTED" }),
    });
    expect(dossier.status).toBe(400);
    expect(dossier.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.id" });
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: control characters in the unit id", async () => {
    for (const encoded of ["%00", "%0A", "%1B%5B31m", "%7F", "%C2%85"]) {
      const result = await refusal(eligibilityOf(`${UNIT}${encoded}`));
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
    }
  });

  it("attack: a bidi override (U+202E) in the unit id", async () => {
    const result = await refusal(summaryOf(`%E2%80%AE${UNIT}`));
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
    expect(result.text).not.toContain("\u202e");
  });

  it("attack: a lone surrogate (%ED%A0%80) in the unit id and the year", async () => {
    const unit = await refusal(summaryOf(`${UNIT}%ED%A0%80`));
    expect(unit.status).toBe(400);
    expect(unit.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
    const year = await refusal(`/v1/units/${UNIT}/years/%ED%A0%80/eligibility`);
    expect(year.status).toBe(400);
    expect(year.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.year" });
  });

  it("attack: a year that is not a school year in the eligibility path", async () => {
    for (const year of ["9999-0000", "2025", "__proto__"]) {
      const result = await refusal(`/v1/units/${UNIT}/years/${year}/eligibility`);
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.year" });
    }
  });

  it("attack: an id that looks the same but is spelled with combining marks (not NFC)", async () => {
    // "thcs-nguyễn-du" typed with a combining tilde and hook: another byte sequence for the same text.
    const result = await refusal(summaryOf(encodeURIComponent("thcs-nguye\u0302\u0303n-du")));
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "path.unit" });
  });
});

describe("ids and text in bodies", () => {
  const ingest = (rows: ReturnType<typeof sheetRows>, extra: Record<string, unknown> = {}) =>
    refusal("/v1/sheets/can-bo:ingest", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ unit: UNIT, year: YEAR, rows, mode: "partial", ...extra }),
    });

  it('attack: person ids "a/b", ".", "..", "__proto__" in the staff tab', async () => {
    const before = await storeCounts();
    for (const id of ["GV/01", ".", "..", "__proto__"]) {
      const result = await ingest(sheetRows("can-bo", [staffRow(1, { id })]));
      expect(result.status).toBe(422);
      const body = JSON.parse(result.text) as { accepted: number; rows: { errors: { code: string }[] }[] };
      expect(body.accepted).toBe(0);
      expect(body.rows[0]?.errors.map((error) => error.code)).toContain("INVALID_KEY");
    }
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: person ids with a control character, a bidi override or a lone surrogate (JSON \\ud800)", async () => {
    const before = await storeCounts();
    for (const id of ["GV\u000001", "GV\u202e10", "GV\ud80001"]) {
      const result = await ingest(sheetRows("can-bo", [staffRow(1, { id })]));
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "body.rows.0.values.Mã cán bộ" });
    }
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: a name with a lone surrogate (JSON \\ud800) and a bidi override", async () => {
    const before = await storeCounts();
    for (const fullName of ["Nguyễn Thị \ud800Lan", "Nguyễn \u202eThị Lan"]) {
      const result = await ingest(sheetRows("can-bo", [staffRow(1, { fullName })]));
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "body.rows.0.values.Họ và tên" });
    }
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: a unit id of '..' in the ingest body", async () => {
    const before = await storeCounts();
    const result = await ingest(sheetRows("can-bo", [staffRow(1)]), { unit: ".." });
    expect(result.status).toBe(400);
    expect(result.error?.code).toBe("INVALID_ARGUMENT");
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: JSON nested 20,000 deep", async () => {
    const before = await storeCounts();
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    for (const path of ["/v1/eligibility", "/v1/sheets/can-bo:ingest"]) {
      const result = await refusal(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: `{"unit":"${UNIT}","year":"${YEAR}","rows":${deep}}`,
      });
      expect(result.status).toBe(400);
      expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "body" });
    }
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: a body sent as text/plain (and other non-JSON media types)", async () => {
    const before = await storeCounts();
    const body = JSON.stringify({ unit: UNIT, year: YEAR, rows: sheetRows("can-bo", [staffRow(1)]) });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "application/json; charset=latin1",
    ]) {
      const result = await refusal("/v1/sheets/can-bo:ingest", {
        method: "POST",
        headers: { "content-type": type },
        body,
      });
      expect(result.status).toBe(415);
      expect(result.error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE", field: "header.content-type" });
    }
    expect(await storeCounts()).toEqual(before);
  });

  it("attack: a JSON syntax error around a person's name, hoping the answer echoes it", async () => {
    const result = await refusal("/v1/sheets/can-bo:ingest", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: `{"unit":"${UNIT}",\n "rows":[{"row":2,"values":{"Họ và tên": Nguyễn Thị Lan}}]}`,
    });
    expect(result.status).toBe(400);
    expect(result.error).toMatchObject({ code: "INVALID_ARGUMENT", field: "body" });
    expect(result.error?.message).toMatch(/dòng 2, cột 42/);
    expect(result.text).not.toContain("Nguyễn");
    expect(result.text).not.toContain("Lan");
  });

  it("attack: bytes that are not UTF-8 in the body", async () => {
    const response = await rawRequest("/v1/eligibility", {
      method: "POST",
      headers: { ...bearer(api.devToken(officer)), "content-type": "application/json" },
      // {"\xff\xfe":1}: the bytes 0xff 0xfe occur in no UTF-8 text.
      body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).error).toMatchObject({ code: "INVALID_ARGUMENT", field: "body" });
  });
});

/** A development token with any claims, signed as the attacker who knows (or not) the local key. */
function forgeDevToken(
  claims: Record<string, unknown>,
  options: { secret?: string; alg?: string } = {},
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const header = encode({ alg: options.alg ?? "HS256", typ: "JWT" });
  const payload = encode({ iss: "tdkt-dev", aud: "tdkt-dev", ...claims });
  if (options.alg === "none") return `${header}.${payload}.`;
  const signature = createHmac("sha256", options.secret ?? DEV_SECRET)
    .update(`${header}.${payload}`)
    .digest("base64url");
  return `${header}.${payload}.${signature}`;
}

const now = () => Math.floor(Date.now() / 1000);
const devClaims = (extra: Record<string, unknown> = {}) => ({
  email: officer,
  email_verified: true,
  iat: now(),
  exp: now() + 600,
  ...extra,
});

describe("tokens", () => {
  async function expectUnauthenticated(token: string) {
    const result = await refusal(summaryOf(UNIT), { headers: bearer(token) });
    expect(result.status).toBe(401);
    expect(result.error?.code).toBe("UNAUTHENTICATED");
  }

  it("a well-formed development token still works (the attacks below differ from it in one claim)", async () => {
    const result = await rawRequest(summaryOf(UNIT), { headers: bearer(forgeDevToken(devClaims())) });
    expect(result.status).toBe(200);
  });

  it("attack: no token, or an Authorization header that is not a Bearer token", async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Basic dGRrdDp0ZGt0" },
      { authorization: "Bearer" },
    ];
    for (const headers of attempts) {
      const result = await rawRequest(summaryOf(UNIT), { headers });
      expect(result.status).toBe(401);
      expect(JSON.parse(result.text).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("attack: a development token that is not valid before a time in the future (nbf)", async () => {
    await expectUnauthenticated(forgeDevToken(devClaims({ nbf: now() + 3600, exp: now() + 7200 })));
  });

  it("attack: a development token issued in the future (iat)", async () => {
    await expectUnauthenticated(forgeDevToken(devClaims({ iat: now() + 3600, exp: now() + 7200 })));
  });

  it("attack: a development token without iat", async () => {
    await expectUnauthenticated(forgeDevToken(devClaims({ iat: undefined })));
  });

  it("attack: a development token with a lifetime of ten years", async () => {
    await expectUnauthenticated(forgeDevToken(devClaims({ exp: now() + 10 * 365 * 24 * 3600 })));
  });

  it("attack: a development token whose e-mail is not verified", async () => {
    await expectUnauthenticated(forgeDevToken(devClaims({ email_verified: false })));
    await expectUnauthenticated(forgeDevToken(devClaims({ email_verified: "true" })));
    await expectUnauthenticated(forgeDevToken(devClaims({ email_verified: undefined })));
  });

  it("attack: a token whose e-mail is not an e-mail (a document path, empty, a number)", async () => {
    for (const email of ["users/x", `${officer}/../..`, "__proto__", "", "khong-phai-email", 42]) {
      await expectUnauthenticated(forgeDevToken(devClaims({ email })));
    }
  });

  it("attack: a Google token whose e-mail is not verified, or does not say", async () => {
    await expectUnauthenticated(
      signGoogleStyleToken(api.googleKey, { email: officer, email_verified: false }),
    );
    await expectUnauthenticated(
      signGoogleStyleToken(api.googleKey, { email: officer, email_verified: undefined }),
    );
  });

  it("attack: a Google token whose e-mail is a document path", async () => {
    await expectUnauthenticated(signGoogleStyleToken(api.googleKey, { email: "users/x/y" }));
  });

  it("attack: a Google-style token with a forged signature", async () => {
    const otherKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    await expectUnauthenticated(signGoogleStyleToken(otherKey, { email: officer }));
  });

  it("attack: an expired Google token", async () => {
    await expectUnauthenticated(
      signGoogleStyleToken(api.googleKey, { email: officer, iat: now() - 7200, exp: now() - 3600 }),
    );
  });

  it("attack: a Google token for another audience", async () => {
    await expectUnauthenticated(
      signGoogleStyleToken(api.googleKey, { email: officer, aud: "another-client" }),
    );
  });

  it("attack: a Google token from another issuer", async () => {
    await expectUnauthenticated(
      signGoogleStyleToken(api.googleKey, { email: officer, iss: "https://evil.example" }),
    );
  });

  it("attack: alg=none tokens, unsigned, as Google and as development tokens", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const google = Buffer.from(
      JSON.stringify({
        iss: "https://accounts.google.com",
        aud: "x",
        email: officer,
        email_verified: true,
        exp: now() + 600,
      }),
    ).toString("base64url");
    await expectUnauthenticated(`${header}.${google}.`);
    await expectUnauthenticated(forgeDevToken(devClaims(), { alg: "none" }));
  });

  it("attack: a development token signed with a guessed key", async () => {
    await expectUnauthenticated(forgeDevToken(devClaims(), { secret: "another-secret-0123456789" }));
  });

  it("attack: an expired development token", async () => {
    await expectUnauthenticated(api.devToken(officer, -10));
  });

  it("attack: garbage in place of a token", async () => {
    for (const token of ["abc.def.ghi", "a", "..", "e30.e30.e30"]) await expectUnauthenticated(token);
  });

  it("attack: a development token where the development key is not enabled", async () => {
    const strict = await startTestApi({
      users: [{ email: officer, role: "SCHOOL_OFFICER", unitId: UNIT }],
      env: { TDKT_DEV_AUTH_SECRET: "" },
    });
    try {
      const response = await strict.fetch(summaryOf(UNIT), { headers: bearer(forgeDevToken(devClaims())) });
      expect(response.status).toBe(401);
      expect((await errorOf(response)).code).toBe("UNAUTHENTICATED");
    } finally {
      await strict.close();
    }
  });
});

describe("what the logs keep", () => {
  it("attack: reversing the caller hash in the logs by hashing guessed addresses (unsalted sha256)", async () => {
    const requestId = "caller-hash-check-0001";
    const response = await rawRequest(summaryOf(UNIT), {
      headers: { ...bearer(api.devToken(officer)), "x-request-id": requestId },
    });
    expect(response.status).toBe(200);
    const entry = logs.find((logged) => logged.requestId === requestId);
    expect(entry?.caller).toMatch(/^[0-9a-f]{12}$/);
    // The attacker hashes the school's guessable address: without the key it matches nothing.
    expect(entry?.caller).not.toBe(createHash("sha256").update(officer).digest("hex").slice(0, 12));
    expect(JSON.stringify(entry)).not.toContain(officer);
  });

  it("attack: a store fault the caller provokes leaves a 500 log line with the gRPC code, never the message", async () => {
    const faultLogs: LogEntry[] = [];
    // A route whose Firestore call the emulator refuses (NOT_FOUND: no document to update).
    const faulty: Route = {
      method: "POST",
      path: "/v1/units/{unit}/touch",
      handle: async (ctx, deps) => {
        await deps.db.doc(`dossiers/${ctx.params.unit}_khong-co`).update({ state: "APPROVED" });
        return { body: {} };
      },
    };
    const faultApi = await startTestApi({
      users: [{ email: officer, role: "SCHOOL_OFFICER", unitId: UNIT }],
      routes: [faulty],
      logger: (entry) => faultLogs.push(entry),
    });
    try {
      const response = await faultApi.fetch(`/v1/units/${UNIT}/touch`, {
        method: "POST",
        body: "{}",
        as: officer,
      });
      expect(response.status).toBe(500);
      expect((await errorOf(response)).code).toBe("INTERNAL");
      const entry = faultLogs.find((logged) => logged.status === 500);
      expect(entry).toMatchObject({
        severity: "ERROR",
        errorCode: "INTERNAL",
        grpcCode: 5,
        grpcStatus: "NOT_FOUND",
      });
      expect(entry?.frames?.length).toBeGreaterThan(0);
      expect(JSON.stringify(entry)).not.toContain("khong-co");
    } finally {
      await faultApi.close();
    }
  });
});

describe("floods", () => {
  const floodUser = { email: officer, role: "SCHOOL_OFFICER", unitId: UNIT } as const;

  it("attack: an unauthenticated flood from one address gets 429 before any token check", async () => {
    const floodLogs: LogEntry[] = [];
    const flooded = await startTestApi({
      users: [floodUser],
      env: { TDKT_ADDRESS_RATE_LIMIT_PER_MINUTE: "5" },
      logger: (entry) => floodLogs.push(entry),
    });
    try {
      const garbage = { authorization: "Bearer abc.def.ghi" };
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++)
        statuses.push((await flooded.fetch(summaryOf(UNIT), { headers: garbage })).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
      // Even a valid token is not looked at now: the address is refused first.
      const valid = await flooded.fetch(summaryOf(UNIT), { as: officer });
      expect(valid.status).toBe(429);
      expect(Number(valid.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await errorOf(valid)).code).toBe("RATE_LIMITED");
      expect(
        floodLogs.filter((entry) => entry.status === 429).every((entry) => entry.caller === undefined),
      ).toBe(true);
      // Rotating X-Forwarded-For does not help on a server that trusts only its socket.
      const spoofed = await flooded.fetch(summaryOf(UNIT), {
        headers: { ...garbage, "x-forwarded-for": "203.0.113.7" },
      });
      expect(spoofed.status).toBe(429);
      // The liveness probe stays open and cheap.
      expect((await flooded.fetch("/healthz")).status).toBe(200);
    } finally {
      await flooded.close();
    }
  });

  it("attack: one account floods from a shared address and meets its own limit, the address's stays open", async () => {
    const flooded = await startTestApi({
      users: [floodUser],
      env: { TDKT_RATE_LIMIT_PER_MINUTE: "3", TDKT_ADDRESS_RATE_LIMIT_PER_MINUTE: "100" },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await flooded.fetch(summaryOf(UNIT), { as: officer })).status);
      expect(statuses.slice(0, 3)).not.toContain(429);
      expect(statuses.slice(3)).toEqual([429, 429]);
      // Another caller from the same address is not held back by the first one's limit.
      expect(
        (await flooded.fetch(summaryOf(UNIT), { headers: { authorization: "Bearer x.y.z" } })).status,
      ).toBe(401);
    } finally {
      await flooded.close();
    }
  });

  it("attack: a flood behind Cloud Run's front end, one X-Forwarded-For address at a time", async () => {
    const flooded = await startTestApi({
      users: [floodUser],
      env: { TDKT_ADDRESS_RATE_LIMIT_PER_MINUTE: "2", TDKT_CLIENT_ADDRESS: "x-forwarded-for" },
    });
    try {
      const from = (address: string) =>
        flooded.fetch(summaryOf(UNIT), { headers: { "x-forwarded-for": address } });
      expect([(await from("203.0.113.7")).status, (await from("203.0.113.7, 10.0.0.1")).status]).toEqual([
        401, 401,
      ]);
      expect((await from("203.0.113.7")).status).toBe(429);
      // IPv6 callers are counted by /64: another address in the same block is the same caller.
      expect([(await from("2001:db8::1")).status, (await from("2001:db8:0:0:ffff::2")).status]).toEqual([
        401, 401,
      ]);
      expect((await from("2001:db8::3")).status).toBe(429);
      expect((await from("198.51.100.1")).status).toBe(401);
    } finally {
      await flooded.close();
    }
  });
});
