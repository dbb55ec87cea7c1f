/**
 * Recording decisions over HTTP against the emulator (issue "From proposal to public board", item 1):
 * the deciding level enters its decision once; the ledger gains one entry per approved subject, the
 * dossier moves to DECISION_ISSUED by the decision, next year's eligibility counts the award; a
 * published decision is frozen; a revoked one (G-10) keeps its history and no longer counts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../../../functions/src/domain/decision.js";
import { evaluateUnitProposals } from "../../../functions/src/services/unit-eligibility.js";
import {
  communeDecision,
  departmentDecision,
  dossierIdOf,
  NEXT_YEAR,
  personId,
  seedDecisionProvince,
  UNITS,
  USERS,
  YEAR,
} from "../../fixtures/decisions.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";

const school = UNITS.highSchool.id;
const gv1 = personId(school, "GV1");
const DECISION_ID = "SO_2026-07-15_512";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await seedDecisionProvince(api.db);
});
afterAll(() => api.close());

const post = (path: string, as: string, body?: unknown) =>
  api.fetch(path, { method: "POST", as, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const auditCount = async () => (await api.db.collection("audit").count().get()).data().count;
/** The CSTĐ tỉnh proposal of next year: its streak rule counts this year's CSTĐ cơ sở. */
const nextYearStreakFails = async () => {
  const { results } = await evaluateUnitProposals(api.db, school, NEXT_YEAR);
  const result = results.find((candidate) => candidate.target === "CSTD_TINH");
  expect(result).toBeDefined();
  return result?.failed.includes("CSTINH-01");
};

// The machine is shared: each recording judges every proposal of the dossier on the emulator.
describe("POST /v1/decisions, then publish and revoke", { timeout: 180_000 }, () => {
  it("records the Department's decision: the decision, one ledger entry per subject, the dossier's step, audited", async () => {
    expect(await nextYearStreakFails()).toBe(true);
    const before = await auditCount();
    const response = await post("/v1/decisions", USERS.department.email, departmentDecision);
    expect(response.status).toBe(201);
    const decision = (await response.json()) as Decision;
    expect(decision.id).toBe(DECISION_ID);
    expect(decision.numberText).toBe("512/QĐ-SGDĐT");
    expect(decision.state).toBe("ISSUED");
    expect(decision.subjects.map((subject) => `${subject.subjectId}:${subject.target}`).sort()).toEqual([
      `${gv1}:CSTD_CS`,
      `${gv1}:LDTT`,
      `${personId(school, "GV2")}:LDTT`,
    ]);
    expect(decision.proposalRef).toBe("Tờ trình của Trường THPT Lê Quý Đôn");

    const award = (await api.db.doc(`awards/${school}_${gv1}_${YEAR}_CSTD_CS_CONG_TRANG`).get()).data();
    expect(award).toMatchObject({
      unitId: school,
      subjectId: gv1,
      code: "CSTD_CS",
      year: YEAR,
      decisionNo: "512/QĐ-SGDĐT",
      decisionDate: "2026-07-15",
      issuer: "Sở Giáo dục và Đào tạo tỉnh Hòa Bình",
      decisionId: DECISION_ID,
    });
    const dossier = (await api.db.doc(`dossiers/${dossierIdOf(school)}`).get()).data();
    expect(dossier?.state).toBe("DECISION_ISSUED");
    expect(dossier?.decisions).toEqual({ [DECISION_ID]: "ISSUED" });
    expect(dossier?.history.at(-1)).toMatchObject({
      from: "APPROVED",
      to: "DECISION_ISSUED",
      action: "RECORD_DECISION",
      actor: USERS.department.email,
      role: "DEPT_SPECIALIST",
      level: "SO",
      decisionId: DECISION_ID,
      legalBasisVersion: expect.any(String),
    });
    // The decision, the dossier and three ledger entries, each with its audit entry.
    expect((await auditCount()) - before).toBe(5);
    const read = await api.fetch(`/v1/decisions/${DECISION_ID}`, { as: USERS.highSchoolPrincipal.email });
    expect(read.status).toBe(200);
    expect(((await read.json()) as Decision).subjects).toHaveLength(3);
  });

  it("next year's eligibility of the same teacher counts the award", async () => {
    expect(await nextYearStreakFails()).toBe(false);
  });

  it("the same decision sent again changes nothing", async () => {
    const before = await auditCount();
    const again = await post("/v1/decisions", USERS.department.email, departmentDecision);
    expect(again.status).toBe(201);
    expect(((await again.json()) as Decision).id).toBe(DECISION_ID);
    expect(await auditCount()).toBe(before);
    const awards = await api.db.collection("awards").where("decisionId", "==", DECISION_ID).get();
    expect(awards.size).toBe(3);
  });

  it("a bare transition cannot take a decider's step: 409 naming the allowed steps", async () => {
    const response = await post(`/v1/dossiers/${dossierIdOf(school)}:transition`, USERS.department.email, {
      to: "PUBLISHED",
    });
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toContain("quyết định");
    expect(error.details).toEqual({
      from: "DECISION_ISSUED",
      allowed: [
        { action: "PUBLISH", to: "PUBLISHED" },
        { action: "REVOKE", to: "REVOKED" },
      ],
    });
  });

  it("publishes: the decision is frozen and the dossier PUBLISHED", async () => {
    const response = await post(`/v1/decisions/${DECISION_ID}:publish`, USERS.department.email);
    expect(response.status).toBe(200);
    expect(((await response.json()) as Decision).state).toBe("PUBLISHED");
    const dossier = (await api.db.doc(`dossiers/${dossierIdOf(school)}`).get()).data();
    expect(dossier?.state).toBe("PUBLISHED");
    expect(dossier?.history.at(-1)).toMatchObject({ action: "PUBLISH", decisionId: DECISION_ID });
    const changed = await post("/v1/decisions", USERS.department.email, {
      ...departmentDecision,
      signer: { title: "Phó Giám đốc", name: "Người khác" },
    });
    expect(changed.status).toBe(409);
    expect((await errorOf(changed)).code).toBe("CONFLICT");
  });

  it("revokes with a reason (G-10): history kept, ledger entries kept but marked, the award no longer counts", async () => {
    const response = await post(`/v1/decisions/${DECISION_ID}:revoke`, USERS.department.email, {
      reason: "Kê khai thành tích không đúng sự thật",
    });
    expect(response.status).toBe(200);
    const decision = (await response.json()) as Decision;
    expect(decision.state).toBe("REVOKED");
    expect(decision.history.map((step) => step.state)).toEqual(["ISSUED", "PUBLISHED", "REVOKED"]);
    expect(decision.revocationReason).toBe("Kê khai thành tích không đúng sự thật");
    const award = (await api.db.doc(`awards/${school}_${gv1}_${YEAR}_CSTD_CS_CONG_TRANG`).get()).data();
    expect(award).toMatchObject({ decisionId: DECISION_ID, revoked: true });
    const dossier = (await api.db.doc(`dossiers/${dossierIdOf(school)}`).get()).data();
    expect(dossier?.state).toBe("REVOKED");
    expect(dossier?.history.at(-1)).toMatchObject({
      action: "REVOKE",
      note: "Kê khai thành tích không đúng sự thật",
    });
    expect(await nextYearStreakFails()).toBe(true);
    const again = await post(`/v1/decisions/${DECISION_ID}:revoke`, USERS.department.email, {
      reason: "lần hai",
    });
    expect(again.status).toBe(409);
  });

  it("a commune records its own school's decision; the province's Bằng khen is not its to decide", async () => {
    const response = await post("/v1/decisions", USERS.commune.email, {
      ...communeDecision,
      proposals: [
        {
          dossierId: dossierIdOf(UNITS.communeSchool.id),
          subjectId: personId(UNITS.communeSchool.id, "GV2"),
          target: "LDTT",
        },
      ],
    });
    expect(response.status).toBe(201);
    const decision = (await response.json()) as Decision;
    expect(decision.id).toBe("XA_XA_AN_PHU_2026-06-20_15");
    expect(decision.subjects).toHaveLength(1);
    // Part of the dossier decided: the rest can follow in another decision of the same commune.
    const rest = await post("/v1/decisions", USERS.commune.email, { ...communeDecision, number: 16 });
    expect(rest.status).toBe(201);
    expect(((await rest.json()) as Decision).subjects.map((subject) => subject.target).sort()).toEqual([
      "CSTD_CS",
      "LDTT",
    ]);
  });
});
