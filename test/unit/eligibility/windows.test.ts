import { describe, expect, it } from "vitest";
import {
  type EligibilityCase,
  resolveConfig,
  SubjectHistory,
  schoolYearStartOfDate,
} from "../../../functions/src/domain/eligibility/index.js";
import { history, individualCase, judge, type YearInput } from "./helpers.js";

const build = (years: (YearInput | null)[], config = resolveConfig()) =>
  new SubjectHistory(history(years) as EligibilityCase["history"], config);
const hasCstdcs = (record: { titles: readonly string[] }) => record.titles.includes("CSTD_CS");
const CSTDCS: YearInput = { rating: "HTXS", titles: ["CSTD_CS"] };

describe("windows", () => {
  it("school years start in September", () => {
    expect(schoolYearStartOfDate("2025-08-31")).toBe(2024);
    expect(schoolYearStartOfDate("2025-09-01")).toBe(2025);
  });

  it("a streak stops at a missing year, a NONE year, a failing year", () => {
    expect(build([CSTDCS, null, CSTDCS, CSTDCS]).streak(2025, hasCstdcs)).toEqual({
      years: [2024, 2025],
      stop: { start: 2023, reason: "missing" },
    });
    expect(build([CSTDCS, { rating: "NONE" }, CSTDCS]).streak(2025, hasCstdcs).stop.reason).toBe("not-rated");
    expect(build([CSTDCS, { rating: "HTT" }, CSTDCS]).streak(2025, hasCstdcs).stop.reason).toBe("predicate");
  });

  it("a not-rated maternity year breaks the streak by default, is skipped when configured", () => {
    const years = [CSTDCS, { rating: "NONE", maternityLeaveMonths: 8 }, CSTDCS];
    expect(build(years).streak(2025, hasCstdcs).years).toEqual([2025]);
    const lenient = resolveConfig({ maternityNotRatedYearBreaksStreak: false });
    expect(build(years, lenient).streak(2025, hasCstdcs).years).toEqual([2023, 2025]);
  });

  it("counting restarts after the discipline period (G-04)", () => {
    const disciplined: YearInput = { ...CSTDCS, discipline: [{ level: "KHIEN_TRACH", dutyRelated: false }] };
    const subject = build([CSTDCS, disciplined, CSTDCS, CSTDCS]);
    expect(subject.countingStartAt(2025)).toBe(2024);
    expect(subject.countingStartAt(2022)).toBeUndefined();
    expect(subject.streak(2025, hasCstdcs).stop).toEqual({ start: 2023, reason: "discipline" });
  });

  it("a window after a prior award starts the year after it", () => {
    const subject = build([{ awards: [{ form: "BK_CT_UBND_TINH", kind: "CONG_TRANG" }] }, {}, {}]);
    const prior = subject.latestMerit(["BK_CT_UBND_TINH"], 2025);
    expect(prior).toBe(2023);
    expect(subject.streak(2025, () => true, prior).years).toEqual([2024, 2025]);
  });

  it("đột xuất and chuyên đề awards are not merit (G-03) and are listed", () => {
    const subject = build([
      { awards: [{ form: "BK_CT_UBND_TINH", kind: "DOT_XUAT" }] },
      { awards: [{ form: "CO_TD_TINH", kind: "CHUYEN_DE" }] },
      {},
    ]);
    expect(subject.latestMerit(["BK_CT_UBND_TINH", "CO_TD_TINH"], 2025)).toBeUndefined();
    expect(subject.excludedAwards.map((award) => award.start)).toEqual([2023, 2024]);
    const counted = build(
      [{ awards: [{ form: "BK_CT_UBND_TINH", kind: "DOT_XUAT" }] }],
      resolveConfig({ nonMeritAwardKinds: [] }),
    );
    expect(counted.hasMerit(2025, "BK_CT_UBND_TINH")).toBe(true);
  });

  it("the worked example of docs/eligibility.md keeps its documented outcome", () => {
    const result = judge(
      individualCase("CSTD_TINH", [CSTDCS, { rating: "NONE" }, CSTDCS, CSTDCS], {
        initiatives: [{ level: "TINH", year: "2025-2026" }],
        vote: { agree: 14, members: 15 },
      }),
    );
    expect(result.failed).toEqual(["CSTINH-01"]);
  });
});
