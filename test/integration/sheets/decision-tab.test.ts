/**
 * The tab "Quyết định khen thưởng" over HTTP against the emulator: the deciding level's rows become
 * decisions through the decisions service (the same as POST /v1/decisions); errors per row and column,
 * good decisions kept, a resend changes nothing, "Công bố" publishes, a published decision is frozen.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../../../functions/src/domain/decision.js";
import type { IngestResponse } from "../../../functions/src/services/ingest.js";
import { statusText } from "../../../functions/src/sheets/render.js";
import { decisionRows, decisionTabBody, seedYear, type TabRow } from "../../fixtures/decision-tab.js";
import {
  communeDecision,
  departmentDecision,
  dossierIdOf,
  personId,
  seedDecisionProvince,
  UNITS,
  USERS,
  YEAR,
} from "../../fixtures/decisions.js";
import { startTestApi, type TestApi } from "../../support/api.js";

const school = UNITS.highSchool.id;
const dossier = dossierIdOf(school);
const gv1 = personId(school, "GV1");
const gv2 = personId(school, "GV2");
const DECISION_ID = "SO_2026-07-15_512";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await Promise.all([seedDecisionProvince(api.db), seedYear(api.db, YEAR)]);
});
afterAll(() => api.close());

const send = async (
  as: string,
  unit: string,
  rows: readonly TabRow[],
  headers: Record<string, string> = {},
) => {
  const response = await api.fetch("/v1/sheets/quyet-dinh:ingest", {
    method: "POST",
    as,
    headers,
    body: JSON.stringify(decisionTabBody(unit, YEAR, rows)),
  });
  return { status: response.status, body: (await response.json()) as IngestResponse };
};
const auditCount = async () => (await api.db.collection("audit").count().get()).data().count;
const decision = async (id: string) =>
  (await api.db.doc(`decisions/${id}`).get()).data() as Decision | undefined;
const rowOf = (body: IngestResponse, row: number) => body.rows.find((candidate) => candidate.row === row);
const errorsOf = (body: IngestResponse, row: number) =>
  rowOf(body, row)?.errors.map((error) => [error.column, error.code]);

/** The Department's decision 512 on the high school: three lines, rows 2–4. */
const approved = decisionRows(departmentDecision, [
  { dossierId: dossier, subjectId: gv1, target: "CSTD_CS" },
  { dossierId: dossier, subjectId: gv1, target: "LDTT" },
  { dossierId: dossier, subjectId: gv2, target: "LDTT" },
]);
/** A second decision in the same send, naming a dossier that does not exist: rows 5–6. */
const unknownDossier = decisionRows(
  { ...departmentDecision, number: 513 },
  [
    { dossierId: "KHONG_CO_2025-2026", subjectId: gv1, target: "LDTT" },
    { dossierId: "KHONG_CO_2025-2026", subjectId: gv2, target: "LDTT" },
  ],
  5,
);

describe("tab Quyết định khen thưởng", { timeout: 180_000 }, () => {
  it("records each decision of the rows through the decisions service; a bad one is kept out whole, per row", async () => {
    const before = await auditCount();
    const { status, body } = await send(USERS.department.email, UNITS.department.id, [
      ...approved,
      ...unknownDossier,
    ]);
    expect(status).toBe(422);
    expect(body).toMatchObject({ tab: "quyet-dinh", accepted: 3, rejected: 2, withdrawn: 0 });
    expect([2, 3, 4].map((row) => rowOf(body, row)?.change)).toEqual(["created", "created", "created"]);
    // The service stops at the first dossier it cannot find: that row's Mã hồ sơ, both rows being of it.
    expect(errorsOf(body, 5)).toEqual([["Mã hồ sơ", "DECISION_REFUSED"]]);
    expect(errorsOf(body, 6)).toEqual([["Mã hồ sơ", "DECISION_REFUSED"]]);
    expect(rowOf(body, 5)?.errors[0]?.message).toContain("KHONG_CO_2025-2026");

    const stored = await decision(DECISION_ID);
    expect(stored).toMatchObject({
      numberText: "512/QĐ-SGDĐT",
      state: "ISSUED",
      date: "2026-07-15",
      issuer: { name: departmentDecision.issuer.name, abbreviation: "SGDĐT", place: "Hòa Bình" },
      signer: { title: "Giám đốc", name: "Phạm Văn Hùng" },
      executors: [...departmentDecision.executors],
    });
    expect(stored?.subjects.map((subject) => `${subject.subjectId}:${subject.target}`).sort()).toEqual([
      `${gv1}:CSTD_CS`,
      `${gv1}:LDTT`,
      `${gv2}:LDTT`,
    ]);
    expect(await decision("SO_2026-07-15_513")).toBeUndefined();
    // The decision, the dossier and three ledger entries: audited as POST /v1/decisions audits them.
    expect((await auditCount()) - before).toBe(5);
    const audit = await api.db.collection("audit").where("path", "==", `decisions/${DECISION_ID}`).get();
    expect(audit.docs[0]?.get("actor")).toBe(USERS.department.email);
  });

  it("a resend of the same rows changes nothing", async () => {
    const before = await auditCount();
    const { status, body } = await send(USERS.department.email, UNITS.department.id, approved);
    expect(status).toBe(200);
    expect(body.rows.map((row) => row.change)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(body.rows.map((row) => statusText(row))).toEqual(Array(3).fill("Đã nhận (không đổi)"));
    expect(await auditCount()).toBe(before);
  });

  it("a decision-wide cell written twice must agree; one no row writes is required", async () => {
    const lines = [
      {
        dossierId: dossierIdOf(UNITS.communeSchool.id),
        subjectId: personId(UNITS.communeSchool.id, "GV1"),
        target: "LDTT",
      },
      {
        dossierId: dossierIdOf(UNITS.communeSchool.id),
        subjectId: personId(UNITS.communeSchool.id, "GV2"),
        target: "LDTT",
      },
    ];
    const conflicting = decisionRows(communeDecision, lines);
    const second = conflicting[1];
    if (second) second.values["Người ký"] = "Người khác";
    const missing = decisionRows({ ...communeDecision, number: 16 }, lines, 4);
    const first = missing[0];
    if (first) delete first.values["Nguồn kinh phí"];
    const before = await auditCount();
    const { status, body } = await send(USERS.commune.email, UNITS.commune.id, [...conflicting, ...missing]);
    expect(status).toBe(422);
    expect(errorsOf(body, 3)).toEqual([["Người ký", "DECISION_FIELD_CONFLICT"]]);
    expect(rowOf(body, 3)?.errors[0]?.message).toContain("dòng 2");
    expect(errorsOf(body, 2)).toEqual([["Số quyết định", "DECISION_NOT_RECORDED"]]);
    expect(errorsOf(body, 4)).toEqual([["Nguồn kinh phí", "REQUIRED"]]);
    expect(errorsOf(body, 5)).toEqual([["Số quyết định", "DECISION_NOT_RECORDED"]]);
    expect(await auditCount()).toBe(before);
    expect((await api.db.collection("decisions").where("level", "==", "XA").get()).size).toBe(0);
  });

  it("a subject the dossier does not propose is named on its row and column; the decision waits for it", async () => {
    const rows = decisionRows({ ...departmentDecision, number: 520 }, [
      { dossierId: dossier, subjectId: gv2, target: "CSTD_CS" },
    ]);
    const { status, body } = await send(USERS.department.email, UNITS.department.id, rows);
    expect(status).toBe(422);
    expect(errorsOf(body, 2)).toEqual([["Mã cán bộ / Mã tập thể", "DECISION_REFUSED"]]);
    expect(await decision("SO_2026-07-15_520")).toBeUndefined();
  });

  it("Công bố publishes; a published decision is not changed by a resend, said on every row", async () => {
    const published = decisionRows(
      departmentDecision,
      [
        { dossierId: dossier, subjectId: gv1, target: "CSTD_CS" },
        { dossierId: dossier, subjectId: gv1, target: "LDTT" },
        { dossierId: dossier, subjectId: gv2, target: "LDTT" },
      ],
      2,
      { "Công bố": "Có" },
    );
    const first = await send(USERS.department.email, UNITS.department.id, published);
    expect(first.status).toBe(200);
    expect(first.body.rows.map((row) => row.change)).toEqual(["updated", "updated", "updated"]);
    expect((await decision(DECISION_ID))?.state).toBe("PUBLISHED");
    expect((await api.db.doc(`dossiers/${dossier}`).get()).get("state")).toBe("PUBLISHED");
    const again = await send(USERS.department.email, UNITS.department.id, published);
    expect(again.body.rows.map((row) => row.change)).toEqual(["unchanged", "unchanged", "unchanged"]);

    const before = await auditCount();
    const changed = decisionRows(
      { ...departmentDecision, signer: { title: "Phó Giám đốc", name: "Người khác" } },
      [{ dossierId: dossier, subjectId: gv1, target: "CSTD_CS" }],
    );
    const { status, body } = await send(USERS.department.email, UNITS.department.id, changed);
    expect(status).toBe(422);
    expect(errorsOf(body, 2)).toEqual([["Số quyết định", "DECISION_REFUSED"]]);
    expect(rowOf(body, 2)?.errors[0]?.message).toContain("đã công bố");
    expect(await auditCount()).toBe(before);
    expect((await decision(DECISION_ID))?.signer.name).toBe("Phạm Văn Hùng");
  });

  it("a full-tab send is refused: decisions are never withdrawn by a sheet", async () => {
    const response = await api.fetch("/v1/sheets/quyet-dinh:ingest", {
      method: "POST",
      as: USERS.department.email,
      body: JSON.stringify({ ...decisionTabBody(UNITS.department.id, YEAR, approved), mode: "full" }),
    });
    expect(response.status).toBe(400);
    expect((await decision(DECISION_ID))?.state).toBe("PUBLISHED");
  });
});
