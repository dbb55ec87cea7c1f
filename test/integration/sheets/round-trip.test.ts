/** Done when: template → filled .xlsx → import → stored → summary, with errors reported per cell. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { importReport, importWorkbook } from "../../../functions/src/cli/commands/import.js";
import { templateCommand } from "../../../functions/src/cli/commands/template.js";
import { unitSummary } from "../../../functions/src/services/summary.js";
import { renderSummary } from "../../../functions/src/sheets/render.js";
import { plainCellValue } from "../../../functions/src/sheets/xlsx.js";
import { officer, seedProvince, UNIT, YEAR } from "../../fixtures/sheets/rows.js";
import { expectedSchoolYearSummary, fillSchoolYear } from "../../fixtures/sheets/workbook.js";
import { testFirestore } from "../../support/firestore.js";

const io = () => {
  const out: string[] = [];
  return {
    out,
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), readStdin: async () => "" },
  };
};

describe("template → filled workbook → import → stored → summary", () => {
  it("round-trips a school's year and reports bad cells in the status column", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tdkt-sheets-"));
    const templateFile = join(dir, "mau.xlsx");
    const console = io();
    expect(await templateCommand.run(["--out", templateFile, "--tabs", "school"], console.io)).toBe(0);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(templateFile);
    fillSchoolYear(workbook);

    const db = testFirestore("roundtrip");
    await seedProvince(db);
    const { tabs } = await importWorkbook(db, officer, workbook, {
      unit: UNIT,
      year: YEAR,
      mode: "partial",
      file: templateFile,
    });
    expect(tabs.map((tab) => [tab.tab, tab.result?.accepted, tab.result?.rejected])).toEqual([
      ["can-bo", 3, 0],
      ["dang-ky", 2, 0],
      ["ket-qua", 2, 1],
      ["de-nghi", 2, 1],
    ]);
    expect(importReport(tabs).join("\n")).toMatch(
      /Kết quả cuối năm, dòng 4: Cột "Điểm": giá trị "105" phải nằm trong khoảng 0 đến 100/,
    );

    // Stored, clean.
    expect((await db.doc("people/GV01").get()).data()).toMatchObject({
      fullName: "Nguyễn Thị Lan",
      gender: "F",
      birthDate: "1985-09-05",
    });
    expect((await db.doc("people/GV03").get()).get("birthDate")).toBe("1984-11-14");
    expect((await db.doc(`years/${YEAR}/records/${UNIT}_GV01`).get()).data()).toMatchObject({
      rating: "HTXS",
      score: 92.5,
      spirit: true,
    });
    expect((await db.doc(`years/${YEAR}/registrations/${UNIT}_GV01`).get()).get("commitments")).toEqual([
      { key: "Tỷ lệ học sinh khá giỏi (%)", target: 85.5 },
      { key: "Sáng kiến", target: 1 },
    ]);

    // The status column of the copy.
    const statusOf = (sheetName: string, row: number) => {
      const sheet = workbook.getWorksheet(sheetName);
      const header = sheet?.getRow(1);
      let column = 0;
      header?.eachCell((cell, number) => {
        if (cell.value === "Trạng thái") column = number;
      });
      return String(plainCellValue(sheet?.getRow(row).getCell(column).value ?? null) ?? "");
    };
    expect(statusOf("Đề nghị khen thưởng", 2)).toBe("Đã nhận");
    expect(statusOf("Đề nghị khen thưởng", 4)).toMatch(
      /^Lỗi: Cột "Mã cán bộ \/ Mã tập thể": mã "GV09" không có trong danh sách cán bộ/,
    );

    // The summary.
    const summary = await unitSummary(db, officer, UNIT, YEAR);
    expect(summary.people).toBe(expectedSchoolYearSummary.people);
    expect(summary.ratings).toEqual(expectedSchoolYearSummary.ratings);
    expect(summary.counts.find((line) => line.code === "LDTT")).toMatchObject({
      registered: 1,
      proposed: 1,
      recognized: 1,
    });
    expect(summary.counts.find((line) => line.code === "TTLDXS")).toMatchObject({
      registered: 1,
      proposed: 0,
    });
    expect(summary.proposals.map((p) => [p.code, p.name, p.agree, p.members])).toEqual(
      expectedSchoolYearSummary.proposals,
    );
    const rendered = renderSummary(summary);
    expect(rendered.some((row) => row.includes("10/11"))).toBe(true);
  });
});
