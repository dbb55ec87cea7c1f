import { describe, expect, it } from "vitest";
import { app } from "../../../apps-script/src/app.js";
import { readDirty } from "../../../apps-script/src/dirty.js";
import { appsScriptMessages } from "../../../functions/src/domain/messages/index.js";
import { acceptAll, bodyOf } from "./fakes.js";
import { STAFF_STATUS_COLUMN, schoolWorld } from "./world.js";

type World = ReturnType<typeof schoolWorld>;

function edit({ world, sheet }: World, row: number, column: number, rows = 1, columns = 1) {
  app.onEditInstallable(world.env, { range: sheet.getRange(row, column, rows, columns) });
}

/** A world whose staff tab has been sent once, so edits are tracked. */
function trackedWorld(count = 50): World {
  const world = schoolWorld(count);
  app.submitActiveTab(world.world.env);
  return world;
}

describe("the edit trigger", () => {
  it("records edited rows as compact ranges and shows them as not sent", () => {
    const w = trackedWorld();
    edit(w, 5, 2);
    edit(w, 6, 1, 3, 4); // a paste over rows 6–8
    edit(w, 20, 3);
    edit(w, 7, 2);
    const state = readDirty(w.world.documentProperties, w.sheet.getSheetId());
    expect(state.ranges).toEqual([
      [5, 8],
      [20, 20],
    ]);
    expect(state.revision).toBe(4);
    expect(w.world.documentProperties.getProperty(`tdkt.dirty.${w.sheet.getSheetId()}`)).toBe(
      JSON.stringify({ revision: 4, rows: "5-8,20" }),
    );
    expect(w.sheet.cell(6, STAFF_STATUS_COLUMN)).toBe(appsScriptMessages.statusPending);
    expect(w.sheet.backgrounds.get(`6:${STAFF_STATUS_COLUMN}`)).toBe("#fff2cc");
    expect(w.sheet.cell(9, STAFF_STATUS_COLUMN)).not.toBe(appsScriptMessages.statusPending);
  });

  it("ignores the header row, the status column and sheets outside the template", () => {
    const w = trackedWorld();
    edit(w, 1, 2);
    edit(w, 4, STAFF_STATUS_COLUMN);
    const other = w.world.spreadsheet.insertSheet("Ghi chép");
    other.fill([["a"], ["b"]]);
    app.onEditInstallable(w.world.env, { range: other.getRange(2, 1, 1, 1) });
    expect(readDirty(w.world.documentProperties, w.sheet.getSheetId()).ranges).toEqual([]);
    expect(w.world.documentProperties.values.size).toBe(1);
  });

  it("leaves a side record while a submit holds the lock, and the next submit sends it", () => {
    const w = trackedWorld();
    w.world.lock.busy = true;
    edit(w, 12, 2);
    expect([...w.world.documentProperties.values.keys()].filter((k) => k.includes("."))).toHaveLength(2);
    w.world.lock.busy = false;
    edit(w, 30, 2);
    expect(readDirty(w.world.documentProperties, w.sheet.getSheetId()).ranges).toEqual([
      [12, 12],
      [30, 30],
    ]);
    expect(w.world.documentProperties.values.size).toBe(1); // the side record was folded in
    app.submitActiveTab(w.world.env);
    expect(bodyOf(w.world.urlFetch.requests.at(-1)).rows.map((r) => r.row)).toEqual([12, 30]);
  });

  it("shows rows edited during a submit as not sent, and sends them next time", () => {
    const w = trackedWorld();
    edit(w, 8, 2);
    w.world.urlFetch.reply((request) => {
      // Another execution's edit while this submit holds the lock: it leaves a side record.
      edit(w, 8, 3);
      return acceptAll(request);
    });
    app.submitActiveTab(w.world.env);
    expect(w.sheet.cell(8, STAFF_STATUS_COLUMN)).toBe(appsScriptMessages.statusPending);
    app.submitActiveTab(w.world.env);
    expect(bodyOf(w.world.urlFetch.requests.at(-1)).rows.map((r) => r.row)).toEqual([8]);
    expect(w.sheet.cell(8, STAFF_STATUS_COLUMN)).toBe("Đã nhận");
  });

  it("does not shrink an untracked tab (its first submit sends every row)", () => {
    const w = schoolWorld(10);
    edit(w, 3, 2);
    app.submitActiveTab(w.world.env);
    expect(bodyOf(w.world.urlFetch.requests[0]).rows).toHaveLength(10);
  });
});
