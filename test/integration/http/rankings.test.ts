/** GET /v1/years/{year}/rankings over a socket: who sees what (docs/design.md §5.3, docs/domain.md §18). */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../../functions/src/domain/collections.js";
import type { YearRankings } from "../../../functions/src/domain/ranking/schema.js";
import { type RankingWorld, rankingUsers, rankingWorld, seedRankingWorld } from "../../fixtures/ranking.js";
import { errorOf, startTestApi, type TestApi } from "../../support/api.js";

let api: TestApi;
let world: RankingWorld;
beforeAll(async () => {
  world = rankingWorld(randomUUID().slice(0, 6));
  api = await startTestApi({ users: rankingUsers(world) });
  await seedRankingWorld(api.db, world);
}, 60_000);
afterAll(() => api.close());

const rankingsAs = async (as: string, query = ""): Promise<YearRankings> => {
  const response = await api.fetch(`/v1/years/${world.year}/rankings${query}`, { as });
  expect(response.status).toBe(200);
  return (await response.json()) as YearRankings;
};
const unitsOf = (rankings: YearRankings) =>
  rankings.clusters.map((cluster) => [
    cluster.clusterId,
    cluster.units.map((unit) => [unit.unitId, unit.position]),
  ]);

describe("GET /v1/years/{year}/rankings", { timeout: 60_000 }, () => {
  it("gives a Department specialist every cluster in order, with the leaders proposed", async () => {
    const rankings = await rankingsAs(world.users.department);
    expect(unitsOf(rankings)).toEqual([
      [
        world.clusterA,
        [
          [world.women, 1],
          [world.men, 2],
          [world.unreported, 3],
        ],
      ],
      [world.clusterB, [[world.department, 1]]],
    ]);
    expect(rankings.clusters[0]?.units[0]?.proposedFor).toBe("CO_TD_TINH");
    expect(rankings.quotas).toEqual({ flagPerCluster: 1, bkPerCluster: 1, cstdTinhCap: 1, bkTinhCap: 30 });
  });

  it("filters by ?cluster=", async () => {
    expect(unitsOf(await rankingsAs(world.users.council, `?cluster=${world.clusterB}`))).toEqual([
      [world.clusterB, [[world.department, 1]]],
    ]);
  });

  it("gives a commune its schools' rows only, at their positions in the whole cluster", async () => {
    const rankings = await rankingsAs(world.users.commune);
    expect(unitsOf(rankings)).toEqual([
      [
        world.clusterA,
        [
          [world.women, 1],
          [world.men, 2],
        ],
      ],
    ]);
    expect(rankings.commitments.map((entry) => entry.unitId).sort()).toEqual([world.men, world.women].sort());
    expect(rankings.individuals.provincial[0]?.positions.map((p) => p.position)).toEqual([1, 2]);
  });

  it("gives a school its own row, its own people and nothing of the other schools", async () => {
    const rankings = await rankingsAs(world.users.womenOfficer);
    expect(unitsOf(rankings)).toEqual([[world.clusterA, [[world.women, 1]]]]);
    const body = JSON.stringify(rankings);
    for (const other of [world.men, world.unreported, world.department]) expect(body).not.toContain(other);
    expect(rankings.individuals.provincial[0]?.positions.map((p) => p.subjectId)).toEqual([
      world.candidates.woman,
    ]);
  });

  it("answers 404 for a cluster that has no unit, 422 for a year not configured", async () => {
    const unknown = await api.fetch(`/v1/years/${world.year}/rankings?cluster=cum-khong-co`, {
      as: world.users.department,
    });
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({ code: "NOT_FOUND", field: "query.cluster" });
    const unconfigured = await api.fetch("/v1/years/2041-2042/rankings", { as: world.users.department });
    expect(unconfigured.status).toBe(422);
    expect(await errorOf(unconfigured)).toMatchObject({ code: "MISSING_DATA", field: "path.year" });
  });

  it("ranks on what the Department sends through its tabs, each change audited", async () => {
    const ingest = (tab: string, rows: Record<string, unknown>[]) =>
      api.fetch(`/v1/sheets/${tab}:ingest`, {
        method: "POST",
        as: world.users.department,
        body: JSON.stringify({
          unit: "so-gddt",
          year: world.year,
          rows: rows.map((values, index) => ({ row: index + 2, values })),
        }),
      });
    const audit = async () => (await api.db.collection(COLLECTIONS.audit).count().get()).data().count;
    const before = await audit();
    const criteria = await ingest("tieu-chi", [
      {
        "Cụm, khối thi đua": world.clusterA,
        "Mã nhóm tiêu chí": "thuong-truc",
        "Tên nhóm tiêu chí": "Điểm của Thường trực",
        "Nguồn dữ liệu": "Thường trực chấm điểm",
        "Điểm tối đa": 20,
        "Hệ số": 1,
      },
    ]);
    expect(criteria.status).toBe(200);
    const scores = await ingest("cham-diem", [
      { "Mã đơn vị": world.men, "Mã nhóm tiêu chí": "thuong-truc", Điểm: 15 },
    ]);
    expect(scores.status).toBe(200);
    expect(await audit()).toBe(before + 2);

    const rankings = await rankingsAs(world.users.department, `?cluster=${world.clusterA}`);
    expect(rankings.clusters[0]?.units.map((unit) => [unit.unitId, unit.total])).toEqual([
      [world.men, 65],
      [world.women, 58],
      [world.unreported, 0],
    ]);
  });
});
