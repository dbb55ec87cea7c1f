import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import type { UnitEligibility } from "../../../functions/src/services/unit-eligibility.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";

const province = sampleProvince();
const unitId = SAMPLE_SCHOOLS.nguyenDu;
const officer = `tdkt.${unitId}@truong.example.org`;
const otherOfficer = `tdkt.${SAMPLE_SCHOOLS.leQuyDon}@truong.example.org`;
// The showcase school's scripted teachers, in script order (see functions/sample/province.ts).
const teachers = province.people
  .filter((p) => p.unitId === unitId && p.position === "Giáo viên")
  .map((p) => p.id);

let api: TestApi;
let report: UnitEligibility;
beforeAll(async () => {
  api = await startTestApi();
  await seedProvince(api.db, province);
  const response = await api.fetch(`/v1/units/${unitId}/years/2025-2026/eligibility`, { as: officer });
  expect(response.status).toBe(200);
  report = (await response.json()) as UnitEligibility;
}, 180_000);
afterAll(() => api.close());

const resultFor = (subjectId: string | undefined, target: string) =>
  report.results.find((result) => result.subjectId === subjectId && result.target === target);

describe("GET /v1/units/{unit}/years/{year}/eligibility", () => {
  it("judges every stored proposal of the unit, with names", () => {
    const stored = province.proposals.filter((p) => p.unitId === unitId);
    expect(report.results).toHaveLength(stored.length);
    expect(resultFor(teachers[0], "LDTT")?.subjectName).toBe(
      province.people.find((p) => p.id === teachers[0])?.fullName,
    );
  });

  it("refuses LĐTT to the teacher disciplined for a duty-related violation, with the rule", () => {
    const result = resultFor(teachers[4], "LDTT");
    expect(result?.status).toBe("ineligible");
    expect(result?.failed).toContain("LDTT-01");
  });

  it("keeps LĐTT for the teacher on maternity leave (G-05)", () => {
    expect(resultFor(teachers[5], "LDTT")?.status).toBe("eligible");
  });

  it("refuses LĐTT to the newcomer who worked 4 months", () => {
    const result = resultFor(teachers[6], "LDTT");
    expect(result?.status).toBe("ineligible");
    expect(result?.checks.some((check) => !check.ok && /tháng/.test(check.message))).toBe(true);
  });

  it("refuses CSTĐCS when the council vote falls short of 80% of all members", () => {
    const result = resultFor(teachers[3], "CSTD_CS");
    expect(result?.status).toBe("ineligible");
    expect(result?.checks.find((check) => !check.ok)?.message).toMatch(/5\/9|5 \/ 9|55,6|55\.6/);
  });

  it("refuses TTLĐXS to the school because not every member completed their duties", () => {
    const result = resultFor(unitId, "TTLDXS");
    expect(result?.status).toBe("ineligible");
    expect(result?.failed).toContain("TTXS-03");
  });

  it("counts the members eligible for LĐTT in this same round toward the school's TTLĐTT (TTTT-03)", () => {
    const share = resultFor(unitId, "TTLDTT")?.checks.find((check) => check.rule === "TTTT-03");
    const eligibleLdtt = report.results.filter((r) => r.target === "LDTT" && r.status === "eligible").length;
    expect(share?.ok).toBe(true);
    expect(share?.message).toContain(String(eligibleLdtt));
  });

  it("is closed to another school's account", async () => {
    const response = await api.fetch(`/v1/units/${unitId}/years/2025-2026/eligibility`, { as: otherOfficer });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe("PERMISSION_DENIED");
  });
});
