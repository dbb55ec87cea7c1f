/**
 * The province's fixed structure: communes, schools (with cụm/khối thi đua and managing authority
 * after the 2025 reform) and their staff. Yearly history is built on top of it in history.ts.
 */
import type { Gender, SchoolLevel } from "../src/domain/codes.js";
import type { Person, Unit } from "../src/domain/model.js";
import { foldForMatching } from "../src/domain/text.js";
import {
  communeNames,
  ETHNICITIES,
  FLOWER_NAMES,
  personName,
  SCHOOL_NAMESAKES,
  type Stage,
} from "./names.js";
import type { Random } from "./prng.js";

export interface Commune {
  /** Natural key of the commune unit: users.unitId of its specialists, Unit.communeUnitId of its schools. */
  id: string;
  name: string;
  /** "Ủy ban nhân dân xã Hòa Bình". */
  managingBodyName: string;
  region: number;
}

interface LevelProfile {
  share: number;
  /** Words after "Trường" in the school's name, the prefix of its abbreviation and of its id. */
  title: string;
  abbreviation: string;
  slug: string;
  staff: readonly [number, number];
  womenShare: number;
  stage: Stage;
  groups: readonly string[];
  /** Khối/cụm family: LIEN_CAP schools compete with the level of their highest grade. */
  clusterFamily: string;
}

const SECONDARY_GROUPS = [
  "Tổ Ngữ văn",
  "Tổ Toán - Tin",
  "Tổ Khoa học tự nhiên",
  "Tổ Khoa học xã hội",
  "Tổ Ngoại ngữ",
  "Tổ Giáo dục thể chất - Nghệ thuật",
] as const;

const LEVELS: Readonly<Record<SchoolLevel, LevelProfile>> = {
  MAM_NON: {
    share: 0.33,
    title: "Mầm non",
    abbreviation: "MN",
    slug: "mn",
    staff: [22, 40],
    womenShare: 0.96,
    stage: "preschool",
    groups: ["Tổ Nhà trẻ", "Tổ Mẫu giáo bé", "Tổ Mẫu giáo nhỡ", "Tổ Mẫu giáo lớn"],
    clusterFamily: "mn",
  },
  TIEU_HOC: {
    share: 0.34,
    title: "Tiểu học",
    abbreviation: "TH",
    slug: "th",
    staff: [28, 50],
    womenShare: 0.74,
    stage: "primary",
    groups: ["Tổ Khối 1", "Tổ Khối 2", "Tổ Khối 3", "Tổ Khối 4", "Tổ Khối 5", "Tổ Chuyên biệt"],
    clusterFamily: "th",
  },
  THCS: {
    share: 0.22,
    title: "THCS",
    abbreviation: "THCS",
    slug: "thcs",
    staff: [30, 52],
    womenShare: 0.62,
    stage: "secondary",
    groups: SECONDARY_GROUPS,
    clusterFamily: "thcs",
  },
  LIEN_CAP_THCS: {
    share: 0.03,
    title: "TH và THCS",
    abbreviation: "THTHCS",
    slug: "th-thcs",
    staff: [35, 55],
    womenShare: 0.68,
    stage: "secondary",
    groups: ["Tổ Tiểu học", ...SECONDARY_GROUPS],
    clusterFamily: "thcs",
  },
  THPT: {
    share: 0.06,
    title: "THPT",
    abbreviation: "THPT",
    slug: "thpt",
    staff: [60, 100],
    womenShare: 0.57,
    stage: "secondary",
    groups: [
      "Tổ Ngữ văn",
      "Tổ Toán",
      "Tổ Vật lý - Công nghệ",
      "Tổ Hóa học - Sinh học",
      "Tổ Lịch sử - Địa lý - GDKT&PL",
      "Tổ Ngoại ngữ",
      "Tổ Tin học",
      "Tổ Thể dục - Quốc phòng",
    ],
    clusterFamily: "thpt",
  },
  LIEN_CAP_THPT: {
    share: 0.005,
    title: "THCS và THPT",
    abbreviation: "THCSTHPT",
    slug: "thcs-thpt",
    staff: [55, 80],
    womenShare: 0.6,
    stage: "secondary",
    groups: SECONDARY_GROUPS,
    clusterFamily: "thpt",
  },
  GDTX: {
    share: 0.015,
    title: "Trung tâm GDNN-GDTX",
    abbreviation: "TTGDNNGDTX",
    slug: "gdtx",
    staff: [20, 40],
    womenShare: 0.5,
    stage: "secondary",
    groups: ["Tổ Văn hóa", "Tổ Hướng nghiệp - Dạy nghề"],
    clusterFamily: "gdtx",
  },
};

const LEVEL_ORDER = Object.keys(LEVELS) as SchoolLevel[];
const OFFICE_GROUP = "Tổ Văn phòng";
const BOARD_GROUP = "Ban Giám hiệu";
const SCHOOLS_PER_COMMUNE = 13;
const MAX_REGIONS = 7;

/** Sở-managed after TT 45/2026: schools with a THPT level and GDTX centres. */
const isDepartmentManaged = (level: SchoolLevel): boolean =>
  level === "THPT" || level === "LIEN_CAP_THPT" || level === "GDTX";

export interface StaffMember {
  person: Person;
  /** Persistent ability: drives the yearly score (with the school's effect and yearly noise). */
  trait: number;
  /** Index of the first school year with a record, and of the first one without (withdrawn). */
  hireIndex: number;
  leaveIndex: number;
  birthYear: number;
  isManager: boolean;
  isPrincipal: boolean;
}

export interface School {
  unit: Unit;
  stage: Stage;
  schoolEffect: number;
  /** Members of the school HĐTĐKT who vote on CSTĐ proposals. */
  councilSize: number;
  staff: StaffMember[];
}

export interface StructureOptions {
  schools: number;
  years: number;
  lastStartYear: number;
  provinceName: string;
  departmentName: string;
}

const slugOf = (text: string): string =>
  foldForMatching(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const initialsOf = (text: string): string =>
  text
    .split(" ")
    .map((word) => word.charAt(0).toLocaleUpperCase("vi"))
    .join("");

/** Largest-remainder split of `total` schools over the levels, keeping one THCS and one THPT. */
function levelCounts(total: number): Map<SchoolLevel, number> {
  const exact = LEVEL_ORDER.map((level) => ({ level, value: LEVELS[level].share * total }));
  const counts = new Map(exact.map(({ level, value }) => [level, Math.floor(value)]));
  let left = total - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const { level } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (left-- <= 0) break;
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  for (const needed of ["THCS", "THPT"] as const) {
    if ((counts.get(needed) ?? 0) > 0 || total < 2) continue;
    const donor = LEVEL_ORDER.reduce((a, b) => ((counts.get(a) ?? 0) >= (counts.get(b) ?? 0) ? a : b));
    counts.set(donor, (counts.get(donor) ?? 0) - 1);
    counts.set(needed, 1);
  }
  return counts;
}

export function buildCommunes(random: Random, schools: number): Commune[] {
  // At least three communes, so that even the sample has several UBND xã.
  const count = Math.max(Math.min(3, schools), Math.round(schools / SCHOOLS_PER_COMMUNE), 1);
  const regions = Math.min(MAX_REGIONS, count);
  return communeNames(random, count).map((name, index) => ({
    id: `xa-${slugOf(name)}`,
    name,
    managingBodyName: `Ủy ban nhân dân xã ${name}`,
    region: index % regions,
  }));
}

/** Where each level starts in SCHOOL_NAMESAKES: the first THPT is "Lê Quý Đôn", the first THCS "Nguyễn Du". */
const NAMESAKE_OFFSET: Partial<Record<SchoolLevel, number>> = { THPT: 0, THCS: 1, TIEU_HOC: 2 };

class SchoolNamer {
  private readonly used = new Set<string>();
  private readonly namesakeIndex = new Map<SchoolLevel, number>();

  constructor(private readonly random: Random) {}

  /** The distinctive part of the name ("Lê Quý Đôn", "Hòa Bình", "số 2 Hòa Bình"). */
  distinctive(level: SchoolLevel, commune: Commune): string {
    const offset = NAMESAKE_OFFSET[level];
    const next = this.namesakeIndex.get(level) ?? 0;
    const namesakeShare = level === "THPT" ? 1 : 0.3;
    if (
      offset !== undefined &&
      next < SCHOOL_NAMESAKES.length &&
      (next === 0 || this.random.chance(namesakeShare))
    ) {
      this.namesakeIndex.set(level, next + 1);
      const namesake = SCHOOL_NAMESAKES[(offset + next) % SCHOOL_NAMESAKES.length] as string;
      if (this.claim(level, namesake)) return namesake;
    }
    if (level === "MAM_NON" && this.random.chance(0.3)) {
      const flower = `${this.random.pick(FLOWER_NAMES)} ${commune.name}`;
      if (this.claim(level, flower)) return flower;
    }
    for (let ordinal = 1; ; ordinal++) {
      const candidate = ordinal === 1 ? commune.name : `số ${ordinal} ${commune.name}`;
      if (this.claim(level, candidate)) return candidate;
    }
  }

  private claim(level: SchoolLevel, distinctive: string): boolean {
    const key = `${level}|${distinctive}`;
    if (this.used.has(key)) return false;
    this.used.add(key);
    return true;
  }
}

function abbreviationOf(level: SchoolLevel, distinctive: string): string {
  const ordinal = /^số (\d+) (.*)$/.exec(distinctive);
  const base = ordinal ? `${initialsOf(ordinal[2] ?? "")}${ordinal[1]}` : initialsOf(distinctive);
  return `${LEVELS[level].abbreviation}${base}`;
}

function buildUnit(
  level: SchoolLevel,
  distinctive: string,
  commune: Commune,
  options: StructureOptions,
  random: Random,
): Unit {
  const profile = LEVELS[level];
  const departmentManaged = isDepartmentManaged(level);
  const family = profile.clusterFamily;
  return {
    id: `${profile.slug}-${slugOf(distinctive)}`,
    name: level === "GDTX" ? `${profile.title} ${distinctive}` : `Trường ${profile.title} ${distinctive}`,
    abbreviation: abbreviationOf(level, distinctive),
    level,
    clusterId: family === "gdtx" ? "khoi-gdtx" : `cum-${family}-${commune.region + 1}`,
    managingAuthority: departmentManaged ? "SO_GDDT" : "UBND_XA",
    managingBodyName: departmentManaged ? options.departmentName : commune.managingBodyName,
    place: commune.name,
    communeUnitId: commune.id,
    address: `Xã ${commune.name}, tỉnh ${options.provinceName}`,
    phone: `0239 ${random.int(3_800_000, 3_899_999)}`,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

function buildStaff(
  school: Unit,
  profile: LevelProfile,
  options: StructureOptions,
  random: Random,
): StaffMember[] {
  const size = random.int(profile.staff[0], profile.staff[1]);
  const vices = size < 35 ? 1 : size < 70 ? 2 : 3;
  const office = Math.max(2, Math.round(size * 0.08));
  const teachers = size - 1 - vices - office;
  const groupSizes = new Map<string, number>();
  const staff: StaffMember[] = [];
  const isCentre = school.level === "GDTX";

  /** Seniors (the board, heads of groups) have been at the school for the whole period. */
  const add = (position: string, group: string, seniority: "board" | "head" | "staff") => {
    const isManager = seniority === "board";
    const womenShare = isManager ? profile.womenShare - 0.15 : profile.womenShare;
    const gender: Gender = random.chance(womenShare) ? "F" : "M";
    const retirementAge = gender === "F" ? 56 : 60;
    const lateHire = seniority === "staff" && random.chance(0.18);
    const hireIndex = lateHire ? random.int(1, options.years - 1) : 0;
    const ageAtEnd =
      seniority === "staff"
        ? lateHire
          ? random.int(22, 30) + (options.years - 1 - hireIndex)
          : random.int(24 + options.years - 1, retirementAge)
        : random.int(38, retirementAge);
    const withdrawn = seniority === "staff" && !lateHire && random.chance(0.03);
    const birthYear = options.lastStartYear + 1 - ageAtEnd;
    const seq = staff.length + 1;
    const person: Person = {
      id: `${school.id}-${String(seq).padStart(3, "0")}`,
      unitId: school.id,
      fullName: personName(random, gender),
      gender,
      birthDate: `${birthYear}-${pad2(random.int(1, 12))}-${pad2(random.int(1, 28))}`,
      ethnicity: ETHNICITIES.draw(random),
      position,
      group,
      staffCategory: group === OFFICE_GROUP && random.chance(0.4) ? "Người lao động" : "Viên chức",
    };
    if (withdrawn) person.withdrawn = true;
    staff.push({
      person,
      trait: random.normal(),
      hireIndex,
      leaveIndex: withdrawn ? random.int(1, options.years - 1) : options.years,
      birthYear,
      isManager,
      isPrincipal: position === "Hiệu trưởng" || position === "Giám đốc",
    });
  };

  add(isCentre ? "Giám đốc" : "Hiệu trưởng", BOARD_GROUP, "board");
  for (let i = 0; i < vices; i++) add(isCentre ? "Phó Giám đốc" : "Phó Hiệu trưởng", BOARD_GROUP, "board");
  for (let i = 0; i < teachers; i++) {
    const group = profile.groups[i % profile.groups.length] as string;
    const rank = groupSizes.get(group) ?? 0;
    groupSizes.set(group, rank + 1);
    if (rank === 0) add("Tổ trưởng", group, "head");
    else add(rank === 1 ? "Tổ phó" : "Giáo viên", group, "staff");
  }
  for (let i = 0; i < office; i++)
    add(i === 0 ? "Tổ trưởng" : "Nhân viên", OFFICE_GROUP, i === 0 ? "head" : "staff");
  return staff;
}

/** Every school of the province with its staff, in a deterministic order. */
export function buildSchools(
  random: Random,
  communes: readonly Commune[],
  options: StructureOptions,
): School[] {
  const namer = new SchoolNamer(random);
  const schools: School[] = [];
  const counts = levelCounts(options.schools);
  // THPT and THCS first, so "Lê Quý Đôn" and "Nguyễn Du" are always named and the ids stable.
  const order: SchoolLevel[] = ["THPT", "THCS", ...LEVEL_ORDER.filter((l) => l !== "THPT" && l !== "THCS")];
  for (const level of order) {
    for (let i = 0; i < (counts.get(level) ?? 0); i++) {
      const commune = random.pick(communes);
      const unit = buildUnit(level, namer.distinctive(level, commune), commune, options, random);
      const profile = LEVELS[level];
      const staff = buildStaff(unit, profile, options, random);
      const principal = staff[0];
      if (principal) unit.principalName = principal.person.fullName;
      schools.push({
        unit,
        stage: profile.stage,
        schoolEffect: random.normal(),
        councilSize: staff.length > 60 ? 11 : staff.length > 35 ? 9 : 7,
        staff,
      });
    }
  }
  return schools;
}
