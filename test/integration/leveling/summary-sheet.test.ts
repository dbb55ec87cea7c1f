import { sheets } from "@googleapis/sheets";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../../functions/src/domain/errors.js";
import {
  rewriteSummarySpreadsheet,
  type SummaryTab,
  sheetsClient,
  summarySpreadsheetId,
} from "../../../functions/src/services/summary-sheet.js";
import { type SheetsFake, startSheetsFake } from "../../support/sheets-fake.js";

let fake: SheetsFake;
beforeAll(async () => {
  fake = await startSheetsFake();
});
afterAll(() => fake.close());

const ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
beforeEach(() => {
  fake.requests.length = 0;
  fake.create(ID, {
    "Trang tính1": [["giữ nguyên"]],
    "Xếp hạng": [
      ["cũ", 1],
      ["cũ", 2],
      ["cũ", 3],
    ],
  });
});

const tabs: SummaryTab[] = [
  {
    title: "Bình xét – cảnh báo",
    header: ["Mã", "Tên", "Số"],
    rows: [
      ["u1", "=SUM(1)", 12],
      ["u2", "+84912345678", null],
      ["u3", "@x", -1],
      ["u4", "-1", 0.25],
    ],
  },
  { title: "Xếp hạng", header: ["Cụm", "Điểm"], rows: [["Cụm 1", 98.5]] },
];

describe("the summary spreadsheet writer, against a local fake of the Sheets API", () => {
  it("creates the missing tab, writes header and rows, escapes formula prefixes, numbers stay numbers", async () => {
    const result = await rewriteSummarySpreadsheet(sheetsClient(fake.rootUrl), ID, tabs);
    expect(result.tabs).toEqual([
      { title: "Bình xét – cảnh báo", rows: 4, created: true },
      { title: "Xếp hạng", rows: 1, created: false },
    ]);
    expect(fake.titles(ID)).toEqual(["Trang tính1", "Xếp hạng", "Bình xét – cảnh báo"]);
    expect(fake.grid(ID, "Bình xét – cảnh báo")).toEqual([
      ["Mã", "Tên", "Số"],
      ["u1", "'=SUM(1)", 12],
      ["u2", "'+84912345678", ""],
      ["u3", "'@x", -1],
      ["u4", "'-1", 0.25],
    ]);
    // The old tab's three rows are gone, not left under the new one; other tabs untouched.
    expect(fake.grid(ID, "Xếp hạng")).toEqual([
      ["Cụm", "Điểm"],
      ["Cụm 1", 98.5],
    ]);
    expect(fake.grid(ID, "Trang tính1")).toEqual([["giữ nguyên"]]);
  });

  it("makes one values.batchUpdate per run, RAW, with every tab", async () => {
    await rewriteSummarySpreadsheet(sheetsClient(fake.rootUrl), ID, tabs);
    const writes = fake.requests.filter((r) => r.path.endsWith("/values:batchUpdate"));
    expect(writes).toHaveLength(1);
    const body = writes[0]?.body as { valueInputOption: string; data: { range: string }[] };
    expect(body.valueInputOption).toBe("RAW");
    expect(body.data.map((d) => d.range)).toEqual(["'Bình xét – cảnh báo'!A1", "'Xếp hạng'!A1"]);
    expect(fake.requests.map((r) => `${r.method} ${r.path.replace(ID, "ID")}`)).toEqual([
      "GET /v4/spreadsheets/ID",
      "POST /v4/spreadsheets/ID:batchUpdate",
      "POST /v4/spreadsheets/ID/values:batchUpdate",
    ]);
  });

  it("a rerun replaces the tabs, it does not append, and adds no second tab", async () => {
    const client = sheetsClient(fake.rootUrl);
    await rewriteSummarySpreadsheet(client, ID, tabs);
    const first = tabs[0] as SummaryTab;
    await rewriteSummarySpreadsheet(client, ID, [{ ...first, rows: [["u9", "mới", 1]] }]);
    expect(fake.grid(ID, "Bình xét – cảnh báo")).toEqual([
      ["Mã", "Tên", "Số"],
      ["u9", "mới", 1],
    ]);
    expect(fake.titles(ID).filter((title) => title === "Bình xét – cảnh báo")).toHaveLength(1);
  });

  it("quotes a title holding an apostrophe in its A1 range", async () => {
    await rewriteSummarySpreadsheet(sheetsClient(fake.rootUrl), ID, [
      { title: "Tổng hợp 'cụm'", header: ["A"], rows: [] },
    ]);
    expect(fake.grid(ID, "Tổng hợp 'cụm'")).toEqual([["A"]]);
  });

  it("a 5xx from the API is a clear UNAVAILABLE error, and nothing is half written", async () => {
    fake.failNext(":batchUpdate", 503);
    const error = await rewriteSummarySpreadsheet(sheetsClient(fake.rootUrl), ID, tabs).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("UNAVAILABLE");
    expect((error as AppError).message).toMatch(
      /Google Sheets không ghi được bảng tính tổng hợp \(503\).*chạy lại/,
    );
    expect(fake.titles(ID)).not.toContain("Bình xét – cảnh báo");
    expect(fake.grid(ID, "Xếp hạng")).toHaveLength(3);
  });

  it("a 5xx on the values write is UNAVAILABLE too; an unknown spreadsheet is NOT_FOUND", async () => {
    fake.failNext("/values:batchUpdate", 500);
    await expect(rewriteSummarySpreadsheet(sheetsClient(fake.rootUrl), ID, tabs)).rejects.toMatchObject({
      code: "UNAVAILABLE",
    });
    await expect(
      rewriteSummarySpreadsheet(sheetsClient(fake.rootUrl), "no-such-spreadsheet-id", tabs),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("works with a client built by the library itself, as production does (rootUrl only differs)", async () => {
    const client = sheets({ version: "v4", rootUrl: fake.rootUrl });
    await rewriteSummarySpreadsheet(client, ID, tabs);
    expect(fake.grid(ID, "Xếp hạng")?.[1]).toEqual(["Cụm 1", 98.5]);
  });

  it("points the client only at a loopback address", () => {
    expect(() => sheetsClient("https://sheets.example.org/")).toThrow(/127\.0\.0\.1/);
    expect(() => sheetsClient("http://10.0.0.1:8080/")).toThrow(AppError);
  });

  it("takes the spreadsheet id from the year's configuration, else the environment", () => {
    expect(
      summarySpreadsheetId({ summarySpreadsheetId: "fromYear123" }, { TDKT_SUMMARY_SPREADSHEET_ID: "env" }),
    ).toBe("fromYear123");
    expect(summarySpreadsheetId(undefined, { TDKT_SUMMARY_SPREADSHEET_ID: "fromEnv456" })).toBe("fromEnv456");
    expect(() => summarySpreadsheetId({}, {})).toThrow(/TDKT_SUMMARY_SPREADSHEET_ID/);
  });
});
