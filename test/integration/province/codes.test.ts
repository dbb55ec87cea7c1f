/**
 * The one code table (domain/province-codes.ts) against the province's templates: every title, form
 * and class the Department sends up has the code the templates' own code sheets give, as a person
 * reads those sheets (test/fixtures/province/templates.ts), not as the code that writes them.
 */
import { describe, expect, it } from "vitest";
import { AWARD_FORMS, type AwardCode, TITLES } from "../../../functions/src/domain/codes.js";
import { provinceCodeTable, subjectClassName } from "../../../functions/src/domain/province-codes.js";
import { SECTOR_CLASSES } from "../../../functions/src/domain/subject-classes.js";
import { danhmucCode, generalCode, TEMPLATE_FILES } from "../../fixtures/province/templates.js";

const DANHMUC_HEADERS = { form: "Hình thức khen thưởng", title: "Danh hiệu thi đua" } as const;

/** The code of a name as a person reads the templates: DANHMUC of the individuals' list, else HTKT. */
const expectedCode = (list: "form" | "title", name: string) =>
  danhmucCode(TEMPLATE_FILES.individuals, DANHMUC_HEADERS[list], name).catch(() => generalCode("HTKT", name));

const table = provinceCodeTable();

describe("the province's code table", () => {
  it("gives every title and form we send up the code of the templates' code sheets", async () => {
    const codes: AwardCode[] = [...TITLES, ...AWARD_FORMS];
    const written = codes.filter((code) => table.provinceAward(code) !== undefined);
    // The school's own Giấy khen is the one with no code: it never reaches the province.
    expect(codes.filter((code) => !written.includes(code))).toEqual(["GK_HIEU_TRUONG"]);
    for (const code of written) {
      const province = table.provinceAward(code);
      const list = (TITLES as readonly string[]).includes(code) ? "title" : "form";
      expect(province?.code, code).toBe(await expectedCode(list, province?.name ?? ""));
    }
  });

  it("has a code for every class of the sector, from the lists' own DANHMUC", async () => {
    for (const id of SECTOR_CLASSES) {
      const province =
        id === "DON_VI_SU_NGHIEP" ? table.provinceCollectiveClass(id) : table.provinceSubjectClass(id);
      const [file, header] =
        id === "DON_VI_SU_NGHIEP"
          ? [TEMPLATE_FILES.collectives, "Tên phân loại đơn vị"]
          : [TEMPLATE_FILES.individuals, "Phân loại cán bộ"];
      expect(province?.code, id).toBe(await danhmucCode(file, header, province?.name ?? ""));
      if (id !== "DON_VI_SU_NGHIEP") expect(province?.name).toBe(subjectClassName(id));
    }
    expect(await generalCode("PLDT", subjectClassName("DON_VI_SU_NGHIEP"))).toBe(
      table.provinceSubjectClass("DON_VI_SU_NGHIEP")?.code,
    );
  });

  it("gives sex the codes of the individual list's DANHMUC", async () => {
    for (const gender of ["M", "F"] as const) {
      const province = table.provinceGender(gender);
      expect(province?.code).toBe(
        await danhmucCode(TEMPLATE_FILES.individuals, "Giới tính", province?.name ?? ""),
      );
    }
  });
});
