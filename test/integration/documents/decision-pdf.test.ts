/**
 * The quyết định and its annex rendered from a stored decision (no sample inputs): the number,
 * signer and subjects as recorded, each reward amount at the lương cơ sở in force on the decision's
 * date (TDKT_BASE_SALARY, docs/domain.md §14), and the total. Read back with pdftotext (the pages
 * were rendered with pdftoppm and looked at when this was written).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDecisionProvince, USERS } from "../../fixtures/decisions.js";
import { startTestApi, type TestApi } from "../../support/api.js";
import { pdfInfo, pdfText } from "../../unit/documents/pdf-tools.js";

const example = JSON.parse(readFileSync("examples/decisions/so-quyet-dinh.json", "utf8")) as Record<
  string,
  unknown
>;
const ID = "SO_2026-07-15_512";

/** Records the example decision in a fresh store whose base salary table is `baseSalary`, renders it. */
async function renderWith(baseSalary: string | undefined): Promise<{ api: TestApi; pdf: Buffer }> {
  const api = await startTestApi({
    users: Object.values(USERS),
    ...(baseSalary ? { env: { TDKT_BASE_SALARY: baseSalary } } : {}),
  });
  await seedDecisionProvince(api.db);
  const as = USERS.department.email;
  const recorded = await api.fetch("/v1/decisions", { method: "POST", as, body: JSON.stringify(example) });
  expect(recorded.status).toBe(201);
  const response = await api.fetch(`/v1/decisions/${ID}:document`, { method: "POST", as });
  expect(response.status).toBe(201);
  const { file, number } = (await response.json()) as { file: string; number: string };
  expect(number).toBe("512/QĐ-SGDĐT");
  expect(file).toBe(`quyet-dinh/${ID}.pdf`);
  return { api, pdf: readFileSync(join(api.config.filesDir, file)) };
}

const apis: TestApi[] = [];
afterAll(() => Promise.all(apis.map((api) => api.close())));

describe("the quyết định of a stored decision", { timeout: 180_000 }, () => {
  let pdf: Buffer;
  beforeAll(async () => {
    const rendered = await renderWith(undefined);
    apis.push(rendered.api);
    pdf = rendered.pdf;
  }, 180_000);

  it("prints the decision as recorded: number, date, issuer, subjects, signer", () => {
    const text = pdfText(pdf).replace(/\s+/gu, " ");
    expect(text).toContain("Số: 512/QĐ-SGDĐT");
    expect(text).toContain("Hòa Bình, ngày 15 tháng 7 năm 2026");
    expect(text).toContain("GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    expect(text).toContain("Xét Tờ trình của Trường THPT Lê Quý Đôn");
    expect(text).toContain("Nguyễn Thị Minh Anh");
    expect(text).toContain("Trần Văn Bình");
    expect(text).toContain("Tổ trưởng Tổ Toán - Tin, Trường 0,3 760.000 THPT Lê Quý Đôn");
    expect(text).toContain("Phạm Văn Hùng");
    expect(text).toContain("(Kèm theo Quyết định số 512/QĐ-SGDĐT ngày 15/07/2026");
    // The closing and signature keep together on page 2; the annex list starts a page of its own.
    expect(pdfInfo(pdf).Pages).toBe("3");
  });

  it("computes each amount at the lương cơ sở of the decision's date (2,530,000 đ from 01/7/2026)", () => {
    const text = pdfText(pdf).replace(/\s+/gu, " ");
    expect(text).toContain("lương cơ sở 2.530.000 đồng");
    // LĐTT 0,3 × 2.530.000 = 759.000, rounded up to 760.000; CSTĐCS 1,0 × = 2.530.000.
    expect(text).toMatch(/0,3 760\.000/);
    expect(text).toMatch(/1,0 2\.530\.000/);
    expect(text).toContain("tổng số tiền: 4.050.000 đồng");
  });

  it("follows the configured table: with 2,340,000 đ still in force the amounts change", async () => {
    const rendered = await renderWith("2024-07-01=2340000");
    apis.push(rendered.api);
    const text = pdfText(rendered.pdf).replace(/\s+/gu, " ");
    expect(text).toContain("lương cơ sở 2.340.000 đồng");
    // 0,3 × 2.340.000 = 702.000 → 710.000; total 2 × 710.000 + 2.340.000.
    expect(text).toContain("tổng số tiền: 3.760.000 đồng");
  });
});
