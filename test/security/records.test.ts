/**
 * Attacks on the records routes (records index, sổ theo dõi by period, merit evidence) and on the
 * tab "Minh chứng hiệu quả công việc", over sockets: every one is refused with its status and code,
 * and nothing in the store changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleStoredSchool } from "../../functions/sample/documents.js";
import type { User } from "../../functions/src/domain/model.js";
import { COLLECTIONS } from "../../functions/src/store/firestore.js";
import { byHeader } from "../fixtures/sheets/rows.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const UNIT = "THPT_LQD";
const OTHER = "THPT_KHAC";
const YEAR = "2025-2026";
const principal: User = { email: "ht@lqd.example.org", role: "PRINCIPAL", unitId: UNIT };
const otherPrincipal: User = { email: "ht@khac.example.org", role: "PRINCIPAL", unitId: OTHER };
const commune: User = { email: "vhxh@xa.example.org", role: "COMMUNE_SPECIALIST", unitId: "xa-an-thinh" };
const department: User = { email: "cv@so.example.org", role: "DEPT_SPECIALIST", unitId: "so-gddt" };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [principal, otherPrincipal, commune, department] });
  await Promise.all(
    [...sampleStoredSchool(UNIT), ...sampleStoredSchool(OTHER)].map(({ path, data }) =>
      api.db.doc(path).set(data),
    ),
  );
  await api.db.doc(`years/${YEAR}`).set({ year: YEAR, legalBasisVersion: "ND152-2025" });
});
afterAll(() => api.close());

/** What an attack could change: the evidence rows, the dossiers, the audit log. */
async function storeState() {
  const count = async (query: FirebaseFirestore.Query) => (await query.count().get()).data().count;
  return {
    evidence: await count(api.db.collectionGroup(COLLECTIONS.evidence)),
    dossiers: await count(api.db.collection(COLLECTIONS.dossiers)),
    audit: await count(api.db.collection(COLLECTIONS.audit)),
  };
}

async function expectRefused(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  return error;
}

const BASE = `/v1/units/${UNIT}/years/${YEAR}`;

describe("records routes refuse what the caller may not read", () => {
  it("works for the school itself and for the Department (the routes under attack are live)", async () => {
    expect((await api.fetch(`${BASE}/records-index`, { as: principal.email })).status).toBe(200);
    expect((await api.fetch(`${BASE}/merit-evidence`, { as: department.email })).status).toBe(200);
  });

  it.each(["records-index", "records-index.pdf", "so-theo-doi.pdf", "merit-evidence", "merit-evidence.pdf"])(
    "attack: another school reads %s of this school",
    async (report) => {
      const before = await storeState();
      await expectRefused(
        await api.fetch(`${BASE}/${report}`, { as: otherPrincipal.email }),
        403,
        "PERMISSION_DENIED",
      );
      expect(await storeState()).toEqual(before);
    },
  );

  it("attack: a school reads the province's comparison to see the other schools", async () => {
    const before = await storeState();
    const response = await api.fetch(`/v1/years/${YEAR}/records-index`, { as: otherPrincipal.email });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { units: { unitId: string }[] };
    expect(body.units.map((line) => line.unitId)).toEqual([OTHER]);
    expect(await storeState()).toEqual(before);
  });

  it("attack: the province's comparison of a year that is not a school year", async () => {
    await expectRefused(
      await api.fetch(`/v1/years/2025-2025/records-index`, { as: department.email }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it("attack: a commune specialist reads a school its UBND xã does not manage", async () => {
    const before = await storeState();
    await expectRefused(
      await api.fetch(`${BASE}/merit-evidence`, { as: commune.email }),
      403,
      "PERMISSION_DENIED",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: no token at all", async () => {
    const response = await fetch(`${api.url}${BASE}/records-index`);
    await expectRefused(response, 401, "UNAUTHENTICATED");
  });

  it.each(["1000", "5abc", "", "-5", "10.0"])(
    "attack: a sổ theo dõi of %j years, to make the server read years without end",
    async (years) => {
      const before = await storeState();
      const error = await expectRefused(
        await api.fetch(`${BASE}/so-theo-doi.pdf?years=${encodeURIComponent(years)}`, {
          as: principal.email,
        }),
        400,
        "INVALID_ARGUMENT",
        "query.years",
      );
      expect(error.message).toMatch(/^Số năm của sổ theo dõi phải là 5 hoặc 10/);
      expect(await storeState()).toEqual(before);
    },
  );

  it("attack: a year that is not a school year", async () => {
    await expectRefused(
      await api.fetch(`/v1/units/${UNIT}/years/2025-2027/records-index`, { as: principal.email }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it.each([
    ["a path climbing out of the unit", "..%2F..%2Fdossiers"],
    ["a right-to-left override in the unit id", encodeURIComponent(`${UNIT}\u202E`)],
  ])("attack: %s", async (_what, unit) => {
    const before = await storeState();
    await expectRefused(
      await api.fetch(`/v1/units/${unit}/years/${YEAR}/records-index`, { as: department.email }),
      400,
      "INVALID_ARGUMENT",
      "path.unit",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a write to a read-only report", async () => {
    const before = await storeState();
    const response = await api.fetch(`${BASE}/records-index`, {
      method: "POST",
      as: principal.email,
      body: "{}",
    });
    expect(response.status).toBe(405);
    expect(await storeState()).toEqual(before);
  });
});

describe("tab Minh chứng hiệu quả công việc refuses rows about other units", () => {
  const send = (unit: string, subjectId: string, as = principal.email) =>
    api.fetch("/v1/sheets/minh-chung:ingest", {
      method: "POST",
      as,
      body: JSON.stringify({
        unit,
        year: YEAR,
        source: { spreadsheetId: "s-1", sheet: "Minh chứng hiệu quả công việc", revision: 1 },
        rows: [
          { row: 2, values: byHeader("minh-chung", { subjectKind: "Cá nhân", subjectId, quality: "Tốt" }) },
        ],
      }),
    });

  it("attack: a school sends evidence into another school's rows", async () => {
    const before = await storeState();
    await expectRefused(await send(OTHER, `${OTHER}_GV1`), 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school's row names another school's teacher, to lend him evidence", async () => {
    const before = await storeState();
    const response = await send(UNIT, `${OTHER}_GV1`);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { rows: { status: string; errors: { column: string }[] }[] };
    expect(body.rows[0]?.status).toBe("rejected");
    expect(body.rows[0]?.errors.map((error) => error.column)).toEqual(["Mã cán bộ / Mã tập thể"]);
    expect(await storeState()).toEqual(before);
  });
});
