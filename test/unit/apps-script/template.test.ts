import { describe, expect, it } from "vitest";
import { app } from "../../../apps-script/src/app.js";
import { headerNote, setupTemplate, templateHeaders } from "../../../apps-script/src/template.js";
import { appsScriptMessages, sheetMessages } from "../../../functions/src/domain/messages/index.js";
import { findTab, tabsFor } from "../../../functions/src/sheets/tabs/index.js";
import { bodyOf, fakeWorld } from "./fakes.js";
import { schoolWorld } from "./world.js";

const results = findTab("ket-qua");
if (!results) throw new Error("tab ket-qua");

describe("template setup", () => {
  it("lays out every school tab from the tab definitions", () => {
    const world = fakeWorld();
    app.setupTemplate(world.env);
    const school = tabsFor("school");
    expect(world.spreadsheet.sheets.map((s) => s.getName())).toEqual(school.map((t) => t.title));
    expect(world.spreadsheet.timeZone).toBe("Asia/Ho_Chi_Minh");
    expect(world.spreadsheet.locale).toBe("vi_VN");
    for (const tab of school) {
      const sheet = world.spreadsheet.getSheetByName(tab.title);
      const headers = templateHeaders(tab);
      expect(headers.slice(-2)).toEqual([sheetMessages.statusHeader, appsScriptMessages.trackingHeader]);
      expect(headers.map((_, i) => sheet?.cell(1, i + 1))).toEqual(headers);
      expect(sheet?.frozenRows).toBe(1);
      expect(sheet?.widths.size).toBe(headers.length - 1);
      // Only the column of fingerprints is hidden.
      expect([...(sheet?.hiddenColumns ?? [])]).toEqual([headers.length]);
    }
    expect(world.ui.alerts).toEqual([
      appsScriptMessages.templateDone(
        school.map((t) => t.title),
        [],
      ),
    ]);
  });

  it("gives enum and boolean columns dropdowns, dates and numbers checks, text a text format", () => {
    const world = fakeWorld();
    setupTemplate(world.env, [results]);
    const sheet = world.spreadsheet.getSheetByName(results.title);
    results.columns.forEach((column, index) => {
      const rule = sheet?.validations.get(index + 1) as { kind: string; values?: string[] } | undefined;
      const format = sheet?.formats.get(index + 1);
      if (column.type === "enum") expect(rule?.values).toEqual(column.options.map((o) => o.label));
      if (column.type === "boolean") expect(rule?.values).toEqual(["Có", "Không"]);
      if (column.type === "date") expect([rule?.kind, format]).toEqual(["date", "dd/MM/yyyy"]);
      if (column.type === "integer" || column.type === "number") expect(rule?.kind).toBe("number");
      if (column.type === "text" || column.type === "list") expect([rule, format]).toEqual([undefined, "@"]);
    });
    const first = results.columns[0];
    if (first) expect(sheet?.notes.get("1:1")).toBe(headerNote(first));
  });

  it("widens a sheet that has too few columns", () => {
    const world = fakeWorld();
    world.spreadsheet.insertSheet(results.title).maxColumns = 5;
    setupTemplate(world.env, [results]);
    expect(world.spreadsheet.getSheetByName(results.title)?.cell(1, results.columns.length + 1)).toBe(
      "Trạng thái",
    );
  });

  it("refreshes a sheet with the template's headers and leaves a different one alone", () => {
    const world = fakeWorld();
    setupTemplate(world.env, tabsFor("school"));
    world.spreadsheet.getSheetByName("Sáng kiến - Đề tài")?.setCell(1, 2, "Cột của trường");
    const report = setupTemplate(world.env, tabsFor("school"));
    expect(report.created).toEqual([]);
    expect(report.skipped).toEqual(["Sáng kiến - Đề tài"]);
    expect(report.updated).toHaveLength(tabsFor("school").length - 1);
  });

  it("repairs the formats and dropdowns that a paste from Excel overwrote", () => {
    const { world, sheet } = schoolWorld(3);
    sheet.pasteFromExcel(3, 1, [["00123", "Lê Thị Hà", "Nữ"]]);
    expect(sheet.cell(3, 1)).toBe(123);
    expect([sheet.formatAt(3, 1), sheet.validationAt(3, 3)]).toEqual([undefined, undefined]);
    expect(sheet.formatAt(4, 1)).toBe("@");
    app.setupTemplate(world.env);
    expect(sheet.formatAt(3, 1)).toBe("@");
    expect(sheet.validationAt(3, 3)).toMatchObject({ kind: "list" });
    // The zeros are lost for good: the number goes as it is, and the server reports it.
    app.submitActiveTab(world.env);
    const sent = bodyOf(world.urlFetch.requests.at(-1)).rows.find((r) => r.row === 3);
    expect(sent).toMatchObject({ values: { "Mã cán bộ": 123 } });
  });

  it("lays out the Department's tabs when TDKT_AUDIENCE is department", () => {
    const world = fakeWorld({ TDKT_AUDIENCE: "department" });
    app.setupTemplate(world.env);
    expect(world.spreadsheet.sheets.map((s) => s.getName())).toEqual(
      tabsFor("department").map((t) => t.title),
    );
    expect(tabsFor("department").map((t) => t.id)).toContain("quyet-dinh");
  });

  it("lays out a commune's workbook, the decisions tab alone, when TDKT_AUDIENCE is commune", () => {
    const world = fakeWorld({ TDKT_AUDIENCE: "commune" });
    app.setupTemplate(world.env);
    expect(world.spreadsheet.sheets.map((s) => s.getName())).toEqual(["Quyết định khen thưởng"]);
    expect(tabsFor("school").map((t) => t.id)).not.toContain("quyet-dinh");
  });

  it("notes say what is required and how to fill lists", () => {
    const registrations = findTab("dang-ky");
    const titles = registrations?.columns.find((c) => c.key === "titles");
    const id = registrations?.columns.find((c) => c.key === "subjectId");
    if (!titles || !id) throw new Error("columns");
    expect(headerNote(titles)).toContain(appsScriptMessages.listNote);
    expect(headerNote(titles)).toContain("Lao động tiên tiến");
    expect(headerNote(id)).toContain(appsScriptMessages.requiredNote);
  });
});
