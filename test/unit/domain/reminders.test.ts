import { describe, expect, it } from "vitest";
import { dateInVietnam, schoolYearOfDay } from "../../../functions/src/domain/calendar.js";
import type { YearConfig } from "../../../functions/src/domain/model.js";
import { daysBetween, dueReminders, type UnitStanding } from "../../../functions/src/domain/reminders.js";

const config: YearConfig = {
  year: "2025-2026",
  legalBasisVersion: "ND152-2025",
  registrationDeadline: "2025-10-15",
  submissionDeadline: "2026-06-10",
  registrationRequired: true,
  htxsCapDenominator: "HTT_ONLY",
  voteThreshold: {},
  rankingQuotas: {},
};
const unit = (unitId: string, standing: Partial<UnitStanding> = {}): UnitStanding => ({
  unitId,
  unitName: `Trường ${unitId}`,
  registered: true,
  dossierState: "SUBMITTED",
  ...standing,
});
const kinds = (today: string, units: UnitStanding[], year: YearConfig = config) =>
  dueReminders(year, today, units).map(
    (reminder) => `${reminder.unitId}:${reminder.kind}:${reminder.daysLeft}`,
  );

describe("dueReminders", () => {
  it("reminds a unit that has not registered in the 7 days before the registration deadline and on the day", () => {
    const units = [unit("a", { registered: false }), unit("b")];
    expect(kinds("2025-10-07", units)).toEqual([]);
    expect(kinds("2025-10-08", units)).toEqual(["a:REGISTRATION:7"]);
    expect(kinds("2025-10-15", units)).toEqual(["a:REGISTRATION:0"]);
    expect(kinds("2025-10-16", units)).toEqual([]);
    expect(kinds("2025-10-10", units, { ...config, registrationRequired: false })).toEqual([]);
  });

  it("reminds of submission a unit with no dossier or a draft, and of correction one whose dossier was returned", () => {
    const units = [
      unit("none", { dossierState: undefined }),
      unit("draft", { dossierState: "DRAFT" }),
      unit("returned", { dossierState: "RETURNED" }),
      unit("sent", { dossierState: "SUBMITTED" }),
      unit("approved", { dossierState: "APPROVED" }),
    ];
    expect(kinds("2026-06-05", units)).toEqual([
      "none:SUBMISSION:5",
      "draft:SUBMISSION:5",
      "returned:CORRECTION:5",
    ]);
    expect(kinds("2026-06-11", units)).toEqual([]);
    expect(kinds("2026-06-05", units, { ...config, submissionDeadline: undefined })).toEqual([]);
  });

  it("writes the message in Vietnamese with the unit, the year, the deadline and the days left", () => {
    const [reminder] = dueReminders(config, "2026-06-10", [
      unit("ndu", { unitName: "Trường THCS Nguyễn Du", dossierState: "RETURNED" }),
    ]);
    expect(reminder?.subject).toBe(
      "[TĐKT] Nhắc hạn: Trường THCS Nguyễn Du chưa bổ sung, gửi lại hồ sơ đề nghị khen thưởng bị trả lại năm học 2025-2026",
    );
    expect(reminder?.text).toContain("Kính gửi: Trường THCS Nguyễn Du.");
    expect(reminder?.text).toContain("Hạn gửi hồ sơ: 10/06/2026 (hôm nay là ngày cuối cùng).");
    const [early] = dueReminders(config, "2025-10-12", [unit("x", { registered: false })]);
    expect(early?.text).toContain("Hạn đăng ký thi đua: 15/10/2025 (còn 3 ngày).");
  });
});

describe("the province's calendar", () => {
  it("takes the day in Asia/Ho_Chi_Minh (UTC+7), not UTC", () => {
    expect(dateInVietnam(new Date("2026-06-09T16:59:59Z"))).toBe("2026-06-09");
    expect(dateInVietnam(new Date("2026-06-09T17:00:00Z"))).toBe("2026-06-10");
  });

  it("counts whole days and places a day in its school year (August to July)", () => {
    expect(daysBetween("2026-02-27", "2026-03-01")).toBe(2);
    expect(daysBetween("2026-03-01", "2026-02-27")).toBe(-2);
    expect(schoolYearOfDay("2026-05-31")).toBe("2025-2026");
    expect(schoolYearOfDay("2026-08-31")).toBe("2025-2026");
    expect(schoolYearOfDay("2026-09-01")).toBe("2026-2027");
  });
});
