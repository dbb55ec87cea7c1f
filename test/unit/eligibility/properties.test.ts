import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCollectiveTitle, type Rating, TARGETS } from "../../../functions/src/domain/codes.js";
import {
  type EligibilityCase,
  evaluateCaseFile,
  resolveConfig,
  SubjectHistory,
} from "../../../functions/src/domain/eligibility/index.js";
import { schoolYearStarting } from "../../../functions/src/domain/school-year.js";

const config = resolveConfig();
const RATED: Rating[] = ["KHT", "HT", "HTT", "HTXS"];
const better = (rating: Rating): Rating =>
  RATED[Math.min(RATED.indexOf(rating) + 1, RATED.length - 1)] ?? rating;

const yearArb = fc.record({
  rating: fc.constantFrom<Rating>("HTXS", "HTT", "HT", "KHT", "NONE"),
  titles: fc.subarray(["LDTT", "CSTD_CS", "CSTD_TINH"] as const),
  awards: fc.subarray([
    { form: "BK_CT_UBND_TINH", kind: "CONG_TRANG" },
    { form: "BK_CT_UBND_TINH", kind: "DOT_XUAT" },
    { form: "BK_TTG", kind: "CONG_TRANG" },
    { form: "HCLD_3", kind: "CONG_TRANG" },
  ] as const),
  discipline: fc.oneof(
    { weight: 9, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.constant([{ level: "KHIEN_TRACH", dutyRelated: false }]) },
  ),
  spirit: fc.boolean(),
});

const END = 2025;
const historyArb = fc.array(yearArb, { minLength: 1, maxLength: 10 }).map((years) =>
  years.map((year, index) => ({
    ...year,
    year: schoolYearStarting(END - years.length + 1 + index),
    monthsWorked: 12,
    suspended: false,
    titles: [...year.titles],
    awards: [...year.awards],
    discipline: [...year.discipline],
  })),
);

describe("properties", () => {
  it("adding a qualifying year at the end never breaks a streak: it extends it by one", () => {
    fc.assert(
      fc.property(historyArb, (history) => {
        const qualifies = (record: { titles: readonly string[] }) => record.titles.includes("CSTD_CS");
        const parsed = history as EligibilityCase["history"];
        const before = new SubjectHistory(parsed, config).streak(END, qualifies);
        const next = {
          year: schoolYearStarting(END + 1),
          rating: "HTXS" as const,
          titles: ["LDTT" as const, "CSTD_CS" as const],
          awards: [],
          discipline: [],
          suspended: false,
        };
        const after = new SubjectHistory([...parsed, next], config).streak(END + 1, qualifies);
        expect(after.years.length).toBe(before.years.length + 1);
        expect(after.years.slice(0, -1)).toEqual(before.years);
      }),
      { numRuns: 300 },
    );
  });

  it("improving one year's rating never removes an individual's eligibility", () => {
    const targets = TARGETS.filter((target) => !isCollectiveTitle(target));
    fc.assert(
      fc.property(
        historyArb.filter((history) => history.some((year) => year.rating !== "NONE")),
        fc.nat(),
        fc.nat({ max: 15 }),
        (history, pick, agree) => {
          const rated = history
            .map((year, index) => ({ year, index }))
            .filter(({ year }) => year.rating !== "NONE");
          const chosen = rated[pick % rated.length];
          if (chosen === undefined) return;
          const improved = history.map((year, index) =>
            index === chosen.index ? { ...year, rating: better(year.rating) } : year,
          );
          const base = {
            year: schoolYearStarting(END),
            subject: { kind: "individual" },
            initiatives: [{ level: "TINH", year: schoolYearStarting(END) }],
            vote: { agree, members: 15 },
          };
          const cases = targets.flatMap((target) => [
            { ...base, id: `before-${target}`, target, history },
            { ...base, id: `after-${target}`, target, history: improved },
          ]);
          const { results } = evaluateCaseFile({ cases });
          for (let i = 0; i < results.length; i += 2) {
            const before = results[i];
            const after = results[i + 1];
            if (before?.status === "eligible") expect(after?.status, before.target).toBe("eligible");
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("improving a member's rating never removes a collective title, except through the HTXS cap (RT-05)", () => {
    const memberArb = fc.record({
      rating: fc.constantFrom<Rating>("HTXS", "HTT", "HT", "KHT"),
      titles: fc.subarray(["LDTT", "CSTD_CS"] as const),
    });
    fc.assert(
      fc.property(
        fc.array(memberArb, { minLength: 1, maxLength: 30 }),
        fc.constantFrom<Rating>("HTXS", "HTT"),
        fc.nat(),
        (list, unitRating, pick) => {
          const index = pick % list.length;
          const members = list.map((member) => ({ ...member, titles: [...member.titles], discipline: [] }));
          const improved = members.map((member, i) =>
            i === index ? { ...member, rating: better(member.rating) } : member,
          );
          const base = {
            year: schoolYearStarting(END),
            subject: { kind: "collective" },
            history: [
              { year: schoolYearStarting(END), rating: unitRating, movement: true, solidarity: true },
            ],
          };
          for (const target of ["TTLDTT", "TTLDXS"]) {
            const { results } = evaluateCaseFile({
              cases: [
                { ...base, id: "before", target, members },
                { ...base, id: "after", target, members: improved },
              ],
            });
            const [before, after] = results;
            if (before?.status === "eligible" && after?.status !== "eligible")
              expect(after?.failed).toEqual(["RT-05"]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
