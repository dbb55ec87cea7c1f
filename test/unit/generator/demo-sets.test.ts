/**
 * The demo's báo cáo, bản đăng ký and the Department's meeting are drawn from the seeded sample
 * province: every person and unit they name is one the province holds (one sample world).
 */
import { describe, expect, it } from "vitest";
import { departmentOptions } from "../../../functions/sample/demo-department.js";
import { showcaseMeeting, showcaseSchoolSet } from "../../../functions/sample/demo-school.js";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { BaoCaoInput } from "../../../functions/src/documents/bao-cao.js";
import { DangKyInput } from "../../../functions/src/documents/dang-ky.js";
import { DepartmentDossierOptions } from "../../../functions/src/services/dossier/options.js";

const province = sampleProvince();
const YEAR = "2025-2026";
const school = showcaseSchoolSet(province, SAMPLE_SCHOOLS.nguyenDu, YEAR);
const department = departmentOptions(province, YEAR);

/** People of that name (names repeat across a province). */
const peopleNamed = (name: string) => province.people.filter((person) => person.fullName === name);
const users = new Set(province.users.map((user) => user.displayName));
const units = new Map(province.units.map((unit) => [unit.name, unit]));

/** Every value under a key that names a person or a unit, anywhere in an input. */
function namesIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) namesIn(item, found);
  else if (typeof value === "object" && value !== null)
    for (const [key, inner] of Object.entries(value)) {
      if ((key === "name" || key === "fullName" || key === "head") && typeof inner === "string")
        found.push(inner);
      else namesIn(inner, found);
    }
  return found;
}

describe("the demo's sample sets", () => {
  it("are valid document inputs", () => {
    BaoCaoInput.parse(school.baoCaoCaNhan);
    BaoCaoInput.parse(school.baoCaoTapThe);
    DangKyInput.parse(school.dangKyCaNhan);
    DangKyInput.parse(school.dangKyTapThe);
    DepartmentDossierOptions.parse(department);
  });

  it("name the showcase school's own people and the school itself", () => {
    const names = namesIn(school);
    expect(names.length).toBeGreaterThan(4);
    for (const name of names) {
      const own = peopleNamed(name).some((person) => person.unitId === SAMPLE_SCHOOLS.nguyenDu);
      expect(own || units.get(name)?.id === SAMPLE_SCHOOLS.nguyenDu, name).toBe(true);
    }
    expect(school.dangKyTapThe.recipient).toBe("Chủ tịch Ủy ban nhân dân xã An Thịnh");
  });

  it("hold the school council's meeting with the school's own current staff", () => {
    const options = showcaseMeeting(province, SAMPLE_SCHOOLS.nguyenDu, YEAR);
    const staff = province.people.filter(
      (person) => person.unitId === SAMPLE_SCHOOLS.nguyenDu && !person.withdrawn,
    );
    const names = [
      options.meeting?.chair.name ?? "",
      options.meeting?.secretary.name ?? "",
      options.tellers?.head ?? "",
      ...(options.tellers?.members ?? []),
    ];
    expect(names).toHaveLength(4);
    for (const name of names)
      expect(
        staff.some((person) => person.fullName === name),
        name,
      ).toBe(true);
  });

  it("hold the Department council's meeting with the Department's own accounts, as large as its stored votes", () => {
    const names = namesIn(department).filter((name) => name !== department.issuer.name);
    expect(names).toHaveLength(3);
    for (const name of names) expect(users.has(name), name).toBe(true);
    const votes = province.votes.filter((vote) => vote.unitId === "so-gddt");
    expect(votes.length).toBeGreaterThan(0);
    expect(department.meeting?.members).toBe(votes[0]?.members);
  });
});
