/**
 * Attacks on GET /v1/years/{year}/leveling over sockets against the API on the sample province:
 * a school reading the province's comparison, a commune reaching schools it does not manage (the
 * Department-managed school standing in it among them), another role, odd ids in the query, the
 * wrong method. Each asserts the refusal and that the store did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENT_UNIT_ID, SAMPLE_SCHOOLS, sampleProvince } from "../../functions/sample/province.js";
import { seedProvince } from "../../functions/sample/seed.js";
import type { User } from "../../functions/src/domain/model.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const YEAR = "2025-2026";
const province = sampleProvince();
const route = `/v1/years/${YEAR}/leveling`;
const departmentSchool = province.units.find((unit) => unit.id === SAMPLE_SCHOOLS.leQuyDon);
const commune = departmentSchool?.communeUnitId ?? "";
const communeSpecialist = `vhxh.${commune}@xa.example.org`;
const otherCommuneSchool = province.units.find(
  (unit) => unit.managingAuthority === "UBND_XA" && unit.communeUnitId !== commune,
);
const councilMember: User = {
  email: "hoidong@sogddt.example.org",
  role: "COUNCIL_MEMBER",
  unitId: DEPARTMENT_UNIT_ID,
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [councilMember] });
  await seedProvince(api.db, province);
}, 180_000);
afterAll(() => api.close());

async function storeState() {
  const count = async (path: string) => (await api.db.collection(path).count().get()).data().count;
  return {
    audit: await count("audit"),
    year: (await api.db.doc(`years/${YEAR}`).get()).data(),
    registrations: await count(`years/${YEAR}/registrations`),
    records: await count(`years/${YEAR}/records`),
  };
}

async function expectRefused(request: Promise<Response>, status: number, code: string, field?: string) {
  const before = await storeState();
  const response = await request;
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  expect(await storeState()).toEqual(before);
  return error;
}

describe("who reads the bình xét report", { timeout: 180_000 }, () => {
  it("attack: a school officer reads the province's comparison of units", async () => {
    await expectRefused(
      api.fetch(route, { as: `tdkt.${SAMPLE_SCHOOLS.nguyenDu}@truong.example.org` }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a principal names only their own school to get its figures against the province", async () => {
    await expectRefused(
      api.fetch(`${route}?unit=${SAMPLE_SCHOOLS.nguyenDu}`, {
        as: `hieutruong.${SAMPLE_SCHOOLS.nguyenDu}@truong.example.org`,
      }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a council member (read-only elsewhere) reads the report", async () => {
    await expectRefused(api.fetch(route, { as: councilMember.email }), 403, "PERMISSION_DENIED");
  });

  it("attack: a commune specialist names the Department-managed school standing in the commune", async () => {
    expect(departmentSchool?.managingAuthority).toBe("SO_GDDT");
    await expectRefused(
      api.fetch(`${route}?unit=${SAMPLE_SCHOOLS.leQuyDon}`, { as: communeSpecialist }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a commune specialist slips another commune's school in beside its own", async () => {
    await expectRefused(
      api.fetch(`${route}?unit=${SAMPLE_SCHOOLS.nguyenDu}&unit=${otherCommuneSchool?.id}`, {
        as: communeSpecialist,
      }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a commune specialist names the commune itself to widen the list", async () => {
    await expectRefused(
      api.fetch(`${route}?unit=${commune}`, { as: communeSpecialist }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: the Department's report for a commune leaves out the Department-managed school", async () => {
    const response = await api.fetch(route, { as: communeSpecialist });
    expect(response.status).toBe(200);
    const ids = ((await response.json()) as { units: { unitId: string }[] }).units.map((unit) => unit.unitId);
    expect(ids).toContain(SAMPLE_SCHOOLS.nguyenDu);
    expect(ids).not.toContain(SAMPLE_SCHOOLS.leQuyDon);
    expect(ids).not.toContain(otherCommuneSchool?.id);
  });
});

describe("odd input to the bình xét report", { timeout: 180_000 }, () => {
  const department = "chuyenvien1@sogddt.example.org";

  it("attack: a path segment in the unit query", async () => {
    await expectRefused(
      api.fetch(`${route}?unit=${encodeURIComponent("../units/thcs-nguyen-du")}`, { as: department }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
  });

  it("attack: a bidi override and a lone surrogate in the unit query", async () => {
    await expectRefused(
      api.fetch(`${route}?unit=${encodeURIComponent("thcs\u202Enguyen")}`, { as: department }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
    await expectRefused(
      api.fetch(`${route}?unit=%ED%A0%80`, { as: department }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
  });

  it("attack: a decomposed (NFD) spelling of a unit id", async () => {
    await expectRefused(
      api.fetch(`${route}?unit=${encodeURIComponent("trường".normalize("NFD"))}`, { as: department }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
  });

  it("attack: a thousand units in one query to make the server read them all", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `u${i}`).join(",");
    await expectRefused(
      api.fetch(`${route}?unit=${many}`, { as: department }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
  });

  it("attack: an empty unit in the query", async () => {
    await expectRefused(
      api.fetch(`${route}?unit=`, { as: department }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
  });

  it("attack: a year that is not a school year, and one with a path in it", async () => {
    await expectRefused(
      api.fetch("/v1/years/2025-2027/leveling", { as: department }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
    await expectRefused(
      api.fetch("/v1/years/..%2Fusers/leveling", { as: department }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it("attack: POST to the report", async () => {
    const response = await api.fetch(route, {
      as: department,
      method: "POST",
      body: "{}",
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(405);
    expect((await errorOf(response)).code).toBe("METHOD_NOT_ALLOWED");
  });

  it("attack: no token", async () => {
    await expectRefused(fetch(`${api.url}${route}`), 401, "UNAUTHENTICATED");
  });
});
