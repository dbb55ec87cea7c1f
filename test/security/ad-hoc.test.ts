/**
 * Attacks on the đột xuất routes (GET /v1/years/{year}/ad-hoc, POST …/ad-hoc/dossier) and on a
 * decision over the simplified dossier: another unit's data, a school on another school's dossier,
 * odd years and ids, a replayed build, the body trying to turn the route into the annual dossier, a
 * decision naming what the dossier does not carry. Each asserts the status, the error code and that
 * the store did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import { adHocDossierId } from "../../functions/src/domain/document-ids.js";
import type { AdHocReport } from "../../functions/src/services/ad-hoc.js";
import { personId, seedDecisionProvince, UNITS, USERS, YEAR } from "../fixtures/decisions.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const school = UNITS.highSchool.id;
const coach = personId(school, "GV1");
const student = `${school}_hs-toan`;
const dossierId = adHocDossierId(school, YEAR);
const approvedId = adHocDossierId(UNITS.communeSchool.id, YEAR);
const options = { date: "2026-02-20", signer: { title: "Hiệu trưởng", name: "Hoàng Văn Hiệu" } };
const buildPath = (unit = school, year = YEAR) => `/v1/units/${unit}/years/${year}/ad-hoc/dossier`;

let api: TestApi;
let before: string;
const storeContents = async (): Promise<string> => {
  const collections = [
    COLLECTIONS.dossiers,
    COLLECTIONS.decisions,
    COLLECTIONS.awards,
    COLLECTIONS.audit,
    COLLECTIONS.counters,
  ];
  const snapshots = await Promise.all(collections.map((name) => api.db.collection(name).get()));
  return JSON.stringify(snapshots.map((snapshot) => snapshot.docs.map((doc) => [doc.ref.path, doc.data()])));
};

beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await seedDecisionProvince(api.db);
  await Promise.all([
    api.db.doc(`people/${coach}`).set({ birthDate: "1984-10-20" }, { merge: true }),
    api.db.doc(`years/${YEAR}/achievements/${student}`).set({
      id: student,
      year: YEAR,
      unitId: school,
      role: "STUDENT",
      fullName: "Nguyễn Ngọc Minh Thư",
      birthDate: "2008-04-12",
      className: "12A1",
      contest: "Kỳ thi chọn học sinh giỏi quốc gia THPT",
      contestLevel: "QUOC_GIA",
      subject: "Toán",
      prize: "NHAT",
      decisionNo: "312/QĐ-BGDĐT",
      decisionDate: "2026-02-10",
      coachIds: [coach],
    }),
    // The commune school's simplified dossier, approved, carrying one student's line.
    api.db.doc(`dossiers/${approvedId}`).set({
      id: approvedId,
      unitId: UNITS.communeSchool.id,
      year: YEAR,
      state: "APPROVED",
      legalBasisVersion: "2025-07",
      procedure: "DON_GIAN",
      documents: [],
      history: [],
      adHocProposals: [
        { subjectId: `${UNITS.communeSchool.id}_hs-van`, name: "Lê Thị Vân", target: "GK_GD_SO" },
      ],
    }),
  ]);
  before = await storeContents();
});
afterAll(() => api.close());

async function expectRefused(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  expect(await storeContents()).toBe(before);
}

const post = (path: string, as: string, body: unknown, headers: Record<string, string> = {}) =>
  api.fetch(path, { method: "POST", as, body: JSON.stringify(body), headers });

describe("the đột xuất routes", { timeout: 120_000 }, () => {
  it("attack: another school's principal reads the high school's cases by naming it", async () => {
    await expectRefused(
      await api.fetch(`/v1/years/${YEAR}/ad-hoc?unit=${school}`, { as: USERS.communeSchoolPrincipal.email }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school asks for the province-wide view and gets only its own unit", async () => {
    const response = await api.fetch(`/v1/years/${YEAR}/ad-hoc`, { as: USERS.communeSchoolPrincipal.email });
    expect(response.status).toBe(200);
    const report = (await response.json()) as AdHocReport;
    expect(report.units.map((unit) => unit.unit.id)).toEqual([UNITS.communeSchool.id]);
    expect(JSON.stringify(report)).not.toContain("Nguyễn Ngọc Minh Thư");
    expect(await storeContents()).toBe(before);
  });

  it("attack: another commune's specialist reads a school it does not manage", async () => {
    await expectRefused(
      await api.fetch(`/v1/years/${YEAR}/ad-hoc?unit=${UNITS.communeSchool.id}`, {
        as: USERS.otherCommune.email,
      }),
      403,
      "PERMISSION_DENIED",
    );
  });

  for (const [label, unit] of [
    ["a path", "..%2Funits%2FTHPT_LQD_HB"],
    ["a bidi override", "THPT%E2%80%AELQD"],
    ["a Firestore-reserved id", "__x__"],
  ] as const)
    it(`attack: ${label} as the unit of the query`, async () => {
      await expectRefused(
        await api.fetch(`/v1/years/${YEAR}/ad-hoc?unit=${unit}`, { as: USERS.department.email }),
        400,
        "INVALID_ARGUMENT",
        "query.unit",
      );
    });

  it("attack: an odd school year", async () => {
    await expectRefused(
      await api.fetch("/v1/years/2025-2027/ad-hoc", { as: USERS.department.email }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it("attack: another school's principal builds the high school's simplified dossier", async () => {
    await expectRefused(
      await post(buildPath(), USERS.communeSchoolPrincipal.email, options),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a commune specialist builds the dossier of a Sở-managed school", async () => {
    await expectRefused(await post(buildPath(), USERS.commune.email, options), 403, "PERMISSION_DENIED");
  });

  it("attack: rebuild a simplified dossier already approved, to change what it carries", async () => {
    await expectRefused(
      await post(buildPath(UNITS.communeSchool.id), USERS.communeSchoolPrincipal.email, options),
      409,
      "CONFLICT",
    );
  });

  it("attack: replay the build under its Idempotency-Key, and flip it to the annual dossier by the body", async () => {
    const headers = { "idempotency-key": "ad-hoc-build-1" };
    const body = { ...options, simplified: false };
    const first = await post(buildPath(), USERS.highSchoolPrincipal.email, body, headers);
    expect(first.status).toBe(201);
    const built = (await first.json()) as { id: string; documents: { number?: string }[] };
    // The route builds the simplified dossier whatever the body says; the annual one is untouched.
    expect(built.id).toBe(dossierId);
    expect((await api.db.doc(`dossiers/${school}_${YEAR}`).get()).get("documents")).toEqual([]);
    const afterFirst = await storeContents();
    for (let attempt = 0; attempt < 3; attempt++) {
      const again = await post(buildPath(), USERS.highSchoolPrincipal.email, body, headers);
      expect(again.status).toBe(201);
      expect(((await again.json()) as typeof built).documents.map((document) => document.number)).toEqual(
        built.documents.map((document) => document.number),
      );
    }
    expect(await storeContents()).toBe(afterFirst);
    before = afterFirst;
  });

  it("attack: the same key with other options", async () => {
    await expectRefused(
      await post(
        buildPath(),
        USERS.highSchoolPrincipal.email,
        { ...options, date: "2026-02-21" },
        { "idempotency-key": "ad-hoc-build-1" },
      ),
      409,
      "CONFLICT",
    );
  });

  it("attack: a decision on the simplified dossier names a subject it does not carry", async () => {
    await expectRefused(
      await post("/v1/decisions", USERS.commune.email, {
        level: "XA",
        number: 7,
        date: "2026-03-01",
        year: YEAR,
        issuer: { name: "Ủy ban nhân dân xã An Phú", abbreviation: "UBND", place: "An Phú" },
        issuerTitle: "Chủ tịch Ủy ban nhân dân xã An Phú",
        signer: { title: "Chủ tịch", name: "Lê Văn Tâm" },
        advisor: "Trưởng phòng Văn hóa - Xã hội",
        fundSource: "quỹ thi đua, khen thưởng của xã",
        executors: ["Văn phòng Ủy ban nhân dân xã"],
        dossierIds: [approvedId],
        proposals: [
          { dossierId: approvedId, subjectId: personId(UNITS.communeSchool.id, "GV1"), target: "GK_GD_SO" },
        ],
      }),
      400,
      "INVALID_ARGUMENT",
      "body.proposals.0",
    );
  });

  it("attack: a school principal records the province's decision on its own simplified dossier", async () => {
    await expectRefused(
      await post("/v1/decisions", USERS.highSchoolPrincipal.email, {
        level: "TINH",
        number: 9,
        date: "2026-03-01",
        year: YEAR,
        issuer: { name: "Ủy ban nhân dân tỉnh Hòa Bình", abbreviation: "UBND", place: "Hòa Bình" },
        issuerTitle: "Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình",
        signer: { title: "Chủ tịch", name: "X" },
        advisor: "Giám đốc Sở Nội vụ",
        fundSource: "quỹ thi đua, khen thưởng của tỉnh",
        executors: ["Sở Giáo dục và Đào tạo"],
        dossierIds: [dossierId],
      }),
      403,
      "PERMISSION_DENIED",
    );
  });
});
