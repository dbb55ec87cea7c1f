import { describe, expect, it } from "vitest";
import type { Rating, Title } from "../../../functions/src/domain/codes.js";
import {
  analyseUnit,
  commitmentMissed,
  isManager,
  type LevelingUnitInput,
  sumDistributions,
  unitDistribution,
} from "../../../functions/src/domain/leveling.js";
import {
  DEFAULT_LEVELING_CONFIG,
  resolveLevelingConfig,
} from "../../../functions/src/domain/leveling-config.js";
import type { LevelingFlag } from "../../../functions/src/domain/leveling-schema.js";
import type { YearRecord } from "../../../functions/src/domain/model.js";

const YEAR = "2024-2025";
const WINDOW = ["2020-2021", "2021-2022", "2022-2023", "2023-2024", "2024-2025"];

const record = (subjectId: string, year: string, rating: Rating, titles: Title[] = []): YearRecord => ({
  year,
  subjectKind: "individual",
  subjectId,
  unitId: "u",
  rating,
  titles,
  awards: [],
  discipline: [],
  suspended: false,
});

/** A unit of `size` teachers (t1…) and two managers (m1 Hiệu trưởng, m2 Phó Hiệu trưởng). */
function unit(size: number, overrides: Partial<LevelingUnitInput> = {}): LevelingUnitInput {
  const teachers = Array.from({ length: size }, (_, i) => ({
    id: `t${i + 1}`,
    fullName: `Giáo viên ${i + 1}`,
    position: "Giáo viên",
    group: "Tổ Toán",
  }));
  return {
    unit: { id: "u", name: "Trường THCS Thử" },
    people: [
      { id: "m1", fullName: "Hiệu trưởng A", position: "Hiệu trưởng", group: "Ban Giám hiệu" },
      { id: "m2", fullName: "Phó B", position: "Phó Hiệu trưởng", group: "Ban Giám hiệu" },
      ...teachers,
    ],
    records: [],
    initiatives: [],
    ...overrides,
  };
}

/** Every person HTT + LĐTT in every window year, then `change` applied. */
function plainRecords(input: LevelingUnitInput): YearRecord[] {
  return input.people.flatMap((person) => WINDOW.map((year) => record(person.id, year, "HTT", ["LDTT"])));
}

const options = { year: YEAR, htxsCapDenominator: "HTT_ONLY" as const, config: DEFAULT_LEVELING_CONFIG };

function analyse(input: LevelingUnitInput) {
  const province = sumDistributions([unitDistribution(input.records, YEAR)]);
  return analyseUnit(input, province, options);
}

const flagOf = <C extends LevelingFlag["code"]>(flags: LevelingFlag[], code: C) =>
  flags.find((flag): flag is Extract<LevelingFlag, { code: C }> => flag.code === code);

/** Sets this year's rating of the first `count` people of the list. */
function rate(records: YearRecord[], ids: readonly string[], rating: Rating, year = YEAR): YearRecord[] {
  return records.map((r) => (r.year === year && ids.includes(r.subjectId) ? { ...r, rating } : r));
}

function give(records: YearRecord[], id: string, years: readonly string[], title: Title): YearRecord[] {
  return records.map((r) =>
    r.subjectId === id && years.includes(r.year) ? { ...r, titles: [...r.titles, title] } : r,
  );
}

describe("manager rule", () => {
  it("counts heads and deputies of the unit, not heads of groups", () => {
    expect(isManager({ position: "Hiệu trưởng" })).toBe(true);
    expect(isManager({ position: "Phó Hiệu trưởng" })).toBe(true);
    expect(isManager({ position: "pho hieu truong" })).toBe(true);
    expect(isManager({ position: "Phó Giám đốc" })).toBe(true);
    expect(isManager({ position: "Quyền Hiệu trưởng" })).toBe(true);
    expect(isManager({ position: "Giáo viên", staffCategory: "Cán bộ quản lý" })).toBe(true);
    expect(isManager({ position: "Tổ trưởng" })).toBe(false);
    expect(isManager({ position: "Giáo viên" })).toBe(false);
    expect(isManager({})).toBe(false);
  });
});

describe("distribution and the HTXS cap", () => {
  it("counts ratings and titles, shares of the rated, and the RT-05 cap with its excess", () => {
    const input = unit(10);
    // 12 people: 5 HTXS, 6 HTT, 1 NONE; cap 20% of 6 HTT = 1, so 4 over.
    let records = plainRecords(input);
    records = rate(records, ["t1", "t2", "t3", "t4", "t5"], "HTXS");
    records = rate(records, ["t10"], "NONE");
    const result = analyse({ ...input, records });
    expect(result.people).toBe(12);
    expect(result.rated).toBe(11);
    expect(result.ratings.HTXS).toMatchObject({ count: 5, share: 5 / 11 });
    expect(result.ratings.NONE).toMatchObject({ count: 1, share: 1 / 12 });
    expect(result.titles.LDTT).toMatchObject({ count: 12, share: 1 });
    expect(result.htxsCap).toMatchObject({ ok: false, htxs: 5, max: 1, excess: 4, share: 0.2 });
    expect(result.htxsCap.message).toContain("vượt tối đa 1");
  });

  it("compares with the province's shares", () => {
    const a = unit(8);
    const aRecords = rate(plainRecords(a), ["t1", "t2", "t3", "t4"], "HTXS");
    const bRecords = plainRecords(unit(8));
    const province = sumDistributions([unitDistribution(aRecords, YEAR), unitDistribution(bRecords, YEAR)]);
    const result = analyseUnit({ ...a, records: aRecords }, province, options);
    expect(result.ratings.HTXS?.share).toBeCloseTo(4 / 10);
    expect(result.ratings.HTXS?.provinceShare).toBeCloseTo(4 / 20);
  });
});

describe("NEAR_ALL_HTXS", () => {
  it("fires at 80% of the rated, with its figures", () => {
    const input = unit(8); // 10 people
    const records = rate(plainRecords(input), ["m1", "m2", "t1", "t2", "t3", "t4", "t5", "t6"], "HTXS");
    const flag = flagOf(analyse({ ...input, records }).flags, "NEAR_ALL_HTXS");
    expect(flag).toMatchObject({ htxs: 8, rated: 10, share: 0.8, threshold: 0.8 });
    expect(flag?.message).toContain("8/10 người được đánh giá (80%)");
  });

  it("does not fire at 70%, nor in a unit with fewer rated than minRated", () => {
    const input = unit(8);
    const seven = rate(plainRecords(input), ["m1", "m2", "t1", "t2", "t3", "t4", "t5"], "HTXS");
    expect(flagOf(analyse({ ...input, records: seven }).flags, "NEAR_ALL_HTXS")).toBeUndefined();
    const tiny = unit(2); // 4 people, all HTXS
    const all = rate(plainRecords(tiny), ["m1", "m2", "t1", "t2"], "HTXS");
    expect(flagOf(analyse({ ...tiny, records: all }).flags, "NEAR_ALL_HTXS")).toBeUndefined();
  });
});

describe("ROTATION", () => {
  it("REPEAT: the same person holds CSTĐCS 4 of 5 years with nothing new in those years", () => {
    const input = unit(10);
    const records = give(plainRecords(input), "t3", WINDOW.slice(1), "CSTD_CS");
    // An initiative in a year the title was not held is no evidence for the years it was.
    const initiatives = [{ ownerIds: ["t3"], year: WINDOW[0] as string }];
    const flag = flagOf(analyse({ ...input, records, initiatives }).flags, "ROTATION");
    expect(flag).toMatchObject({ pattern: "REPEAT", title: "CSTD_CS", threshold: 4 });
    expect(flag?.holders).toEqual([{ personId: "t3", fullName: "Giáo viên 3", years: WINDOW.slice(1) }]);
    expect(flag?.message).toContain("Giáo viên 3 (2021-2022, 2022-2023, 2023-2024, 2024-2025)");
  });

  it("REPEAT does not fire with an initiative or a coached prize in a year held, nor for 3 years only", () => {
    const input = unit(10);
    const records = give(plainRecords(input), "t3", WINDOW.slice(1), "CSTD_CS");
    const withInitiative = { ...input, records, initiatives: [{ ownerIds: ["t3"], year: "2022-2023" }] };
    expect(flagOf(analyse(withInitiative).flags, "ROTATION")).toBeUndefined();
    const withPrize = { ...input, records, achievements: [{ coachIds: ["t3"], year: "2023-2024" }] };
    expect(flagOf(analyse(withPrize).flags, "ROTATION")).toBeUndefined();
    const thrice = give(plainRecords(input), "t3", WINDOW.slice(1, 4), "CSTD_CS");
    expect(flagOf(analyse({ ...input, records: thrice }).flags, "ROTATION")).toBeUndefined();
  });

  it("TURNS: four people each hold CSTĐCS once, in turn, none with an initiative", () => {
    const input = unit(10);
    let records = plainRecords(input);
    ["t1", "t2", "t3", "t4"].forEach((id, i) => {
      records = give(records, id, [WINDOW[i + 1] as string], "CSTD_CS");
    });
    const flag = flagOf(analyse({ ...input, records }).flags, "ROTATION");
    expect(flag).toMatchObject({ pattern: "TURNS", threshold: 4 });
    expect(flag?.holders.map((holder) => holder.personId).sort()).toEqual(["t1", "t2", "t3", "t4"]);
  });

  it("TURNS does not fire when one holder had an initiative that year, or with three holders", () => {
    const input = unit(10);
    let records = plainRecords(input);
    ["t1", "t2", "t3", "t4"].forEach((id, i) => {
      records = give(records, id, [WINDOW[i + 1] as string], "CSTD_CS");
    });
    const initiatives = [{ ownerIds: ["t2"], year: WINDOW[2] as string }];
    expect(flagOf(analyse({ ...input, records, initiatives }).flags, "ROTATION")).toBeUndefined();
    const three = plainRecords(input).map((r) =>
      ["t1", "t2", "t3"].includes(r.subjectId) && r.year === WINDOW[Number(r.subjectId.slice(1))]
        ? { ...r, titles: [...r.titles, "CSTD_CS" as const] }
        : r,
    );
    expect(flagOf(analyse({ ...input, records: three }).flags, "ROTATION")).toBeUndefined();
  });
});

describe("MANAGER_SHARE", () => {
  it("fires when 2 managers of 12 take 4 of 5 CSTĐCS (ratio 4.8)", () => {
    const input = unit(10);
    let records = give(plainRecords(input), "m1", [WINDOW[0] as string, WINDOW[2] as string], "CSTD_CS");
    records = give(records, "m2", [WINDOW[1] as string, WINDOW[3] as string], "CSTD_CS");
    records = give(records, "t1", [WINDOW[4] as string], "CSTD_CS");
    const initiatives = WINDOW.flatMap((year) => [{ ownerIds: ["m1", "m2", "t1"], year }]);
    const flag = flagOf(analyse({ ...input, records, initiatives }).flags, "MANAGER_SHARE");
    expect(flag).toMatchObject({ managerYears: 10, staffYears: 60, managerTitles: 4, titles: 5 });
    expect(flag?.ratio).toBeCloseTo(0.8 / (10 / 60));
    expect(flag?.message).toContain("(4/5), gấp 4,8 lần");
  });

  it("does not fire when managers hold their share, or with too few titles", () => {
    const input = unit(10);
    const initiatives = WINDOW.map((year) => ({ ownerIds: ["m1", "t1", "t2", "t3", "t4", "t5"], year }));
    let fair = give(plainRecords(input), "m1", [WINDOW[0] as string], "CSTD_CS");
    for (const id of ["t1", "t2", "t3", "t4", "t5"]) fair = give(fair, id, [WINDOW[1] as string], "CSTD_CS");
    expect(flagOf(analyse({ ...input, records: fair, initiatives }).flags, "MANAGER_SHARE")).toBeUndefined();
    const few = give(plainRecords(input), "m1", WINDOW.slice(0, 3), "CSTD_CS");
    expect(flagOf(analyse({ ...input, records: few, initiatives }).flags, "MANAGER_SHARE")).toBeUndefined();
  });
});

describe("RATINGS_VS_RESULTS", () => {
  const commitments = [
    { key: "Tỷ lệ lên lớp (%)", target: 98, achieved: 91 },
    { key: "Tỷ lệ bỏ học (%)", target: "≤ 1", achieved: "2,5" },
    { key: "Chuẩn quốc gia", target: "Đạt chuẩn mức 2", achieved: "đạt chuẩn mức 2" },
    { key: "Học sinh giỏi tỉnh", target: 10, achieved: 12 },
  ];

  it("fires when the unit missed half its commitments and 30% are HTXS", () => {
    const input = unit(8); // 10 people, 3 HTXS
    const records = rate(plainRecords(input), ["t1", "t2", "t3"], "HTXS");
    const flag = flagOf(
      analyse({ ...input, records, registration: { commitments } }).flags,
      "RATINGS_VS_RESULTS",
    );
    expect(flag).toMatchObject({ assessed: 4, missedShare: 0.5, htxs: 3, rated: 10, htxsShare: 0.3 });
    expect(flag?.missed.map((c) => c.key)).toEqual(["Tỷ lệ lên lớp (%)", "Tỷ lệ bỏ học (%)"]);
    expect(flag?.message).toContain("không đạt 2/4 chỉ tiêu");
  });

  it("does not fire with 10% HTXS, with commitments met, or with no results entered", () => {
    const input = unit(8);
    const two = rate(plainRecords(input), ["t1"], "HTXS");
    expect(
      flagOf(analyse({ ...input, records: two, registration: { commitments } }).flags, "RATINGS_VS_RESULTS"),
    ).toBeUndefined();
    const three = rate(plainRecords(input), ["t1", "t2", "t3"], "HTXS");
    const met = commitments.slice(2);
    expect(
      flagOf(
        analyse({ ...input, records: three, registration: { commitments: met } }).flags,
        "RATINGS_VS_RESULTS",
      ),
    ).toBeUndefined();
    const pending = commitments.map(({ key, target }) => ({ key, target }));
    expect(
      flagOf(
        analyse({ ...input, records: three, registration: { commitments: pending } }).flags,
        "RATINGS_VS_RESULTS",
      ),
    ).toBeUndefined();
  });

  it("reads commitments as minimums, ≤ as a maximum, text word for word", () => {
    expect(commitmentMissed(98, 97.5)).toBe(true);
    expect(commitmentMissed(98, "98,0%")).toBe(false);
    expect(commitmentMissed("≥ 95", 94)).toBe(true);
    expect(commitmentMissed("<= 1", "0,5")).toBe(false);
    expect(commitmentMissed("≤ 1", 1.2)).toBe(true);
    expect(commitmentMissed("Đạt", "Dat")).toBe(false);
    expect(commitmentMissed("Đạt", "Không đạt")).toBe(true);
  });
});

describe("configuration", () => {
  it("takes the year's overrides over the defaults", () => {
    const config = resolveLevelingConfig({ nearAllHtxsShare: 0.6 });
    expect(config.nearAllHtxsShare).toBe(0.6);
    expect(config.windowYears).toBe(DEFAULT_LEVELING_CONFIG.windowYears);
    const input = unit(8);
    const seven = rate(plainRecords(input), ["m1", "m2", "t1", "t2", "t3", "t4", "t5"], "HTXS");
    const province = unitDistribution(seven, YEAR);
    const result = analyseUnit({ ...input, records: seven }, province, { ...options, config });
    expect(flagOf(result.flags, "NEAR_ALL_HTXS")?.threshold).toBe(0.6);
  });

  it("a unit where nothing is off raises no flag", () => {
    const input = unit(10);
    const records = rate(plainRecords(input), ["t1"], "HTXS");
    expect(analyse({ ...input, records }).flags).toEqual([]);
  });
});
