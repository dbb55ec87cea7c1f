/**
 * Ten school years of facts and results for every school and person: ratings (with the RT-05 HTXS
 * cap and RT-06 principal cap), discipline, leave, initiatives, titles granted only when docs/domain.md
 * §15 allows them, the awards ledger and, for the year under evaluation, council votes.
 */
import {
  type AwardCode,
  type AwardKind,
  type DisciplineLevel,
  isTitle,
  type Rating,
  type RecognitionLevel,
  type Target,
} from "../src/domain/codes.js";
import { awardId } from "../src/domain/document-ids.js";
import type { Award, CouncilVote, Discipline, Initiative, YearRecord } from "../src/domain/model.js";
import { startYearOf } from "../src/domain/school-year.js";
import { type DecisionBook, type Issuer, WINDOWS } from "./decisions.js";
import { initiativeTitle } from "./names.js";
import { type Random, WeightedTable } from "./prng.js";
import type { School, StaffMember } from "./structure.js";

/** Facts forced on one person, indexed from the last year backwards (0 = the last year). */
interface PersonScript {
  ratings?: readonly Rating[];
  /** null: no initiative that year. */
  initiatives?: readonly (RecognitionLevel | null)[];
  dutyDisciplineLastYear?: boolean;
  maternityLastYear?: boolean;
  /** Hired in the last year, having worked this many months (< 6: not rated). */
  monthsWorkedLastYear?: number;
  councilAgreeLastYear?: number;
  /** Every council member present and agreeing (a candidate whose vote must not fall short). */
  unanimousCouncil?: boolean;
}

export interface SchoolScript {
  /** Collective ratings, from the last year backwards. */
  unitRatings?: readonly Rating[];
  schoolEffect?: number;
  /** Scripts for the school's classroom teachers (see scriptedStaff), in order. */
  teachers: readonly PersonScript[];
  /**
   * Tổ merged into one (the first's head leads it, the others' become deputies): a small school's
   * tổ are too small for a scripted HTXS within RT-05's 20 % of HTT per tổ.
   */
  mergedGroups?: readonly { into: string; groups: readonly string[] }[];
}

/** The staff a SchoolScript's `teachers` apply to: the "Giáo viên", in staff order. */
export const scriptedStaff = (staff: readonly StaffMember[]): StaffMember[] =>
  staff.filter((member) => member.person.position === "Giáo viên");

export interface HistoryOptions {
  years: readonly string[];
  /** The last year is being evaluated: facts and votes, but no titles or awards yet. */
  openLastYear: boolean;
  provinceIssuer: Issuer;
  departmentIssuer: Issuer;
}

export interface History {
  records: YearRecord[];
  initiatives: Initiative[];
  awards: Award[];
  votes: CouncilVote[];
}

interface MemberState {
  member: StaffMember;
  script: PersonScript | undefined;
  /** Consecutive CSTĐCS years since the last CSTĐ tỉnh (CSTINH-08: a new CSTĐ tỉnh needs 3 new). */
  cstdStreak: number;
  /** Consecutive CSTĐCS years since the last Bằng khen tỉnh (BKT-01 d). */
  bkStreak: number;
  provincialInitiatives: { initiative: Initiative; yearIndex: number }[];
}

interface SchoolState {
  school: School;
  script: SchoolScript | undefined;
  members: MemberState[];
  /** Consecutive years HTXS or TTLĐXS since the last collective Bằng khen tỉnh (BKT-03 d). */
  collectiveStreak: number;
  managingIssuer: Issuer;
  headIssuer: Issuer;
}

interface PersonYear {
  state: MemberState;
  record: YearRecord;
  score: number;
  forced: boolean;
  ldtt: boolean;
  /** The year's initiatives; most people have none, so they share one empty list. */
  initiatives: readonly Initiative[];
}

const NO_INITIATIVES: readonly Initiative[] = [];
const RANK: Readonly<Record<Rating, number>> = { HTXS: 3, HTT: 2, HT: 1, KHT: 0, NONE: -1 };
const ratingFromScore = (score: number): Rating =>
  score >= 90 ? "HTXS" : score >= 70 ? "HTT" : score >= 50 ? "HT" : "KHT";
const clampScore = (score: number): number => Math.min(100, Math.max(0, score));
/** Scores out of 100 exist from NĐ 233/2026 (school year 2026–2027 on); earlier ratings were criteria-based. */
const FIRST_SCORED_YEAR = 2026;

const DISCIPLINE_LEVELS = new WeightedTable<DisciplineLevel>([
  ["KHIEN_TRACH", 70],
  ["CANH_CAO", 23],
  ["HA_BAC_LUONG", 7],
]);
const DISCIPLINE_MONTHS: Readonly<Record<DisciplineLevel, number>> = {
  KHIEN_TRACH: 6,
  CANH_CAO: 12,
  HA_BAC_LUONG: 12,
  CACH_CHUC: 24,
  BUOC_THOI_VIEC: 0,
};
const SERIOUS_DISCIPLINE: ReadonlySet<DisciplineLevel> = new Set([
  "CANH_CAO",
  "HA_BAC_LUONG",
  "CACH_CHUC",
  "BUOC_THOI_VIEC",
]);

/** Yearly rates (per person-year unless said otherwise). */
const RATES = {
  discipline: 0.008,
  dutyRelated: 0.75,
  suspended: 0.002,
  spirit: 0.97,
  longLeave: 0.004,
  maternity: 0.05,
  initiativeIfHtxs: 0.25,
  /** With HTXS capped per tổ (RT-05), most CSTĐ cơ sở stand on an HTT rating and a sáng kiến. */
  initiativeIfHtt: 0.19,
  research: 0.08,
  coAuthor: 0.15,
  provincialInitiativeOnStreak: 0.3,
  provincialInitiative: 0.02,
  cstdCsPassesCouncil: 0.9,
  cstdTinhGranted: 0.7,
  bkTinhAfterTwoCstd: 0.3,
  giayKhenHieuTruong: 0.12,
  giayKhenXa: 0.03,
  giayKhenSoThematic: 0.02,
  giayKhenSoSuddenly: 0.004,
  bkTinhSuddenly: 0.0008,
  movement: 0.95,
  solidarity: 0.97,
  ttldxsGranted: 0.8,
  collectiveBkAfterTwoYears: 0.4,
  collectiveGiayKhenSo: 0.08,
  coThiDuaForLeader: 0.6,
  councilBelowThreshold: 0.08,
} as const;

const pad2 = (n: number): string => String(n).padStart(2, "0");
function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const total = year * 12 + (month - 1) + months;
  return `${Math.floor(total / 12)}-${pad2((total % 12) + 1)}-${pad2(day)}`;
}

export function buildHistory(
  schools: readonly School[],
  scripts: ReadonlyMap<string, SchoolScript>,
  options: HistoryOptions,
  random: Random,
  book: DecisionBook,
): History {
  const history: History = { records: [], initiatives: [], awards: [], votes: [] };
  const states = schools.map((school) => schoolState(school, scripts.get(school.unit.id), options));
  const clusters = new Map<string, SchoolState[]>();
  for (const state of states) {
    const members = clusters.get(state.school.unit.clusterId) ?? [];
    members.push(state);
    clusters.set(state.school.unit.clusterId, members);
  }
  const generator = new YearGenerator(history, options, random, book);
  options.years.forEach((year, yearIndex) => {
    const collectives = new Map<string, { record: YearRecord; standing: number }>();
    for (const state of states)
      collectives.set(state.school.unit.id, generator.schoolYear(state, year, yearIndex));
    for (const members of clusters.values()) generator.crownClusterLeader(members, collectives, yearIndex);
  });
  return history;
}

function schoolState(school: School, script: SchoolScript | undefined, options: HistoryOptions): SchoolState {
  const unit = school.unit;
  const managingIssuer: Issuer =
    unit.managingAuthority === "SO_GDDT"
      ? options.departmentIssuer
      : { key: unit.communeUnitId ?? unit.id, name: `Chủ tịch ${unit.managingBodyName}`, symbol: "UBND" };
  const head = unit.level === "GDTX" ? "Giám đốc" : "Hiệu trưởng";
  const scripted = new Map(
    scriptedStaff(school.staff).flatMap((member, index) => {
      const personScript = script?.teachers[index];
      return personScript ? [[member, personScript] as const] : [];
    }),
  );
  return {
    school,
    script,
    managingIssuer,
    headIssuer: { key: unit.id, name: `${head} ${unit.name}`, symbol: unit.abbreviation },
    collectiveStreak: 0,
    members: school.staff.map((member) => ({
      member,
      script: scripted.get(member),
      cstdStreak: 0,
      bkStreak: 0,
      provincialInitiatives: [],
    })),
  };
}

class YearGenerator {
  private initiativeSeq = 0;

  constructor(
    private readonly out: History,
    private readonly options: HistoryOptions,
    private readonly random: Random,
    private readonly book: DecisionBook,
  ) {}

  private isOpen(yearIndex: number): boolean {
    return this.options.openLastYear && yearIndex === this.options.years.length - 1;
  }

  schoolYear(state: SchoolState, year: string, yearIndex: number): { record: YearRecord; standing: number } {
    const { school, script } = state;
    const fromEnd = this.options.years.length - 1 - yearIndex;
    const effect = script?.schoolEffect ?? school.schoolEffect;
    const unitRating =
      script?.unitRatings?.[fromEnd] ??
      ratingFromScore(clampScore(81 + 8 * effect + 6 * this.random.normal()));

    const people: PersonYear[] = [];
    for (const member of state.members) {
      const staff = member.member;
      if (yearIndex < staff.hireIndex || yearIndex >= staff.leaveIndex) continue;
      people.push(this.personFacts(state, member, year, yearIndex, fromEnd, effect, unitRating));
    }
    capExcellentRatings(people);
    for (const person of people) this.addInitiatives(state, person, people, year, yearIndex, fromEnd);

    const open = this.isOpen(yearIndex);
    let anyCstdCs = false;
    for (const person of people) {
      person.ldtt =
        (person.record.rating === "HTXS" || person.record.rating === "HTT") &&
        person.record.spirit === true &&
        !person.record.suspended;
      anyCstdCs = this.individualTitles(state, person, yearIndex, open) || anyCstdCs;
      this.out.records.push(person.record);
    }
    return this.collectiveYear(state, people, unitRating, anyCstdCs, year, yearIndex, fromEnd);
  }

  private personFacts(
    state: SchoolState,
    member: MemberState,
    year: string,
    yearIndex: number,
    fromEnd: number,
    effect: number,
    unitRating: Rating,
  ): PersonYear {
    const random = this.random;
    const { member: staff, script } = member;
    const person = staff.person;
    const start = startYearOf(year);
    const lastYear = fromEnd === 0;

    let monthsWorked = 12;
    if (lastYear && script?.monthsWorkedLastYear !== undefined) monthsWorked = script.monthsWorkedLastYear;
    else if (yearIndex === staff.hireIndex && staff.hireIndex > 0) monthsWorked = random.int(3, 12);
    else if (!script && random.chance(RATES.longLeave)) monthsWorked = random.int(2, 5);

    const age = start - staff.birthYear;
    const maternity =
      (lastYear && script?.maternityLastYear === true) ||
      (!script && person.gender === "F" && age >= 22 && age <= 42 && random.chance(RATES.maternity));

    const scriptedDiscipline = lastYear && script?.dutyDisciplineLastYear === true;
    const discipline: Discipline[] =
      scriptedDiscipline || (!script && random.chance(RATES.discipline))
        ? [this.discipline(state, start, scriptedDiscipline)]
        : [];

    const score = clampScore(74 + 4 * effect + 9 * staff.trait + 5 * random.normal());
    const scripted = script?.ratings?.[fromEnd];
    let rating: Rating;
    if (monthsWorked < 6) rating = "NONE";
    else if (discipline.some((d) => d.dutyRelated))
      rating = "KHT"; // RT-03, RT-09
    else rating = scripted ?? ratingFromScore(score);
    // RT-06: the head is never rated above the unit.
    if (staff.isPrincipal && RANK[rating] > RANK[unitRating] && RANK[unitRating] >= 0) rating = unitRating;

    const record: YearRecord = {
      year,
      subjectKind: "individual",
      subjectId: person.id,
      unitId: person.unitId,
      rating,
      titles: [],
      awards: [],
      discipline,
      monthsWorked,
      suspended: !script && random.chance(RATES.suspended),
      spirit: script !== undefined || random.chance(RATES.spirit),
    };
    if (maternity) record.maternityLeaveMonths = 6;
    if (start >= FIRST_SCORED_YEAR && rating !== "NONE") record.score = Math.round(score * 10) / 10;
    return {
      state: member,
      record,
      score,
      forced: scripted !== undefined,
      ldtt: false,
      initiatives: NO_INITIATIVES,
    };
  }

  private discipline(state: SchoolState, start: number, scripted: boolean): Discipline {
    const random = this.random;
    const level = scripted ? "KHIEN_TRACH" : DISCIPLINE_LEVELS.draw(random);
    const from = `${start + 1}-${pad2(random.int(1, 5))}-${pad2(random.int(1, 28))}`;
    return {
      level,
      dutyRelated: scripted || random.chance(RATES.dutyRelated),
      from,
      to: addMonths(from, DISCIPLINE_MONTHS[level]),
      decisionNo: `${random.int(5, 150)}/QĐ-${state.school.unit.abbreviation}`,
    };
  }

  private addInitiatives(
    school: SchoolState,
    person: PersonYear,
    colleagues: readonly PersonYear[],
    year: string,
    yearIndex: number,
    fromEnd: number,
  ): void {
    const random = this.random;
    const { rating } = person.record;
    const scripted = person.state.script?.initiatives;
    let level: RecognitionLevel | null;
    if (scripted && fromEnd < scripted.length) level = scripted[fromEnd] ?? null;
    else if (rating !== "HTXS" && rating !== "HTT") level = null;
    else if (!random.chance(rating === "HTXS" ? RATES.initiativeIfHtxs : RATES.initiativeIfHtt)) level = null;
    else {
      const provincialChance =
        person.state.cstdStreak >= 2 ? RATES.provincialInitiativeOnStreak : RATES.provincialInitiative;
      level = random.chance(provincialChance) ? "TINH" : "CO_SO";
    }
    if (level === null) return;

    const unit = school.school.unit;
    const research = random.chance(
      unit.level === "THPT" || unit.level === "GDTX" ? 2.5 * RATES.research : RATES.research,
    );
    const ownerIds = [person.record.subjectId];
    const coAuthor = random.chance(RATES.coAuthor) ? random.pick(colleagues) : undefined;
    if (coAuthor && coAuthor !== person) ownerIds.push(coAuthor.record.subjectId);
    const issuer = level === "TINH" ? this.options.provinceIssuer : school.managingIssuer;
    const window = level === "TINH" ? WINDOWS.initiativeTinh : WINDOWS.initiativeCoSo;
    const decision = this.book.batch(issuer, year, "sang-kien", window);
    const initiative: Initiative = {
      id: `SK-${year}-${String(++this.initiativeSeq).padStart(6, "0")}`,
      // A script's initiatives are sáng kiến (its case reads "two sáng kiến"; the draw is kept all the same).
      kind: research && !scripted ? "DE_TAI" : "SANG_KIEN",
      title: initiativeTitle(random, school.school.stage, research),
      ownerIds,
      unitId: unit.id,
      year,
      level,
      ...decision,
    };
    this.out.initiatives.push(initiative);
    person.initiatives = [...person.initiatives, initiative];
    if (level === "TINH") person.state.provincialInitiatives.push({ initiative, yearIndex });
  }

  /** Titles and forms of one person-year; in the open year, council votes instead. Returns CSTĐCS. */
  private individualTitles(
    school: SchoolState,
    person: PersonYear,
    yearIndex: number,
    open: boolean,
  ): boolean {
    const random = this.random;
    const { state, record } = person;
    const scripted = state.script !== undefined;
    // CSCS-01/02: LĐTT and (HTXS or an initiative recognized this year).
    const cstdEligible = person.ldtt && (record.rating === "HTXS" || person.initiatives.length > 0);
    // CSTINH-01/02: 3 consecutive CSTĐCS and a province-level initiative within those years.
    const provincial = state.provincialInitiatives.find(
      (p) => p.yearIndex > yearIndex - 3 && p.initiative.usedForAwardId === undefined,
    );
    const tinhEligible = cstdEligible && state.cstdStreak + 1 >= 3 && provincial !== undefined;

    if (open) {
      if (cstdEligible) this.vote(school, person, "CSTD_CS");
      if (tinhEligible) this.vote(school, person, "CSTD_TINH");
      return cstdEligible;
    }

    const cstdCs = cstdEligible && (scripted || random.chance(RATES.cstdCsPassesCouncil));
    state.cstdStreak = cstdCs ? state.cstdStreak + 1 : 0;
    state.bkStreak = cstdCs ? state.bkStreak + 1 : 0;
    if (person.ldtt)
      this.grant(person.record, "LDTT", "CONG_TRANG", school.managingIssuer, WINDOWS.grassrootsTitles);
    if (cstdCs) {
      const award = this.grant(
        record,
        "CSTD_CS",
        "CONG_TRANG",
        school.managingIssuer,
        WINDOWS.grassrootsTitles,
      );
      const initiative = person.initiatives.find((i) => i.usedForAwardId === undefined);
      if (record.rating !== "HTXS" && initiative) initiative.usedForAwardId = award.id;
    }
    if (cstdCs && tinhEligible && provincial && (scripted || random.chance(RATES.cstdTinhGranted))) {
      const award = this.grant(
        record,
        "CSTD_TINH",
        "CONG_TRANG",
        this.options.provinceIssuer,
        WINDOWS.provincialAwards,
      );
      provincial.initiative.usedForAwardId = award.id;
      state.cstdStreak = 0;
    }
    if (scripted) return cstdCs;

    const province = this.options.provinceIssuer;
    if (cstdCs && state.bkStreak >= 2 && random.chance(RATES.bkTinhAfterTwoCstd)) {
      this.grant(record, "BK_CT_UBND_TINH", "CONG_TRANG", province, WINDOWS.provincialAwards);
      state.bkStreak = 0;
    }
    if (RANK[record.rating] >= RANK.HTT && !record.suspended) {
      if (random.chance(RATES.giayKhenHieuTruong))
        this.grant(record, "GK_HIEU_TRUONG", "CONG_TRANG", school.headIssuer, WINDOWS.giayKhenHieuTruong);
      if (school.school.unit.managingAuthority === "UBND_XA" && random.chance(RATES.giayKhenXa))
        this.grant(record, "GK_CT_UBND_XA", "PHONG_TRAO", school.managingIssuer, WINDOWS.thematic);
      if (random.chance(RATES.giayKhenSoThematic))
        this.grant(record, "GK_GD_SO", "CHUYEN_DE", this.options.departmentIssuer, WINDOWS.thematic);
      if (random.chance(RATES.giayKhenSoSuddenly))
        this.grant(record, "GK_GD_SO", "DOT_XUAT", this.options.departmentIssuer);
      if (random.chance(RATES.bkTinhSuddenly)) this.grant(record, "BK_CT_UBND_TINH", "DOT_XUAT", province);
    }
    return cstdCs;
  }

  private collectiveYear(
    state: SchoolState,
    people: readonly PersonYear[],
    unitRating: Rating,
    anyCstdCs: boolean,
    year: string,
    yearIndex: number,
    fromEnd: number,
  ): { record: YearRecord; standing: number } {
    const random = this.random;
    const unit = state.school.unit;
    const scripted = state.script?.unitRatings?.[fromEnd] !== undefined;
    const record: YearRecord = {
      year,
      subjectKind: "collective",
      subjectId: unit.id,
      unitId: unit.id,
      rating: unitRating,
      titles: [],
      awards: [],
      discipline: [],
      suspended: false,
      movement: scripted || random.chance(RATES.movement),
      solidarity: scripted || random.chance(RATES.solidarity),
      leadsCluster: false,
    };
    // TTTT-03 / TTXS-03 with the ALL_ON_ROSTER base.
    const ldttShare = people.length === 0 ? 0 : people.filter((p) => p.ldtt).length / people.length;
    const spiritOk = record.movement === true && record.solidarity === true;
    const noSeriousDiscipline = people.every((p) =>
      p.record.discipline.every((d) => !SERIOUS_DISCIPLINE.has(d.level)),
    );
    const ttldtt = RANK[unitRating] >= RANK.HTT && spiritOk && ldttShare >= 0.7 && noSeriousDiscipline;
    const ttldxs =
      unitRating === "HTXS" &&
      spiritOk &&
      ldttShare >= 0.7 &&
      anyCstdCs &&
      people.every((p) => RANK[p.record.rating] >= RANK.HT);
    if (!this.isOpen(yearIndex)) {
      if (ttldxs && random.chance(RATES.ttldxsGranted))
        this.grant(record, "TTLDXS", "CONG_TRANG", this.options.provinceIssuer, WINDOWS.provincialAwards);
      else if (ttldtt)
        this.grant(record, "TTLDTT", "CONG_TRANG", state.managingIssuer, WINDOWS.grassrootsTitles);
      state.collectiveStreak =
        unitRating === "HTXS" || record.titles.includes("TTLDXS") ? state.collectiveStreak + 1 : 0;
      if (state.collectiveStreak >= 2 && random.chance(RATES.collectiveBkAfterTwoYears)) {
        this.grant(
          record,
          "BK_CT_UBND_TINH",
          "CONG_TRANG",
          this.options.provinceIssuer,
          WINDOWS.provincialAwards,
        );
        state.collectiveStreak = 0;
      }
      if (RANK[unitRating] >= RANK.HTT && random.chance(RATES.collectiveGiayKhenSo))
        this.grant(record, "GK_GD_SO", "PHONG_TRAO", this.options.departmentIssuer, WINDOWS.thematic);
    }
    this.out.records.push(record);
    // The cụm ranks its members by their results; a small draw breaks ties.
    return { record, standing: RANK[unitRating] * 100 + ldttShare * 50 + random.next() };
  }

  /** One leader per cụm/khối and year; the leader with TTLĐXS may receive the Cờ thi đua tỉnh. */
  crownClusterLeader(
    members: readonly SchoolState[],
    collectives: ReadonlyMap<string, { record: YearRecord; standing: number }>,
    yearIndex: number,
  ): void {
    let leader: { record: YearRecord; standing: number } | undefined;
    for (const member of members) {
      const candidate = collectives.get(member.school.unit.id);
      if (candidate && (!leader || candidate.standing > leader.standing)) leader = candidate;
    }
    if (!leader) return;
    leader.record.leadsCluster = true;
    if (
      !this.isOpen(yearIndex) &&
      leader.record.titles.includes("TTLDXS") &&
      this.random.chance(RATES.coThiDuaForLeader)
    )
      this.grant(
        leader.record,
        "CO_TD_TINH",
        "CONG_TRANG",
        this.options.provinceIssuer,
        WINDOWS.provincialAwards,
      );
  }

  /** Adds the title or form to the record and its entry to the awards ledger. */
  private grant(
    record: YearRecord,
    code: AwardCode,
    kind: AwardKind,
    issuer: Issuer,
    window?: (typeof WINDOWS)[keyof typeof WINDOWS],
  ): Award {
    const decision = window
      ? this.book.batch(issuer, record.year, kind === "CONG_TRANG" ? code : `${code}|${kind}`, window)
      : this.book.single(issuer, record.year);
    // Fresh exact-size arrays: push() would reserve room for 16 entries in each of 500,000 records.
    if (isTitle(code)) record.titles = record.titles.concat(code);
    else record.awards = record.awards.concat({ form: code, kind });
    const award: Award = {
      // The id the Lịch sử khen thưởng tab gives the same award (a flat string, not a rope).
      id: awardId({ unitId: record.unitId, subjectId: record.subjectId, year: record.year, code, kind }),
      subjectKind: record.subjectKind,
      subjectId: record.subjectId,
      unitId: record.unitId,
      code,
      kind,
      year: record.year,
      decisionNo: decision.decisionNo,
      decisionDate: decision.decisionDate,
      issuer: issuer.name,
    };
    this.out.awards.push(award);
    return award;
  }

  private vote(school: SchoolState, person: PersonYear, target: Target): void {
    const random = this.random;
    const members = school.school.councilSize;
    const present = random.chance(0.3) ? members - 1 : members;
    const scripted = person.state.script?.councilAgreeLastYear;
    const agree =
      scripted ??
      (random.chance(RATES.councilBelowThreshold)
        ? Math.floor(members * 0.7)
        : present - (random.chance(0.2) ? 1 : 0));
    // The draws above are made either way, so that a unanimous script leaves every later draw as it was.
    const unanimous = person.state.script?.unanimousCouncil === true;
    const cast = unanimous ? members : present;
    const agreeing = unanimous ? members : Math.min(agree, present);
    this.out.votes.push({
      year: person.record.year,
      unitId: person.record.unitId,
      subjectId: person.record.subjectId,
      target,
      ballotType: "KIN",
      members,
      issued: cast,
      returned: cast,
      valid: cast,
      agree: agreeing,
      disagree: cast - agreeing,
    });
  }
}

/**
 * RT-05: HTXS ≤ 20 % of the number rated HTT, within each tổ and within the unit (the strictest reading:
 * the HTT_ONLY denominator, no 25 % for an HTXS unit, so the sample is lawful under every configuration).
 * The lowest scores step down to HTT until the cap holds; scripted ratings are left alone, and where a
 * scripted HTXS alone exceeds its tổ's cap, the tổ's best HT colleagues are rated HTT instead.
 */
function capExcellentRatings(people: PersonYear[]): void {
  const groups = new Map<string, PersonYear[]>();
  for (const person of people) {
    const group = person.state.member.person.group;
    if (group !== undefined) groups.set(group, [...(groups.get(group) ?? []), person]);
  }
  for (const members of groups.values()) capScope(members);
  // Stepping down only adds HTT ratings, so the tổ stay within their caps after the unit's.
  capScope(people);
}

const HTXS_CAP_SHARE = 0.2;
const htxsCapOf = (htt: number): number => Math.floor(HTXS_CAP_SHARE * htt + 1e-9);

function capScope(people: readonly PersonYear[]): void {
  let htt = people.filter((p) => p.record.rating === "HTT").length;
  let htxs = people.filter((p) => p.record.rating === "HTXS").length;
  const excellent = people
    .filter((p) => p.record.rating === "HTXS" && !p.forced)
    .sort((a, b) => a.score - b.score);
  for (const person of excellent) {
    if (htxs <= htxsCapOf(htt)) break;
    person.record.rating = "HTT";
    htxs--;
    htt++;
  }
  const liftable = people
    .filter((p) => p.record.rating === "HT" && !p.forced)
    .sort((a, b) => b.score - a.score);
  for (const person of liftable) {
    if (htxs <= htxsCapOf(htt)) break;
    person.record.rating = "HTT";
    htt++;
  }
}
