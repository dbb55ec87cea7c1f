/**
 * Khen thưởng đột xuất theo kết quả kỳ thi (docs/domain.md §11.3, rule AD-01): the configurable
 * table (contest level × prize × role → proposed forms), the managers' part, and the clock from the
 * result's date to the recorded decision. Pure: the service (services/ad-hoc.ts) brings the rows.
 */
import { type DecidingLevel, deciderOf } from "./authority.js";
import { AWARD_FORMS, type AwardCode, type ManagingAuthority, Target } from "./codes.js";
import { adHocMessages } from "./messages/index.js";
import type { Achievement, AdHocConfig, AdHocRole, AdHocRule, IsoDate, Person, Proposal } from "./model.js";
import { type DueReminder, daysBetween } from "./reminders.js";
import { foldForMatching } from "./text.js";

const NATIONAL = ["NHAT", "NHI", "BA", "HCV", "HCB", "HCD"] as const;
const ND110 = "NĐ 110/2020/NĐ-CP Điều 4";
const PRACTICE = "Thực tiễn các tỉnh (docs/domain.md §11.2), AD-01";
const GUIDANCE = "Hướng dẫn của Sở: phần của cán bộ quản lý (docs/domain.md §11.3)";

/**
 * The defaults (docs/domain.md §11.1–§11.3). Students: NĐ 110/2020 Điều 4 where its text was read,
 * its truncated clause (regional medals, KK) unconfirmed; the province's Bằng khen beside the
 * ministry's for national prizes is provincial practice. Teachers and managers: provincial practice.
 */
export const DEFAULT_AD_HOC_RULES: readonly AdHocRule[] = [
  {
    id: "AD-HS-01",
    role: "STUDENT",
    contestLevel: "QUOC_TE",
    prizes: ["HCV", "NHAT"],
    forms: ["HCLD_2"],
    basis: ND110,
    confirmed: true,
  },
  {
    id: "AD-HS-02",
    role: "STUDENT",
    contestLevel: "QUOC_TE",
    prizes: ["HCB", "NHI"],
    forms: ["HCLD_3"],
    basis: ND110,
    confirmed: true,
  },
  {
    id: "AD-HS-03",
    role: "STUDENT",
    contestLevel: "CHAU_A",
    prizes: ["HCV", "NHAT"],
    forms: ["HCLD_3"],
    basis: ND110,
    confirmed: true,
  },
  {
    id: "AD-HS-04",
    role: "STUDENT",
    contestLevel: "QUOC_TE",
    prizes: ["HCD", "BA"],
    forms: ["BK_TTG"],
    basis: ND110,
    confirmed: true,
  },
  {
    id: "AD-HS-05",
    role: "STUDENT",
    contestLevel: "CHAU_A",
    prizes: ["HCB", "NHI"],
    forms: ["BK_TTG"],
    basis: ND110,
    confirmed: false,
  },
  {
    id: "AD-HS-06",
    role: "STUDENT",
    contestLevel: "DONG_NAM_A",
    prizes: ["HCV", "NHAT"],
    forms: ["BK_TTG"],
    basis: ND110,
    confirmed: false,
  },
  {
    id: "AD-HS-07",
    role: "STUDENT",
    contestLevel: "QUOC_TE",
    prizes: ["KK"],
    forms: ["BK_BO_TRUONG_GDDT"],
    basis: ND110,
    confirmed: false,
  },
  {
    id: "AD-HS-08",
    role: "STUDENT",
    contestLevel: "CHAU_A",
    prizes: ["HCD", "BA", "KK"],
    forms: ["BK_BO_TRUONG_GDDT"],
    basis: ND110,
    confirmed: false,
  },
  {
    id: "AD-HS-09",
    role: "STUDENT",
    contestLevel: "DONG_NAM_A",
    prizes: ["HCB", "HCD", "NHI", "BA", "KK"],
    forms: ["BK_BO_TRUONG_GDDT"],
    basis: ND110,
    confirmed: false,
  },
  {
    id: "AD-HS-10",
    role: "STUDENT",
    contestLevel: "QUOC_GIA",
    prizes: [...NATIONAL],
    forms: ["BK_CT_UBND_TINH", "BK_BO_TRUONG_GDDT"],
    basis: `${ND110}; ${PRACTICE}`,
    confirmed: false,
  },
  {
    id: "AD-HS-11",
    role: "STUDENT",
    contestLevel: "QUOC_GIA",
    prizes: ["KK"],
    forms: ["GK_GD_SO"],
    basis: PRACTICE,
    confirmed: false,
  },
  ...(["QUOC_TE", "CHAU_A", "DONG_NAM_A"] as const).map(
    (contestLevel, index): AdHocRule => ({
      id: `AD-GV-0${index + 1}`,
      role: "COACH",
      contestLevel,
      prizes: ["HCV", "HCB", "HCD", "NHAT", "NHI", "BA", "KK"],
      forms: ["BK_CT_UBND_TINH"],
      basis: PRACTICE,
      confirmed: false,
    }),
  ),
  {
    id: "AD-GV-04",
    role: "COACH",
    contestLevel: "QUOC_GIA",
    prizes: [...NATIONAL],
    forms: ["BK_CT_UBND_TINH"],
    basis: PRACTICE,
    confirmed: false,
  },
  {
    id: "AD-GV-05",
    role: "COACH",
    contestLevel: "QUOC_GIA",
    prizes: ["KK"],
    forms: ["GK_GD_SO"],
    basis: PRACTICE,
    confirmed: false,
  },
  ...(["QUOC_TE", "CHAU_A", "DONG_NAM_A", "QUOC_GIA"] as const).map(
    (contestLevel, index): AdHocRule => ({
      id: `AD-QL-0${index + 1}`,
      role: "MANAGER",
      contestLevel,
      prizes: contestLevel === "QUOC_GIA" ? [...NATIONAL] : ["HCV", "HCB", "HCD", "NHAT", "NHI", "BA"],
      forms: ["GK_GD_SO"],
      basis: GUIDANCE,
      confirmed: false,
    }),
  ),
];

/** Default target: 30 calendar days from the result to the decision (docs/domain.md §11.3: a product choice). */
const DEFAULT_TARGET_DAYS = 30;
const DEFAULT_DUE_SOON_DAYS = 7;
const DEFAULT_MANAGER_POSITIONS = ["Hiệu trưởng", "Phó Hiệu trưởng"];

export interface AdHocSettings {
  rules: readonly AdHocRule[];
  managers: boolean;
  managerPositions: readonly string[];
  targetDays: number;
  dueSoonDays: number;
}

export const adHocSettings = (config: AdHocConfig | undefined): AdHocSettings => ({
  rules: config?.rules ?? DEFAULT_AD_HOC_RULES,
  managers: config?.managers ?? true,
  managerPositions: config?.managerPositions ?? DEFAULT_MANAGER_POSITIONS,
  targetDays: config?.targetDays ?? DEFAULT_TARGET_DAYS,
  dueSoonDays: config?.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS,
});

/** The row of `role` matching a contest level and prize, if any (the first one: a province orders its own). */
export const ruleFor = (
  rules: readonly AdHocRule[],
  role: AdHocRole,
  achievement: Pick<Achievement, "contestLevel" | "prize">,
): AdHocRule | undefined =>
  rules.find(
    (rule) =>
      rule.role === role &&
      rule.contestLevel === achievement.contestLevel &&
      rule.prizes.includes(achievement.prize),
  );

/** Higher forms rank higher (the legal vocabulary lists forms from Giấy khen up to Huân chương). */
const formRank = (code: AwardCode): number => (AWARD_FORMS as readonly string[]).indexOf(code);
const topForm = (rule: AdHocRule): number => Math.max(...rule.forms.map(formRank));

/** One proposed form for one subject, with the rule and the prizes it rests on. */
export interface AdHocLine {
  role: AdHocRole;
  /** Students: the achievement's id (a student is not on the staff roster); others: the person's id. */
  subjectId: string;
  name: string;
  target: Target;
  decider: DecidingLevel;
  ruleId: string;
  basis: string;
  confirmed: boolean;
  /** The achievements behind it (the student's own, the coached students', the unit's). */
  achievementIds: string[];
  reason: string;
}

export interface AdHocInput {
  achievements: readonly Achievement[];
  people: readonly Person[];
  managingAuthority: ManagingAuthority;
  settings: AdHocSettings;
}

/** The best row over several prizes: the one with the highest form (ties: the earlier row). */
function bestRule(
  rules: readonly AdHocRule[],
  role: AdHocRole,
  achievements: readonly Achievement[],
): { rule: AdHocRule; basedOn: Achievement[] } | undefined {
  let best: AdHocRule | undefined;
  for (const achievement of achievements) {
    const rule = ruleFor(rules, role, achievement);
    if (rule && (!best || topForm(rule) > topForm(best))) best = rule;
  }
  if (!best) return undefined;
  const chosen = best;
  return {
    rule: chosen,
    basedOn: achievements.filter((achievement) => ruleFor(rules, role, achievement) === chosen),
  };
}

/**
 * The proposed forms of the year's achievements: each student by the row of their prize (or the
 * form the school entered in the tab), each coach once by the best prize they coached, each manager
 * once by the unit's best prize when managers are proposed.
 */
export function proposeAdHoc(input: AdHocInput): AdHocLine[] {
  const { settings, managingAuthority } = input;
  const lines: AdHocLine[] = [];
  const line = (
    role: AdHocRole,
    subjectId: string,
    name: string,
    rule: AdHocRule,
    basedOn: readonly Achievement[],
  ) => {
    for (const target of rule.forms)
      lines.push({
        role,
        subjectId,
        name,
        target,
        decider: deciderOf(target, managingAuthority),
        ruleId: rule.id,
        basis: rule.basis,
        confirmed: rule.confirmed,
        achievementIds: basedOn.map((achievement) => achievement.id),
        reason: adHocMessages.reason(role, basedOn),
      });
  };
  const students = input.achievements.filter((achievement) => achievement.role === "STUDENT");
  for (const student of students) {
    // A form the school entered wins when it is one a proposal can target (not a seniority award).
    const entered = Target.safeParse(student.proposedForm);
    const rule: AdHocRule | undefined = entered.success
      ? {
          id: "AD-TAB",
          role: "STUDENT",
          contestLevel: student.contestLevel,
          prizes: [student.prize],
          forms: [entered.data],
          basis: adHocMessages.enteredInTab,
          confirmed: true,
        }
      : ruleFor(settings.rules, "STUDENT", student);
    if (rule) line("STUDENT", student.id, student.fullName, rule, [student]);
  }
  const personName = (id: string) => input.people.find((person) => person.id === id)?.fullName ?? id;
  const coached = new Map<string, Achievement[]>();
  for (const achievement of input.achievements) {
    const coaches = achievement.role === "TEACHER" ? [achievement.personId ?? ""] : achievement.coachIds;
    for (const coachId of coaches.filter(Boolean))
      coached.set(coachId, [...(coached.get(coachId) ?? []), achievement]);
  }
  for (const [coachId, prizes] of coached) {
    const best = bestRule(settings.rules, "COACH", prizes);
    if (best) line("COACH", coachId, personName(coachId), best.rule, best.basedOn);
  }
  if (settings.managers && students.length > 0) {
    const best = bestRule(settings.rules, "MANAGER", students);
    const positions = settings.managerPositions.map(foldForMatching);
    if (best)
      for (const manager of input.people.filter(
        (person) =>
          !person.withdrawn &&
          !coached.has(person.id) &&
          positions.includes(foldForMatching(person.position ?? "")),
      ))
        line("MANAGER", manager.id, manager.fullName, best.rule, best.basedOn);
  }
  return lines;
}

/** The DOT_XUAT proposals of the lines (a student's subject is the achievement's id). */
export const adHocProposals = (lines: readonly AdHocLine[], unitId: string, year: string): Proposal[] =>
  lines.map((line) => ({
    year,
    unitId,
    subjectKind: "individual",
    subjectId: line.subjectId,
    target: line.target,
    kind: "DOT_XUAT",
    summary: line.reason,
  }));

export type ClockState = "ON_TIME" | "DUE_SOON" | "OVERDUE";

export interface AdHocClock {
  /** The prize decision's date (the result's date). */
  from: IsoDate;
  /** The last day on time: `from` + targetDays. */
  deadline: IsoDate;
  /** The recorded decision's date, when there is one: the clock stopped there. */
  decidedOn?: IsoDate;
  /** Calendar days from `from` to the decision or to today. */
  days: number;
  state: ClockState;
}

/**
 * The clock of one case in calendar days of Asia/Ho_Chi_Minh (`today` is the Vietnamese day,
 * domain/calendar.ts dateInVietnam): a decision on the target day is on time; while undecided a
 * case is due soon within `dueSoonDays` of the deadline and overdue the day after it.
 */
export function adHocClock(
  from: IsoDate,
  decidedOn: IsoDate | undefined,
  today: IsoDate,
  settings: Pick<AdHocSettings, "targetDays" | "dueSoonDays">,
): AdHocClock {
  const deadline = addDays(from, settings.targetDays);
  const days = daysBetween(from, decidedOn ?? today);
  const left = settings.targetDays - days;
  const state: ClockState =
    left < 0 ? "OVERDUE" : decidedOn === undefined && left <= settings.dueSoonDays ? "DUE_SOON" : "ON_TIME";
  return { from, deadline, ...(decidedOn ? { decidedOn } : {}), days, state };
}

/** The day's "đột xuất quá hạn" reminder of one unit: its undecided cases past the target, the oldest deadline first. */
export function adHocOverdueReminder(
  unit: { id: string; name: string },
  year: string,
  today: IsoDate,
  cases: readonly { name: string; clock: AdHocClock }[],
): DueReminder | undefined {
  const late = cases
    .filter((item) => item.clock.state === "OVERDUE" && item.clock.decidedOn === undefined)
    .sort((a, b) => a.clock.deadline.localeCompare(b.clock.deadline));
  const first = late[0];
  if (!first) return undefined;
  return {
    unitId: unit.id,
    kind: "AD_HOC_OVERDUE",
    deadline: first.clock.deadline,
    daysLeft: daysBetween(today, first.clock.deadline),
    ...adHocMessages.reminder({
      unitName: unit.name,
      year,
      today,
      cases: late.map((item) => ({ name: item.name, ...item.clock })),
    }),
  };
}

const addDays = (day: IsoDate, days: number): IsoDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
