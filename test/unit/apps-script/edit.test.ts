import { describe, expect, it } from "vitest";
import { app } from "../../../apps-script/src/app.js";
import { appsScriptMessages, sheetMessages } from "../../../functions/src/domain/messages/index.js";
import { acceptAll, bodyOf } from "./fakes.js";
import { STAFF_STATUS_COLUMN, schoolWorld, staffRow } from "./world.js";

type World = ReturnType<typeof schoolWorld>;

function edit({ sheet }: World, row: number, column: number, rows = 1, columns = 1) {
  app.onEditInstallable({ range: sheet.getRange(row, column, rows, columns) });
}

/** A world whose staff tab has been sent once. */
function sentWorld(count = 50): World {
  const world = schoolWorld(count);
  app.submitActiveTab(world.world.env);
  return world;
}

const sentRows = (w: World) => bodyOf(w.world.urlFetch.requests.at(-1)).rows.map((r) => r.row);
const nameOf = (w: World, row: number) => w.sheet.cell(row, 2);

describe("the edit trigger", () => {
  it("shows edited rows as not sent", () => {
    const w = sentWorld();
    edit(w, 6, 1, 3, 4); // a paste over rows 6–8
    expect(w.sheet.cell(6, STAFF_STATUS_COLUMN)).toBe(appsScriptMessages.statusPending);
    expect(w.sheet.cell(8, STAFF_STATUS_COLUMN)).toBe(appsScriptMessages.statusPending);
    expect(w.sheet.backgrounds.get(`6:${STAFF_STATUS_COLUMN}`)).toBe("#fff2cc");
    expect(w.sheet.cell(9, STAFF_STATUS_COLUMN)).not.toBe(appsScriptMessages.statusPending);
  });

  it("ignores the header row, the status and hidden columns and sheets outside the template", () => {
    const w = sentWorld();
    const before = JSON.stringify(w.sheet.cells);
    edit(w, 1, 2);
    edit(w, 4, STAFF_STATUS_COLUMN);
    edit(w, 5, STAFF_STATUS_COLUMN + 1);
    const other = w.world.spreadsheet.insertSheet("Ghi chép");
    other.fill([["a"], ["b"]]);
    app.onEditInstallable({ range: other.getRange(2, 1, 1, 1) });
    expect(JSON.stringify(w.sheet.cells)).toBe(before);
    expect(other.cells).toEqual([["a"], ["b"]]);
  });

  it("is only a convenience: what is sent follows the values, not the trigger", () => {
    const w = sentWorld();
    // The trigger fired but nothing changed: nothing to send.
    edit(w, 12, 2);
    app.submitActiveTab(w.world.env);
    expect(w.world.ui.alerts.at(-1)).toBe(appsScriptMessages.nothingToSend("Cán bộ"));
    // Changed with no trigger at all (another officer's script, an add-on, an API write): sent.
    w.sheet.setCell(30, 2, "Lê Văn Tám");
    app.submitActiveTab(w.world.env);
    expect(sentRows(w)).toEqual([30]);
  });
});

describe("rows that move between two sends", () => {
  it("sends the edited row after a sort and an insert, and skips none", () => {
    const w = sentWorld(10);
    w.sheet.setCell(4, 2, "Phạm Thị Hoa"); // GV00003 renamed
    edit(w, 4, 2);
    // Data → Sort sheet Z → A by code, then a new row inserted above row 3: no edit event for either.
    w.sheet.sortDataRows((a, b) => String(b[0]).localeCompare(String(a[0])));
    w.sheet.insertRowBefore(3);
    w.sheet.fill([staffRow(99)], 3);
    app.submitActiveTab(w.world.env);
    const body = bodyOf(w.world.urlFetch.requests.at(-1)) as unknown as {
      rows: { row: number; values: Record<string, string> }[];
    };
    expect(body.rows.map((r) => [r.row, r.values["Mã cán bộ"], r.values["Họ và tên"]])).toEqual([
      [3, "GV00099", "Nguyễn Văn 99"],
      [10, "GV00003", "Phạm Thị Hoa"],
    ]);
    // Their statuses land on the rows where they now are.
    expect(w.sheet.cell(10, STAFF_STATUS_COLUMN)).toBe(sheetMessages.statusAccepted);
    expect(w.sheet.cell(3, STAFF_STATUS_COLUMN)).toBe(sheetMessages.statusAccepted);
    expect(nameOf(w, 10)).toBe("Phạm Thị Hoa");
    app.submitActiveTab(w.world.env);
    expect(w.world.ui.alerts.at(-1)).toBe(appsScriptMessages.nothingToSend("Cán bộ"));
  });

  it("keeps a row edited while a submit runs dirty, and sends it next time", () => {
    const w = sentWorld();
    w.sheet.setCell(8, 2, "Đỗ Văn Nam");
    w.world.urlFetch.reply((request) => {
      // Another officer edits row 8 while this submit waits for the server.
      w.sheet.setCell(8, 2, "Đỗ Văn Bắc");
      return acceptAll(request);
    });
    app.submitActiveTab(w.world.env);
    app.submitActiveTab(w.world.env);
    const body = bodyOf(w.world.urlFetch.requests.at(-1)) as unknown as {
      rows: { row: number; values: Record<string, string> }[];
    };
    expect(body.rows.map((r) => [r.row, r.values["Họ và tên"]])).toEqual([[8, "Đỗ Văn Bắc"]]);
  });
});
