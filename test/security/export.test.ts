/**
 * Attacks on the province's exports and statistics: every unit's staff and awards in one file, so
 * only Department roles may have them. Over sockets; each attack asserts the refusal, its error
 * code, and that the store did not change (a GET that refuses writes nothing, not even an audit).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../functions/src/domain/model.js";
import { LEDGER_YEAR, SO_SCHOOL, seedProvinceWorld, YEAR } from "../fixtures/province/world.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const specialist: User = { email: "chuyenvien@sgd.example.org", role: "DEPT_SPECIALIST", unitId: "so-gddt" };
const officer: User = {
  email: "canbo@thpt-hoa-binh.example.org",
  role: "SCHOOL_OFFICER",
  unitId: SO_SCHOOL.id,
};
const principal: User = {
  email: "hieutruong@thpt-hoa-binh.example.org",
  role: "PRINCIPAL",
  unitId: SO_SCHOOL.id,
};
const commune: User = {
  email: "chuyenvien@xa-an-phu.example.org",
  role: "COMMUNE_SPECIALIST",
  unitId: "xa-an-phu",
};
const council: User = { email: "giamdoc@sgd.example.org", role: "COUNCIL_MEMBER", unitId: "so-gddt" };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [specialist, officer, principal, commune, council] });
  await seedProvinceWorld(api.db);
}, 60_000);
afterAll(() => api.close());

/** Every document of the collections a request could touch, to compare before and after. */
async function storeContents(): Promise<Record<string, unknown>> {
  const collections = ["units", "people", "awards", `years/${YEAR}/proposals`, "audit", "idempotency"];
  const entries = await Promise.all(
    collections.map(async (path) => {
      const snapshot = await api.db.collection(path).get();
      return [path, Object.fromEntries(snapshot.docs.map((doc) => [doc.id, doc.data()]))] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function refused(path: string, as: string | undefined, status: number, code: string, field?: string) {
  const before = await storeContents();
  const response = await api.fetch(path, as ? { as } : {});
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  expect(await storeContents()).toEqual(before);
}

const EXPORT = `/v1/years/${YEAR}/exports/province?kind=canhan`;
const STATISTICS = `/v1/years/${LEDGER_YEAR}/statistics`;

describe("the province's exports and statistics", () => {
  for (const user of [officer, principal, commune, council]) {
    it(`attack: a ${user.role} downloads every unit's staff in the province's list`, async () => {
      await refused(EXPORT, user.email, 403, "PERMISSION_DENIED");
    });
    it(`attack: a ${user.role} reads the province-wide statistics`, async () => {
      await refused(STATISTICS, user.email, 403, "PERMISSION_DENIED");
    });
  }

  it("attack: an unauthenticated caller downloads the list", async () => {
    await refused(EXPORT, undefined, 401, "UNAUTHENTICATED");
  });

  it("attack: a school officer asks for the list of its own unit through the year path", async () => {
    await refused(
      `/v1/years/${YEAR}/exports/province?kind=canhan&unit=${SO_SCHOOL.id}`,
      officer.email,
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a kind that walks the file system to another template or file", async () => {
    for (const kind of [
      "../../province/province-import-mau-tdkt-2023",
      "..%2F..%2Fpackage.json",
      "canhan%00",
      "CANHAN",
    ])
      await refused(
        `/v1/years/${YEAR}/exports/province?kind=${kind}`,
        specialist.email,
        400,
        "INVALID_ARGUMENT",
        "query.kind",
      );
  });

  it("attack: no kind at all, or two kinds", async () => {
    await refused(
      `/v1/years/${YEAR}/exports/province`,
      specialist.email,
      400,
      "INVALID_ARGUMENT",
      "query.kind",
    );
    // The first is the one read; a second cannot widen the export.
    const response = await api.fetch(`/v1/years/${YEAR}/exports/province?kind=tapthe&kind=canhan`, {
      as: specialist.email,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("tapthe");
  }, 60_000);

  it("attack: a year in full-width digits, a year that spans two years, a year with a path in it", async () => {
    for (const year of ["２０２５-２０２６", "2025-2027", "2025-2026%2F..%2F..", "2025-2026%00"]) {
      await refused(
        `/v1/years/${year}/exports/province?kind=canhan`,
        specialist.email,
        400,
        "INVALID_ARGUMENT",
        "path.year",
      );
      await refused(`/v1/years/${year}/statistics`, specialist.email, 400, "INVALID_ARGUMENT", "path.year");
    }
  });

  it("attack: a POST to the export route", async () => {
    const before = await storeContents();
    const response = await api.fetch(EXPORT, { method: "POST", as: specialist.email, body: "{}" });
    expect(response.status).toBe(405);
    expect((await errorOf(response)).code).toBe("METHOD_NOT_ALLOWED");
    expect(await storeContents()).toEqual(before);
  });
});
