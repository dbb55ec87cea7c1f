import { describe, expect, it } from "vitest";
import {
  type SubjectClassRule,
  SubjectClassRules,
  subjectClassOf,
} from "../../../functions/src/domain/subject-classes.js";

const classOf = (position: string | undefined, staffCategory?: string) =>
  subjectClassOf({ kind: "individual", position, staffCategory });

describe("subject classes of the province's lists (PLDT)", () => {
  it("puts a school's board and a Department's heads of division among the leaders from phó phòng up", () => {
    for (const position of ["Hiệu trưởng", "Phó Hiệu trưởng", "Trưởng phòng Tổ chức cán bộ", "Giám đốc"])
      expect(classOf(position), position).toBe("LANH_DAO_TU_PHO_PHONG");
  });

  it("puts the Department's Giám đốc and deputies among the leaders of a Sở, before a centre's Giám đốc", () => {
    expect(classOf("Giám đốc Sở Giáo dục và Đào tạo")).toBe("LANH_DAO_VU_SO");
    expect(classOf("Phó Giám đốc Sở")).toBe("LANH_DAO_VU_SO");
    expect(classOf("Phó Giám đốc")).toBe("LANH_DAO_TU_PHO_PHONG");
  });

  it("counts teachers, heads of subject groups, staff and people without a chức vụ as working directly", () => {
    for (const position of ["Giáo viên", "Tổ trưởng", "Tổ phó", "Nhân viên", undefined])
      expect(classOf(position), String(position)).toBe("TRUC_TIEP");
  });

  it("matches whole words, whatever the case, spacing or Unicode form", () => {
    expect(classOf("  hiệu   TRƯỞNG kiêm Bí thư Chi bộ")).toBe("LANH_DAO_TU_PHO_PHONG");
    expect(classOf("Hiệu trưởng".normalize("NFD"))).toBe("LANH_DAO_TU_PHO_PHONG");
    // "Hiệu trưởngx" is not a Hiệu trưởng.
    expect(classOf("Hiệu trưởngx")).toBe("TRUC_TIEP");
  });

  it("classes every collective as a public service unit", () => {
    expect(subjectClassOf({ kind: "collective", position: "Hiệu trưởng" })).toBe("DON_VI_SU_NGHIEP");
  });

  it("follows the Department's own rules, the most specific first whatever their order", () => {
    const rules: SubjectClassRule[] = [
      { position: "Tổ trưởng", class: "LANH_DAO_TU_PHO_PHONG" },
      { position: "Tổ trưởng", staffCategory: "Người lao động", class: "TRUC_TIEP" },
      { position: "Tổ trưởng Tổ Văn phòng", class: "TRUC_TIEP" },
      { position: "Tổ phó", class: "LANH_DAO_TU_PHO_PHONG" },
      { position: "Tổ phó", class: "TRUC_TIEP" },
    ];
    const of = (position: string, staffCategory?: string) =>
      subjectClassOf({ kind: "individual", position, staffCategory }, rules);
    expect(of("Tổ trưởng Tổ Toán")).toBe("LANH_DAO_TU_PHO_PHONG");
    expect(of("Tổ trưởng Tổ Văn phòng")).toBe("TRUC_TIEP");
    expect(of("Tổ trưởng", "Người lao động")).toBe("TRUC_TIEP");
    expect(of("Tổ trưởng", "Viên chức")).toBe("LANH_DAO_TU_PHO_PHONG");
    // Equally specific: the first rule written wins.
    expect(of("Tổ phó")).toBe("LANH_DAO_TU_PHO_PHONG");
    expect(of("Hiệu trưởng")).toBe("TRUC_TIEP");
  });

  it("refuses a rule file with a rule that names neither a chức vụ nor a staff category, or an unknown class", () => {
    expect(SubjectClassRules.safeParse([{ class: "LANH_DAO_TU_PHO_PHONG" }]).success).toBe(false);
    expect(
      SubjectClassRules.safeParse([{ position: "Hiệu trưởng", class: "DON_VI_SU_NGHIEP" }]).success,
    ).toBe(false);
    expect(
      SubjectClassRules.safeParse([{ position: "Hiệu trưởng", class: "LANH_DAO_TU_PHO_PHONG" }]).success,
    ).toBe(true);
  });
});
