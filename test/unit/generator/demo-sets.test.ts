/**
 * The demo's báo cáo, bản đăng ký and Department set are drawn from the seeded sample province: every
 * person and unit they name is one the province holds (one sample world).
 */
import { describe, expect, it } from "vitest";
import { departmentSet } from "../../../functions/sample/demo-department.js";
import { showcaseMeeting, showcaseSchoolSet } from "../../../functions/sample/demo-school.js";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { BaoCaoInput } from "../../../functions/src/documents/bao-cao.js";
import { BienBanHopInput } from "../../../functions/src/documents/bien-ban.js";
import { DangKyInput } from "../../../functions/src/documents/dang-ky.js";
import { DanhSachInput } from "../../../functions/src/documents/danh-sach.js";
import { QuyetDinhInput } from "../../../functions/src/documents/quyet-dinh.js";
import { ToTrinhInput } from "../../../functions/src/documents/to-trinh.js";

const province = sampleProvince();
const YEAR = "2025-2026";
const school = showcaseSchoolSet(province, SAMPLE_SCHOOLS.nguyenDu, YEAR);
const department = departmentSet(province, YEAR);

/** People of that name (names repeat across a province). */
const peopleNamed = (name: string) => province.people.filter((person) => person.fullName === name);
const managedBySo = (unitId: string | undefined) =>
  province.units.find((unit) => unit.id === unitId)?.managingAuthority === "SO_GDDT";
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
    ToTrinhInput.parse(department.toTrinh);
    BienBanHopInput.parse(department.bienBanHop);
    DanhSachInput.parse(department.danhSachCaNhan);
    DanhSachInput.parse(department.danhSachTapThe);
    QuyetDinhInput.parse(department.quyetDinh);
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

  it("give the Department only its own units, their people and its own accounts", () => {
    const names = namesIn(department);
    expect(names.length).toBeGreaterThan(3);
    for (const name of names) {
      if (name === "Sở Giáo dục và Đào tạo") continue;
      const ofManagedUnit = peopleNamed(name).some((person) => managedBySo(person.unitId));
      expect(ofManagedUnit || managedBySo(units.get(name)?.id) || users.has(name), name).toBe(true);
    }
    expect(department.toTrinh.entries.length).toBeGreaterThan(0);
    expect(department.quyetDinh.entries.length).toBeGreaterThan(0);
  });
});
