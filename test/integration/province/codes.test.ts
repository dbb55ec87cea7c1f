/**
 * The code table read from the province's templates: every title and form the Department sends up
 * has a code, the one the templates' own code sheets give; the templates the server ships are the
 * provincial system's files.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AwardCode } from "../../../functions/src/domain/codes.js";
import {
  PROVINCE_AWARD_NAMES,
  SUBJECT_CLASS_NAMES,
  SUBJECT_CLASSES,
} from "../../../functions/src/domain/province-export.js";
import { provinceCodeTable } from "../../../functions/src/sheets/province.js";
import {
  danhmucCode,
  generalCode,
  provinceTemplates,
  TEMPLATE_FILES,
  templateBytes,
} from "../../fixtures/province/templates.js";

const DANHMUC_HEADERS = { form: "Hình thức khen thưởng", title: "Danh hiệu thi đua" } as const;

/** The code of a name as a person reads the templates: DANHMUC of the individuals' list, else HTKT. */
const expectedCode = (list: "form" | "title", name: string) =>
  danhmucCode(TEMPLATE_FILES.individuals, DANHMUC_HEADERS[list], name).catch(() => generalCode("HTKT", name));

describe("the province's code table", () => {
  it("gives every title and form we send up the code of the templates' code sheets", async () => {
    const table = await provinceCodeTable(provinceTemplates());
    const named = Object.entries(PROVINCE_AWARD_NAMES).filter(([, name]) => name !== null);
    expect(named.length).toBe(Object.keys(PROVINCE_AWARD_NAMES).length - 1);
    for (const [code, province] of named) {
      if (!province) continue;
      expect(table.lookup(province.list, province.name)?.code, code).toBe(
        await expectedCode(province.list, province.name),
      );
    }
    // The school's own Giấy khen is the one with no code: it never reaches the province.
    expect(PROVINCE_AWARD_NAMES["GK_HIEU_TRUONG" satisfies AwardCode]).toBeNull();
  });

  it("has a code for every class of subject, from the lists' own DANHMUC", async () => {
    const table = await provinceCodeTable(provinceTemplates());
    for (const id of SUBJECT_CLASSES) {
      const { list, name } = SUBJECT_CLASS_NAMES[id];
      const [file, header] =
        list === "individualClass"
          ? [TEMPLATE_FILES.individuals, "Phân loại cán bộ"]
          : [TEMPLATE_FILES.collectives, "Tên phân loại đơn vị"];
      expect(table.lookup(list, name)?.code, id).toBe(await danhmucCode(file, header, name));
    }
  });

  it("ships the provincial system's templates unchanged", () => {
    for (const file of Object.values(TEMPLATE_FILES))
      expect(
        readFileSync(new URL(`../../../functions/province/${file}`, import.meta.url)).equals(
          templateBytes(file),
        ),
        file,
      ).toBe(true);
  });
});
