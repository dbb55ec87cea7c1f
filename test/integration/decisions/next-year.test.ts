/**
 * From proposal to public board, end to end over HTTP against the emulator: a commune-managed
 * school's sheet rows (staff, history, ratings, initiative, proposals with the council's vote) →
 * its dossier built and submitted → the commune appraises and approves it → the commune enters its
 * decision through the tab "Quyết định khen thưởng", published by its "Công bố" cell → the school's
 * public board shows it → next year's eligibility counts this year's CSTĐ cơ sở in the CSTĐ tỉnh
 * streak (CSTINH-01) → after a revocation (G-10) it no longer counts, and the board drops it.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Decision } from "../../../functions/src/domain/decision.js";
import type { IngestResponse } from "../../../functions/src/services/ingest.js";
import { decisionRows, decisionTabBody, seedYear } from "../../fixtures/decision-tab.js";
import { communeDecision, NEXT_YEAR, UNITS, USERS, YEAR } from "../../fixtures/decisions.js";
import { byHeader } from "../../fixtures/sheets/rows.js";
import { startTestApi, type TestApi } from "../../support/api.js";

const school = UNITS.communeSchool.id;
const principal = USERS.communeSchoolPrincipal.email;
const commune = USERS.commune.email;
const GV1 = "ND-GV1";
const GV2 = "ND-GV2";
const DECISION_ID = "XA_XA_AN_PHU_2026-06-20_15";
const LAST_YEAR = "2024-2025";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: Object.values(USERS) });
  await Promise.all([
    ...Object.values(UNITS).map((unit) => api.db.doc(`units/${unit.id}`).set(unit)),
    seedYear(api.db, LAST_YEAR),
    seedYear(api.db, YEAR),
    seedYear(api.db, NEXT_YEAR),
  ]);
});
afterAll(() => api.close());

const post = (path: string, as: string, body?: unknown) =>
  api.fetch(path, { method: "POST", as, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** The school's sheet sends one tab, rows by column key (every row must be accepted). */
async function sendTab(tab: string, year: string, rows: Record<string, unknown>[]) {
  const response = await post(`/v1/sheets/${tab}:ingest`, principal, {
    unit: school,
    year,
    rows: rows.map((values, index) => ({ row: index + 2, values: byHeader(tab, values) })),
  });
  const body = (await response.json()) as IngestResponse;
  expect(body.rejected, `${tab}: ${JSON.stringify(body.rows)}`).toBe(0);
  expect(response.status).toBe(200);
}

/** CSTINH-01 (three CSTĐ cơ sở in a row) for GV1's CSTĐ tỉnh proposal of next year. */
async function streakHolds(): Promise<boolean | undefined> {
  const response = await api.fetch(`/v1/units/${school}/years/${NEXT_YEAR}/eligibility`, { as: principal });
  expect(response.status).toBe(200);
  const { results } = (await response.json()) as {
    results: { subjectId: string; target: string; checks: { rule: string; ok: boolean }[] }[];
  };
  const result = results.find((candidate) => candidate.subjectId === GV1 && candidate.target === "CSTD_TINH");
  return result?.checks.find((check) => check.rule === "CSTINH-01")?.ok;
}

async function boardNames(): Promise<string[]> {
  const response = await api.fetch(`/v1/units/${school}/years/${YEAR}/board`, { as: principal });
  expect(response.status).toBe(200);
  const { board } = (await response.json()) as {
    board: { groups: { code: string; lines: { name: string }[] }[] };
  };
  return board.groups.flatMap((group) => group.lines.map((line) => `${group.code}:${line.name}`)).sort();
}

describe("sheet → dossier → decision through the tab → board → next year's eligibility", {
  timeout: 300_000,
}, () => {
  it("the school's rows are stored from its sheet", async () => {
    await sendTab("can-bo", YEAR, [
      {
        id: GV1,
        fullName: "Nguyễn Thị Minh Anh",
        gender: "Nữ",
        birthDate: "12/03/1985",
        position: "Tổ trưởng",
        group: "Tổ Toán",
      },
      {
        id: GV2,
        fullName: "Trần Văn Bình",
        gender: "Nam",
        birthDate: "04/11/1990",
        position: "Giáo viên",
        group: "Tổ Ngữ văn",
      },
    ]);
    await sendTab("lich-su", YEAR, [
      {
        subjectKind: "Cá nhân",
        subjectId: GV1,
        year: LAST_YEAR,
        code: "CSTD_CS",
        decisionNo: "20/QĐ-UBND",
        decisionDate: "20/06/2025",
        issuer: "Ủy ban nhân dân xã An Phú",
      },
    ]);
    await sendTab("ket-qua", LAST_YEAR, [
      { subjectKind: "Cá nhân", subjectId: GV1, rating: "HTXS", spirit: "Có" },
    ]);
    await sendTab("ket-qua", YEAR, [
      { subjectKind: "Cá nhân", subjectId: GV1, rating: "HTXS", spirit: "Có" },
      { subjectKind: "Cá nhân", subjectId: GV2, rating: "HTT", spirit: "Có" },
    ]);
    await sendTab("sang-kien", YEAR, [
      {
        code: "SK-01",
        kind: "Sáng kiến",
        title: "Dạy học Toán theo dự án",
        ownerIds: GV1,
        level: "Cấp cơ sở",
      },
    ]);
    // The council of the meeting (examples/dossier/thcs-nguyen-du.json): 9 members, all present.
    const vote = { ballotType: "Kín", members: 9, issued: 9, returned: 9, valid: 9, agree: 9, disagree: 0 };
    await sendTab("de-nghi", YEAR, [
      { subjectKind: "Cá nhân", subjectId: GV1, target: "LDTT" },
      { subjectKind: "Cá nhân", subjectId: GV1, target: "CSTD_CS", ...vote },
      { subjectKind: "Cá nhân", subjectId: GV2, target: "LDTT" },
    ]);
    // Next year: the CSTĐ cơ sở of that year recognised, and the CSTĐ tỉnh proposed.
    await sendTab("ket-qua", NEXT_YEAR, [
      { subjectKind: "Cá nhân", subjectId: GV1, rating: "HTXS", spirit: "Có", titles: "LDTT; CSTD_CS" },
    ]);
    await sendTab("de-nghi", NEXT_YEAR, [{ subjectKind: "Cá nhân", subjectId: GV1, target: "CSTD_TINH" }]);
    // 2024-2025 and 2026-2027 only: this year's CSTĐ cơ sở is not decided yet.
    expect(await streakHolds()).toBe(false);
  });

  it("the dossier is built, submitted by the school and approved by its commune", async () => {
    const options = {
      ...JSON.parse(await readFile("examples/dossier/thcs-nguyen-du.json", "utf8")),
      signer: { title: "Hiệu trưởng", name: "Phan Văn Anh" },
    };
    const built = await post(`/v1/units/${school}/years/${YEAR}/dossiers`, principal, options);
    expect(built.status, await built.clone().text()).toBe(201);
    const { id } = (await built.json()) as { id: string };
    expect(id).toBe(`${school}_${YEAR}`);
    for (const [as, to] of [
      [principal, "SUBMITTED"],
      [commune, "UNDER_APPRAISAL"],
      [commune, "COUNCIL_REVIEW"],
      [commune, "APPROVED"],
    ] as const) {
      const step = await post(`/v1/dossiers/${id}:transition`, as, { to });
      expect(step.status, `${to}: ${await step.clone().text()}`).toBe(200);
    }
  });

  it("the commune enters its decision through the tab, published at once; the board shows it", async () => {
    const dossierId = `${school}_${YEAR}`;
    const rows = decisionRows(
      communeDecision,
      [
        { dossierId, subjectId: GV1, target: "CSTD_CS" },
        { dossierId, subjectId: GV1, target: "LDTT" },
        { dossierId, subjectId: GV2, target: "LDTT" },
      ],
      2,
      { "Công bố": "Có" },
    );
    const response = await post(
      "/v1/sheets/quyet-dinh:ingest",
      commune,
      decisionTabBody(UNITS.commune.id, YEAR, rows),
    );
    const body = (await response.json()) as IngestResponse;
    expect(response.status, JSON.stringify(body.rows)).toBe(200);
    expect(body.rows.map((row) => row.change)).toEqual(["created", "created", "created"]);
    const decision = (await api.db.doc(`decisions/${DECISION_ID}`).get()).data() as Decision;
    expect(decision.state).toBe("PUBLISHED");
    expect(decision.numberText).toBe("15/QĐ-UBND");
    expect((await api.db.doc(`dossiers/${dossierId}`).get()).get("state")).toBe("PUBLISHED");
    expect(await boardNames()).toEqual([
      "CSTD_CS:Nguyễn Thị Minh Anh",
      "LDTT:Nguyễn Thị Minh Anh",
      "LDTT:Trần Văn Bình",
    ]);
  });

  it("next year's eligibility counts the CSTĐ cơ sở decided this year in the streak", async () => {
    expect(await streakHolds()).toBe(true);
  });

  it("after the commune revokes its decision (G-10) it no longer counts, nor shows on the board", async () => {
    const revoked = await post(`/v1/decisions/${DECISION_ID}:revoke`, commune, {
      reason: "Kê khai thành tích không đúng sự thật",
    });
    expect(revoked.status).toBe(200);
    expect(await streakHolds()).toBe(false);
    expect(await boardNames()).toEqual([]);
  });
});
