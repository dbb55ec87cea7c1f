/**
 * Attacks on the tab "Quyết định khen thưởng" (POST /v1/sheets/quyet-dinh:ingest), over sockets
 * against the API: a commune deciding for a school outside it, a school sending the deciders' tab,
 * a decision number reused with other subjects, formulas in the signer's name, odd Unicode in the
 * number, a replayed key with other rows. Each asserts the status, the error code and that nothing
 * changed in the store.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { IngestResponse } from "../../functions/src/services/ingest.js";
import { statusText } from "../../functions/src/sheets/render.js";
import { decisionRows, decisionTabBody, seedYear, type TabRow } from "../fixtures/decision-tab.js";
import {
  communeDecision,
  departmentDecision,
  dossierIdOf,
  personId,
  seedDecisionProvince,
  UNITS,
  USERS,
  YEAR,
} from "../fixtures/decisions.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const highSchool = UNITS.highSchool.id;
const communeSchool = UNITS.communeSchool.id;
const highSchoolLine = {
  dossierId: dossierIdOf(highSchool),
  subjectId: personId(highSchool, "GV2"),
  target: "LDTT",
};
const communeLine = (teacher: string) => ({
  dossierId: dossierIdOf(communeSchool),
  subjectId: personId(communeSchool, teacher),
  target: "LDTT",
});

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await Promise.all([seedDecisionProvince(api.db), seedYear(api.db, YEAR)]);
});
afterAll(() => api.close());

const send = (as: string, unit: string, rows: readonly TabRow[], key?: string) =>
  api.fetch("/v1/sheets/quyet-dinh:ingest", {
    method: "POST",
    as,
    ...(key ? { headers: { "idempotency-key": key } } : {}),
    body: JSON.stringify(decisionTabBody(unit, YEAR, rows)),
  });

/** Everything a decision writes: decisions, the ledger, the dossiers, the audit log. */
async function storeState() {
  const all = async (collection: string) =>
    Object.fromEntries((await api.db.collection(collection).get()).docs.map((doc) => [doc.id, doc.data()]));
  return {
    decisions: await all("decisions"),
    awards: await all("awards"),
    dossiers: await all("dossiers"),
    audit: (await api.db.collection("audit").count().get()).data().count,
  };
}

/** 422 with every row rejected; the rows' errors as [column, code]. */
async function rejectedRows(response: Response) {
  expect(response.status).toBe(422);
  const body = (await response.json()) as IngestResponse;
  expect(body.accepted).toBe(0);
  return body;
}

describe("attacks on the tab Quyết định khen thưởng", { timeout: 180_000 }, () => {
  it("attack: a commune records, through the tab, a decision for a school it does not manage", async () => {
    const before = await storeState();
    // The Department's high school, then An Phú's own school sent by the specialist of Bình Minh.
    const own = await send(
      USERS.commune.email,
      UNITS.commune.id,
      decisionRows(communeDecision, [highSchoolLine]),
    );
    const body = await rejectedRows(own);
    expect(body.rows[0]?.errors.map((error) => [error.column, error.code])).toEqual([
      ["Mã hồ sơ", "DECISION_REFUSED"],
    ]);
    expect(body.rows[0]?.errors[0]?.message).toContain("không do xã của tài khoản này quản lý");
    const other = await send(
      USERS.otherCommune.email,
      UNITS.otherCommune.id,
      decisionRows(communeDecision, [communeLine("GV1")]),
    );
    expect((await rejectedRows(other)).rows[0]?.errors[0]?.column).toBe("Mã hồ sơ");
    // Nor may it send the tab under the unit of the commune that does manage the school.
    const borrowed = await send(
      USERS.otherCommune.email,
      UNITS.commune.id,
      decisionRows(communeDecision, [communeLine("GV1")]),
    );
    expect(borrowed.status).toBe(403);
    expect((await errorOf(borrowed)).code).toBe("PERMISSION_DENIED");
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school's principal sends the deciders' tab to decide its own awards", async () => {
    const before = await storeState();
    for (const [user, unit] of [
      [USERS.highSchoolPrincipal, highSchool],
      [USERS.communeSchoolPrincipal, communeSchool],
    ] as const) {
      const response = await send(user.email, unit, decisionRows(departmentDecision, [highSchoolLine]));
      expect(response.status).toBe(403);
      const error = await errorOf(response);
      expect(error.code).toBe("PERMISSION_DENIED");
      expect(error.message).toContain("Quyết định khen thưởng");
    }
    expect(await storeState()).toEqual(before);
  });

  it("attack: a commune enters a decision of the Department's level through its tab", async () => {
    const before = await storeState();
    const response = await send(
      USERS.commune.email,
      UNITS.commune.id,
      decisionRows({ ...departmentDecision, number: 600 }, [communeLine("GV1")]),
    );
    const body = await rejectedRows(response);
    expect(body.rows[0]?.errors.map((error) => [error.column, error.code])).toEqual([
      ["Cấp quyết định", "DECISION_REFUSED"],
    ]);
    expect(await storeState()).toEqual(before);
  });

  it("attack: a decision number already used is sent again with other subjects", async () => {
    const first = await send(
      USERS.commune.email,
      UNITS.commune.id,
      decisionRows(communeDecision, [communeLine("GV1")]),
    );
    expect(first.status).toBe(200);
    const before = await storeState();
    const reused = await send(
      USERS.commune.email,
      UNITS.commune.id,
      decisionRows(communeDecision, [communeLine("GV1"), communeLine("GV2")]),
    );
    const body = await rejectedRows(reused);
    for (const row of body.rows) {
      expect(row.errors.map((error) => [error.column, error.code])).toEqual([
        ["Số quyết định", "DECISION_REFUSED"],
      ]);
      expect(row.errors[0]?.message).toContain("nội dung khác");
    }
    expect(await storeState()).toEqual(before);
    const stored = before.decisions["XA_XA_AN_PHU_2026-06-20_15"] as { subjects: { subjectId: string }[] };
    expect(stored.subjects.map((subject) => subject.subjectId)).toEqual([personId(communeSchool, "GV1")]);
  });

  it("attack: formula prefixes in the signer's name, to run in the sheet the status is written to", async () => {
    const before = await storeState();
    const formulas = ['=HYPERLINK("http://evil.example","Bấm")', "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3"];
    const rows = formulas.flatMap((name, index) =>
      decisionRows(
        { ...departmentDecision, number: 700 + index, signer: { title: "Giám đốc", name } },
        [highSchoolLine],
        2 + index,
      ),
    );
    // One more whose signer is fine on its first row but a formula on its second, quoted by the conflict.
    const conflict = decisionRows(
      { ...departmentDecision, number: 710 },
      [highSchoolLine, highSchoolLine],
      10,
    );
    const second = conflict[1];
    if (second) {
      second.values["Người ký"] = "=IMPORTXML(A1)";
      second.values["Danh hiệu thi đua/Hình thức khen thưởng"] = "CSTD_CS";
    }
    const body = await rejectedRows(
      await send(USERS.department.email, UNITS.department.id, [...rows, ...conflict]),
    );
    for (const row of body.rows.slice(0, formulas.length))
      expect(row.errors.map((error) => [error.column, error.code])).toEqual([["Người ký", "INVALID_VALUE"]]);
    expect(body.rows.find((row) => row.row === 11)?.errors[0]?.column).toBe("Người ký");
    for (const row of body.rows) expect(statusText(row)).toMatch(/^[^=+\-@]/);
    expect(await storeState()).toEqual(before);
  });

  it("attack: odd Unicode in the decision number (fullwidth digits, a look-alike Đ, invisible and bidi characters)", async () => {
    const before = await storeState();
    const rowWith = (number: string, row: number) => {
      const [first] = decisionRows(departmentDecision, [highSchoolLine], row);
      return { row, values: { ...first?.values, "Số quyết định": number } };
    };
    // Another number than the one printed: refused on its row and column.
    const lookAlikes = [
      "５１２/QĐ-SGDĐT",
      "512/QÐ-SGDĐT",
      "512\u200B/QĐ-SGDĐT",
      "512/QĐ-SGDĐT/../1",
      "-512/QĐ-SGDĐT",
    ];
    const body = await rejectedRows(
      await send(
        USERS.department.email,
        UNITS.department.id,
        lookAlikes.map((number, index) => rowWith(number, 2 + index)),
      ),
    );
    expect(body.rows).toHaveLength(lookAlikes.length);
    for (const row of body.rows) {
      expect(row.errors.map((error) => [error.column, error.code])).toEqual([
        ["Số quyết định", "INVALID_VALUE"],
      ]);
      expect(statusText(row)).toMatch(/^[^=+\-@]/);
    }
    // Text that displays in another order than stored, or control characters: the request is refused.
    for (const number of ["512/QĐ-SGDĐT\u202E", "512/QĐ-SGDĐT\u0000"]) {
      const response = await send(USERS.department.email, UNITS.department.id, [rowWith(number, 2)]);
      expect(response.status).toBe(400);
      expect((await errorOf(response)).code).toBe("INVALID_ARGUMENT");
    }
    expect(await storeState()).toEqual(before);
  });

  it("attack: the tab's Idempotency-Key replayed with other rows", async () => {
    const first = await send(
      USERS.commune.email,
      UNITS.commune.id,
      decisionRows({ ...communeDecision, number: 30 }, [communeLine("GV2")]),
      "qd-tab-1",
    );
    expect(first.status).toBe(200);
    const before = await storeState();
    const replay = await send(
      USERS.commune.email,
      UNITS.commune.id,
      decisionRows({ ...communeDecision, number: 30 }, [communeLine("GV2")]),
      "qd-tab-1",
    );
    expect(replay.status).toBe(200);
    const other = await send(
      USERS.commune.email,
      UNITS.commune.id,
      decisionRows({ ...communeDecision, number: 31 }, [communeLine("GV2")]),
      "qd-tab-1",
    );
    expect(other.status).toBe(409);
    expect((await errorOf(other)).code).toBe("CONFLICT");
    expect(await storeState()).toEqual(before);
  });
});
