/** `tdkt rank`: the readable Vietnamese table and --json, from the CLI's own project on the emulator. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { rankCommand } from "../../../functions/src/cli/commands/rank.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { YearRankings } from "../../../functions/src/domain/ranking/schema.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { type RankingWorld, rankingWorld, seedRankingWorld } from "../../fixtures/ranking.js";
import { cliTestYearStart, runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";

// The CLI's project is shared by the tests (and runs) that use it: a year and clusters of this run's own.
const start = cliTestYearStart("rank");
let world: RankingWorld;
beforeAll(async () => {
  emulatorHost();
  world = rankingWorld(randomUUID().slice(0, 6), `${start}-${start + 1}`);
  const db = createFirestore(LOCAL_PROJECT_ID);
  await seedRankingWorld(db, world);
  await db.terminate();
}, 60_000);

async function rank(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCommand(rankCommand, args);
  return { code, out: stdout, err: stderr };
}

describe("tdkt rank", { timeout: 60_000 }, () => {
  it("prints the cụm's order in Vietnamese, the tie explained and the unit with missing data named", async () => {
    const { code, out, err } = await rank(["--year", world.year, "--cluster", world.clusterA]);
    expect(code, err).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe(`XẾP HẠNG THI ĐUA NĂM HỌC ${world.year}`);
    expect(lines).toContain(`Cụm, khối ${world.clusterA} (3 đơn vị)`);
    const at = (unitId: string) => lines.findIndex((line) => line.includes(`Trường ${unitId} —`));
    expect(at(world.women)).toBeLessThan(at(world.men));
    expect(at(world.men)).toBeLessThan(at(world.unreported));
    expect(lines[at(world.women)]).toBe(
      `   1. Trường ${world.women} — 58/60 điểm → đề nghị Cờ thi đua của Ủy ban nhân dân tỉnh`,
    );
    expect(lines[at(world.women) + 1]).toContain("G-06");
    expect(lines[at(world.unreported)]).toContain("(thiếu dữ liệu: cam-ket, thuong-truc, xep-loai)");
    expect(out).toContain("Chiến sĩ thi đua cấp tỉnh: 2 đề nghị, chỉ tiêu 1");
    expect(out).toContain("Tỷ lệ Hoàn thành xuất sắc nhiệm vụ vượt giới hạn (RT-05):");
  });

  it("prints the route's JSON with --json", async () => {
    const { code, out } = await rank(["--year", world.year, "--cluster", world.clusterB, "--json"]);
    expect(code).toBe(0);
    const rankings = YearRankings.parse(JSON.parse(out));
    expect(rankings.clusters.map((cluster) => cluster.clusterId)).toEqual([world.clusterB]);
  });

  it("exits 2 without --year and 1 with a Vietnamese message for a year not configured", async () => {
    expect((await rank([])).code).toBe(2);
    const unconfigured = await rank(["--year", "1980-1981"]);
    expect(unconfigured.code).toBe(1);
    expect(unconfigured.err).toBe(
      'Lỗi: Năm học 1980-1981 chưa được Sở cấu hình (tab "Cấu hình"): chưa thể xếp hạng thi đua.\n',
    );
  });
});
