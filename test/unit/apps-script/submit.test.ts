import { describe, expect, it } from "vitest";
import { app } from "../../../apps-script/src/app.js";
import { appsScriptMessages, sheetMessages } from "../../../functions/src/domain/messages/index.js";
import { acceptAll, bodyOf, fakeWorld, type RecordedRequest } from "./fakes.js";
import { STAFF_STATUS_COLUMN, schoolWorld, staffRow } from "./world.js";

const statusOf = (sheet: { cell(row: number, column: number): unknown }, row: number) =>
  sheet.cell(row, STAFF_STATUS_COLUMN);

const fingerprintOf = (sheet: { cell(row: number, column: number): unknown }, row: number) =>
  sheet.cell(row, STAFF_STATUS_COLUMN + 1);

/** An officer renames the people of rows first..last; the edit trigger fires. */
function edit(
  _world: ReturnType<typeof schoolWorld>["world"],
  sheet: ReturnType<typeof schoolWorld>["sheet"],
  first: number,
  last: number,
) {
  for (let row = first; row <= last; row++) sheet.setCell(row, 2, `Trần Thị ${row}`);
  app.onEditInstallable({ range: sheet.getRange(first, 2, last - first + 1, 1) });
}

describe("submit of 1,000 dirty rows", () => {
  it("takes one request and one setValues", () => {
    const { world, sheet } = schoolWorld(1_000);
    app.submitActiveTab(world.env);

    expect(world.urlFetch.requests).toHaveLength(1);
    expect(sheet.calls.setValues).toBe(1);
    expect(sheet.calls.setBackgrounds).toBe(1);
    expect(sheet.calls.getValues).toBe(2); // the header row, then the dirty block
    const body = bodyOf(world.urlFetch.requests[0]);
    expect(body).toMatchObject({
      unit: "THPT-LQD",
      year: "2025-2026",
      source: { spreadsheetId: "spreadsheet-1", sheet: "Cán bộ" },
    });
    expect(body.rows).toHaveLength(1_000);
    expect(body.rows[0]).toEqual({
      row: 2,
      values: {
        "Mã cán bộ": "GV00001",
        "Họ và tên": "Nguyễn Văn 1",
        "Giới tính": "Nữ",
        "Ngày sinh": "15/08/1985",
        "Dân tộc": "Kinh",
        "Chức vụ": "Giáo viên",
        "Tổ chuyên môn": "Tổ Toán",
      },
    });
    expect(world.urlFetch.requests[0]?.url).toBe("https://api.example.test/v1/sheets/can-bo:ingest");
    expect(statusOf(sheet, 2)).toBe(sheetMessages.statusAccepted);
    expect(statusOf(sheet, 1_001)).toBe(sheetMessages.statusAccepted);
    expect(String(fingerprintOf(sheet, 2))).toMatch(/^v1:[0-9a-f]{24}$/);
    expect(fingerprintOf(sheet, 3)).not.toBe(fingerprintOf(sheet, 2));
    expect(sheet.backgrounds.get(`2:${STAFF_STATUS_COLUMN}`)).toBe("#d9ead3");
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.submitSummary("Cán bộ", 1_000, 0, 0));
    expect(world.lock.held).toBe(false);
  });

  it("sends nothing the second time, and only edited rows after edits", () => {
    const { world, sheet } = schoolWorld(1_000);
    app.submitActiveTab(world.env);
    app.submitActiveTab(world.env);
    expect(world.urlFetch.requests).toHaveLength(1);
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.nothingToSend("Cán bộ"));

    edit(world, sheet, 10, 12);
    edit(world, sheet, 500, 500);
    expect(statusOf(sheet, 11)).toBe(appsScriptMessages.statusPending);
    sheet.calls.setValues = 0;
    app.submitActiveTab(world.env);
    expect(world.urlFetch.requests).toHaveLength(2);
    expect(bodyOf(world.urlFetch.requests[1]).rows.map((r) => r.row)).toEqual([10, 11, 12, 500]);
    expect(statusOf(sheet, 11)).toBe(sheetMessages.statusAccepted);
    // One setValues writes the statuses and fingerprints of rows 10…500, the rows between unchanged.
    expect(sheet.calls.setValues).toBe(1);
    app.submitActiveTab(world.env);
    expect(world.urlFetch.requests).toHaveLength(2);
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.nothingToSend("Cán bộ"));
  });
});

describe("statuses written back", () => {
  it("writes each rejected row's errors and keeps other rows' statuses, escaped", () => {
    const { world, sheet } = schoolWorld(5);
    app.submitActiveTab(world.env);
    // Someone typed into the status column; the text is written back as text.
    sheet.setCell(4, STAFF_STATUS_COLUMN, "-5 điểm");
    edit(world, sheet, 3, 3);
    edit(world, sheet, 5, 5);
    world.urlFetch.reply({
      status: 422,
      body: {
        accepted: 1,
        rejected: 1,
        rows: [
          {
            row: 3,
            status: "rejected",
            errors: [{ column: "Họ và tên", code: "INVALID_TEXT", message: "=1+1 sai" }],
          },
          { row: 5, status: "accepted", change: "unchanged", errors: [] },
        ],
      },
    });
    const writes: unknown[][][] = [];
    const original = sheet.getRange.bind(sheet);
    sheet.getRange = (...args) => {
      const range = original(...args);
      const setValues = range.setValues.bind(range);
      range.setValues = (values) => {
        writes.push(values);
        return setValues(values);
      };
      return range;
    };
    app.submitActiveTab(world.env);
    expect(writes.map((block) => block.map(([status]) => status))).toEqual([
      ["Lỗi: =1+1 sai", "'-5 điểm", sheetMessages.statusUnchanged],
    ]);
    expect(statusOf(sheet, 3)).toBe("Lỗi: =1+1 sai");
    expect(sheet.backgrounds.get(`3:${STAFF_STATUS_COLUMN}`)).toBe("#f4cccc");
    expect(world.ui.alerts.at(-1)).toBe(appsScriptMessages.submitSummary("Cán bộ", 1, 1, 0));
    // The accepted row is clean; the rejected one is sent again until the server accepts it (after
    // the officer fixes it, or the Department its configuration).
    app.submitActiveTab(world.env);
    expect(bodyOf(world.urlFetch.requests.at(-1)).rows.map((r) => r.row)).toEqual([3]);
  });

  it("keeps rows dirty and says why when the request fails", () => {
    const { world, sheet } = schoolWorld(3);
    world.urlFetch.fallback = {
      status: 403,
      body: { error: { code: "PERMISSION_DENIED", message: "Không có quyền." } },
    };
    app.submitActiveTab(world.env);
    const reason = appsScriptMessages.serverFailed(403, "Không có quyền.");
    expect(statusOf(sheet, 2)).toBe(appsScriptMessages.statusNotSent(reason));
    expect(sheet.backgrounds.get(`2:${STAFF_STATUS_COLUMN}`)).toBe("#fff2cc");
    expect(fingerprintOf(sheet, 2)).toBe("");
    expect(world.ui.alerts.at(-1)).toContain(reason);
    world.urlFetch.fallback = acceptAll;
    app.submitActiveTab(world.env);
    expect(bodyOf(world.urlFetch.requests.at(-1)).rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it("retries a lost answer with the same key, then stores the statuses", () => {
    const { world, sheet } = schoolWorld(3);
    world.urlFetch.reply(new Error("Timeout"), { status: 502, body: {} });
    app.submitActiveTab(world.env);
    const keys = world.urlFetch.requests.map((r: RecordedRequest) => r.params.headers["Idempotency-Key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(statusOf(sheet, 4)).toBe(sheetMessages.statusAccepted);
  });

  it("resends an unanswered send with its key, and gives each answered send a new one", () => {
    const { world } = schoolWorld(3);
    world.urlFetch.fallback = new Error("offline");
    app.submitActiveTab(world.env);
    world.urlFetch.fallback = acceptAll;
    app.submitActiveTab(world.env);
    const keys = new Set(world.urlFetch.requests.map((r) => r.params.headers["Idempotency-Key"]));
    expect(keys.size).toBe(1);
    // Answered: the next send of the same values (a full resend) is a new send, with a new key.
    app.resendActiveTab(world.env);
    app.resendActiveTab(world.env);
    const all = world.urlFetch.requests.map((r) => r.params.headers["Idempotency-Key"]);
    expect(all.slice(-2)[0]).not.toBe(all.at(-1));
    expect(new Set(all).size).toBe(3);
    expect(
      [...world.documentProperties.values.keys()].filter((key) => key.startsWith("tdkt.unanswered.")),
    ).toEqual([]);
  });

  it("A → B → A: the return to earlier values is a new send, applied, not a replay", () => {
    const { world, sheet } = schoolWorld(1);
    const keys = () => world.urlFetch.requests.map((r) => r.params.headers["Idempotency-Key"]);
    app.submitActiveTab(world.env);
    sheet.setCell(2, 2, "Nguyễn Văn B");
    app.submitActiveTab(world.env);
    sheet.setCell(2, 2, "Nguyễn Văn 1");
    app.submitActiveTab(world.env);
    const payloads = world.urlFetch.requests.map((r) => r.params.payload);
    expect(payloads[2]).toBe(payloads[0]);
    expect(new Set(keys()).size).toBe(3);
  });

  it("clears the status of a dirty row that was emptied", () => {
    const { world, sheet } = schoolWorld(3);
    app.submitActiveTab(world.env);
    sheet.fill([staffRow(0).map(() => "")], 3);
    app.submitActiveTab(world.env);
    expect(world.urlFetch.requests).toHaveLength(1);
    expect(statusOf(sheet, 3)).toBe("");
    expect(fingerprintOf(sheet, 3)).toBe("");
  });
});

describe("limits and guards", () => {
  it("splits 12,000 rows into three requests but writes statuses once", () => {
    const { world, sheet } = schoolWorld(12_000);
    app.submitActiveTab(world.env);
    expect(world.urlFetch.requests.map((r) => bodyOf(r).rows.length)).toEqual([5_000, 5_000, 2_000]);
    expect(sheet.calls.setValues).toBe(1);
  });

  it("finds changed rows without the edit trigger (a paste, another officer's edit)", () => {
    const { world, sheet } = schoolWorld(30);
    for (const trigger of world.triggers) trigger.removed = true;
    app.submitActiveTab(world.env);
    sheet.fill(
      [staffRow(7), staffRow(8)].map((row) => [...row.slice(0, 6), "Tổ Văn"]),
      20,
    );
    app.submitActiveTab(world.env);
    expect(world.urlFetch.requests.map((r) => bodyOf(r).rows.length)).toEqual([30, 2]);
    expect(bodyOf(world.urlFetch.requests[1]).rows.map((r) => r.row)).toEqual([20, 21]);
  });

  it("resends the whole tab as a full send, which withdraws rows deleted from the sheet", () => {
    const { world } = schoolWorld(30);
    app.submitActiveTab(world.env);
    world.urlFetch.reply((request) => {
      const reply = acceptAll(request);
      return { ...reply, body: { ...(reply.body as object), withdrawn: 2 } };
    });
    app.resendActiveTab(world.env);
    const body = bodyOf(world.urlFetch.requests[1]);
    expect(body.mode).toBe("full");
    expect(body.rows).toHaveLength(30);
    expect(world.ui.alerts.at(-1)).toBe(
      [appsScriptMessages.submitSummary("Cán bộ", 30, 0, 0), appsScriptMessages.withdrawn(2)].join("\n"),
    );
  });

  it("does not split a full send (each part would withdraw the others)", () => {
    const { world } = schoolWorld(5_001);
    app.resendActiveTab(world.env);
    expect(world.urlFetch.requests).toHaveLength(0);
    expect(world.ui.alerts).toEqual([appsScriptMessages.fullTooLarge("Cán bộ", 5_001)]);
  });

  it("refuses politely while another submit holds the lock", () => {
    const { world } = schoolWorld(3);
    world.lock.busy = true;
    app.submitActiveTab(world.env);
    expect(world.ui.alerts).toEqual([appsScriptMessages.lockBusy]);
    expect(world.urlFetch.requests).toHaveLength(0);
  });

  it("asks for the settings first", () => {
    const { world } = schoolWorld(3);
    world.scriptProperties.deleteProperty("TDKT_UNIT_ID");
    app.submitActiveTab(world.env);
    expect(world.ui.alerts).toEqual([appsScriptMessages.settingsMissing(["TDKT_UNIT_ID"])]);
  });

  it("says when the active sheet is not a tab of the template", () => {
    const { world } = schoolWorld(3);
    world.spreadsheet.active = world.spreadsheet.insertSheet("Ghi chép");
    app.submitActiveTab(world.env);
    expect(world.ui.alerts).toEqual([appsScriptMessages.notATab("Ghi chép")]);
  });

  it("submits every template tab with rows, one request each", () => {
    const { world, sheet } = schoolWorld(20);
    world.spreadsheet
      .getSheetByName("Đăng ký thi đua")
      ?.fill([["Cá nhân", "GV00001", "", "Lao động tiên tiến"]], 2);
    app.submitAll(world.env);
    expect(world.urlFetch.requests.map((r) => r.url.split("/").at(-1))).toEqual([
      "can-bo:ingest",
      "dang-ky:ingest",
    ]);
    expect(sheet.calls.setValues).toBe(1);
  });

  it("asks for the template when the spreadsheet has none of its tabs", () => {
    const world = fakeWorld();
    world.spreadsheet.insertSheet("Trang tính1");
    app.submitAll(world.env);
    expect(world.ui.alerts).toEqual([appsScriptMessages.noTemplateTabs]);
  });

  it("the scheduled run does not wait and shows no dialog", () => {
    const { world } = schoolWorld(3);
    const messages = app.submitScheduled(world.env);
    expect(messages[0]).toBe(appsScriptMessages.submitSummary("Cán bộ", 3, 0, 0));
    expect(world.ui.alerts).toEqual([]);
  });
});
