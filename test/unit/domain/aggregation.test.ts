import { describe, expect, it } from "vitest";
import { countResults } from "../../../functions/src/domain/aggregation.js";
import { currentSchoolYear } from "../../../functions/src/domain/calendar.js";
import { yearOfEvent } from "../../../functions/src/jobs/aggregate.js";

const message = (data: string | undefined) => ({
  message: { ...(data === undefined ? {} : { data: Buffer.from(data).toString("base64") }), messageId: "1" },
});

describe("the aggregation's school year", () => {
  it("is the one in progress in Vietnam: a school year runs from September", () => {
    expect(currentSchoolYear(new Date("2026-06-01T02:00:00+07:00"))).toBe("2025-2026");
    // 31 August 17:30 UTC is already 1 September in Hanoi.
    expect(currentSchoolYear(new Date("2026-08-31T17:30:00Z"))).toBe("2026-2027");
    expect(currentSchoolYear(new Date("2026-08-31T16:59:00Z"))).toBe("2025-2026");
  });

  it("is read from the Pub/Sub message, or taken as the current one when it names none", () => {
    const june = new Date("2026-06-15T00:00:00Z");
    expect(yearOfEvent(message(JSON.stringify({ year: "2024-2025" })), june)).toBe("2024-2025");
    expect(yearOfEvent(message("{}"), june)).toBe("2025-2026");
    expect(yearOfEvent(message(undefined), june)).toBe("2025-2026");
    for (const bad of [
      message("{not json"),
      message("[1]"),
      message(JSON.stringify({ year: 2025 })),
      { data: 1 },
    ])
      expect(() => yearOfEvent(bad, june)).toThrow(expect.objectContaining({ code: "INVALID_ARGUMENT" }));
  });

  it("counts a unit's results by status", () => {
    expect(
      countResults([
        { status: "eligible" },
        { status: "eligible" },
        { status: "ineligible" },
        { status: "error" },
      ]),
    ).toEqual({
      units: 1,
      proposals: 4,
      eligible: 2,
      ineligible: 1,
      incomplete: 0,
      error: 1,
      failedUnits: 0,
    });
  });
});
