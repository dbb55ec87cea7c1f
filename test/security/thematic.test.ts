/**
 * Attacks on khen thưởng chuyên đề (GET /v1/years/{year}/thematic, POST …/thematic:propose and the
 * Department's tabs): reading other units' registrations and results, a school or a commune making the
 * Department's proposals, a school entering its own inspection result, odd years, replays. Each is
 * refused with its status and code (or answered with the caller's own lines only), and nothing changes.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { Unit, User } from "../../functions/src/domain/model.js";
import type { ThematicSelection } from "../../functions/src/domain/thematic.js";
import { byHeader } from "../fixtures/sheets/rows.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const YEAR = "2025-2026";
const tag = randomUUID().slice(0, 6);
const schoolA = `thpt-a-${tag}`;
const schoolB = `thpt-b-${tag}`;
const communeSchool = `thcs-c-${tag}`;
const commune = `xa-${tag}`;
const unit = (id: string, extra: Partial<Unit> = {}): Unit => ({
  id,
  name: `Trường ${id}`,
  abbreviation: id.toUpperCase(),
  level: "THPT",
  clusterId: "cum-1",
  managingAuthority: "SO_GDDT",
  managingBodyName: "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
  place: "Hà Tĩnh",
  ...extra,
});
const users = {
  department: { email: `chuyenvien.${tag}@sogd.example.org`, role: "DEPT_SPECIALIST", unitId: "so-gddt" },
  council: { email: `hoidong.${tag}@sogd.example.org`, role: "COUNCIL_MEMBER", unitId: "so-gddt" },
  officerA: { email: `canbo.a.${tag}@truong.example.org`, role: "SCHOOL_OFFICER", unitId: schoolA },
  principalB: { email: `hieutruong.b.${tag}@truong.example.org`, role: "PRINCIPAL", unitId: schoolB },
  commune: { email: `vhxh.${tag}@xa.example.org`, role: "COMMUNE_SPECIALIST", unitId: commune },
} satisfies Record<string, User>;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(users) });
  const batch = api.db.batch();
  for (const stored of [
    unit(schoolA),
    unit(schoolB),
    unit(communeSchool, { level: "THCS", managingAuthority: "UBND_XA", communeUnitId: commune }),
  ])
    batch.set(api.db.doc(`${COLLECTIONS.units}/${stored.id}`), stored);
  batch.set(api.db.doc(`${COLLECTIONS.years}/${YEAR}`), { year: YEAR, legalBasisVersion: "ND152-2025" });
  const path = (collection: string, id: string) => `${COLLECTIONS.years}/${YEAR}/${collection}/${id}`;
  batch.set(api.db.doc(path("thematicFields", "cntt")), {
    year: YEAR,
    code: "cntt",
    name: "Công nghệ thông tin",
    registrationDeadline: "2025-10-15",
  });
  for (const [id, score] of [
    [schoolA, 95],
    [schoolB, 97],
    [communeSchool, 91],
  ] as const) {
    batch.set(api.db.doc(path("thematicRegistrations", `${id}_cntt`)), {
      year: YEAR,
      unitId: id,
      field: "cntt",
      registeredOn: "2025-09-20",
    });
    batch.set(api.db.doc(path("thematicResults", `${id}_cntt`)), {
      year: YEAR,
      unitId: id,
      field: "cntt",
      score,
    });
  }
  await batch.commit();
}, 60_000);
afterAll(() => api.close());

/** What a refused request must leave as it was: results, proposals, dossiers, the audit log. */
async function storeState() {
  const ids = async (path: string) => (await api.db.collection(path).get()).docs.map((doc) => doc.id).sort();
  return {
    results: await ids(`${COLLECTIONS.years}/${YEAR}/thematicResults`),
    proposals: await ids(`${COLLECTIONS.years}/${YEAR}/${COLLECTIONS.proposals}`),
    dossiers: await ids(COLLECTIONS.dossiers),
    audit: (await api.db.collection(COLLECTIONS.audit).count().get()).data().count,
  };
}

async function expectRefused(request: () => Promise<Response>, status: number, code: string, field?: string) {
  const before = await storeState();
  const response = await request();
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  expect(await storeState()).toEqual(before);
}

const read = (as: string | undefined, year = YEAR) =>
  api.fetch(`/v1/years/${year}/thematic`, as === undefined ? {} : { as });
const propose = (as: string, year = YEAR) =>
  api.fetch(`/v1/years/${year}/thematic:propose`, { method: "POST", as });
const unitsIn = (selection: ThematicSelection) =>
  selection.fields.flatMap((field) => field.entries.map((entry) => entry.unitId)).sort();

describe("attacks on khen thưởng chuyên đề", { timeout: 60_000 }, () => {
  it("attack: a school reads the field's other registrations and results, and sees only its own line", async () => {
    const before = await storeState();
    const response = await read(users.officerA.email);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(unitsIn(JSON.parse(text))).toEqual([schoolA]);
    expect(text).not.toContain(schoolB);
    expect(text).not.toContain(communeSchool);
    // Its position is the whole field's: second behind a school it cannot see.
    expect((JSON.parse(text) as ThematicSelection).fields[0]?.entries[0]?.position).toBe(2);
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune specialist reads the Department's schools, and sees only the school it manages", async () => {
    const response = await read(users.commune.email);
    expect(response.status).toBe(200);
    expect(unitsIn((await response.json()) as ThematicSelection)).toEqual([communeSchool]);
  });

  it("attack: a school makes the Department's chuyên đề proposals for itself", async () => {
    await expectRefused(() => propose(users.officerA.email), 403, "PERMISSION_DENIED");
  });

  it("attack: a principal, a commune specialist or a council member runs the Department's proposals", async () => {
    for (const user of [users.principalB, users.commune, users.council])
      await expectRefused(() => propose(user.email), 403, "PERMISSION_DENIED");
  });

  it("attack: a school enters its own inspection result through the Department's tab", async () => {
    await expectRefused(
      () =>
        api.fetch("/v1/sheets/ket-qua-chuyen-de:ingest", {
          method: "POST",
          as: users.officerA.email,
          body: JSON.stringify({
            unit: schoolA,
            year: YEAR,
            rows: [
              {
                row: 2,
                values: byHeader("ket-qua-chuyen-de", { unitId: schoolA, field: "cntt", score: 100 }),
              },
            ],
          }),
        }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: no token, or a forged one", async () => {
    await expectRefused(() => read(undefined), 401, "UNAUTHENTICATED");
    await expectRefused(
      () => api.fetch(`/v1/years/${YEAR}/thematic`, { headers: { authorization: "Bearer e30.e30.x" } }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("attack: odd years in the path: full-width digits, two years apart, a path inside, a NUL, a year not configured", async () => {
    for (const year of ["２０２５-２０２６", "2025-2027", "2025-2026%2F..%2F..", "2025-2026%00"]) {
      await expectRefused(() => read(users.department.email, year), 400, "INVALID_ARGUMENT", "path.year");
      await expectRefused(() => propose(users.department.email, year), 400, "INVALID_ARGUMENT", "path.year");
    }
    await expectRefused(() => propose(users.department.email, "2030-2031"), 404, "NOT_FOUND", "path.year");
  });

  it("attack: the Department's proposals replayed change nothing the second time", async () => {
    const first = await propose(users.department.email);
    expect(first.status).toBe(201);
    const body = (await first.json()) as { proposals: { subjectId: string }[] };
    expect(body.proposals.map((proposal) => proposal.subjectId).sort()).toEqual(
      [communeSchool, schoolA, schoolB].sort(),
    );
    const before = await storeState();
    const again = await propose(users.department.email);
    expect(again.status).toBe(201);
    expect(await storeState()).toEqual(before);
  });
});
