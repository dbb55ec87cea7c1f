/** GET /v1/years/{year}/exports/province and GET /v1/years/{year}/statistics over a real socket. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { User } from "../../../functions/src/domain/model.js";
import type { YearStatistics } from "../../../functions/src/services/statistics.js";
import { openXlsx } from "../../fixtures/province/templates.js";
import { LEDGER_YEAR, SO_SCHOOL, seedProvinceWorld, YEAR } from "../../fixtures/province/world.js";
import { startTestApi, type TestApi } from "../../support/api.js";

const specialist: User = { email: "chuyenvien@sgd.example.org", role: "DEPT_SPECIALIST", unitId: "so-gddt" };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ users: [specialist] });
  await seedProvinceWorld(api.db);
}, 60_000);
afterAll(() => api.close());

describe("GET /v1/years/{year}/exports/province", () => {
  it("answers the collectives' list as an .xlsx download of the province's template", async () => {
    const response = await api.fetch(`/v1/years/${YEAR}/exports/province?kind=tapthe`, {
      as: specialist.email,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="tdkt-tapthe-${YEAR}.xlsx"`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    const book = await openXlsx(bytes);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["DANHSACH", "DANHMUC"]);
    expect(book.getWorksheet("DANHSACH")?.getCell("B4").value).toBe(SO_SCHOOL.name);
    expect(book.getWorksheet("DANHSACH")?.getCell("B3").value).toBe("Tên đơn vị / tập thể");
  }, 60_000);

  it("answers the individuals' list under kind=canhan", async () => {
    const response = await api.fetch(`/v1/years/${YEAR}/exports/province?kind=canhan`, {
      as: specialist.email,
    });
    expect(response.status).toBe(200);
    const book = await openXlsx(Buffer.from(await response.arrayBuffer()));
    expect(book.getWorksheet("DANHSACH")?.getCell("B3").value).toBe("Họ và tên");
    expect(book.getWorksheet("DANHSACH")?.getCell("G4").value).toBe(SO_SCHOOL.name);
  }, 60_000);
});

describe("GET /v1/years/{year}/statistics", () => {
  it("answers the counts by class of subject and their table", async () => {
    const response = await api.fetch(`/v1/years/${LEDGER_YEAR}/statistics`, { as: specialist.email });
    expect(response.status).toBe(200);
    const body = (await response.json()) as YearStatistics & { table: { rows: unknown[][] } };
    expect(body.totals.total).toBe(7);
    expect(body.lines.find((line) => line.code === "LDTT")?.counts.LANH_DAO_TU_PHO_PHONG).toBe(2);
    expect(body.table.rows.at(-1)).toEqual(["Tổng cộng", 0, 0, 3, 3, 1, 7]);
  });
});
