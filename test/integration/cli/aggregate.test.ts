/** `tdkt aggregate` against the CLI's store (its own project on the test emulator). */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aggregateCommand } from "../../../functions/src/cli/commands/aggregate.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { AGGREGATE_YEAR, seedAggregateYear } from "../../support/aggregate.js";
import { emulatorHost } from "../../support/firestore.js";

async function run(args: string[], stderrIsTty: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await aggregateCommand.run(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
    stderrIsTty,
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("tdkt aggregate", () => {
  it("--json prints the finished job and its timings on stdout, and no progress bar", async () => {
    emulatorHost();
    const db = createFirestore(LOCAL_PROJECT_ID);
    await seedAggregateYear(db, [`CLI_AGG_${randomUUID().slice(0, 8)}`]);
    await db.terminate();
    const { code, stdout, stderr } = await run(["--year", AGGREGATE_YEAR, "--json"], true);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    const summary = JSON.parse(stdout) as {
      job: { state: string; year: string; actor: string; counts: { units: number; proposals: number } };
      timingsMs: Record<string, number>;
    };
    expect(summary.job).toMatchObject({ state: "SUCCEEDED", year: AGGREGATE_YEAR, actor: "cli" });
    expect(summary.job.counts.units).toBeGreaterThan(0);
    expect(summary.job.counts.proposals).toBeGreaterThan(0);
    expect(Object.keys(summary.timingsMs).sort()).toEqual(["evaluate", "read", "write"]);
  }, 400_000);

  it("draws a progress bar on a terminal's stderr and prints a Vietnamese summary", async () => {
    emulatorHost();
    const { code, stdout, stderr } = await run(["--year", AGGREGATE_YEAR], true);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/\rđọc và xét điều kiện \[#+\] (\d+)\/\1 khối\n$/);
    expect(stdout).toMatch(
      /^Lượt tổng hợp \S+, năm học 2025-2026: hoàn tất sau [\d,]+ giây\.\n {2}\d+ đơn vị, \d+ đề nghị: /,
    );
  }, 400_000);

  it("draws nothing when stderr is not a terminal, and refuses a missing or malformed year", async () => {
    emulatorHost();
    expect((await run(["--year", AGGREGATE_YEAR], false)).stderr).toBe("");
    expect((await run([], false)).code).toBe(2);
    await expect(run(["--year", "2025/2026"], false)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  }, 400_000);
});
