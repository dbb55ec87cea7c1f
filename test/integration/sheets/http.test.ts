/** The sheet routes over a real socket: status codes of docs/design.md §5.3 for ingest and summary. */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IMPORT_ORDER } from "../../../functions/src/cli/commands/import.js";
import { sheetRoutes } from "../../../functions/src/http/routes/sheets.js";
import { summaryRoutes } from "../../../functions/src/http/routes/summary.js";
import type { IngestResponse } from "../../../functions/src/services/ingest.js";
import type { UnitSummary } from "../../../functions/src/sheets/render.js";
import { tabsFor } from "../../../functions/src/sheets/tabs/index.js";
import { buildTemplate, readWorkbook } from "../../../functions/src/sheets/xlsx.js";
import {
  ingestBody,
  OTHER_UNIT,
  officer,
  otherOfficer,
  seedProvince,
  specialist,
  staffRow,
  UNIT,
  YEAR,
} from "../../fixtures/sheets/rows.js";
import { expectedSchoolYearSummary, fillSchoolYear } from "../../fixtures/sheets/workbook.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";

const principal = { email: "hieutruong@th-http.edu.vn", role: "PRINCIPAL", unitId: "th-http" } as const;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({
    users: [officer, otherOfficer, specialist],
    routes: [...sheetRoutes, ...summaryRoutes],
  });
  await seedProvince(api.db);
});
afterAll(() => api.close());

const ingest = (tab: string, body: unknown, as = officer.email, headers: Record<string, string> = {}) =>
  api.fetch(`/v1/sheets/${tab}:ingest`, {
    method: "POST",
    as,
    headers,
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("POST /v1/sheets/{tab}:ingest", () => {
  it("answers 200 with a status per row, then 422 listing the errors per row and column", async () => {
    const ok = await ingest("can-bo", ingestBody("can-bo", [staffRow(1), staffRow(2)]));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ accepted: 2, rejected: 0 });

    const bad = await ingest(
      "can-bo",
      ingestBody("can-bo", [staffRow(3), staffRow(4, { birthDate: "30/02/1990" })]),
    );
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as IngestResponse;
    expect(body).toMatchObject({ accepted: 1, rejected: 1 });
    expect(body.rows[1]).toMatchObject({
      row: 3,
      status: "rejected",
      errors: [{ column: "Ngày sinh", code: "INVALID_DATE" }],
    });
  });

  it("replays a retried request with the same Idempotency-Key", async () => {
    const body = ingestBody("can-bo", [staffRow(5)]);
    const first = await ingest("can-bo", body, officer.email, { "idempotency-key": "http-key-1" });
    const retry = await ingest("can-bo", body, officer.email, { "idempotency-key": "http-key-1" });
    expect(await retry.json()).toEqual(await first.json());
    const other = await ingest("can-bo", ingestBody("can-bo", [staffRow(6)]), officer.email, {
      "idempotency-key": "http-key-1",
    });
    expect(other.status).toBe(409);
  });

  it("answers 403 for another unit's data", async () => {
    const response = await ingest("can-bo", { ...ingestBody("can-bo", [staffRow(7)]), unit: OTHER_UNIT });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
  });

  it("answers 400 for invalid JSON or a malformed body, 404 for an unknown tab", async () => {
    expect((await ingest("can-bo", '{"unit": "thpt-lqd", rows: [')).status).toBe(400);
    expect((await ingest("can-bo", { unit: UNIT, year: YEAR, rows: "không phải danh sách" })).status).toBe(
      400,
    );
    expect((await ingest("khong-co-tab", ingestBody("can-bo", []))).status).toBe(404);
  });

  it("answers 413 for a body over 5 MB and for more rows than allowed", async () => {
    const huge = ingestBody("can-bo", [staffRow(1, { position: "x".repeat(6 * 1024 * 1024) })]);
    expect((await ingest("can-bo", huge)).status).toBe(413);
    const many = ingestBody(
      "can-bo",
      Array.from({ length: 5001 }, () => ({})),
    );
    const response = await ingest("can-bo", many);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toMatch(/5000/);
  });
});

describe("the filled template through HTTP", () => {
  it("sends each tab of the workbook as the Apps Script would, then reads the same summary", async () => {
    const template = buildTemplate(tabsFor("school"));
    const unit = "th-http";
    fillSchoolYear(template, unit);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template.xlsx.writeBuffer()) as ArrayBuffer);
    await api.db.doc(`units/${unit}`).set({ ...(await api.db.doc(`units/${UNIT}`).get()).data(), id: unit });
    await api.db.doc(`users/${principal.email}`).set({ ...principal, unitId: unit });
    const statuses: Record<string, number> = {};
    for (const { tab, sheetName, rows } of readWorkbook(workbook, IMPORT_ORDER).tabs) {
      if (rows.length === 0) continue;
      const body = { unit, year: YEAR, source: { spreadsheetId: "s", sheet: sheetName, revision: 1 }, rows };
      const response = await ingest(tab.id, body, principal.email, { "idempotency-key": `wb-${tab.id}` });
      statuses[tab.id] = response.status;
    }
    expect(statuses).toEqual({ "can-bo": 200, "dang-ky": 200, "ket-qua": 422, "de-nghi": 422 });
    const summary = await api.fetch(`/v1/units/${unit}/years/${YEAR}/summary`, { as: principal.email });
    const body = (await summary.json()) as UnitSummary;
    expect(body.people).toBe(expectedSchoolYearSummary.people);
    expect(body.ratings).toEqual(expectedSchoolYearSummary.ratings);
    expect(body.proposals.map((p) => [p.code, p.name, p.agree, p.members])).toEqual(
      expectedSchoolYearSummary.proposals,
    );
  });
});

describe("GET /v1/units/{unit}/years/{year}/summary", () => {
  it("answers the unit's summary to its officer and to the Department, 403 to another school", async () => {
    const own = await api.fetch(`/v1/units/${UNIT}/years/${YEAR}/summary`, { as: officer.email });
    expect(own.status).toBe(200);
    expect(await own.json()).toMatchObject({ unit: { id: UNIT }, year: YEAR });
    expect(
      (await api.fetch(`/v1/units/${UNIT}/years/${YEAR}/summary`, { as: specialist.email })).status,
    ).toBe(200);
    expect(
      (await api.fetch(`/v1/units/${UNIT}/years/${YEAR}/summary`, { as: otherOfficer.email })).status,
    ).toBe(403);
  });
});
