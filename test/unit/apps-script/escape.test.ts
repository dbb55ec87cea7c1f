import { describe, expect, it } from "vitest";
import { escapeForSheet } from "../../../apps-script/src/escape.js";

describe("escapeForSheet", () => {
  it.each([
    ['=IMPORTXML("http://x")', '\'=IMPORTXML("http://x")'],
    ["+84 912", "'+84 912"],
    ["-1", "'-1"],
    ["@mention", "'@mention"],
    ["'quoted", "''quoted"],
  ])("keeps %s as text", (value, written) => {
    expect(escapeForSheet(value)).toBe(written);
  });

  it.each(["Đã nhận", 'Lỗi: Cột "Họ và tên" không được để trống.', "", "a=b", "05/09/2025"])(
    "leaves %s alone",
    (value) => {
      expect(escapeForSheet(value)).toBe(value);
    },
  );
});
