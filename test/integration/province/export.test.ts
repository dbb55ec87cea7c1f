/**
 * The province's lists from stored data (services/province-export.ts) on the emulator: the filled
 * templates re-read with exceljs keep the templates' sheets, headers and code sheets, and carry the
 * codes the templates' own DANHMUC/HTKT/PLDT give (the one code table, with the Department's mappings).
 */
import type ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAggregation, startAggregation } from "../../../functions/src/services/aggregate/run.js";
import { type ProvinceExport, provinceExports } from "../../../functions/src/services/province-export.js";
import {
  danhmucCode,
  generalCode,
  openXlsx,
  provinceTemplates,
  sheetCells,
  TEMPLATE_FILES,
  templateBytes,
} from "../../fixtures/province/templates.js";
import { SO_SCHOOL, STAFF, seedProvinceWorld, YEAR } from "../../fixtures/province/world.js";
import { testFirestore } from "../../support/firestore.js";

const db = testFirestore("province");
let individuals: ProvinceExport;
let collectives: ProvinceExport;
let workbook: ExcelJS.Workbook;
let template: ExcelJS.Workbook;

beforeAll(async () => {
  await seedProvinceWorld(db);
  const lists = await provinceExports(db, YEAR);
  individuals = lists.find((list) => list.kind === "canhan") as ProvinceExport;
  collectives = lists.find((list) => list.kind === "tapthe") as ProvinceExport;
  workbook = await openXlsx(individuals.bytes);
  template = await openXlsx(templateBytes(TEMPLATE_FILES.individuals));
}, 180_000);
afterAll(() => db.terminate());

/** DANHSACH's data rows (from row 4) as text cells, the empty ones "". */
function dataRows(book: ExcelJS.Workbook, columns: number): string[][] {
  const sheet = book.getWorksheet("DANHSACH");
  const rows: string[][] = [];
  for (let row = 4; sheet && row <= sheet.rowCount; row++) {
    const cells = Array.from({ length: columns }, (_, index) => {
      const value = sheet.getCell(row, index + 1).value;
      return value === null || value === undefined ? "" : String(value);
    });
    if (cells.some((cell) => cell !== "")) rows.push(cells);
  }
  return rows;
}

describe("the individuals' list (province-import-canhan.xlsx)", () => {
  it("keeps the template's sheets, in order, with its title, headers and notes", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["DANHSACH", "DANHMUC"]);
    const sheet = workbook.getWorksheet("DANHSACH");
    const original = template.getWorksheet("DANHSACH");
    expect(sheet?.getRow(3).values).toEqual(original?.getRow(3).values);
    expect(sheet?.getCell("K3").value).toBe("Mã danh hiệu thi đua\n(nếu có)");
    expect(sheet?.getCell("A1").value).toBe("DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ KHEN THƯỞNG");
    const noteText = (note: ExcelJS.Cell["note"] | undefined) =>
      typeof note === "string" ? note : (note?.texts ?? []).map((part) => part.text).join("");
    expect(noteText(sheet?.getCell("J3").note)).toBe(noteText(original?.getCell("J3").note));
    expect(noteText(sheet?.getCell("J3").note)).toContain("DANHMUC");
    expect(sheet?.columns.map((column) => column.width)).toEqual(
      original?.columns.map((column) => column.width),
    );
  });

  it("keeps the DANHMUC sheet cell for cell", () => {
    const danhmuc = workbook.getWorksheet("DANHMUC");
    const original = template.getWorksheet("DANHMUC");
    if (!danhmuc || !original) throw new Error("no DANHMUC sheet");
    expect(sheetCells(danhmuc)).toEqual(sheetCells(original));
  });

  it("lists the eligible staff of the Department-managed school, and not the commune's LĐTT", () => {
    // Four LĐTT and a Giấy khen of the Giám đốc Sở.
    expect(individuals.rows).toBe(STAFF.length + 1);
    const rows = dataRows(workbook, 11);
    expect(new Set(rows.map((row) => row[6]))).toEqual(new Set([SO_SCHOOL.name]));
    expect(rows.map((row) => row[0])).toEqual(["1", "2", "3", "4", "5"]);
    expect(rows.map((row) => row[1])).not.toContain("Phạm Văn Nam");
  });

  it("fills the codes of DANHMUC: sex, class of the subject, and the title in its own column", async () => {
    const rows = dataRows(workbook, 11);
    const head = rows.find((row) => row[1] === "Nguyễn Văn Hùng" && row[10] !== "");
    const teacher = rows.find((row) => row[4] === "Giáo viên");
    const deputy = rows.find((row) => row[1] === "Trần Thị Lan");
    const ldtt = await danhmucCode(TEMPLATE_FILES.individuals, "Danh hiệu thi đua", "Lao động tiên tiến");
    const leaders = await danhmucCode(
      TEMPLATE_FILES.individuals,
      "Phân loại cán bộ",
      "Các cấp lãnh đạo từ phó phòng trở lên",
    );
    const direct = await danhmucCode(
      TEMPLATE_FILES.individuals,
      "Phân loại cán bộ",
      "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
    );
    expect(head?.slice(1)).toEqual([
      "Nguyễn Văn Hùng",
      await danhmucCode(TEMPLATE_FILES.individuals, "Giới tính", "Giới tính Nam"),
      "07/03/1980",
      "Hiệu trưởng",
      "Ban Giám hiệu",
      SO_SCHOOL.name,
      "",
      leaders,
      "",
      ldtt,
    ]);
    expect(deputy?.[2]).toBe("NU");
    expect(deputy?.[8]).toBe(leaders);
    expect(teacher?.[8]).toBe(direct);
    expect(ldtt).toBe("1647933042");
  });

  it("puts a form's code in the form column, with the issuer HTKT names", async () => {
    const form = dataRows(workbook, 11).find((row) => row[1] === "Nguyễn Văn Hùng" && row[9] !== "");
    expect(form?.[9]).toBe(
      await generalCode(
        "HTKT",
        "Giấy khen của Thủ trưởng cơ quan chuyên môn và tương đương thuộc Ủy ban nhân dân cấp tỉnh",
      ),
    );
    expect(form?.[10]).toBe("");
  });

  it("writes a name that starts like a formula as text, escaped, never as a formula", () => {
    const sheet = workbook.getWorksheet("DANHSACH");
    const cells: ExcelJS.Cell[] = [];
    sheet?.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    expect(cells.some((cell) => cell.type === 6 /* ExcelJS.ValueType.Formula */)).toBe(false);
    const names = dataRows(workbook, 11).map((row) => row[1]);
    expect(names).toContain(`'${STAFF[3].fullName}`);
  });
});

describe("the collectives' list (province-import-tapthe.xlsx)", () => {
  it("lists the Department-managed school with the collective class of its DANHMUC and the title's code", async () => {
    const book = await openXlsx(collectives.bytes);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["DANHSACH", "DANHMUC"]);
    const original = await openXlsx(templateBytes(TEMPLATE_FILES.collectives));
    expect(book.getWorksheet("DANHSACH")?.getRow(3).values).toEqual(
      original.getWorksheet("DANHSACH")?.getRow(3).values,
    );
    expect(dataRows(book, 5)).toEqual([
      [
        "1",
        SO_SCHOOL.name,
        await danhmucCode(
          TEMPLATE_FILES.collectives,
          "Tên phân loại đơn vị",
          "Cơ quan hành chính, sự nghiệp",
        ),
        "",
        await danhmucCode(TEMPLATE_FILES.collectives, "Danh hiệu thi đua", "Tập thể lao động tiên tiến"),
      ],
    ]);
    expect(collectives.fileName).toBe(`tdkt-tapthe-${YEAR}.xlsx`);
  });
});

describe("the Department's own rules", () => {
  it("classes by the rules given", async () => {
    const [list] = await provinceExports(db, YEAR, ["canhan"], {
      rules: [{ position: "Tổ trưởng", class: "LANH_DAO_TU_PHO_PHONG" }],
      templates: provinceTemplates(),
    });
    const rows = dataRows(await openXlsx(list?.bytes ?? Buffer.alloc(0)), 11);
    const leaders = await generalCode("PLDT", "Các cấp lãnh đạo từ phó phòng trở lên");
    expect(rows.find((row) => row[4] === "Tổ trưởng")?.[8]).toBe(leaders);
    // Only what the rules name counts: the Hiệu trưởng now works directly.
    expect(rows.find((row) => row[4] === "Hiệu trưởng")?.[8]).toBe(
      await generalCode(
        "PLDT",
        "Người trực tiếp công tác, lao động, học tập, chiến đấu và phục vụ chiến đấu",
      ),
    );
  }, 60_000);
});

describe("codes the Department updated (config/province-codes)", () => {
  const codes = db.doc("config/province-codes");
  afterAll(() => codes.delete());

  it("writes a code the Department renumbered for export, and not one it only reads", async () => {
    await codes.set({
      mappings: [
        { table: "award", code: "9999999999", value: "GK_GD_SO", export: true },
        { table: "award", code: "1650360499", value: "LDTT" },
      ],
    });
    const [list] = await provinceExports(db, YEAR, ["canhan"], { templates: provinceTemplates() });
    const rows = dataRows(await openXlsx(list?.bytes ?? Buffer.alloc(0)), 11);
    expect(rows.filter((row) => row[9] !== "").map((row) => row[9])).toEqual(["9999999999"]);
    const ldtt = await danhmucCode(TEMPLATE_FILES.individuals, "Danh hiệu thi đua", "Lao động tiên tiến");
    expect(rows.filter((row) => row[10] !== "").map((row) => row[10])).toEqual(STAFF.map(() => ldtt));
  }, 60_000);

  it("refuses a stored table that does not parse, rather than export half of it", async () => {
    await codes.set({ mappings: [{ table: "award", code: "1", value: "NOT_A_CODE" }] });
    await expect(provinceExports(db, YEAR, ["canhan"])).rejects.toMatchObject({ code: "MISSING_DATA" });
  }, 60_000);

  it("refuses a template without its DANHSACH sheet, saying so", async () => {
    await codes.delete();
    const templates = { ...provinceTemplates(), collectives: templateBytes(TEMPLATE_FILES.general) };
    await expect(provinceExports(db, YEAR, ["tapthe"], { templates })).rejects.toMatchObject({
      code: "MISSING_DATA",
      message: expect.stringContaining("không có sheet DANHSACH"),
    });
  }, 60_000);
});

// Last: it configures the year and leaves a succeeded aggregation in the store.
describe("the source of the lists", () => {
  it("takes the latest succeeded aggregation's consolidated lists when there is one, and names its job", async () => {
    expect(individuals.aggregationJobId).toBeNull();
    // The aggregation needs the year configured; the world's proposals are judged the same with it.
    await db.doc(`years/${YEAR}`).set({ year: YEAR, legalBasisVersion: "2025-07" });
    const { job } = await startAggregation(db, YEAR, { actor: "test" });
    await runAggregation(db, YEAR, job.jobId);
    const lists = await provinceExports(db, YEAR);
    expect(lists.map((list) => list.aggregationJobId)).toEqual([job.jobId, job.jobId]);
    const rows = lists.map((list) => list.rows);
    expect(rows).toEqual([individuals.rows, collectives.rows]);
    expect(dataRows(await openXlsx(lists[0]?.bytes ?? Buffer.alloc(0)), 11)).toEqual(dataRows(workbook, 11));
  }, 180_000);
});
