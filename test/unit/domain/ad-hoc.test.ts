/**
 * The đột xuất table, the managers' part and the clock (domain/ad-hoc.ts, docs/domain.md §11.3):
 * the defaults of NĐ 110/2020 for students, provincial practice for coaches and managers, a
 * province's own table, and the clock's boundaries in Vietnamese calendar days.
 */
import { describe, expect, it } from "vitest";
import {
  adHocClock,
  adHocOverdueReminder,
  adHocProposals,
  adHocSettings,
  DEFAULT_AD_HOC_RULES,
  proposeAdHoc,
  ruleFor,
} from "../../../functions/src/domain/ad-hoc.js";
import { dateInVietnam } from "../../../functions/src/domain/calendar.js";
import {
  type Achievement,
  CONTEST_LEVELS,
  type Person,
  PRIZES,
  YearConfig,
} from "../../../functions/src/domain/model.js";

const YEAR = "2025-2026";
const UNIT = "thpt-a";

const student = (id: string, fields: Partial<Achievement> = {}): Achievement => ({
  id: `${UNIT}_${id}`,
  year: YEAR,
  unitId: UNIT,
  role: "STUDENT",
  fullName: `Học sinh ${id}`,
  contest: "Kỳ thi chọn học sinh giỏi quốc gia THPT",
  contestLevel: "QUOC_GIA",
  subject: "Toán",
  prize: "NHAT",
  decisionDate: "2026-02-10",
  coachIds: [],
  ...fields,
});

const person = (id: string, position: string, fields: Partial<Person> = {}): Person => ({
  id,
  unitId: UNIT,
  fullName: `Người ${id}`,
  gender: "F",
  position,
  ...fields,
});

const people = [
  person("GV1", "Giáo viên"),
  person("GV2", "Tổ trưởng"),
  person("HT", "Hiệu trưởng"),
  person("PHT", "phó hiệu trưởng"),
  person("PHT-CU", "Phó Hiệu trưởng", { withdrawn: true }),
];

const defaults = adHocSettings(undefined);
const propose = (achievements: Achievement[], settings = defaults) =>
  proposeAdHoc({ achievements, people, managingAuthority: "SO_GDDT", settings });
const formsOf = (lines: ReturnType<typeof propose>, subjectId: string) =>
  lines.filter((line) => line.subjectId === subjectId).map((line) => line.target);

describe("the default table", () => {
  it("gives students the forms of NĐ 110/2020 Điều 4, citing it", () => {
    const cases: [Achievement["contestLevel"], Achievement["prize"], string[]][] = [
      ["QUOC_TE", "HCV", ["HCLD_2"]],
      ["QUOC_TE", "HCB", ["HCLD_3"]],
      ["CHAU_A", "HCV", ["HCLD_3"]],
      ["QUOC_TE", "HCD", ["BK_TTG"]],
      ["QUOC_GIA", "NHAT", ["BK_CT_UBND_TINH", "BK_BO_TRUONG_GDDT"]],
    ];
    for (const [contestLevel, prize, forms] of cases) {
      const rule = ruleFor(DEFAULT_AD_HOC_RULES, "STUDENT", { contestLevel, prize });
      expect(rule?.forms, `${contestLevel} ${prize}`).toEqual(forms);
      expect(rule?.basis).toContain("NĐ 110/2020");
    }
    // A national Khuyến khích has no form in NĐ 110/2020: provincial practice, unconfirmed.
    expect(ruleFor(DEFAULT_AD_HOC_RULES, "STUDENT", { contestLevel: "QUOC_GIA", prize: "KK" })).toMatchObject(
      {
        forms: ["GK_GD_SO"],
        basis: expect.stringContaining("Thực tiễn"),
        confirmed: false,
      },
    );
  });

  it("marks as confirmed only the rows NĐ 110/2020's text settles", () => {
    const confirmed = DEFAULT_AD_HOC_RULES.filter((rule) => rule.confirmed).map((rule) => rule.id);
    expect(confirmed).toEqual(["AD-HS-01", "AD-HS-02", "AD-HS-03", "AD-HS-04"]);
    for (const rule of DEFAULT_AD_HOC_RULES.filter((candidate) => candidate.role !== "STUDENT"))
      expect(rule.confirmed, rule.id).toBe(false);
  });

  it("has a row for every student's contest level and prize (no prize is left without a form)", () => {
    for (const contestLevel of CONTEST_LEVELS)
      for (const prize of PRIZES)
        expect(
          ruleFor(DEFAULT_AD_HOC_RULES, "STUDENT", { contestLevel, prize }),
          `${contestLevel} ${prize}`,
        ).toBeDefined();
  });

  it("proposes the coach once, by the best prize coached, with the rule and the prizes in the reason", () => {
    const lines = propose([
      student("a", { prize: "KK", coachIds: ["GV1"] }),
      student("b", { prize: "BA", coachIds: ["GV1"], subject: "Vật lý" }),
    ]);
    const coach = lines.filter((line) => line.role === "COACH");
    expect(coach).toHaveLength(1);
    expect(coach[0]).toMatchObject({
      subjectId: "GV1",
      name: "Người GV1",
      target: "BK_CT_UBND_TINH",
      decider: "TINH",
      ruleId: "AD-GV-04",
      achievementIds: [`${UNIT}_b`],
    });
    expect(coach[0]?.reason).toBe(
      "Trực tiếp hướng dẫn học sinh đạt Giải Ba Vật lý, Kỳ thi chọn học sinh giỏi quốc gia THPT (Quốc gia).",
    );
  });

  it("takes a teacher's own row of the tab as a coach's", () => {
    const lines = propose([
      student("gv", { role: "TEACHER", personId: "GV2", fullName: "Người GV2", prize: "NHI" }),
    ]);
    expect(formsOf(lines, "GV2")).toEqual(["BK_CT_UBND_TINH"]);
    // No student row: no student's line, no manager's part.
    expect(lines.map((line) => line.role)).toEqual(["COACH"]);
  });

  it("uses the form the school entered in the tab for that student, instead of the table", () => {
    const lines = propose([student("a", { proposedForm: "GK_GD_SO" })]);
    expect(formsOf(lines, `${UNIT}_a`)).toEqual(["GK_GD_SO"]);
    expect(lines.find((line) => line.role === "STUDENT")?.ruleId).toBe("AD-TAB");
  });
});

describe("the managers' part", () => {
  it("proposes the unit's principal and vice-principals (not former staff, not coaches) for a lower form", () => {
    const lines = propose([student("a", { coachIds: ["GV1"] })]);
    const managers = lines.filter((line) => line.role === "MANAGER");
    expect(managers.map((line) => line.subjectId)).toEqual(["HT", "PHT"]);
    expect(managers.every((line) => line.target === "GK_GD_SO" && line.decider === "SO")).toBe(true);
    expect(formsOf(lines, "GV1")).toEqual(["BK_CT_UBND_TINH"]);
  });

  it("proposes no manager for a national Khuyến khích, nor when the year's config turns the part off", () => {
    expect(propose([student("a", { prize: "KK" })]).some((line) => line.role === "MANAGER")).toBe(false);
    const off = adHocSettings({ managers: false });
    expect(propose([student("a")], off).some((line) => line.role === "MANAGER")).toBe(false);
  });

  it("reads the managers' positions from the config", () => {
    const settings = adHocSettings({ managerPositions: ["Tổ trưởng"] });
    const managers = propose([student("a")], settings).filter((line) => line.role === "MANAGER");
    expect(managers.map((line) => line.subjectId)).toEqual(["GV2"]);
  });
});

describe("a province's own table (years/{y}.adHoc)", () => {
  it("replaces the defaults and parses as part of the year's config", () => {
    const config = YearConfig.parse({
      year: YEAR,
      legalBasisVersion: "2025-07",
      adHoc: {
        rules: [
          {
            id: "TINH-01",
            role: "STUDENT",
            contestLevel: "QUOC_GIA",
            prizes: ["NHAT"],
            forms: ["GK_GD_SO"],
            basis: "Quy chế thi đua, khen thưởng của tỉnh",
            confirmed: true,
          },
        ],
        targetDays: 45,
      },
    });
    const settings = adHocSettings(config.adHoc);
    expect(settings.targetDays).toBe(45);
    const lines = propose([student("a"), student("b", { prize: "NHI" })], settings);
    expect(formsOf(lines, `${UNIT}_a`)).toEqual(["GK_GD_SO"]);
    expect(formsOf(lines, `${UNIT}_b`)).toEqual([]);
  });

  it("refuses a row with an unknown form or no prize", () => {
    const parse = (rule: Record<string, unknown>) =>
      YearConfig.safeParse({ year: YEAR, legalBasisVersion: "2025-07", adHoc: { rules: [rule] } }).success;
    const rule = {
      id: "X",
      role: "COACH",
      contestLevel: "QUOC_TE",
      prizes: ["HCV"],
      forms: ["BK_CT_UBND_TINH"],
      basis: "b",
      confirmed: false,
    };
    expect(parse(rule)).toBe(true);
    expect(parse({ ...rule, forms: ["HUY_CHUONG_X"] })).toBe(false);
    expect(parse({ ...rule, prizes: [] })).toBe(false);
  });

  it("turns the lines into DOT_XUAT proposals, a student's subject being the prize row", () => {
    const proposals = adHocProposals(propose([student("a")]), UNIT, YEAR);
    expect(proposals.every((proposal) => proposal.kind === "DOT_XUAT")).toBe(true);
    expect(proposals[0]).toMatchObject({ subjectKind: "individual", subjectId: `${UNIT}_a`, unitId: UNIT });
  });
});

describe("the clock", () => {
  const settings = { targetDays: 30, dueSoonDays: 7 };
  it("counts calendar days from the prize decision to today while undecided", () => {
    expect(adHocClock("2026-02-10", undefined, "2026-02-20", settings)).toEqual({
      from: "2026-02-10",
      deadline: "2026-03-12",
      days: 10,
      state: "ON_TIME",
    });
    expect(adHocClock("2026-02-10", undefined, "2026-03-04", settings).state).toBe("ON_TIME");
    expect(adHocClock("2026-02-10", undefined, "2026-03-05", settings).state).toBe("DUE_SOON");
    expect(adHocClock("2026-02-10", undefined, "2026-03-12", settings).state).toBe("DUE_SOON");
    expect(adHocClock("2026-02-10", undefined, "2026-03-13", settings)).toMatchObject({
      days: 31,
      state: "OVERDUE",
    });
  });

  it("stops at the decision: on the target day it is on time, the day after it is overdue", () => {
    expect(adHocClock("2026-02-10", "2026-03-12", "2026-06-01", settings)).toEqual({
      from: "2026-02-10",
      deadline: "2026-03-12",
      decidedOn: "2026-03-12",
      days: 30,
      state: "ON_TIME",
    });
    expect(adHocClock("2026-02-10", "2026-03-13", "2026-06-01", settings).state).toBe("OVERDUE");
    // A decided case is never "due soon".
    expect(adHocClock("2026-02-10", "2026-03-10", "2026-03-10", settings).state).toBe("ON_TIME");
  });

  it("turns at midnight in Vietnam, not at midnight UTC", () => {
    // 17:30 UTC on 12 March is 00:30 on 13 March in Asia/Ho_Chi_Minh: the day after the target.
    const justAfter = dateInVietnam(new Date("2026-03-12T17:30:00Z"));
    const justBefore = dateInVietnam(new Date("2026-03-12T16:59:00Z"));
    expect(justAfter).toBe("2026-03-13");
    expect(adHocClock("2026-02-10", undefined, justAfter, settings).state).toBe("OVERDUE");
    expect(adHocClock("2026-02-10", undefined, justBefore, settings).state).toBe("DUE_SOON");
  });

  it("a reminder names the undecided overdue cases only, the oldest deadline first", () => {
    const today = "2026-05-01";
    const clock = (from: string, decidedOn?: string) => adHocClock(from, decidedOn, today, settings);
    const reminder = adHocOverdueReminder({ id: UNIT, name: "Trường THPT A" }, YEAR, today, [
      { name: "Trần Đức Huy", clock: clock("2026-03-20") },
      { name: "Nguyễn Thư", clock: clock("2026-02-10") },
      { name: "Đã quyết định", clock: clock("2026-01-05", "2026-03-01") },
      { name: "Còn hạn", clock: clock("2026-04-20") },
    ]);
    expect(reminder).toMatchObject({
      unitId: UNIT,
      kind: "AD_HOC_OVERDUE",
      deadline: "2026-03-12",
      daysLeft: -50,
    });
    expect(reminder?.subject).toContain("2 trường hợp");
    expect(reminder?.text).toMatch(/Nguyễn Thư[^\n]*\n- Trần Đức Huy/u);
    expect(reminder?.text).not.toContain("Đã quyết định");
    expect(reminder?.text).not.toContain("Còn hạn");
    expect(
      adHocOverdueReminder({ id: UNIT, name: "A" }, YEAR, today, [{ name: "x", clock: clock("2026-04-20") }]),
    ).toBeUndefined();
  });
});
