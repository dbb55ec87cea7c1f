/**
 * The Department's dossier to the Chủ tịch UBND tỉnh (services/department-dossier.ts) through the
 * one workflow table, over HTTP: the Department submits it; the province's steps (return, accept,
 * council review, approve) are recorded by the Department on the province's behalf; the decider's
 * steps stay the decisions'. Steps the state does not have are 409 with the allowed ones; schools
 * and communes take none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDecisionProvince, UNITS, USERS, YEAR } from "../../fixtures/decisions.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";

const DOSSIER_ID = `${UNITS.department.id}_${YEAR}`;
const ADMIN = { email: "quantri@so.example.org", role: "ADMIN", unitId: UNITS.department.id } as const;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [...Object.values(USERS), ADMIN] });
  await seedDecisionProvince(api.db);
  await api.db.doc(`dossiers/${DOSSIER_ID}`).set({
    id: DOSSIER_ID,
    unitId: UNITS.department.id,
    year: YEAR,
    state: "DRAFT",
    legalBasisVersion: "2025-07",
    documents: [],
    history: [],
  });
});
afterAll(() => api.close());

const step = (as: string, to: string, note?: string) =>
  api.fetch(`/v1/dossiers/${DOSSIER_ID}:transition`, {
    method: "POST",
    as,
    body: JSON.stringify({ to, ...(note ? { note } : {}) }),
  });
const stored = async () => (await api.db.doc(`dossiers/${DOSSIER_ID}`).get()).data();
const auditCount = async () => (await api.db.collection("audit").count().get()).data().count;

describe("the Department's dossier in the workflow table", { timeout: 120_000 }, () => {
  it("refuses a step its draft does not have: 409 naming the allowed one", async () => {
    const response = await step(USERS.department.email, "APPROVED");
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.code).toBe("CONFLICT");
    expect(error.details).toEqual({ from: "DRAFT", allowed: [{ action: "SUBMIT", to: "SUBMITTED" }] });
    expect((await stored())?.state).toBe("DRAFT");
  });

  it("schools and communes take no step of it", async () => {
    const before = await auditCount();
    for (const user of [USERS.highSchoolPrincipal, USERS.commune]) {
      const response = await step(user.email, "SUBMITTED");
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
    }
    expect((await stored())?.state).toBe("DRAFT");
    expect(await auditCount()).toBe(before);
  });

  it("the Department submits it; the province returns it with a reason, recorded by the Department on its behalf", async () => {
    expect((await step(USERS.department.email, "SUBMITTED")).status).toBe(200);
    expect((await stored())?.history.at(-1)).toMatchObject({
      from: "DRAFT",
      to: "SUBMITTED",
      action: "SUBMIT",
      actor: USERS.department.email,
      level: "SO",
    });
    expect((await stored())?.history.at(-1)?.onBehalfOf).toBeUndefined();
    const noReason = await step(USERS.department.email, "RETURNED");
    expect(noReason.status).toBe(400);
    expect((await errorOf(noReason)).field).toBe("body.note");
    expect((await step(USERS.department.email, "RETURNED", "Bổ sung biên bản Hội đồng Sở")).status).toBe(200);
    expect((await stored())?.history.at(-1)).toMatchObject({
      action: "RETURN",
      onBehalfOf: "TINH",
      note: "Bổ sung biên bản Hội đồng Sở",
    });
  });

  it("re-submitted, it goes through the province's appraisal and council to approval", async () => {
    expect((await step(ADMIN.email, "SUBMITTED")).status).toBe(200);
    for (const to of ["UNDER_APPRAISAL", "COUNCIL_REVIEW", "APPROVED"]) {
      const response = await step(USERS.department.email, to);
      expect(response.status, to).toBe(200);
    }
    const dossier = await stored();
    expect(dossier?.state).toBe("APPROVED");
    expect(dossier?.history.map((entry: { action: string }) => entry.action)).toEqual([
      "SUBMIT",
      "RETURN",
      "SUBMIT",
      "ACCEPT",
      "SEND_TO_COUNCIL",
      "APPROVE",
    ]);
  });

  it("the province's decision is not a bare transition: 409 with the allowed steps", async () => {
    const response = await step(USERS.department.email, "DECISION_ISSUED");
    expect(response.status).toBe(409);
    const error = await errorOf(response);
    expect(error.message).toContain("quyết định");
    expect(error.details).toEqual({
      from: "APPROVED",
      allowed: [
        { action: "RECORD_DECISION", to: "DECISION_ISSUED" },
        { action: "SUSPEND", to: "SUSPENDED" },
      ],
    });
    expect((await stored())?.state).toBe("APPROVED");
  });
});
