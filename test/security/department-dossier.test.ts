/**
 * Attacks on POST /v1/years/{year}/department-dossier, over sockets against the API on the sample
 * province's Department-managed school: only Department roles build it, always under their own unit, and a
 * refused request changes nothing — no dossier, no number, no audit entry, no file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../functions/sample/province.js";
import type { User } from "../../functions/src/domain/model.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";
import { seedUnitsOf } from "../support/province.js";

const UNIT = SAMPLE_SCHOOLS.leQuyDon;
const YEAR = "2025-2026";
const DEPARTMENT = "so-gddt";
const specialist: User = { email: "cv1@sogddt.example.org", role: "DEPT_SPECIALIST", unitId: DEPARTMENT };
const councilMember: User = { email: "gd@sogddt.example.org", role: "COUNCIL_MEMBER", unitId: DEPARTMENT };
const principal: User = { email: "ht@lqd.example.org", role: "PRINCIPAL", unitId: UNIT };
const communeSpecialist: User = {
  email: "vhxh@xa.example.org",
  role: "COMMUNE_SPECIALIST",
  unitId: "xa-an-thinh",
};
const options = JSON.parse(readFileSync("examples/dossier/so-gddt.json", "utf8")) as Record<string, unknown>;

let api: TestApi;
beforeAll(async () => {
  // A build judges the school's proposals on the shared emulator: a budget for a loaded machine.
  api = await startTestApi({
    users: [specialist, councilMember, principal, communeSpecialist],
    env: { TDKT_REQUEST_BUDGET_MS: "120000" },
  });
  // The province's Sở-managed school and the Department council's votes.
  await seedUnitsOf(api.db, sampleProvince(), [UNIT, DEPARTMENT]);
}, 120_000);
afterAll(() => api.close());

const build = (body: unknown, as: string | null = specialist.email, year = YEAR) =>
  api.fetch(`/v1/years/${year}/department-dossier`, {
    method: "POST",
    ...(as ? { as } : {}),
    body: JSON.stringify(body),
  });

/** What a build would change: the dossiers, the number counters, the audit log, the files. */
async function storeState() {
  const ids = async (collection: string) =>
    (await api.db.collection(collection).get()).docs.map((doc) => doc.id).sort();
  const dir = api.config.filesDir;
  return {
    dossiers: await ids("dossiers"),
    counters: await ids("counters"),
    audit: (await api.db.collection("audit").count().get()).data().count,
    files: existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).sort() : [],
  };
}

async function expectRefused(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  return error;
}

describe("the Department's dossier route", () => {
  it("builds the Department's dossier under the caller's unit, and a resend takes no new number", async () => {
    const first = await build(options);
    expect(first.status, await first.clone().text()).toBe(201);
    const body = (await first.json()) as { id: string; documents: { number?: string; file: string }[] };
    expect(body.id).toBe(`${DEPARTMENT}_${YEAR}`);
    expect(body.documents.every((document) => !document.file.startsWith("/"))).toBe(true);
    const before = await storeState();
    const again = await build(options);
    expect(again.status).toBe(201);
    expect(((await again.json()) as typeof body).documents).toEqual(body.documents);
    expect(await storeState()).toEqual(before);
  }, 240_000);

  it("attack: a school's principal builds the Department's dossier", async () => {
    const before = await storeState();
    const error = await expectRefused(await build(options, principal.email), 403, "PERMISSION_DENIED");
    expect(error.message).toBe("Chỉ cán bộ Sở Giáo dục và Đào tạo được lập hồ sơ trình của Sở.");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune's specialist builds the Department's dossier", async () => {
    const before = await storeState();
    await expectRefused(await build(options, communeSpecialist.email), 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a council member, who only reads, builds it", async () => {
    const before = await storeState();
    await expectRefused(await build(options, councilMember.email), 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: no token at all", async () => {
    const before = await storeState();
    await expectRefused(await build(options, null), 401, "UNAUTHENTICATED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: the body names a school as the Department's unit, to file the dossier under it", async () => {
    const before = await storeState();
    const response = await build({ ...options, departmentUnitId: UNIT, unitId: UNIT });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { id: string };
    expect(body.id).toBe(`${DEPARTMENT}_${YEAR}`);
    expect((await api.db.doc(`dossiers/${UNIT}_${YEAR}`).get()).exists).toBe(false);
    expect((await storeState()).dossiers).toEqual(before.dossiers);
  }, 120_000);

  it("attack: a year that is not a school year", async () => {
    const before = await storeState();
    await expectRefused(
      await build(options, specialist.email, "2025-2027"),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a path-traversal year", async () => {
    const before = await storeState();
    const response = await build(options, specialist.email, "..%2F..%2Fusers");
    expect([400, 404]).toContain(response.status);
    expect(["INVALID_ARGUMENT", "NOT_FOUND"]).toContain((await errorOf(response)).code);
    expect(await storeState()).toEqual(before);
  });

  it("attack: a signer name with a bidi override, to print a reversed name", async () => {
    const before = await storeState();
    const response = await build({ ...options, signer: { title: "Giám đốc", name: "Đỗ \u202eThị Hồng" } });
    await expectRefused(response, 400, "INVALID_ARGUMENT");
    expect(await storeState()).toEqual(before);
  });

  it("attack: options without the Department as issuer, to sign as nobody", async () => {
    const before = await storeState();
    const { issuer: _issuer, ...withoutIssuer } = options;
    await expectRefused(await build(withoutIssuer), 400, "INVALID_ARGUMENT", "body.issuer");
    expect(await storeState()).toEqual(before);
  });
});
