import { describe, expect, it } from "vitest";
import { errorTrace } from "../../../functions/src/http/log.js";

describe("errorTrace", () => {
  it("keeps the error's type and frames and drops its message, which may quote personal data", () => {
    const trace = errorTrace(new TypeError("Nguyễn Thị Lan: xếp loại KHT"));
    expect(trace.errorType).toBe("TypeError");
    expect(trace.frames.length).toBeGreaterThan(0);
    expect(JSON.stringify(trace)).not.toContain("Nguyễn Thị Lan");
  });
});
