/**
 * Attacks on recording decisions (issue "From proposal to public board", item 1), over sockets
 * against the API: a school deciding for itself, a commune deciding what is not its to decide,
 * proposals smuggled in from another dossier, replays, edits of a published decision, a revocation
 * without reason. Each asserts the status, the error code and that nothing changed in the store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  communeDecision,
  departmentDecision,
  dossierIdOf,
  personId,
  seedDecisionProvince,
  UNITS,
  USERS,
} from "../fixtures/decisions.js";
import { sheetRows } from "../fixtures/sheets/rows.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const highSchoolDossier = dossierIdOf(UNITS.highSchool.id);
const communeSchoolDossier = dossierIdOf(UNITS.communeSchool.id);
const communeTeacher = personId(UNITS.communeSchool.id, "GV1");

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await seedDecisionProvince(api.db);
});
afterAll(() => api.close());

const post = (path: string, as: string, body?: unknown) =>
  api.fetch(path, { method: "POST", as, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** Everything a decision writes: decisions, the ledger, the dossiers, the audit log. */
async function storeState() {
  const all = async (collection: string) =>
    Object.fromEntries(
      (await api.db.collection(collection).get()).docs.map((doc) => {
        const { _meta, ...data } = doc.data();
        return [doc.id, data];
      }),
    );
  return {
    decisions: await all("decisions"),
    awards: await all("awards"),
    dossiers: await all("dossiers"),
    audit: (await api.db.collection("audit").count().get()).data().count,
  };
}

async function expectRefused(response: Response, status: number, code: string, field?: string) {
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field) expect(error.field).toBe(field);
  return error;
}

// The machine is shared: each recording judges every proposal of the dossier on the emulator.
describe("attacks on POST /v1/decisions", { timeout: 180_000 }, () => {
  it("attack: a school records its own decision", async () => {
    const before = await storeState();
    for (const level of ["SO", "XA", "TINH"])
      await expectRefused(
        await post("/v1/decisions", USERS.highSchoolPrincipal.email, { ...departmentDecision, level }),
        403,
        "PERMISSION_DENIED",
      );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune decides the titles of a Department-managed school", async () => {
    const before = await storeState();
    await expectRefused(
      await post("/v1/decisions", USERS.commune.email, {
        ...communeDecision,
        dossierIds: [highSchoolDossier],
      }),
      403,
      "PERMISSION_DENIED",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: another commune decides for a school it does not manage", async () => {
    const before = await storeState();
    await expectRefused(
      await post("/v1/decisions", USERS.otherCommune.email, communeDecision),
      403,
      "PERMISSION_DENIED",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: the Department decides, as the Sở, a commune school's LĐTT (the commune's to decide)", async () => {
    const before = await storeState();
    const response = await post("/v1/decisions", USERS.department.email, {
      ...departmentDecision,
      dossierIds: [communeSchoolDossier],
      proposals: [{ dossierId: communeSchoolDossier, subjectId: communeTeacher, target: "LDTT" }],
    });
    const error = await expectRefused(response, 403, "PERMISSION_DENIED");
    expect(error.message).toContain("Chủ tịch Ủy ban nhân dân xã");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a decision on one dossier lists the proposals of another dossier", async () => {
    const before = await storeState();
    await expectRefused(
      await post("/v1/decisions", USERS.department.email, {
        ...departmentDecision,
        proposals: [{ dossierId: communeSchoolDossier, subjectId: communeTeacher, target: "LDTT" }],
      }),
      400,
      "INVALID_ARGUMENT",
      "body.proposals.0.dossierId",
    );
    // The same subject claimed under the listed dossier is not one of its proposals either.
    await expectRefused(
      await post("/v1/decisions", USERS.department.email, {
        ...departmentDecision,
        proposals: [{ dossierId: highSchoolDossier, subjectId: communeTeacher, target: "LDTT" }],
      }),
      400,
      "INVALID_ARGUMENT",
      "body.proposals.0",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a decision on a dossier still under appraisal", async () => {
    await api.db.doc(`dossiers/${highSchoolDossier}`).update({ state: "UNDER_APPRAISAL" });
    const before = await storeState();
    await expectRefused(
      await post("/v1/decisions", USERS.department.email, departmentDecision),
      409,
      "CONFLICT",
    );
    expect(await storeState()).toEqual(before);
    await api.db.doc(`dossiers/${highSchoolDossier}`).update({ state: "APPROVED" });
  });

  it("attack: a bare transition to DECISION_ISSUED, without any decision", async () => {
    const before = await storeState();
    const error = await expectRefused(
      await post(`/v1/dossiers/${highSchoolDossier}:transition`, USERS.department.email, {
        to: "DECISION_ISSUED",
      }),
      409,
      "CONFLICT",
    );
    expect(error.details).toMatchObject({ from: "APPROVED" });
    expect(await storeState()).toEqual(before);
  });

  it("attack: odd Unicode and path tricks in a decision id", async () => {
    for (const id of ["SO_2026-07-15_512%2F..", "SO%E2%80%AE_1", "%00", "__SO_1", "%E0%A4"]) {
      const response = await api.fetch(`/v1/decisions/${id}`, { as: USERS.department.email });
      await expectRefused(response, 400, "INVALID_ARGUMENT", "path.id");
    }
  });

  it("attack: the same decision replayed, then replayed with another list or signer", async () => {
    expect((await post("/v1/decisions", USERS.department.email, departmentDecision)).status).toBe(201);
    const before = await storeState();
    expect((await post("/v1/decisions", USERS.department.email, departmentDecision)).status).toBe(201);
    expect(await storeState()).toEqual(before);
    await expectRefused(
      await post("/v1/decisions", USERS.department.email, {
        ...departmentDecision,
        signer: { title: "Phó Giám đốc", name: "Người khác" },
      }),
      409,
      "CONFLICT",
    );
    await expectRefused(
      await post("/v1/decisions", USERS.department.email, {
        ...departmentDecision,
        proposals: [
          { dossierId: highSchoolDossier, subjectId: personId(UNITS.highSchool.id, "GV2"), target: "LDTT" },
        ],
      }),
      409,
      "CONFLICT",
    );
    // A second number for the same subjects: they are already decided.
    await expectRefused(
      await post("/v1/decisions", USERS.department.email, {
        ...departmentDecision,
        number: 513,
        proposals: [
          { dossierId: highSchoolDossier, subjectId: personId(UNITS.highSchool.id, "GV2"), target: "LDTT" },
        ],
      }),
      409,
      "CONFLICT",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune publishes or revokes the Department's decision", async () => {
    const before = await storeState();
    await expectRefused(
      await post("/v1/decisions/SO_2026-07-15_512:publish", USERS.commune.email),
      403,
      "PERMISSION_DENIED",
    );
    await expectRefused(
      await post("/v1/decisions/SO_2026-07-15_512:revoke", USERS.commune.email, { reason: "Không đúng" }),
      403,
      "PERMISSION_DENIED",
    );
    await expectRefused(
      await post("/v1/decisions/SO_2026-07-15_512:revoke", USERS.highSchoolPrincipal.email, {
        reason: "Không đúng",
      }),
      403,
      "PERMISSION_DENIED",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: a revocation without a reason, or with only spaces", async () => {
    const before = await storeState();
    for (const body of [{}, { reason: "" }, { reason: "   " }]) {
      const response = await post("/v1/decisions/SO_2026-07-15_512:revoke", USERS.department.email, body);
      await expectRefused(response, 400, "INVALID_ARGUMENT", "body.reason");
    }
    expect(await storeState()).toEqual(before);
  });

  it("attack: changing a published decision", async () => {
    expect((await post("/v1/decisions/SO_2026-07-15_512:publish", USERS.department.email)).status).toBe(200);
    const before = await storeState();
    await expectRefused(
      await post("/v1/decisions", USERS.department.email, { ...departmentDecision, fundSource: "quỹ khác" }),
      409,
      "CONFLICT",
    );
    const transition = await post(`/v1/dossiers/${highSchoolDossier}:transition`, USERS.department.email, {
      to: "REVOKED",
      note: "Hủy không qua quyết định",
    });
    await expectRefused(transition, 409, "CONFLICT");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune names an ineligible subject in its decision", async () => {
    await api.db
      .doc(`years/2025-2026/records/${UNITS.communeSchool.id}_${communeTeacher}`)
      .update({ rating: "HT" });
    const before = await storeState();
    await expectRefused(
      await post("/v1/decisions", USERS.commune.email, {
        ...communeDecision,
        proposals: [{ dossierId: communeSchoolDossier, subjectId: communeTeacher, target: "LDTT" }],
      }),
      422,
      "UNPROCESSABLE",
    );
    expect(await storeState()).toEqual(before);
  });

  it("attack: the school re-enters a revoked award through its history tab, or withdraws a decided one", async () => {
    const school = UNITS.highSchool.id;
    const teacher = personId(school, "GV1");
    const revoked = await post("/v1/decisions/SO_2026-07-15_512:revoke", USERS.department.email, {
      reason: "Thành tích kê khai không đúng",
    });
    expect(revoked.status).toBe(200);
    const before = await storeState();
    const rows = sheetRows("lich-su", [
      { subjectKind: "Cá nhân", subjectId: teacher, year: "2025-2026", code: "Chiến sĩ thi đua cơ sở" },
    ]);
    for (const mode of ["partial", "full"]) {
      const response = await post("/v1/sheets/lich-su:ingest", USERS.highSchoolPrincipal.email, {
        unit: school,
        year: "2025-2026",
        rows,
        mode,
      });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { withdrawn: number; rows: { errors: { code: string }[] }[] };
      expect(body.rows[0]?.errors.map((error) => error.code)).toEqual(["DECIDED"]);
      // A full send that leaves the decision's entries out withdraws none of them.
      expect(body.withdrawn).toBe(0);
    }
    expect(await storeState()).toEqual(before);
  });
});
