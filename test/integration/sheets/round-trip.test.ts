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
import { findTab } from "../../../functions/src/sheets/tabs.js";
import { plainCellValue } from "../../../functions/src/sheets/xlsx.js";
import { officer, seedProvince, UNIT, YEAR } from "../../fixtures/sheets/rows.js";
import { testFirestore } from "../../support/firestore.js";

/** Writes rows into a template sheet by column key, finding each column by its header. */
function fill(workbook: ExcelJS.Workbook, tabId: string, rows: Record<string, unknown>[]): void {
  const tab = findTab(tabId);
  const sheet = tab && workbook.getWorksheet(tab.title);
  if (!tab || !sheet) throw new Error(`no sheet for ${tabId}`);
  const columnOf = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, number) => {
    const column = tab.columns.find((candidate) => candidate.header === cell.value);
    if (column) columnOf.set(column.key, number);
  });
  rows.forEach((values, index) => {
    const row = sheet.getRow(index + 2);
    for (const [key, value] of Object.entries(values)) {
      const number = columnOf.get(key);
      if (number === undefined) throw new Error(`no column ${key}`);
      row.getCell(number).value = value as ExcelJS.CellValue;
    }
  });
}

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
    fill(workbook, "can-bo", [
      {
        id: "GV01",
        fullName: "Nguye\u0302\u0303n Thị Lan",
        gender: "nu",
        birthDate: new Date(Date.UTC(1985, 8, 5)),
      },
      { id: "GV02", fullName: "Trần Văn Bình", gender: "Nam", birthDate: "12/03/1980", group: "Tổ Toán" },
      { id: "GV03", fullName: "Lê Thị Cúc", gender: "Nữ", birthDate: 31_000 },
    ]);
    fill(workbook, "ket-qua", [
      {
        subjectKind: "Cá nhân",
        subjectId: "GV01",
        rating: "hoan thanh xuat sac nhiem vu",
        score: "92,5",
        monthsWorked: 12,
        spirit: "Có",
      },
      { subjectKind: "ca nhan", subjectId: "GV02", rating: "HTT", score: 81, titles: "Lao động tiên tiến" },
      { subjectKind: "Cá nhân", subjectId: "GV03", rating: "HTXS", score: "105" },
    ]);
    fill(workbook, "de-nghi", [
      {
        subjectKind: "Cá nhân",
        subjectId: "GV01",
        target: "Chiến sĩ thi đua cơ sở",
        members: 11,
        agree: 10,
        summary: "Giáo viên dạy giỏi cấp tỉnh",
      },
      { subjectKind: "Cá nhân", subjectId: "GV02", target: "LĐTT" },
      { subjectKind: "Cá nhân", subjectId: "GV09", target: "LĐTT" },
    ]);
    fill(workbook, "dang-ky", [
      {
        subjectKind: "Cá nhân",
        subjectId: "GV01",
        titles: "LĐTT; CSTĐCS",
        commitments: "Tỷ lệ học sinh khá giỏi (%): 85,5; Sáng kiến: 1",
      },
      { subjectKind: "Tập thể", subjectId: UNIT, titles: "Tập thể lao động xuất sắc" },
    ]);

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
    expect((await db.doc(`years/${YEAR}/records/GV01`).get()).data()).toMatchObject({
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
    expect(summary.people).toBe(3);
    expect(summary.ratings).toEqual({ HTXS: 1, HTT: 1 });
    expect(summary.counts.find((line) => line.code === "LDTT")).toMatchObject({
      registered: 1,
      proposed: 1,
      recognized: 1,
    });
    expect(summary.counts.find((line) => line.code === "TTLDXS")).toMatchObject({
      registered: 1,
      proposed: 0,
    });
    expect(summary.proposals.map((p) => [p.code, p.name, p.agree, p.members])).toEqual([
      ["LDTT", "Trần Văn Bình", null, null],
      ["CSTD_CS", "Nguyễn Thị Lan", 10, 11],
    ]);
    const rendered = renderSummary(summary);
    expect(rendered.some((row) => row.includes("10/11"))).toBe(true);
  });
});
