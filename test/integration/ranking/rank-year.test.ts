/** rankYear over stored data on the emulator (docs/domain.md §18). */
import { randomUUID } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COLLECTIONS } from "../../../functions/src/domain/collections.js";
import type { YearRankings } from "../../../functions/src/domain/ranking/schema.js";
import { rankYear } from "../../../functions/src/services/rankings.js";
import { type RankingWorld, rankingWorld, seedRankingWorld } from "../../fixtures/ranking.js";
import { testFirestore } from "../../support/firestore.js";

let db: Firestore;
let world: RankingWorld;
/** The whole province's ranking, read once (the emulator is shared and slow). */
let rankings: YearRankings;

beforeAll(async () => {
  db = testFirestore("rank");
  world = rankingWorld(randomUUID().slice(0, 6));
  await seedRankingWorld(db, world);
  rankings = await rankYear(db, world.year);
}, 120_000);
afterAll(async () => {
  await db.terminate();
});

describe("rankYear", { timeout: 60_000 }, () => {
  it("orders cụm A by total, breaks the tie by G-06 and ranks the unreported school by the missing-data rule", async () => {
    expect(rankings.clusters.map((cluster) => cluster.clusterId)).toEqual([world.clusterA, world.clusterB]);
    const [first, second, third] = rankings.clusters[0]?.units ?? [];
    expect([first?.unitId, second?.unitId, third?.unitId]).toEqual([
      world.women,
      world.men,
      world.unreported,
    ]);
    expect(first).toMatchObject({
      position: 1,
      total: 58,
      womenShare: 0.75,
      leader: true,
      proposedFor: "CO_TD_TINH",
    });
    expect(second).toMatchObject({
      position: 2,
      total: 58,
      womenShare: 0.5,
      leader: false,
      proposedFor: "BK_CT_UBND_TINH",
    });
    expect(first?.tieBreak).toContain("G-06");
    expect(third).toMatchObject({
      position: 3,
      total: 0,
      proposedFor: null,
      missing: ["cam-ket", "thuong-truc", "xep-loai"],
    });
    expect(first?.scores.find((group) => group.group === "cam-ket")).toMatchObject({
      score: 30,
      clamped: true,
    });
    expect(rankings.rules.missingData).toContain("0 điểm");
  });

  it("gives each unit and each person who committed the registered-vs-achieved table", async () => {
    const women = rankings.commitments.find((entry) => entry.unitId === world.women);
    expect(women?.subjects.map((subject) => [subject.subjectKind, subject.subjectId])).toEqual([
      ["collective", world.women],
      ["individual", world.candidates.woman],
    ]);
    expect(women?.subjects[0]?.lines).toEqual([
      { key: "Duy trì sĩ số (%)", target: 98, unit: null, achieved: 99, met: true },
      { key: "Học sinh giỏi", target: 5, unit: null, achieved: 5, met: true },
    ]);
    const unreported = rankings.commitments.find((entry) => entry.unitId === world.unreported);
    expect(unreported?.subjects[0]?.lines[0]).toMatchObject({ achieved: null, met: null });
  });

  it("ranks the CSTĐ tỉnh candidates against the provincial cap, the woman first on G-06", async () => {
    const cstd = rankings.individuals.provincial.find((quota) => quota.target === "CSTD_TINH");
    expect(cstd).toMatchObject({ cap: 1, candidates: 2 });
    expect(cstd?.positions.map((p) => [p.subjectId, p.withinQuota])).toEqual([
      [world.candidates.woman, true],
      [world.candidates.man, false],
    ]);
    expect(cstd?.positions[0]?.reason).toContain("G-06");
    const caps = rankings.individuals.htxsCaps.find((cap) => cap.unitId === world.men);
    expect(caps?.ok).toBe(false);
    const toan = caps?.scopes.find((scope) => scope.group === "Tổ Toán");
    expect(toan).toMatchObject({ htxs: 1, max: 0, excess: 1 });
    expect(toan?.positions[0]).toMatchObject({ subjectId: `${world.men}-gv4`, withinQuota: false });
  });

  it("ranks one cluster alone, keeping the provincial lists province-wide", async () => {
    const alone = await rankYear(db, world.year, { clusterId: world.clusterB });
    expect(alone.clusters.map((cluster) => cluster.units.map((u) => u.unitId))).toEqual([[world.department]]);
    expect(alone.individuals.provincial[0]?.positions).toHaveLength(2);
  });

  it("takes a criteria group sent through the tab's store path: a cluster's own group wins", async () => {
    await db
      .doc(`${COLLECTIONS.years}/${world.year}/${COLLECTIONS.criteria}/${world.clusterB}_thuong-truc`)
      .set({
        year: world.year,
        clusterId: world.clusterB,
        code: "thuong-truc",
        name: "Thường trực chấm (cụm B)",
        source: "MANUAL",
        maxScore: 5,
        weight: 2,
      });
    const cluster = await rankYear(db, world.year, { clusterId: world.clusterB });
    const unit = cluster.clusters[0]?.units[0];
    expect(unit?.scores.find((group) => group.group === "thuong-truc")).toMatchObject({
      score: 5,
      maxScore: 5,
      weight: 2,
      clamped: true,
    });
    expect(unit?.total).toBe(30 + 20 + 2 * 5);
  });

  it("refuses a year the Department has not configured", async () => {
    await expect(rankYear(db, "2040-2041")).rejects.toMatchObject({
      code: "MISSING_DATA",
      field: "path.year",
    });
  });
});
