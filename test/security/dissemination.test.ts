/**
 * Attacks on the duties' tabs and reports (docs/duties.md) over sockets against the API on the
 * sample province: another unit's rows and reports, a school on the Department's tabs, another
 * school's people and courses, links that would run, odd ids, days and Unicode in the query, the
 * wrong method, a reused idempotency key, contact data through the reports. Each asserts the
 * refusal and that the store did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../functions/sample/province.js";
import { seedProvince } from "../../functions/sample/seed.js";
import { findTab } from "../../functions/src/sheets/index.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const YEAR = "2025-2026";
const province = sampleProvince();
const nguyenDu = SAMPLE_SCHOOLS.nguyenDu;
const leQuyDon = SAMPLE_SCHOOLS.leQuyDon;
const schoolOfficer = `tdkt.${nguyenDu}@truong.example.org`;
const departmentSpecialist = "chuyenvien1@sogddt.example.org";
const commune = province.units.find((unit) => unit.id === nguyenDu)?.communeUnitId ?? "";
const communeSpecialist = `vhxh.${commune}@xa.example.org`;
const departmentSchoolInCommune = province.units.find(
  (unit) => unit.communeUnitId === commune && unit.managingAuthority === "SO_GDDT",
);
const otherCommuneSchool = province.units.find(
  (unit) => unit.managingAuthority === "UBND_XA" && unit.communeUnitId !== commune,
);
const otherStaff = province.people.find((person) => person.unitId === leQuyDon && !person.withdrawn);
const { duties } = province;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await seedProvince(api.db, province);
  // A course of Lê Quý Đôn's own, which Nguyễn Du's rows may not name.
  await api.db.doc(`years/${YEAR}/trainingCourses/${leQuyDon}_LQD-TH`).set({
    unitId: leQuyDon,
    year: YEAR,
    code: "LQD-TH",
    organiser: "DON_VI",
    title: "Lớp riêng của trường Lê Quý Đôn",
    date: "2025-11-20",
  });
}, 180_000);
afterAll(() => api.close());

const DUTY_COLLECTIONS = [
  `years/${YEAR}/legalDocuments`,
  `years/${YEAR}/briefingSessions`,
  `years/${YEAR}/acknowledgements`,
  `years/${YEAR}/trainingCourses`,
  `years/${YEAR}/trainingAttendance`,
  `years/${YEAR}/exchangeVisits`,
  "emulationOfficers",
  "audit",
  "idempotency",
];

async function storeState() {
  const snapshots = await Promise.all(DUTY_COLLECTIONS.map((path) => api.db.collection(path).get()));
  return snapshots.map((snapshot) => snapshot.docs.map((doc) => [doc.ref.path, doc.data()]));
}

async function expectRefused(request: () => Promise<Response>, status: number, code: string, field?: string) {
  const before = await storeState();
  const response = await request();
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  expect(await storeState()).toEqual(before);
  return error;
}

/** A row refused in its cell (422): nothing of the send is stored. */
async function expectRowRefused(request: () => Promise<Response>, column: string, code: string) {
  const before = await storeState();
  const response = await request();
  expect(response.status).toBe(422);
  const body = (await response.json()) as {
    accepted: number;
    rows: { errors: { column: string; code: string }[] }[];
  };
  expect(body.accepted).toBe(0);
  expect(body.rows[0]?.errors.map((error) => [error.column, error.code])).toEqual([[column, code]]);
  expect(await storeState()).toEqual(before);
}

const headersOf = (tabId: string, values: Record<string, unknown>) => {
  const tab = findTab(tabId);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [
      tab?.columns.find((column) => column.key === key)?.header,
      value,
    ]),
  );
};
const send = (
  as: string,
  tabId: string,
  values: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) =>
  api.fetch(`/v1/sheets/${tabId}:ingest`, {
    as,
    method: "POST",
    headers: { "content-type": "application/json", ...((extra.headers as Record<string, string>) ?? {}) },
    body: JSON.stringify({
      unit: nguyenDu,
      year: YEAR,
      rows: [{ row: 2, values: headersOf(tabId, values) }],
      ...(extra.body as object),
    }),
  });

describe("who reads the duties' reports", { timeout: 120_000 }, () => {
  it("attack: a school officer reads another school's dissemination coverage", async () => {
    await expectRefused(
      () => api.fetch(`/v1/years/${YEAR}/dissemination?unit=${leQuyDon}`, { as: schoolOfficer }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school officer reads another school's training plan", async () => {
    await expectRefused(
      () => api.fetch(`/v1/years/${YEAR}/training-plan?unit=${leQuyDon}`, { as: schoolOfficer }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a commune specialist names the Department-managed school standing in the commune", async () => {
    expect(departmentSchoolInCommune).toBeDefined();
    await expectRefused(
      () =>
        api.fetch(`/v1/years/${YEAR}/emulation-officers?unit=${departmentSchoolInCommune?.id}`, {
          as: communeSpecialist,
        }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a commune specialist names a school of another commune", async () => {
    await expectRefused(
      () =>
        api.fetch(`/v1/years/${YEAR}/dissemination?unit=${otherCommuneSchool?.id}`, {
          as: communeSpecialist,
        }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a report without a token", async () => {
    await expectRefused(
      () => fetch(`${api.url}/v1/years/${YEAR}/emulation-officers`),
      401,
      "UNAUTHENTICATED",
    );
  });

  it("attack: the Department asks for a training plan without naming the unit, to get every school's", async () => {
    await expectRefused(
      () => api.fetch(`/v1/years/${YEAR}/training-plan`, { as: departmentSpecialist }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
  });

  it("attack: a commune specialist reads the officers' phone numbers and e-mail through the report", async () => {
    const response = await api.fetch(`/v1/years/${YEAR}/emulation-officers`, { as: communeSpecialist });
    expect(response.status).toBe(200);
    const text = await response.text();
    const mine = duties.emulationOfficers.filter((officer) => text.includes(officer.personId));
    expect(mine.length).toBeGreaterThan(0);
    for (const officer of duties.emulationOfficers) {
      if (officer.phone) expect(text).not.toContain(officer.phone);
      if (officer.email) expect(text).not.toContain(officer.email);
    }
  });
});

describe("odd queries", { timeout: 120_000 }, () => {
  for (const [what, query, field] of [
    ["a path in the unit", "unit=..%2Fusers", "query.unit"],
    ["a reserved id", "unit=__x", "query.unit"],
    ["a bidi override in the unit", "unit=thcs-nguyen-du%E2%80%AE", "query.unit"],
    ["an impossible day", "asOf=2026-13-45", "query.asOf"],
    ["a negative deadline", "deadlineDays=-1", "query.deadlineDays"],
    ["a deadline of a billion days", "deadlineDays=1000000000", "query.deadlineDays"],
  ] as const)
    it(`attack: ${what} in the dissemination query`, async () => {
      const error = await expectRefused(
        () => api.fetch(`/v1/years/${YEAR}/dissemination?${query}`, { as: departmentSpecialist }),
        400,
        "INVALID_ARGUMENT",
      );
      expect(error.field).toBe(field);
    });

  it("attack: a window of 99 years in the officers query", async () => {
    await expectRefused(
      () => api.fetch(`/v1/years/${YEAR}/emulation-officers?trainedYears=99`, { as: departmentSpecialist }),
      400,
      "INVALID_ARGUMENT",
      "query.trainedYears",
    );
  });

  it("attack: a year that is not a school year in the path", async () => {
    await expectRefused(
      () => api.fetch("/v1/years/2025-2027/emulation-officers", { as: departmentSpecialist }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it("attack: POST to a report route", async () => {
    const before = await storeState();
    const response = await api.fetch(`/v1/years/${YEAR}/dissemination`, {
      as: departmentSpecialist,
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(await storeState()).toEqual(before);
  });
});

describe("who sends the duties' tabs", { timeout: 120_000 }, () => {
  it("attack: a school officer sends the Department's register of legal documents", async () => {
    await expectRefused(
      () =>
        send(schoolOfficer, "van-ban-phap-ly", {
          code: "VB-99",
          number: "1/QĐ",
          date: "01/10/2025",
          issuer: "Trường",
          summary: "Văn bản giả",
        }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school officer sends the Department's training courses", async () => {
    await expectRefused(
      () => send(schoolOfficer, "tap-huan-so", { code: "TH-SO-26", title: "Lớp giả", date: "01/10/2025" }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school officer sends acknowledgements under another school's id", async () => {
    await expectRefused(
      () =>
        send(
          schoolOfficer,
          "xac-nhan-quan-triet",
          { personId: otherStaff?.id, read: "VB-01" },
          { body: { unit: leQuyDon } },
        ),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school acknowledges for another school's member of staff", async () => {
    await expectRowRefused(
      () => send(schoolOfficer, "xac-nhan-quan-triet", { personId: otherStaff?.id, read: "VB-01" }),
      "Mã cán bộ",
      "UNKNOWN_PERSON",
    );
  });

  it("attack: a school records attendance on another school's own course", async () => {
    const member = province.people.find((person) => person.unitId === nguyenDu && !person.withdrawn);
    expect((await api.db.doc(`years/${YEAR}/trainingCourses/${leQuyDon}_LQD-TH`).get()).exists).toBe(true);
    await expectRowRefused(
      () =>
        send(schoolOfficer, "tham-du-tap-huan", {
          courseCode: "LQD-TH",
          personId: member?.id,
          result: "Đạt",
        }),
      "Mã lớp",
      "UNKNOWN_COURSE",
    );
  });

  it("attack: a portal link that runs script, to land in the reports", async () => {
    await expectRowRefused(
      () =>
        send(schoolOfficer, "hoi-nghi-quan-triet", {
          code: "HN-X",
          date: "01/10/2025",
          attendees: 1,
          documentCodes: "VB-01",
          portalLink: "javascript:fetch('//x')",
        }),
      "Đường dẫn cổng thông tin",
      "INVALID_VALUE",
    );
  });

  it("attack: the same idempotency key reused for another session", async () => {
    const session = { code: "HN-R", date: "02/10/2025", attendees: 2, documentCodes: "VB-01" };
    const first = await send(schoolOfficer, "hoi-nghi-quan-triet", session, {
      headers: { "idempotency-key": "duties-key-1" },
    });
    expect(first.status).toBe(200);
    await expectRefused(
      () =>
        send(
          schoolOfficer,
          "hoi-nghi-quan-triet",
          { ...session, attendees: 40 },
          { headers: { "idempotency-key": "duties-key-1" } },
        ),
      409,
      "CONFLICT",
    );
    expect((await api.db.doc(`years/${YEAR}/briefingSessions/${nguyenDu}_HN-R`).get()).get("attendees")).toBe(
      2,
    );
  });
});
