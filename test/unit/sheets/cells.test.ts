import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RATINGS, TITLES } from "../../../functions/src/domain/codes.js";
import {
  awardCodeLabels,
  cellErrorMessages,
  ratingLabels,
} from "../../../functions/src/domain/messages/index.js";
import { matchEnum, parseCell, parseDecimal, toIsoDate } from "../../../functions/src/sheets/cells.js";
import type { Column } from "../../../functions/src/sheets/definition.js";
import { enumOptions } from "../../../functions/src/sheets/tabs/options.js";

const base = { key: "k", header: "Cột", help: "", width: 10, required: false };
const column = (extra: Record<string, unknown>) => ({ ...base, ...extra }) as Column;

describe("dates", () => {
  it("reads dd/MM/yyyy, ISO, spreadsheet serial numbers and Dates", () => {
    expect(toIsoDate("05/09/2025")).toBe("2025-09-05");
    expect(toIsoDate("5/9/2025")).toBe("2025-09-05");
    expect(toIsoDate(" 05-09-2025 ")).toBe("2025-09-05");
    expect(toIsoDate("2025-09-05")).toBe("2025-09-05");
    expect(toIsoDate(45905)).toBe("2025-09-05");
    expect(toIsoDate("45905")).toBe("2025-09-05");
    expect(toIsoDate(45905.75)).toBe("2025-09-05");
    expect(toIsoDate(new Date(Date.UTC(2025, 8, 5)))).toBe("2025-09-05");
    // Apps Script serialises a local-midnight Date as the previous day 17:00Z (Vietnam is UTC+7).
    expect(toIsoDate("2025-09-04T17:00:00.000Z")).toBe("2025-09-05");
  });

  it("refuses impossible dates and other text", () => {
    for (const bad of ["31/02/2025", "29/02/2025", "13/13/2025", "hôm qua", "2025", 0, -5, Number.NaN])
      expect(toIsoDate(bad)).toBeUndefined();
    expect(toIsoDate("29/02/2024")).toBe("2024-02-29");
  });

  it("round-trips every day as dd/MM/yyyy and as a serial number", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01"), max: new Date("2099-12-31"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const [y, m, d] = iso.split("-");
          expect(toIsoDate(`${d}/${m}/${y}`)).toBe(iso);
          const serial = Math.floor((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);
          expect(toIsoDate(serial)).toBe(iso);
        },
      ),
    );
  });
});

describe("numbers", () => {
  it("reads decimal commas, Vietnamese thousands, percentages", () => {
    expect(parseDecimal("92,5")).toBe(92.5);
    expect(parseDecimal("92.5")).toBe(92.5);
    expect(parseDecimal("1.234,5")).toBe(1234.5);
    expect(parseDecimal("2.530.000")).toBe(2_530_000);
    expect(parseDecimal(" 80 % ")).toBe(80);
    expect(parseDecimal("-3")).toBe(-3);
    for (const bad of ["", "abc", "1,2,3", "9 điểm", "1e5", ","]) expect(parseDecimal(bad)).toBeUndefined();
  });

  it("reads back any number written with a decimal comma", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 99 }), (whole, cents) => {
        const value = whole + cents / 100;
        expect(parseDecimal(value.toString().replace(".", ","))).toBeCloseTo(value, 10);
      }),
    );
  });

  it("checks integers and ranges", () => {
    const score = column({ type: "number", min: 0, max: 100 });
    expect(parseCell(score, "85,5")).toEqual({ ok: true, value: 85.5 });
    expect(parseCell(score, 101)).toMatchObject({ ok: false, code: "OUT_OF_RANGE" });
    const count = column({ type: "integer", min: 1 });
    expect(parseCell(count, "11")).toEqual({ ok: true, value: 11 });
    expect(parseCell(count, 10.5)).toMatchObject({ ok: false, code: "NOT_INTEGER" });
    expect(parseCell(count, "mười")).toMatchObject({ ok: false, code: "INVALID_NUMBER", value: "mười" });
  });
});

describe("enums and lists", () => {
  const ratings = enumOptions(ratingLabels, RATINGS);
  const titles = enumOptions(awardCodeLabels, TITLES);

  it("matches codes and labels in any case, with or without diacritics", () => {
    for (const typed of [
      "HTXS",
      "htxs",
      "Hoàn thành xuất sắc nhiệm vụ",
      "hoan thanh xuat sac nhiem vu",
      "HOÀN THÀNH XUẤT SẮC NHIỆM VỤ",
    ])
      expect(matchEnum(ratings, typed)).toBe("HTXS");
    expect(matchEnum(titles, "CSTĐCS")).toBe("CSTD_CS");
    expect(matchEnum(titles, "cstd_cs")).toBe("CSTD_CS");
    expect(matchEnum(titles, "chien si thi dua co so")).toBe("CSTD_CS");
    expect(matchEnum(titles, "Chiến sĩ")).toBeUndefined();
  });

  it("parses lists of codes (deduplicated) and reports the unknown item", () => {
    const list = column({ type: "list", item: titles });
    expect(parseCell(list, "LĐTT; Chiến sĩ thi đua cơ sở, ldtt")).toEqual({
      ok: true,
      value: ["LDTT", "CSTD_CS"],
    });
    expect(parseCell(list, "LĐTT; Anh hùng")).toMatchObject({
      ok: false,
      code: "INVALID_ENUM",
      value: "Anh hùng",
    });
    expect(parseCell(list, ["LDTT"])).toEqual({ ok: true, value: ["LDTT"] });
  });

  it("parses commitments as key/target pairs", () => {
    const pairs = column({ type: "list", item: "pair" });
    expect(parseCell(pairs, "Tỷ lệ khá giỏi (%): 85,5;\nSáng kiến: 1; Chuẩn nghề nghiệp: Tốt")).toEqual({
      ok: true,
      value: [
        { key: "Tỷ lệ khá giỏi (%)", value: 85.5 },
        { key: "Sáng kiến", value: 1 },
        { key: "Chuẩn nghề nghiệp", value: "Tốt" },
      ],
    });
    expect(parseCell(pairs, "Sáng kiến 1")).toMatchObject({ ok: false, code: "INVALID_PAIR" });
  });

  it("reads booleans as Sheets checkboxes and Vietnamese words", () => {
    const flag = column({ type: "boolean" });
    for (const yes of [true, "Có", "co", "x", "TRUE", 1])
      expect(parseCell(flag, yes)).toEqual({ ok: true, value: true });
    for (const no of [false, "Không", "KHONG", "false", 0])
      expect(parseCell(flag, no)).toEqual({ ok: true, value: false });
    expect(parseCell(flag, "có lẽ")).toMatchObject({ ok: false, code: "INVALID_BOOLEAN" });
  });
});

describe("text", () => {
  it("stores NFC with white space folded, and formulas as plain text", () => {
    const text = column({ type: "text" });
    expect(parseCell(text, "  Nguye\u0302\u0303n   Thị\tLan ")).toEqual({
      ok: true,
      value: "Nguyễn Thị Lan",
    });
    expect(parseCell(text, '=HYPERLINK("http://x";"y")')).toEqual({
      ok: true,
      value: '=HYPERLINK("http://x";"y")',
    });
    expect(parseCell(text, 123)).toEqual({ ok: true, value: "123" });
    expect(parseCell(column({ type: "text", required: true }), "   ")).toMatchObject({
      ok: false,
      code: "REQUIRED",
    });
    expect(parseCell(text, "x".repeat(3000))).toMatchObject({ ok: false, code: "TOO_LONG" });
  });

  it("reports a code or phone number that arrived as a number (its leading zeros are gone)", () => {
    for (const key of ["id", "code", "phone", "subjectId", "personId", "unitId"]) {
      const code = column({ type: "text", key });
      expect(parseCell(code, 123)).toEqual({ ok: false, code: "CODE_AS_NUMBER", value: "123" });
      expect(parseCell(code, "00123")).toEqual({ ok: true, value: "00123" });
    }
    expect(cellErrorMessages.CODE_AS_NUMBER({ header: "Mã cán bộ", value: "123" })).toContain("00123");
  });
});
