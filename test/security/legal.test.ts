/**
 * Attacks on the legal timeline's configuration over real sockets: the year's căn cứ (Cấu hình tab)
 * and the readings of the law (eligibility config).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eligibilityRoutes } from "../../functions/src/http/routes/eligibility.js";
import { sheetRoutes } from "../../functions/src/http/routes/sheets.js";
import { COLLECTIONS } from "../../functions/src/store/firestore.js";
import { ingestBody, officer, seedProvince, specialist, YEAR } from "../fixtures/sheets/rows.js";
import { errorOf, startTestApi, type TestApi } from "../support/api.js";

const QUY_CHE =
  "Quyết định số 25/2024/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Quy chế công tác thi đua, khen thưởng";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [officer, specialist], routes: [...sheetRoutes, ...eligibilityRoutes] });
  await seedProvince(api.db);
  // The Department's own căn cứ for the year, which the attacks try to replace.
  await api.db
    .doc(`${COLLECTIONS.years}/${YEAR}`)
    .set(
      { legalTexts: [{ kind: "QUY_CHE_TINH", citation: QUY_CHE }], legalBasisVersion: "2025-07" },
      { merge: true },
    );
});
afterAll(() => api.close());

const yearConfig = async () => (await api.db.doc(`${COLLECTIONS.years}/${YEAR}`).get()).data();

const sendYearRow = (as: string, values: Record<string, unknown>, unit = specialist.unitId) =>
  api.fetch("/v1/sheets/cau-hinh:ingest", {
    method: "POST",
    as,
    body: JSON.stringify(
      ingestBody("cau-hinh", [{ year: YEAR, legalBasisVersion: "2025-07", ...values }], { unit }),
    ),
  });

describe("legal timeline configuration", () => {
  it("attack: a school officer rewrites the year's căn cứ through the Cấu hình tab", async () => {
    const before = await yearConfig();
    const response = await sendYearRow(
      officer.email,
      { provincialRegulation: "Quyết định giả mạo", citationOfTT_07_2026_BGDDT: "Thông tư giả mạo" },
      officer.unitId,
    );
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
    expect(await yearConfig()).toEqual(before);
  });

  it("attack: a citation longer than a cell is sent to bloat every tờ trình's căn cứ", async () => {
    const before = await yearConfig();
    const response = await sendYearRow(specialist.email, { provincialRegulation: "Căn cứ ".repeat(400) });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { rows: { status: string; errors: { code: string }[] }[] };
    expect(body.rows[0]?.status).toBe("rejected");
    expect(body.rows[0]?.errors.map((error) => error.code)).toEqual(["TOO_LONG"]);
    expect(await yearConfig()).toEqual(before);
  });

  it("attack: a case file imposes a reading of the law that the engine does not define", async () => {
    const response = await api.fetch("/v1/eligibility", {
      method: "POST",
      as: specialist.email,
      body: JSON.stringify({ config: { bkTtgIndividualReading: "ALWAYS_ELIGIBLE" }, cases: [] }),
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(JSON.stringify(error)).toContain("bkTtgIndividualReading");
  });
});
