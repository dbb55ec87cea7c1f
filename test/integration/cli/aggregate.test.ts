/** `tdkt aggregate` against the CLI's store (its own project on the test emulator). */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { aggregateCommand } from "../../../functions/src/cli/commands/aggregate.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { AGGREGATE_YEAR, seedAggregateYear } from "../../support/aggregate.js";
import { runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";

const run = (args: string[], stderrIsTty: boolean) => runCommand(aggregateCommand, args, { stderrIsTty });

describe("tdkt aggregate", () => {
  it("--json prints the finished job, its timings and results on stdout, and no progress bar", async () => {
    emulatorHost();
    const db = createFirestore(LOCAL_PROJECT_ID);
    await seedAggregateYear(db, [`CLI_AGG_${randomUUID().slice(0, 8)}`]);
    await db.terminate();
    const { code, stdout, stderr } = await run(["--year", AGGREGATE_YEAR, "--json"], true);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe("");
    const summary = JSON.parse(stdout) as {
      job: {
        state: string;
        year: string;
        actor: string;
        counts: {
          units: number;
          proposals: number;
          eligible: number;
          ineligible: number;
          incomplete: number;
        };
      };
      timingsMs: Record<string, number>;
      rankings: { clusterId: string; units: { position: number; unitId: string; name: string }[] }[];
      flags: { unitId: string; flags: { code: string; message: string }[] }[];
      lists: { managingLevel: string; decider: string; groups: { target: string; lines: unknown[] }[] }[];
      excluded: { unitId: string; status: string; failed: string[] }[];
      dossier: { skipped: string | null; files: string[] };
      summarySheet: { skipped: string | null; spreadsheetId: string | null };
    };
    expect(summary.job).toMatchObject({ state: "SUCCEEDED", year: AGGREGATE_YEAR, actor: "cli" });
    expect(summary.job.counts.units).toBeGreaterThan(0);
    expect(summary.job.counts.proposals).toBeGreaterThan(0);
    expect(Object.keys(summary.timingsMs).sort()).toEqual(
      ["documents", "evaluate", "leveling", "rank", "read", "summary-sheet", "write"].sort(),
    );
    // Every judged proposal is in a list (eligible) or among the excluded, once.
    const listed = summary.lists.flatMap((list) => list.groups.flatMap((group) => group.lines)).length;
    expect(listed).toBe(summary.job.counts.eligible);
    expect(listed + summary.excluded.length).toBe(summary.job.counts.proposals);
    expect(summary.lists.every((list) => list.groups.length > 0)).toBe(true);
    expect(summary.rankings.length).toBeGreaterThan(0);
    for (const cluster of summary.rankings) {
      const positions = cluster.units.map((unit) => unit.position);
      expect(positions[0]).toBe(1);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    expect(Array.isArray(summary.flags)).toBe(true);
    // No --department: the dossier is not built, and the answer says why.
    expect(summary.dossier).toEqual({
      skipped: expect.stringContaining("--department"),
      files: [],
      documents: [],
    });
    expect(summary.summarySheet.skipped ?? summary.summarySheet.spreadsheetId).not.toBeNull();
  }, 400_000);

  it("draws a progress bar on a terminal's stderr and prints a Vietnamese summary", async () => {
    emulatorHost();
    const { code, stdout, stderr } = await run(["--year", AGGREGATE_YEAR], true);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/\rđọc và xét điều kiện \[#+\] (\d+)\/\1 khối\r/);
    expect(stderr).toMatch(/\rbảng tính tổng hợp \[#+\] 1\/1 khối\n$/);
    expect(stdout).toMatch(
      /^Lượt tổng hợp \S+, năm học 2025-2026: hoàn tất sau [\d,]+ giây\.\n {2}\d+ đơn vị, \d+ đề nghị: /,
    );
    expect(stdout).toMatch(/\n {2}Xếp hạng: \d+ cụm\/khối\. Bình xét: \d+ đơn vị có cảnh báo\.\n/);
    expect(stdout).toContain("  Hồ sơ của Sở: chưa lập hồ sơ của Sở");
  }, 400_000);

  it("draws nothing when stderr is not a terminal, and refuses a missing or malformed year", async () => {
    emulatorHost();
    expect((await run(["--year", AGGREGATE_YEAR], false)).stderr).toBe("");
    expect((await run([], false)).code).toBe(2);
    // The dossier needs both the Department's unit and where to write it.
    expect((await run(["--year", AGGREGATE_YEAR, "--department", "so-gddt"], false)).code).toBe(2);
    expect(await run(["--year", "2025/2026"], false)).toEqual({
      code: 1,
      stdout: "",
      stderr: 'Lỗi: Năm học "2025/2026" không hợp lệ: hãy ghi dạng 2025-2026.\n',
    });
  }, 400_000);
});
