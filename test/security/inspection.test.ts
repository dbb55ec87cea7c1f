/**
 * Attacks on inspection and consultation (GET /v1/years/{year}/inspections, POST …/inspections/{visit}/
 * document, the three Department tabs): another unit's findings, a school on a Department route or tab,
 * odd ids, years and Unicode in the path, a replayed send. Each is refused with its status and code, and
 * nothing in the store changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEPARTMENT_UNIT_ID,
  type Province,
  SAMPLE_SCHOOLS,
  sampleProvince,
} from "../../functions/sample/province.js";
import { COLLECTIONS } from "../../functions/src/domain/collections.js";
import type { InspectionsView } from "../../functions/src/services/inspections.js";
import { ATTACKER, DEPARTMENT, officerOf, startSampleApi, VICTIM, YEAR } from "../fixtures/sample-actors.js";
import { errorOf, type TestApi } from "../support/api.js";

let api: TestApi;
let province: Province;
beforeAll(async () => {
  province = sampleProvince();
  api = await startSampleApi(province);
}, 180_000);
afterAll(() => api.close());

const issuer = {
  parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
  name: "Sở Giáo dục và Đào tạo",
  abbreviation: "SGDĐT",
  place: "Hà Tĩnh",
};
const attacker = officerOf(ATTACKER);
const victimVisit = () => province.inspectionVisits.find((visit) => visit.unitId === VICTIM)?.visitId ?? "";

/** What a refused request must leave as it was: the plan, the findings, the teams, the audit log. */
async function storeState() {
  const docs = async (collection: string) =>
    (await api.db.collection(`${COLLECTIONS.years}/${YEAR}/${collection}`).get()).docs
      .map((doc) => `${doc.id}:${JSON.stringify(doc.data())}`)
      .sort();
  return {
    visits: await docs(COLLECTIONS.inspectionVisits),
    findings: await docs(COLLECTIONS.inspectionFindings),
    teams: await docs(COLLECTIONS.inspectionTeams),
    audit: (await api.db.collection(COLLECTIONS.audit).count().get()).data().count,
  };
}

async function expectRefused(request: () => Promise<Response>, status: number, code: string, field?: string) {
  const before = await storeState();
  const response = await request();
  expect(response.status).toBe(status);
  const error = await errorOf(response);
  expect(error.code).toBe(code);
  if (field !== undefined) expect(error.field).toBe(field);
  expect(error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
  expect(await storeState()).toEqual(before);
}

const ingestAs = (as: string, tab: string, values: Record<string, unknown>, unit = DEPARTMENT_UNIT_ID) =>
  api.fetch(`/v1/sheets/${tab}:ingest`, {
    as,
    method: "POST",
    body: JSON.stringify({ unit, year: YEAR, rows: [{ row: 2, values }] }),
  });

describe("attacks on inspection and consultation", { timeout: 60_000 }, () => {
  it("attack: a school asks for another school's findings with ?unit=", async () => {
    await expectRefused(
      () => api.fetch(`/v1/years/${YEAR}/inspections?unit=${VICTIM}`, { as: attacker }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school reads the dashboard and finds another school's visit in it", async () => {
    const before = await storeState();
    const response = await api.fetch(`/v1/years/${YEAR}/inspections`, { as: attacker });
    expect(response.status).toBe(200);
    const text = await response.text();
    const view = JSON.parse(text) as InspectionsView;
    expect(view.visits).toEqual([]);
    expect(view.totals.checked).toBe(0);
    for (const visit of province.inspectionVisits) expect(text).not.toContain(visit.unitId);
    expect(await storeState()).toEqual(before);
  });

  it("attack: a school asks for the victim's Biên bản kiểm tra (a Department route)", async () => {
    await expectRefused(
      () =>
        api.fetch(`/v1/years/${YEAR}/inspections/${victimVisit()}/document`, {
          as: officerOf(VICTIM),
          method: "POST",
          body: JSON.stringify({ issuer }),
        }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a commune specialist asks for a Biên bản of a school it manages", async () => {
    const commune = province.users.find((user) => user.role === "COMMUNE_SPECIALIST");
    await expectRefused(
      () =>
        api.fetch(`/v1/years/${YEAR}/inspections/${victimVisit()}/document`, {
          as: commune?.email ?? "",
          method: "POST",
          body: JSON.stringify({ issuer }),
        }),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school writes itself a đạt in the Department's Kết quả kiểm tra", async () => {
    const visitId = province.inspectionVisits.find(
      (visit) => visit.unitId === SAMPLE_SCHOOLS.leQuyDon,
    )?.visitId;
    await expectRefused(
      () =>
        ingestAs(
          officerOf(SAMPLE_SCHOOLS.leQuyDon),
          "ket-qua-kiem-tra",
          { "Mã cuộc kiểm tra": visitId, "Nội dung kiểm tra": "HO_SO", "Kết quả": "Đạt" },
          SAMPLE_SCHOOLS.leQuyDon,
        ),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a school plans a visit to its rival through Kế hoạch kiểm tra", async () => {
    await expectRefused(
      () =>
        ingestAs(
          attacker,
          "ke-hoach-kiem-tra",
          {
            "Mã cuộc kiểm tra": "kt-gia",
            "Mã đoàn": "doan-1",
            "Mã đơn vị": VICTIM,
            "Ngày kiểm tra": "01/05/2026",
            "Hình thức": "Đầu năm học",
          },
          ATTACKER,
        ),
      403,
      "PERMISSION_DENIED",
    );
  });

  it("attack: a path-walking visit id, an encoded slash, and a bidi override in the visit id", async () => {
    for (const visit of ["..%2F..%2Funits%2Fthcs-nguyen-du", "kt-01%2F..", "kt%E2%80%AE10"]) {
      const before = await storeState();
      const response = await api.fetch(`/v1/years/${YEAR}/inspections/${visit}/document`, {
        as: DEPARTMENT,
        method: "POST",
        body: JSON.stringify({ issuer }),
      });
      expect([400, 404]).toContain(response.status);
      expect(["INVALID_ARGUMENT", "NOT_FOUND"]).toContain((await errorOf(response)).code);
      expect(await storeState()).toEqual(before);
    }
  });

  it("attack: an odd ?unit= and a year that is not a school year", async () => {
    await expectRefused(
      () =>
        api.fetch(`/v1/years/${YEAR}/inspections?unit=${encodeURIComponent("thcs-nguyen-du\u202E")}`, {
          as: DEPARTMENT,
        }),
      400,
      "INVALID_ARGUMENT",
      "query.unit",
    );
    await expectRefused(
      () => api.fetch("/v1/years/2025-2027/inspections", { as: DEPARTMENT }),
      400,
      "INVALID_ARGUMENT",
      "path.year",
    );
  });

  it("attack: a Biên bản with an issuer body carrying extra fields or none", async () => {
    await expectRefused(
      () =>
        api.fetch(`/v1/years/${YEAR}/inspections/${victimVisit()}/document`, {
          as: DEPARTMENT,
          method: "POST",
          body: JSON.stringify({ issuer: { name: "" } }),
        }),
      422,
      "MISSING_DATA",
    );
  });

  it("attack: the same Kết quả row replayed under one Idempotency-Key changes nothing the second time", async () => {
    const visitId = victimVisit();
    const send = () =>
      api.fetch("/v1/sheets/ket-qua-kiem-tra:ingest", {
        as: DEPARTMENT,
        method: "POST",
        headers: { "idempotency-key": "kiem-tra-replay-1" },
        body: JSON.stringify({
          unit: DEPARTMENT_UNIT_ID,
          year: YEAR,
          rows: [
            {
              row: 2,
              values: {
                "Mã cuộc kiểm tra": visitId,
                "Nội dung kiểm tra": "VAN_BAN",
                "Kết quả": "Đạt",
                "Ghi chú": "Đã xem sổ công văn.",
              },
            },
          ],
        }),
      });
    expect((await send()).status).toBe(200);
    const before = await storeState();
    const replay = await send();
    expect(replay.status).toBe(200);
    expect(await storeState()).toEqual(before);
  });
});
