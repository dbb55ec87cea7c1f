import { describe, expect, it } from "vitest";
import {
  buildIngestRows,
  cellToWire,
  dateFormatter,
  mapHeaders,
  splitIntoBodies,
  utf8Length,
} from "../../../apps-script/src/payload.js";
import { loadConfig } from "../../../functions/src/services/config.js";
import { parseTabRows } from "../../../functions/src/sheets/parse.js";
import { findTab } from "../../../functions/src/sheets/tabs/index.js";

const staff = findTab("can-bo");
if (!staff) throw new Error("tab can-bo");
const formatDate = dateFormatter("Asia/Ho_Chi_Minh");

describe("cells as sent", () => {
  it("sends dates as the sheet shows them, in the spreadsheet's time zone", () => {
    // Sheets gives a date cell as local midnight: 05/09/2025 00:00 in Hà Nội is 17:00Z the day before.
    expect(cellToWire(new Date("2025-09-04T17:00:00Z"), formatDate)).toBe("05/09/2025");
    expect(cellToWire(new Date("2025-09-04T17:00:00Z"), dateFormatter("UTC"))).toBe("04/09/2025");
  });

  it("keeps numbers, booleans and text; drops empty cells", () => {
    expect(cellToWire(85.5, formatDate)).toBe(85.5);
    expect(cellToWire(true, formatDate)).toBe(true);
    expect(cellToWire("00123", formatDate)).toBe("00123");
    for (const empty of ["", "   ", null, undefined, Number.NaN])
      expect(cellToWire(empty, formatDate)).toBeUndefined();
  });
});

describe("ingest rows", () => {
  const headerRow = ["Họ và tên", "Mã cán bộ", "Trạng thái", "Ghi chú riêng", "gioi tinh", "Ngày sinh"];

  it("maps headers wherever they are, matching as the server does", () => {
    const headers = mapHeaders(staff, headerRow);
    expect(headers.columns.get("Mã cán bộ")).toBe(1);
    expect(headers.columns.get("Giới tính")).toBe(4);
    expect(headers.missing).toEqual(["Dân tộc", "Chức vụ", "Tổ chuyên môn", "Phân loại đối tượng", "Email"]);
  });

  it("builds one row per dirty row, leaving out blank rows and unknown columns", () => {
    const headers = mapHeaders(staff, headerRow);
    const block = [
      ["Nguyễn Văn An", "GV01", "Đã nhận", "riêng", "Nam", new Date("1980-03-01T17:00:00Z")],
      ["", "", "Chưa gửi", "ghi chú", "", ""],
      ["Trần Thị Bình", "GV02", "", "", "Nữ", "02/03/1985"],
    ];
    const built = buildIngestRows(headers, block, 5, [5, 6, 7], formatDate);
    expect(built.blank).toEqual([6]);
    expect(built.rows).toEqual([
      {
        row: 5,
        values: {
          "Họ và tên": "Nguyễn Văn An",
          "Mã cán bộ": "GV01",
          "Giới tính": "Nam",
          "Ngày sinh": "02/03/1980",
        },
      },
      {
        row: 7,
        values: {
          "Họ và tên": "Trần Thị Bình",
          "Mã cán bộ": "GV02",
          "Giới tính": "Nữ",
          "Ngày sinh": "02/03/1985",
        },
      },
    ]);
  });

  it("agrees with the server's row parser (dates, enums)", () => {
    const headers = mapHeaders(staff, headerRow);
    const block = [["Nguyễn Văn An", "GV01", "", "", "Nam", new Date("1980-03-01T17:00:00Z")]];
    const { rows } = buildIngestRows(headers, block, 2, [2], formatDate);
    const parsed = parseTabRows(staff, rows, { unitId: "THPT-LQD", year: "2025-2026" });
    expect(parsed.rows[0]?.errors).toEqual([]);
    expect(parsed.rows[0]?.documents[0]?.data).toMatchObject({
      id: "GV01",
      gender: "M",
      birthDate: "1980-03-02",
    });
  });
});

describe("splitting into requests", () => {
  const envelope = {
    unit: "U",
    year: "2025-2026",
    source: { spreadsheetId: "S", sheet: "Cán bộ", revision: 3 },
  };
  const rows = (count: number, text = "x") =>
    Array.from({ length: count }, (_, i) => ({ row: i + 2, values: { "Họ và tên": text } }));

  it("keeps an ordinary submit in one body", () => {
    const bodies = splitIntoBodies(envelope, rows(1_000));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.rows).toHaveLength(1_000);
  });

  it("splits past 5,000 rows", () => {
    expect(splitIntoBodies(envelope, rows(12_001)).map((b) => b.rows.length)).toEqual([5_000, 5_000, 2_001]);
  });

  it("splits by the limits the server enforces by default", () => {
    const server = loadConfig({ TDKT_ENV: "test" });
    const bodies = splitIntoBodies(envelope, rows(server.maxRows + 1));
    expect(bodies.map((b) => b.rows.length)).toEqual([server.maxRows, 1]);
    const big = "Nguyễn Thị Ánh Tuyết ".repeat(50_000);
    for (const body of splitIntoBodies(envelope, rows(6, big)))
      expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(server.maxBodyBytes);
  });

  it("splits past the byte limit, counting UTF-8 bytes", () => {
    const limits = { maxBodyBytes: 10_000, maxRows: 5_000 };
    const bodies = splitIntoBodies(envelope, rows(100, "Nguyễn Thị Ánh Tuyết ".repeat(4)), limits);
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies)
      expect(Buffer.byteLength(JSON.stringify(body))).toBeLessThanOrEqual(limits.maxBodyBytes);
    expect(bodies.flatMap((b) => b.rows)).toHaveLength(100);
  });

  it("counts bytes like Buffer.byteLength", () => {
    for (const text of ["abc", "Đã nhận", "𝔸 emoji 😀", "Nguyễn Thị Ánh Tuyết"])
      expect(utf8Length(text)).toBe(Buffer.byteLength(text));
  });
});
