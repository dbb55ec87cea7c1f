/** `tdkt remind`: a dry run's JSON from the stored deadlines, its text form, and its usage and unconfigured-year exits. */
import { describe, expect, it } from "vitest";
import { remindCommand } from "../../../functions/src/cli/commands/remind.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { dateInVietnam } from "../../../functions/src/domain/calendar.js";
import type { ReminderRun } from "../../../functions/src/services/reminders.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { REMIND_UNITS, seedReminderProvince } from "../../fixtures/reminders.js";
import { runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";

// A year of its own in the CLI's local project, which other CLI tests share.
const YEAR = "2032-2033";

const run = (args: string[]) => runCommand(remindCommand, args);

describe("tdkt remind", () => {
  it("lists the due reminders of a dry run, as JSON and as text, sending nothing", async () => {
    emulatorHost();
    const db = createFirestore(LOCAL_PROJECT_ID);
    const today = dateInVietnam(new Date());
    await seedReminderProvince(db, YEAR, today);
    const json = await run(["--year", YEAR, "--dry-run", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as ReminderRun;
    expect(result).toMatchObject({ year: YEAR, date: today, channel: "log" });
    const mine = result.reminders.filter((reminder) =>
      Object.values(REMIND_UNITS).some((unit) => unit.id === reminder.unitId),
    );
    expect(
      mine
        .map((reminder) => `${reminder.unitId}:${reminder.kind}:${reminder.outcome}:${reminder.daysLeft}`)
        .sort(),
    ).toEqual(
      [
        `${REMIND_UNITS.none.id}:SUBMISSION:dry-run:0`,
        `${REMIND_UNITS.returned.id}:CORRECTION:dry-run:0`,
        `${REMIND_UNITS.unreachable.id}:SUBMISSION:no-recipients:0`,
      ].sort(),
    );
    const text = await run(["--year", YEAR, "--dry-run"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`${REMIND_UNITS.returned.id} · gửi lại hồ sơ · hạn`);
    expect(text.stdout).toContain("chạy thử, không gửi (1 người nhận)");
    expect((await db.collection("reminders").where("year", "==", YEAR).get()).size).toBe(0);
    await db.terminate();
  }, 60_000);

  it("exits 2 without --year, 1 for a year the Department has not configured", async () => {
    expect((await run([])).code).toBe(2);
    emulatorHost();
    // The CLI's project is shared: other CLI tests configure random years from 2040 on, never before 2000.
    const unconfigured = await run(["--year", "1991-1992", "--dry-run"]);
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.stderr).toBe(
      "Lỗi: Năm học 1991-1992 chưa được Sở cấu hình (tab Cấu hình): không có hạn nào để nhắc.\n",
    );
  }, 60_000);
});
