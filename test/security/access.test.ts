/**
 * Attacks on unit access and the dossier workflow (issue 8, items 1, 3 and 7), over sockets against
 * the API on the sample province: a commune reaching schools it does not manage, a school taking
 * the appraiser's steps, rebuilding a decided dossier, double clicks, and server paths in answers.
 * Each attack asserts the refusal and that the store (and the file store) did not change.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENT_UNIT_ID, SAMPLE_SCHOOLS, sampleProvince } from "../../functions/sample/province.js";
import { seedProvince } from "../../functions/sample/seed.js";
import type { User } from "../../functions/src/domain/model.js";
import type { BuiltDossier } from "../../functions/src/services/dossier/build.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const YEAR = "2025-2026";
const province = sampleProvince();
const unitOf = (id: string) => {
  const unit = province.units.find((candidate) => candidate.id === id);
  if (!unit) throw new Error(`no unit ${id} in the sample province`);
  return unit;
};
/** THPT Lê Quý Đôn: managed by the Department, standing in the commune of An Thịnh. */
const departmentSchool = unitOf(SAMPLE_SCHOOLS.leQuyDon);
/** THCS Nguyễn Du: managed by UBND xã An Thịnh; the school whose dossier is really built. */
const communeSchool = unitOf(SAMPLE_SCHOOLS.nguyenDu);
const commune = communeSchool.communeUnitId ?? "";
/** Another school of An Thịnh, whose dossier states are seeded directly. */
const neighbour = province.units.find(
  (unit) =>
    unit.id !== communeSchool.id && unit.managingAuthority === "UBND_XA" && unit.communeUnitId === commune,
) as (typeof province.units)[number];
/** A commune-managed school of another commune. */
const otherCommuneSchool = province.units.find(
  (unit) => unit.managingAuthority === "UBND_XA" && unit.communeUnitId !== commune,
) as (typeof province.units)[number];

const specialistOf = (communeId: string) => `vhxh.${communeId}@xa.example.org`;
const principalOf = (unitId: string) => `hieutruong.${unitId}@truong.example.org`;
const communeSpecialist = specialistOf(commune);
const departmentSpecialist = "chuyenvien1@sogddt.example.org";
const councilMember: User = {
  email: "hoidong@sogddt.example.org",
  role: "COUNCIL_MEMBER",
  unitId: DEPARTMENT_UNIT_ID,
};
const options = JSON.parse(readFileSync("examples/dossier/thcs-nguyen-du.json", "utf8")) as Record<
  string,
  unknown
>;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [councilMember] });
  await seedProvince(api.db, province);
}, 180_000);
afterAll(() => api.close());

const dossierId = (unitId: string) => `${unitId}_${YEAR}`;
const unitYear = (unitId: string) => `/v1/units/${unitId}/years/${YEAR}`;
const build = (as: string, unitId: string, body: unknown = options, key?: string) =>
  api.fetch(`${unitYear(unitId)}/dossiers`, {
    method: "POST",
    as,
    body: JSON.stringify(body),
    headers: key ? { "idempotency-key": key } : {},
  });
const transition = (as: string, unitId: string, to: string, note?: string) =>
  api.fetch(`/v1/dossiers/${dossierId(unitId)}:transition`, {
    method: "POST",
    as,
    body: JSON.stringify({ to, ...(note ? { note } : {}) }),
  });

/** A dossier in `state`, as a store holding a real workflow would have it. */
async function seedDossier(unitId: string, state: string, history: Record<string, unknown>[] = []) {
  await api.db.doc(`dossiers/${dossierId(unitId)}`).set({
    id: dossierId(unitId),
    unitId,
    year: YEAR,
    state,
    legalBasisVersion: "2025-07",
    documents: [],
    history: [
      { from: null, to: "DRAFT", actor: principalOf(unitId), at: "2026-05-20T08:00:00.000Z" },
      ...history,
    ],
  });
}

const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: "utf8" }).sort() : [];

/** Everything an attack could change: dossiers, number counters, idempotency records, the audit log, the files. */
async function storeState() {
  const documents = async (collection: string) =>
    Object.fromEntries((await api.db.collection(collection).get()).docs.map((doc) => [doc.id, doc.data()]));
  return {
    dossiers: await documents("dossiers"),
    counters: await documents("counters"),
    idempotency: await documents("idempotency"),
    audit: (await api.db.collection("audit").count().get()).data().count,
    files: filesUnder(api.config.filesDir),
  };
}

async function expectRefused(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect((await errorOf(response)).code).toBe(code);
}

describe("a commune reaches only the schools it manages", () => {
  it("attack: a commune specialist reads the summary of a Department-managed school in its commune", async () => {
    expect(departmentSchool.managingAuthority).toBe("SO_GDDT");
    expect(departmentSchool.communeUnitId).toBe(commune);
    const own = await api.fetch(`${unitYear(communeSchool.id)}/summary`, { as: communeSpecialist });
    expect(own.status).toBe(200);
    const response = await api.fetch(`${unitYear(departmentSchool.id)}/summary`, { as: communeSpecialist });
    await expectRefused(response, 403, "PERMISSION_DENIED");
  });

  it("attack: a commune specialist reads the eligibility of a Department-managed school in its commune", async () => {
    const response = await api.fetch(`${unitYear(departmentSchool.id)}/eligibility`, {
      as: communeSpecialist,
    });
    await expectRefused(response, 403, "PERMISSION_DENIED");
  });

  it("attack: a commune specialist builds the dossier of a Department-managed school", async () => {
    const before = await storeState();
    await expectRefused(await build(communeSpecialist, departmentSchool.id), 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune specialist approves a Department-managed school's dossier", async () => {
    await seedDossier(departmentSchool.id, "COUNCIL_REVIEW");
    const before = await storeState();
    const response = await transition(communeSpecialist, departmentSchool.id, "APPROVED");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune specialist records the decision on a Department-managed school's dossier", async () => {
    await seedDossier(departmentSchool.id, "APPROVED");
    const before = await storeState();
    const response = await transition(communeSpecialist, departmentSchool.id, "DECISION_ISSUED");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
    // Not even the Department, which manages the school, takes it bare: it records its decision (POST /v1/decisions).
    await expectRefused(
      await transition(departmentSpecialist, departmentSchool.id, "DECISION_ISSUED"),
      409,
      "CONFLICT",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune specialist reads a school of another commune", async () => {
    const summary = await api.fetch(`${unitYear(otherCommuneSchool.id)}/summary`, { as: communeSpecialist });
    await expectRefused(summary, 403, "PERMISSION_DENIED");
    const eligibility = await api.fetch(`${unitYear(otherCommuneSchool.id)}/eligibility`, {
      as: communeSpecialist,
    });
    await expectRefused(eligibility, 403, "PERMISSION_DENIED");
  });

  it("attack: a commune specialist builds the dossier of a school of another commune", async () => {
    const before = await storeState();
    await expectRefused(await build(communeSpecialist, otherCommuneSchool.id), 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune specialist appraises the dossier of a school of another commune", async () => {
    await seedDossier(otherCommuneSchool.id, "SUBMITTED");
    const before = await storeState();
    const response = await transition(communeSpecialist, otherCommuneSchool.id, "UNDER_APPRAISAL");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: the Department appraises a dossier that the commune manages", async () => {
    await seedDossier(neighbour.id, "SUBMITTED");
    const before = await storeState();
    const response = await transition(departmentSpecialist, neighbour.id, "UNDER_APPRAISAL");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });
});

describe("every workflow step belongs to its level", () => {
  it("attack: a school moves its own dossier to APPROVED", async () => {
    await seedDossier(neighbour.id, "COUNCIL_REVIEW");
    const before = await storeState();
    const response = await transition(principalOf(neighbour.id), neighbour.id, "APPROVED");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school submits another school's dossier", async () => {
    await seedDossier(neighbour.id, "DRAFT");
    const before = await storeState();
    const response = await transition(principalOf(communeSchool.id), neighbour.id, "SUBMITTED");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school lifts its own suspension", async () => {
    await seedDossier(neighbour.id, "DRAFT");
    const principal = principalOf(neighbour.id);
    expect((await transition(principal, neighbour.id, "SUBMITTED")).status).toBe(200);
    const suspended = await transition(communeSpecialist, neighbour.id, "SUSPENDED", "Đang xác minh đơn thư");
    expect(suspended.status).toBe(200);
    const before = await storeState();
    const response = await transition(principal, neighbour.id, "SUBMITTED");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
    // The commune that suspended it lifts it.
    const lifted = await transition(communeSpecialist, neighbour.id, "SUBMITTED");
    expect(lifted.status).toBe(200);
    expect(((await lifted.json()) as { state: string }).state).toBe("SUBMITTED");
  });

  it("attack: a commune lifts a suspension the Department imposed", async () => {
    await seedDossier(neighbour.id, "SUSPENDED", [
      {
        from: "DRAFT",
        to: "SUBMITTED",
        actor: principalOf(neighbour.id),
        level: "SCHOOL",
        unitId: neighbour.id,
        at: "2026-05-21T08:00:00.000Z",
      },
      {
        from: "SUBMITTED",
        to: "SUSPENDED",
        actor: departmentSpecialist,
        level: "SO",
        unitId: DEPARTMENT_UNIT_ID,
        at: "2026-05-22T08:00:00.000Z",
        note: "Thanh tra Sở đang xác minh",
      },
    ]);
    const before = await storeState();
    const response = await transition(communeSpecialist, neighbour.id, "SUBMITTED");
    await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(
      (await errorOf(await transition(communeSpecialist, neighbour.id, "UNDER_APPRAISAL"))).message,
    ).toContain("Sở Giáo dục và Đào tạo");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school rebuilds its dossier once it is approved", async () => {
    await api.db.doc(`dossiers/${dossierId(communeSchool.id)}`).delete();
    const principal = principalOf(communeSchool.id);
    expect((await build(principal, communeSchool.id)).status).toBe(201);
    for (const [as, to] of [
      [principal, "SUBMITTED"],
      [communeSpecialist, "UNDER_APPRAISAL"],
      [communeSpecialist, "COUNCIL_REVIEW"],
      [communeSpecialist, "APPROVED"],
    ] as const)
      expect((await transition(as, communeSchool.id, to)).status).toBe(200);
    const before = await storeState();
    const response = await build(principal, communeSchool.id);
    await expectRefused(response, 409, "CONFLICT");
    expect((await errorOf(await build(principal, communeSchool.id))).message).toContain("Đã thông qua");
    // Same documents, same numbers, no new file.
    expect(await storeState()).toEqual(before);
  }, 60_000);

  it("attack: a double click posts the same dossier twice with one Idempotency-Key", async () => {
    await api.db.doc(`dossiers/${dossierId(communeSchool.id)}`).delete();
    const principal = principalOf(communeSchool.id);
    const before = await storeState();
    const first = await build(principal, communeSchool.id, options, "click-1");
    expect(first.status).toBe(201);
    const firstBody = (await first.json()) as BuiltDossier;
    const afterFirst = await storeState();
    const second = await build(principal, communeSchool.id, options, "click-1");
    expect(second.status).toBe(201);
    expect(await second.json()).toEqual(firstBody);
    const afterSecond = await storeState();
    // One set of numbers: every counter advanced once, by the first request only.
    const numbered = firstBody.documents.filter((document) => document.number).length;
    const advance = (state: typeof before) =>
      Object.values(state.counters).reduce((sum, counter) => sum + Number(counter.last), 0);
    expect(advance(afterFirst) - advance(before)).toBe(numbered);
    expect(afterSecond.counters).toEqual(afterFirst.counters);
    expect(afterSecond.dossiers).toEqual(afterFirst.dossiers);
    expect(afterSecond.files).toEqual(afterFirst.files);
  }, 60_000);

  it("attack: one Idempotency-Key reused for another dossier body", async () => {
    await api.db.doc(`dossiers/${dossierId(communeSchool.id)}`).delete();
    const principal = principalOf(communeSchool.id);
    expect((await build(principal, communeSchool.id, options, "click-2")).status).toBe(201);
    const before = await storeState();
    const response = await build(principal, communeSchool.id, { ...options, date: "2026-05-21" }, "click-2");
    await expectRefused(response, 409, "CONFLICT");
    expect(await storeState()).toEqual(before);
  }, 60_000);

  it("attack: a council member builds a dossier and moves one along", async () => {
    await seedDossier(neighbour.id, "SUBMITTED");
    const before = await storeState();
    await expectRefused(await build(councilMember.email, communeSchool.id), 403, "PERMISSION_DENIED");
    await expectRefused(
      await transition(councilMember.email, neighbour.id, "UNDER_APPRAISAL"),
      403,
      "PERMISSION_DENIED",
    );
    expect(await storeState()).toEqual(before);
    // Council members read.
    const summary = await api.fetch(`${unitYear(neighbour.id)}/summary`, { as: councilMember.email });
    expect(summary.status).toBe(200);
  });
});

describe("dossier answers", () => {
  it("attack: a caller looks for the server's file paths in dossier answers", async () => {
    await api.db.doc(`dossiers/${dossierId(communeSchool.id)}`).delete();
    const principal = principalOf(communeSchool.id);
    const built = await build(principal, communeSchool.id);
    expect(built.status).toBe(201);
    const submitted = await transition(principal, communeSchool.id, "SUBMITTED");
    expect(submitted.status).toBe(200);
    const serverPaths = [resolve(api.config.filesDir), process.cwd(), api.config.filesDir];
    for (const text of [await built.text(), await submitted.text()]) {
      for (const path of serverPaths) expect(text).not.toContain(path);
      const { documents } = JSON.parse(text) as BuiltDossier;
      expect(documents.length).toBeGreaterThan(0);
      for (const document of documents) {
        expect(document.file).toMatch(
          new RegExp(`^${communeSchool.id}/${YEAR}/[0-9a-f]{8}/[0-9a-z-]+\\.pdf$`),
        );
        // The reference names a file of the store.
        expect(existsSync(resolve(api.config.filesDir, document.file))).toBe(true);
      }
    }
  }, 60_000);
});
