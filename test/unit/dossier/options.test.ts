import { describe, expect, it } from "vitest";
import { AppError } from "../../../functions/src/domain/errors.js";
import { parseDossierOptions } from "../../../functions/src/services/dossier/options.js";
import { MEETING } from "./fixture.js";

const refusal = (input: unknown): AppError => {
  try {
    parseDossierOptions(input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("accepted");
};

describe("dossier options", () => {
  it("fills the defaults of a date alone", () => {
    expect(parseDossierOptions({ date: "2026-05-20" })).toEqual({
      date: "2026-05-20",
      extraBases: [],
      registerYears: 5,
      includeIneligible: false,
      simplified: false,
    });
  });

  it("refuses an invalid date with a Vietnamese INVALID_ARGUMENT naming body.date", () => {
    const error = refusal({ date: "2026-02-30" });
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(error.field).toBe("body.date");
    expect(error.message).toBe("Dữ liệu để lập hồ sơ không hợp lệ: ngày văn bản (date).");
  });

  it("names a nested field by its path and every faulty field in the message", () => {
    const error = refusal({
      date: "2026-05-20",
      registerYears: 7,
      meeting: { ...MEETING, date: "hôm qua" },
    });
    expect(error.field).toBe("body.meeting.date");
    expect(error.message).toContain("ngày văn bản (meeting.date)");
    expect(error.message).toContain("registerYears");
  });

  it("names the body itself when it is not an object", () => {
    expect(refusal(["2026-05-20"]).field).toBe("body");
    expect(refusal(null).field).toBe("body");
  });
});
