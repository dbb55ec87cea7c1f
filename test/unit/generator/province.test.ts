import { beforeAll, describe, expect, it } from "vitest";
import { Random } from "../../../functions/sample/prng.js";
import {
  generateProvince,
  type Province,
  SAMPLE_SCHOOLS,
  sampleProvince,
} from "../../../functions/sample/province.js";
import { awardId } from "../../../functions/src/domain/document-ids.js";
import {
  Award,
  CouncilVote,
  Initiative,
  Person,
  Unit,
  User,
  YearRecord,
} from "../../../functions/src/domain/model.js";
import { previousSchoolYear } from "../../../functions/src/domain/school-year.js";

const RANK = { HTXS: 3, HTT: 2, HT: 1, KHT: 0, NONE: -1 } as const;
const decidedIndividualRecords = (province: Province) =>
  province.records.filter((r) => r.subjectKind === "individual" && r.year !== province.openYear);
const share = <T>(items: readonly T[], predicate: (item: T) => boolean): number =>
  items.filter(predicate).length / items.length;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

describe("PRNG", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    for (const x of draw(7)) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe("generateProvince", () => {
  it("is deterministic for a seed", () => {
    const a = generateProvince({ seed: 7, schools: 40 });
    const b = generateProvince({ seed: 7, schools: 40 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = generateProvince({ seed: 8, schools: 40 });
    expect(c.people.map((p) => p.fullName)).not.toEqual(a.people.map((p) => p.fullName));
  });

  it("covers ten school years ending with the last year, the last one open", () => {
    const province = generateProvince({ seed: 3, schools: 20 });
    expect(province.years).toHaveLength(10);
    expect(province.years[0]).toBe("2016-2017");
    expect(province.years.at(-1)).toBe("2025-2026");
    expect(province.openYear).toBe("2025-2026");
    const closed = generateProvince({
      seed: 3,
      schools: 20,
      years: 4,
      lastYear: "2024-2025",
      openLastYear: false,
    });
    expect(closed.years).toEqual(["2021-2022", "2022-2023", "2023-2024", "2024-2025"]);
    expect(closed.openYear).toBeNull();
    expect(closed.awards.some((a) => a.year === "2024-2025")).toBe(true);
  });

  it("produces only objects that pass their schemas, with unique natural keys", () => {
    const province = generateProvince({ seed: 11, schools: 60 });
    const check = (
      schema: { safeParse: (value: unknown) => { success: boolean } },
      items: readonly unknown[],
    ) => expect(items.filter((item) => !schema.safeParse(item).success)).toEqual([]);
    check(Unit, province.units);
    check(Person, province.people);
    check(YearRecord, province.records);
    check(Initiative, province.initiatives);
    check(Award, province.awards);
    check(CouncilVote, province.votes);
    check(User, province.users);
    const unique = (keys: string[]) => expect(new Set(keys).size).toBe(keys.length);
    unique(province.units.map((u) => u.id));
    unique(province.people.map((p) => p.id));
    unique(province.records.map((r) => `${r.year}/${r.subjectId}`));
    unique(province.initiatives.map((i) => i.id));
    unique(province.awards.map((a) => a.id));
    unique(province.votes.map((v) => `${v.year}/${v.unitId}_${v.subjectId}_${v.target}`));
    unique(province.users.map((u) => u.email));
  });
});

describe("sampleProvince", () => {
  const province = sampleProvince();
  const units = new Map(province.units.map((u) => [u.id, u]));

  it("has the two named sample schools with their managing authorities", () => {
    expect(province.units).toHaveLength(12);
    expect(units.get(SAMPLE_SCHOOLS.leQuyDon)).toMatchObject({
      name: "Trường THPT Lê Quý Đôn",
      abbreviation: "THPTLQĐ",
      level: "THPT",
      managingAuthority: "SO_GDDT",
      managingBodyName: "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
    });
    const nguyenDu = units.get(SAMPLE_SCHOOLS.nguyenDu);
    expect(nguyenDu).toMatchObject({
      name: "Trường THCS Nguyễn Du",
      level: "THCS",
      managingAuthority: "UBND_XA",
    });
    const commune = province.communes.find((c) => c.id === nguyenDu?.communeUnitId);
    expect(nguyenDu?.managingBodyName).toBe(`Ủy ban nhân dân xã ${commune?.name}`);
    expect(province.communes.length).toBeGreaterThanOrEqual(3);
  });

  it("gives THCS Nguyễn Du candidates for every grassroots and provincial target in the open year", () => {
    const open = province.openYear as string;
    const previous = previousSchoolYear(open);
    const staff = province.people.filter((p) => p.unitId === SAMPLE_SCHOOLS.nguyenDu);
    const teachers = staff.filter((p) => p.position === "Giáo viên");
    const record = (subjectId: string, year = open) =>
      province.records.find((r) => r.subjectId === subjectId && r.year === year);
    const votes = (subjectId: string) => province.votes.filter((v) => v.subjectId === subjectId);
    const [cstdTinh, bkTinh, viaInitiative, shortVote, disciplined, maternity, newcomer] = teachers.map(
      (t) => t.id,
    );

    expect(record(cstdTinh as string)?.rating).toBe("HTXS");
    expect(record(cstdTinh as string, previous)?.titles).toContain("CSTD_CS");
    expect(record(cstdTinh as string, previousSchoolYear(previous))?.titles).toContain("CSTD_CS");
    expect(
      province.initiatives.some((i) => i.ownerIds.includes(cstdTinh as string) && i.level === "TINH"),
    ).toBe(true);
    expect(votes(cstdTinh as string).map((v) => v.target)).toEqual(["CSTD_CS", "CSTD_TINH"]);

    expect(record(bkTinh as string, previous)?.titles).toContain("CSTD_CS");
    expect(record(bkTinh as string)?.rating).toBe("HTXS");
    expect(record(viaInitiative as string)?.rating).toBe("HTT");
    expect(province.initiatives.some((i) => i.ownerIds[0] === viaInitiative && i.year === open)).toBe(true);
    const [short] = votes(shortVote as string);
    expect(short && short.agree / short.members).toBeLessThan(0.8);
    expect(record(disciplined as string)).toMatchObject({
      rating: "KHT",
      discipline: [{ dutyRelated: true }],
    });
    expect(record(maternity as string)).toMatchObject({ rating: "HTT", maternityLeaveMonths: 6 });
    expect(staff.find((p) => p.id === maternity)?.gender).toBe("F");
    expect(record(newcomer as string)).toMatchObject({ rating: "NONE", monthsWorked: 4 });
    expect(record(newcomer as string, previous)).toBeUndefined();

    expect(record(SAMPLE_SCHOOLS.nguyenDu)?.rating).toBe("HTXS");
    expect(record(SAMPLE_SCHOOLS.nguyenDu, previous)?.rating).toBe("HTXS");
    const members = province.records.filter(
      (r) => r.unitId === SAMPLE_SCHOOLS.nguyenDu && r.year === open && r.subjectKind === "individual",
    );
    const ldttLike = members.filter(
      (r) => (r.rating === "HTXS" || r.rating === "HTT") && r.spirit && !r.suspended,
    );
    expect(ldttLike.length / members.length).toBeGreaterThanOrEqual(0.7);
  });

  it("gives every school a principal and an officer, and every managing commune a specialist", () => {
    for (const unit of province.units) {
      const roles = province.users.filter((u) => u.unitId === unit.id).map((u) => u.role);
      expect(roles.sort()).toEqual(["PRINCIPAL", "SCHOOL_OFFICER"]);
      if (unit.managingAuthority === "UBND_XA")
        expect(
          province.users.some((u) => u.role === "COMMUNE_SPECIALIST" && u.unitId === unit.communeUnitId),
        ).toBe(true);
    }
    expect(province.users.filter((u) => u.role === "DEPT_SPECIALIST").length).toBeGreaterThan(0);
  });
});

// Big data on a shared 2-core machine: generous timeouts.
describe("a province of 1,500 schools", { timeout: 60_000 }, () => {
  let province: Province;
  beforeAll(() => {
    province = generateProvince({ seed: 1, schools: 1500 });
  }, 60_000);

  it("has about 60,000 people in about 30 cụm/khối", () => {
    expect(province.people.length).toBeGreaterThanOrEqual(55_000);
    expect(province.people.length).toBeLessThanOrEqual(65_000);
    const clusters = new Set(province.units.map((u) => u.clusterId)).size;
    expect(clusters).toBeGreaterThanOrEqual(25);
    expect(clusters).toBeLessThanOrEqual(35);
    for (const unit of province.units) {
      const byDepartment = ["THPT", "LIEN_CAP_THPT", "GDTX"].includes(unit.level);
      expect(unit.managingAuthority).toBe(byDepartment ? "SO_GDDT" : "UBND_XA");
      if (!byDepartment) expect(unit.managingBodyName).toMatch(/^Ủy ban nhân dân xã /);
    }
  });

  it("names people the Vietnamese way, in NFC, with realistic shares", () => {
    const malformed = province.people.filter(
      (p) => p.fullName !== p.fullName.normalize("NFC") || p.fullName.split(" ").length < 3,
    );
    expect(malformed).toEqual([]);
    const family = (p: { fullName: string }) => p.fullName.split(" ")[0];
    expect(share(province.people, (p) => family(p) === "Nguyễn")).toBeGreaterThan(0.3);
    expect(share(province.people, (p) => family(p) === "Nguyễn")).toBeLessThan(0.45);
    expect(share(province.people, (p) => p.gender === "F")).toBeGreaterThan(0.65);
    expect(share(province.people, (p) => p.gender === "F")).toBeLessThan(0.82);
    expect(share(province.people, (p) => p.ethnicity === "Kinh")).toBeGreaterThan(0.85);
    const women = province.people.filter((p) => p.gender === "F");
    expect(share(women, (p) => p.fullName.split(" ")[1] === "Thị")).toBeGreaterThan(0.4);
  });

  it("rates people at realistic rates and grants titles at realistic rates", () => {
    const records = decidedIndividualRecords(province);
    expect(share(records, (r) => r.titles.includes("LDTT"))).toBeGreaterThan(0.5);
    expect(share(records, (r) => r.titles.includes("LDTT"))).toBeLessThan(0.7);
    expect(share(records, (r) => r.titles.includes("CSTD_CS"))).toBeGreaterThan(0.1);
    expect(share(records, (r) => r.titles.includes("CSTD_CS"))).toBeLessThan(0.17);
    expect(share(records, (r) => r.titles.includes("CSTD_TINH"))).toBeLessThan(0.005);
    expect(share(records, (r) => r.discipline.length > 0)).toBeGreaterThan(0.003);
    expect(share(records, (r) => r.discipline.length > 0)).toBeLessThan(0.02);
  });

  it("keeps HTXS within 20 % of HTT in every unit and year (RT-05) and heads within their unit (RT-06)", () => {
    const principals = new Set(
      province.people
        .filter((p) => p.position === "Hiệu trưởng" || p.position === "Giám đốc")
        .map((p) => p.id),
    );
    const collective = new Map(
      province.records.filter((r) => r.subjectKind === "collective").map((r) => [`${r.year}/${r.unitId}`, r]),
    );
    for (const records of groupBy(province.records, (r) => `${r.year}/${r.unitId}`).values()) {
      const individuals = records.filter((r) => r.subjectKind === "individual");
      const htt = individuals.filter((r) => r.rating === "HTT").length;
      expect(individuals.filter((r) => r.rating === "HTXS").length).toBeLessThanOrEqual(
        Math.floor(0.2 * htt),
      );
    }
    for (const record of province.records.filter((r) => principals.has(r.subjectId) && r.rating !== "NONE")) {
      const unit = collective.get(`${record.year}/${record.unitId}`);
      expect(RANK[record.rating]).toBeLessThanOrEqual(RANK[unit?.rating ?? "HTXS"]);
    }
  });

  it("grants titles only when the rules allow them, and records each in the ledger", () => {
    const withInitiative = new Set(
      province.initiatives.flatMap((i) => i.ownerIds.map((owner) => `${i.year}/${owner}`)),
    );
    const provincial = new Set(
      province.records.filter((r) => r.titles.includes("CSTD_TINH")).map((r) => r.subjectId),
    );
    const recordOf = new Map(
      province.records.filter((r) => provincial.has(r.subjectId)).map((r) => [`${r.year}/${r.subjectId}`, r]),
    );
    // Titles are công trạng awards, in the ledger under the id the history tab gives them.
    const ledger = new Set(province.awards.map((a) => a.id));
    const violations: string[] = [];
    const check = (ok: boolean | undefined, rule: string, r: { year: string; subjectId: string }) => {
      if (!ok) violations.push(`${rule} ${r.year} ${r.subjectId}`);
    };
    for (const r of province.records) {
      if (r.subjectKind !== "individual") continue;
      if (r.titles.includes("LDTT")) check(RANK[r.rating] >= RANK.HTT && r.spirit && !r.suspended, "LDTT", r);
      if (r.titles.includes("CSTD_CS"))
        check(
          r.titles.includes("LDTT") &&
            (r.rating === "HTXS" || withInitiative.has(`${r.year}/${r.subjectId}`)),
          "CSTD_CS",
          r,
        );
      if (r.titles.includes("CSTD_TINH")) {
        const before = previousSchoolYear(r.year);
        const streak = [before, previousSchoolYear(before)].every((y) =>
          recordOf.get(`${y}/${r.subjectId}`)?.titles.includes("CSTD_CS"),
        );
        check(streak && r.titles.includes("CSTD_CS"), "CSTD_TINH", r);
      }
      // RT-03/RT-09: disciplined for a duty-related violation → KHT, unless not rated at all (RT-07).
      if (r.discipline.some((d) => d.dutyRelated)) check(r.rating === "KHT" || r.rating === "NONE", "KHT", r);
      for (const title of r.titles)
        check(ledger.has(awardId({ ...r, code: title, kind: "CONG_TRANG" })), `ledger ${title}`, r);
    }
    expect(violations).toEqual([]);
  });

  it("grants collective titles consistently with the members' results", () => {
    const members = groupBy(
      province.records.filter((r) => r.subjectKind === "individual"),
      (r) => `${r.year}/${r.unitId}`,
    );
    for (const unit of province.records.filter((r) => r.subjectKind === "collective")) {
      const staff = members.get(`${unit.year}/${unit.unitId}`) ?? [];
      const ldtt = share(staff, (m) => m.titles.includes("LDTT"));
      if (unit.titles.includes("TTLDTT")) {
        expect(RANK[unit.rating]).toBeGreaterThanOrEqual(RANK.HTT);
        expect(unit.movement && unit.solidarity).toBe(true);
        expect(ldtt).toBeGreaterThanOrEqual(0.7);
        expect(staff.every((m) => m.discipline.every((d) => d.level === "KHIEN_TRACH"))).toBe(true);
      }
      if (unit.titles.includes("TTLDXS")) {
        expect(unit.rating).toBe("HTXS");
        expect(ldtt).toBeGreaterThanOrEqual(0.7);
        expect(staff.every((m) => RANK[m.rating] >= RANK.HT)).toBe(true);
        expect(staff.some((m) => m.titles.includes("CSTD_CS"))).toBe(true);
      }
    }
  });

  it("leaves the open year undecided, with council votes, and crowns one leader per cụm and year", () => {
    const open = province.openYear;
    expect(province.records.filter((r) => r.year === open).every((r) => r.titles.length === 0)).toBe(true);
    expect(province.awards.some((a) => a.year === open)).toBe(false);
    expect(province.votes.length).toBeGreaterThan(0);
    expect(province.votes.every((v) => v.year === open)).toBe(true);
    const clusterOf = new Map(province.units.map((u) => [u.id, u.clusterId]));
    const leaders = groupBy(
      province.records.filter((r) => r.subjectKind === "collective"),
      (r) => `${r.year}/${clusterOf.get(r.unitId)}`,
    );
    for (const records of leaders.values()) expect(records.filter((r) => r.leadsCluster).length).toBe(1);
  });

  it("numbers decisions the NĐ 30/2020 way, one number per decision in each issuer's register", () => {
    const dateOf = new Map<string, string | undefined>();
    const clashes: string[] = [];
    for (const award of province.awards) {
      if (!/^\d+\/QĐ-[\p{Lu}\d]+$/u.test(award.decisionNo ?? "")) clashes.push(`format ${award.decisionNo}`);
      const key = `${award.issuer}|${award.decisionDate?.slice(0, 4)}|${award.decisionNo}`;
      if (dateOf.has(key) && dateOf.get(key) !== award.decisionDate) clashes.push(key);
      dateOf.set(key, award.decisionDate);
    }
    expect(clashes).toEqual([]);
  });
});
