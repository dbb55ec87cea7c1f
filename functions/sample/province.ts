/**
 * The synthetic province (issue 2, item 7): deterministic for a seed, realistic in size and rates
 * (docs/domain.md §12), consistent with the rules of §15. Tests, benchmarks and the demo all use it.
 *
 *   generateProvince({ seed: 1, schools: 1500 })  // ≈ 60,000 people, 10 school years
 *   sampleProvince()                              // 12 schools for `npm start` and the demo
 */
import { legalBasisOn } from "../src/domain/eligibility/index.js";
import type { MeritEvidence } from "../src/domain/merit-evidence.js";
import type {
  Achievement,
  Award,
  CouncilVote,
  CriteriaGroup,
  Initiative,
  ManualScore,
  Person,
  Proposal,
  Registration,
  Unit,
  User,
  YearConfig,
  YearRecord,
} from "../src/domain/model.js";
import { schoolYearStarting, startYearOf } from "../src/domain/school-year.js";
import { adHocSample } from "./ad-hoc.js";
import { DecisionBook, type Issuer } from "./decisions.js";
import { type DutiesSample, dutiesSample } from "./dissemination.js";
import { buildHistory, type SchoolScript, scriptedStaff } from "./history.js";
import { type InspectionSample, inspectionSample } from "./inspection.js";
import { withLevelingPatterns } from "./leveling.js";
import { meritEvidenceSample } from "./merit.js";
import { personName } from "./names.js";
import { Random } from "./prng.js";
import { departmentProposals, departmentVotes, openYearProposals } from "./proposals.js";
import { rankingSample } from "./ranking.js";
import { type ProvinceWithDecisions, withRecordedDecisions } from "./recorded-decisions.js";
import { buildCommunes, buildSchools, type Commune, type School } from "./structure.js";
import { type ThematicSample, thematicSample } from "./thematic.js";

export interface GenerateOptions {
  seed: number;
  schools: number;
  /** School years of history, ending with `lastYear`. */
  years?: number;
  lastYear?: string;
  provinceName?: string;
  /**
   * The last year is the one being evaluated now: its ratings, discipline, initiatives and council
   * votes exist, its titles and awards do not yet (they are what the system proposes).
   */
  openLastYear?: boolean;
}

export interface Province extends InspectionSample {
  name: string;
  seed: number;
  years: string[];
  openYear: string | null;
  communes: Commune[];
  units: Unit[];
  people: Person[];
  records: YearRecord[];
  initiatives: Initiative[];
  awards: Award[];
  votes: CouncilVote[];
  /** The open year's proposals (tab "Đề nghị khen thưởng"); none when every year is decided. */
  proposals: Proposal[];
  /** years/{year}: the Department's configuration of each school year. */
  yearConfigs: YearConfig[];
  users: User[];
  /** The open year's registrations (with achieved values), criteria groups and manual scores. */
  registrations: Registration[];
  criteria: CriteriaGroup[];
  manualScores: ManualScore[];
  /** The open year's tab "Minh chứng hiệu quả công việc" (sample/merit.ts). */
  evidence: MeritEvidence[];
  /** The open year's national and international prizes (tab "Thành tích đột xuất", ad-hoc.ts). */
  achievements?: Achievement[];
  /** The school of the open year that reported no achieved values (the ranking's missing-data case). */
  unreportedUnitId: string | null;
  /** The last year's dissemination and emulation officers' records (dissemination.ts). */
  duties: DutiesSample;
  /** The open year's khen thưởng chuyên đề: one field, its registrations and results. */
  thematic: ThematicSample | undefined;
}

/** users.unitId of the Department's own staff. */
export const DEPARTMENT_UNIT_ID = "so-gddt";

export const SAMPLE_SCHOOLS = {
  /** Sở-managed: "Trường THPT Lê Quý Đôn", abbreviation "THPTLQĐ". */
  leQuyDon: "thpt-le-quy-don",
  /** Commune-managed, with scripted candidates (see SHOWCASE). */
  nguyenDu: "thcs-nguyen-du",
} as const;

/**
 * THCS Nguyễn Du in the last (open) year, teacher by teacher after the board:
 * 1. CSTĐ tỉnh candidate: CSTĐCS in the two years before, HTXS now, a province-level sáng kiến last year.
 * 2. Bằng khen tỉnh candidate (BKT-01 d): CSTĐCS last year, HTXS now.
 * 3. CSTĐCS through a sáng kiến cơ sở with an HTT rating.
 * 4. CSTĐCS on HTXS, but the council vote falls short of 80 %.
 * 5. Disciplined (khiển trách, duty-related) → KHT: not LĐTT.
 * 6. On maternity leave for 6 months, HTT: still LĐTT (G-05).
 * 7. Hired 4 months ago: not rated (RT-07).
 * The school itself: HTXS two years running (collective Bằng khen tỉnh candidate; TTLĐTT candidate;
 * TTLĐXS fails because of teachers 5 and 7).
 */
const SHOWCASE: SchoolScript = {
  unitRatings: ["HTXS", "HTXS", "HTT"],
  schoolEffect: 1.5,
  teachers: [
    {
      ratings: ["HTXS", "HTXS", "HTXS", "HT"],
      initiatives: ["CO_SO", "TINH", "CO_SO", null],
      unanimousCouncil: true,
    },
    { ratings: ["HTXS", "HTXS", "HT"], initiatives: [null, null, null] },
    { ratings: ["HTT"], initiatives: ["CO_SO"] },
    { ratings: ["HTXS"], initiatives: [null], councilAgreeLastYear: 5 },
    { dutyDisciplineLastYear: true, initiatives: [null] },
    { ratings: ["HTT"], initiatives: [null], maternityLastYear: true },
    { monthsWorkedLastYear: 4 },
  ],
  // Teachers 1, 2 and 4 (HTXS) each in a tổ of their own, large enough for one HTXS (RT-05).
  mergedGroups: [
    { into: "Tổ Ngữ văn - Ngoại ngữ", groups: ["Tổ Ngữ văn", "Tổ Ngoại ngữ"] },
    { into: "Tổ Toán - Khoa học tự nhiên", groups: ["Tổ Toán - Tin", "Tổ Khoa học tự nhiên"] },
    {
      into: "Tổ Khoa học xã hội - Nghệ thuật",
      groups: ["Tổ Khoa học xã hội", "Tổ Giáo dục thể chất - Nghệ thuật"],
    },
  ],
};

const SCRIPTS: ReadonlyMap<string, SchoolScript> = new Map([
  [SAMPLE_SCHOOLS.nguyenDu, SHOWCASE],
  // A Bằng khen tỉnh candidate the Department forwards (BKT-01 d: HTXS two years, two sáng kiến cơ sở);
  // drawn HTXS ratings are rare under RT-05 per tổ.
  [
    SAMPLE_SCHOOLS.leQuyDon,
    {
      schoolEffect: 1,
      teachers: [{ ratings: ["HTXS", "HTXS", "HTT"], initiatives: ["CO_SO", "CO_SO", null] }],
    },
  ],
]);

export function generateProvince(options: GenerateOptions): Province {
  const years = options.years ?? 10;
  const lastYear = options.lastYear ?? "2025-2026";
  const provinceName = options.provinceName ?? "Hà Tĩnh";
  const openLastYear = options.openLastYear ?? true;
  const lastStartYear = startYearOf(lastYear);
  const schoolYears = Array.from({ length: years }, (_, i) =>
    schoolYearStarting(lastStartYear - years + 1 + i),
  );
  const departmentName = `Sở Giáo dục và Đào tạo tỉnh ${provinceName}`;

  // Separate streams, so that a change in one part (say, names) does not reshuffle the others.
  const root = new Random(options.seed);
  const structureRandom = root.fork(1);
  const communes = buildCommunes(structureRandom, options.schools);
  const schools = buildSchools(structureRandom, communes, {
    schools: options.schools,
    years,
    lastStartYear,
    provinceName,
    departmentName,
  });
  applyScripts(schools, years, lastStartYear, root.fork(5));

  const history = buildHistory(
    schools,
    SCRIPTS,
    {
      years: schoolYears,
      openLastYear,
      provinceIssuer: { key: "tinh", name: `Chủ tịch Ủy ban nhân dân tỉnh ${provinceName}`, symbol: "UBND" },
      departmentIssuer: { key: "so", name: `Giám đốc ${departmentName}`, symbol: "SGDĐT" } satisfies Issuer,
    },
    root.fork(2),
    new DecisionBook(root.fork(3)),
  );
  const users = buildUsers(schools, communes, root.fork(4));
  const units = schools.map((school) => school.unit);
  const showcase = schools.find((school) => school.unit.id === SAMPLE_SCHOOLS.nguyenDu);
  const showcaseTeachers = showcase ? scriptedStaff(showcase.staff).map((member) => member.person.id) : [];
  // What the Department forwards to the Chủ tịch UBND tỉnh, and its council's votes on it.
  const forwarded = openLastYear ? departmentProposals(lastYear, units, history.records) : [];
  const councilVotes = departmentVotes(lastYear, DEPARTMENT_UNIT_ID, forwarded, root.fork(6));
  const proposals = openLastYear
    ? openYearProposals(lastYear, units, history.records, history.votes, {
        unitId: SAMPLE_SCHOOLS.nguyenDu,
        // Teacher 2 for Bằng khen tỉnh; teachers 5 and 7 for LĐTT, which they cannot have.
        extra: [
          ...(showcaseTeachers[1]
            ? [{ subjectId: showcaseTeachers[1], target: "BK_CT_UBND_TINH" as const }]
            : []),
          ...[showcaseTeachers[4], showcaseTeachers[6]].flatMap((id) =>
            id ? [{ subjectId: id, target: "LDTT" as const }] : [],
          ),
        ],
        collectiveTargets: ["TTLDTT", "TTLDXS", "BK_CT_UBND_TINH"],
      }).concat(forwarded)
    : [];
  const yearConfigs = schoolYears.map((year) => ({
    year,
    legalBasisVersion: legalBasisOn(`${year.slice(5)}-05-31`)?.version ?? "2024-01",
    registrationRequired: true,
    htxsCapDenominator: "HTT_ONLY" as const,
    voteThreshold: {},
    rankingQuotas: {},
  }));

  const people = schools.flatMap((school) => school.staff.map((member) => member.person));
  const unreportedUnitId = openLastYear ? unreportedUnitOf(units) : null;
  const ranking = openLastYear
    ? rankingSample(lastYear, units, people, root.fork(6), unreportedUnitId ?? "")
    : { criteria: [], registrations: [], manualScores: [] };

  return {
    name: provinceName,
    seed: options.seed,
    years: schoolYears,
    openYear: openLastYear ? lastYear : null,
    communes,
    units,
    people,
    ...history,
    votes: [...history.votes, ...councilVotes],
    proposals,
    yearConfigs,
    users,
    ...ranking,
    evidence: openLastYear ? meritEvidenceSample(lastYear, units, people, proposals, root.fork(7)) : [],
    ...(openLastYear
      ? inspectionSample(lastYear, units, people, users, DEPARTMENT_UNIT_ID, SAMPLE_SCHOOLS)
      : { inspectionTeams: [], inspectionVisits: [], inspectionFindings: [] }),
    unreportedUnitId,
    duties: dutiesSample(
      units,
      people,
      {
        year: lastYear,
        departmentUnitId: DEPARTMENT_UNIT_ID,
        departmentName,
        complete: new Set(Object.values(SAMPLE_SCHOOLS)),
        showcase: SAMPLE_SCHOOLS.nguyenDu,
      },
      root.fork(7),
    ),
    thematic: openLastYear
      ? thematicSample(lastYear, units, history.records, SAMPLE_SCHOOLS.nguyenDu)
      : undefined,
  };
}

/** A school of the showcase's cụm (not a scripted one), or of any cụm in a province without it. */
function unreportedUnitOf(units: readonly Unit[]): string | null {
  const scripted = new Set<string>(Object.values(SAMPLE_SCHOOLS));
  const cluster = units.find((unit) => unit.id === SAMPLE_SCHOOLS.nguyenDu)?.clusterId;
  const candidates = units
    .filter((unit) => !scripted.has(unit.id))
    .sort(
      (a, b) => Number(b.clusterId === cluster) - Number(a.clusterId === cluster) || (a.id < b.id ? -1 : 1),
    );
  return candidates[0]?.id ?? null;
}

/**
 * The small province of `npm start` and the demo: 12 schools, with the two sample schools, and four
 * schools that raise the bình xét report's flags (leveling.ts).
 */
export function sampleProvince(): ProvinceWithDecisions {
  return withRecordedDecisions(
    adHocSample(withLevelingPatterns(generateProvince({ seed: 2026, schools: 12 }))),
  );
}

/**
 * Scripted people work the whole period (or were hired in the last year, as their script says); the
 * one on maternity leave is a woman of 29 and the newcomer 23, whatever the draw made of them.
 */
function applyScripts(
  schools: readonly School[],
  years: number,
  lastStartYear: number,
  random: Random,
): void {
  for (const school of schools) {
    const script = SCRIPTS.get(school.unit.id);
    if (!script) continue;
    mergeGroups(school, script);
    const targets = scriptedStaff(school.staff);
    script.teachers.forEach((personScript, index) => {
      const member = targets[index];
      if (!member) return;
      const newcomer = personScript.monthsWorkedLastYear !== undefined;
      member.hireIndex = newcomer ? years - 1 : 0;
      member.leaveIndex = years;
      delete member.person.withdrawn;
      const age = personScript.maternityLastYear ? 29 : newcomer ? 23 : undefined;
      if (age === undefined) return;
      member.birthYear = lastStartYear + 1 - age;
      member.person.birthDate = `${member.birthYear}${member.person.birthDate?.slice(4) ?? "-01-15"}`;
      if (personScript.maternityLastYear && member.person.gender !== "F") {
        member.person.gender = "F";
        member.person.fullName = personName(random, "F");
      }
    });
  }
}

function mergeGroups(school: School, script: SchoolScript): void {
  for (const { into, groups } of script.mergedGroups ?? [])
    for (const member of school.staff) {
      const index = member.person.group === undefined ? -1 : groups.indexOf(member.person.group);
      if (index < 0) continue;
      member.person.group = into;
      if (index > 0 && member.person.position === "Tổ trưởng") member.person.position = "Tổ phó";
    }
}

function buildUsers(schools: readonly School[], communes: readonly Commune[], random: Random): User[] {
  const users: User[] = [];
  const schoolDomain = "truong.example.org";
  for (const { unit, staff } of schools) {
    const principal = staff.find((member) => member.isPrincipal)?.person;
    const officer = staff.find((member) => member.person.group === "Tổ Văn phòng")?.person;
    if (principal) {
      principal.email = `hieutruong.${unit.id}@${schoolDomain}`;
      users.push({
        email: principal.email,
        role: "PRINCIPAL",
        unitId: unit.id,
        displayName: principal.fullName,
      });
    }
    if (officer) {
      officer.email = `tdkt.${unit.id}@${schoolDomain}`;
      users.push({
        email: officer.email,
        role: "SCHOOL_OFFICER",
        unitId: unit.id,
        displayName: officer.fullName,
      });
    }
  }
  const managing = new Set(
    schools.filter((s) => s.unit.managingAuthority === "UBND_XA").map((s) => s.unit.communeUnitId),
  );
  for (const commune of communes) {
    if (!managing.has(commune.id)) continue;
    users.push({
      email: `vhxh.${commune.id}@xa.example.org`,
      role: "COMMUNE_SPECIALIST",
      unitId: commune.id,
      displayName: personName(random, random.chance(0.6) ? "F" : "M"),
    });
  }
  for (let i = 1; i <= 3; i++) {
    users.push({
      email: `chuyenvien${i}@sogddt.example.org`,
      role: "DEPT_SPECIALIST",
      unitId: DEPARTMENT_UNIT_ID,
      displayName: personName(random, random.chance(0.6) ? "F" : "M"),
    });
  }
  // The Giám đốc chairs the Department's council and signs its documents (the demo's Department set).
  users.push({
    email: "giamdoc@sogddt.example.org",
    role: "COUNCIL_MEMBER",
    unitId: DEPARTMENT_UNIT_ID,
    displayName: personName(random, random.chance(0.5) ? "F" : "M"),
  });
  users.push({
    email: "quantri@sogddt.example.org",
    role: "ADMIN",
    unitId: DEPARTMENT_UNIT_ID,
    displayName: "Quản trị hệ thống",
  });
  return users;
}
