/** The pure cụm/khối ranking (docs/domain.md §18): clamping, the missing-data rule, G-06 ties, quotas. */
import { describe, expect, it } from "vitest";
import { DEFAULT_ELIGIBILITY_CONFIG } from "../../../functions/src/domain/eligibility/index.js";
import type { CriteriaGroup } from "../../../functions/src/domain/model.js";
import {
  type Criterion,
  criteriaForCluster,
  DEFAULT_CRITERIA,
  DEFAULT_RANKING_QUOTAS,
  resolveQuotas,
} from "../../../functions/src/domain/ranking/config.js";
import {
  htxsCapPositions,
  type IndividualCandidate,
  rankCluster,
  rankProvincialQuota,
} from "../../../functions/src/domain/ranking/order.js";
import {
  commitmentLines,
  scoreUnit,
  type UnitRankingInput,
} from "../../../functions/src/domain/ranking/score.js";

const CRITERIA: Criterion[] = [
  { code: "cam-ket", name: "Cam kết", source: "COMMITMENTS", maxScore: 30, weight: 1 },
  { code: "xep-loai", name: "Xếp loại", source: "UNIT_TITLES", maxScore: 20, weight: 2 },
  { code: "thuong-truc", name: "Thường trực", source: "MANUAL", maxScore: 10, weight: 1 },
];

/** A unit that met both of its commitments exactly, rated HTXS, with 10 points from the Thường trực. */
const unit = (overrides: Partial<UnitRankingInput> = {}): UnitRankingInput => ({
  unitId: "truong-a",
  name: "Trường A",
  roster: ["F", "M", "F", "M"],
  commitments: [
    { key: "Duy trì sĩ số (%)", target: 98, achieved: 98 },
    { key: "Kiểm định chất lượng", target: "Cấp độ 2", achieved: "cấp độ 2" },
  ],
  unitRecord: { rating: "HTXS", titles: [] },
  memberRatings: ["HTXS", "HTT", "HT"],
  awardKinds: [],
  manualScores: new Map([["thuong-truc", 10]]),
  inspectionFindings: [],
  ...overrides,
});

const scored = (input: UnitRankingInput, criteria: readonly Criterion[] = CRITERIA) =>
  scoreUnit(input, criteria);

describe("scoring one unit", () => {
  it("gives each group its share of the maximum and weights the total", () => {
    const score = scored(unit());
    expect(score.scores.map((group) => [group.group, group.score])).toEqual([
      ["cam-ket", 30],
      ["xep-loai", 20],
      ["thuong-truc", 10],
    ]);
    expect(score.total).toBe(30 + 2 * 20 + 10);
    expect(score.maxTotal).toBe(80);
    expect(score.commitmentsMet).toBe(2);
    expect(score.missing).toEqual([]);
  });

  it("clamps over-achieved commitments and a manual score above the maximum to the group's maximum", () => {
    const score = scored(
      unit({
        commitments: [{ key: "Học sinh giỏi cấp tỉnh", target: 10, achieved: 20 }],
        manualScores: new Map([["thuong-truc", 14]]),
      }),
    );
    const commitments = score.scores.find((group) => group.group === "cam-ket");
    expect(commitments).toMatchObject({ score: 30, clamped: true, missing: false });
    expect(commitments?.note).toContain("60");
    expect(score.scores.find((group) => group.group === "thuong-truc")).toMatchObject({
      score: 10,
      clamped: true,
    });
    expect(score.total).toBe(80);
  });

  it("reads a commitment as met at or above its target, a text target when equal, an unreported one as open", () => {
    expect(
      commitmentLines([
        { key: "Lên lớp (%)", target: 95, achieved: 94.5 },
        { key: "Chuẩn quốc gia", target: "Mức độ 1", achieved: "Mức độ 1" },
        { key: "Học sinh giỏi", target: 5 },
      ]).map((line) => line.met),
    ).toEqual([false, true, null]);
  });

  it("scores a group without data 0, names it, and keeps the unit ranked (the missing-data rule)", () => {
    const score = scored(
      unit({
        commitments: [{ key: "Duy trì sĩ số (%)", target: 98 }],
        unitRecord: undefined,
        manualScores: new Map(),
      }),
    );
    expect(score.missing).toEqual(["cam-ket", "xep-loai", "thuong-truc"]);
    expect(score.total).toBe(0);
    expect(score.scores.every((group) => group.note.startsWith("Thiếu dữ liệu"))).toBe(true);
  });

  it("scores INSPECTION by the items met after the re-check, and a unit not visited by the missing-data rule", () => {
    const inspection: Criterion = {
      code: "kiem-tra",
      name: "Kiểm tra",
      source: "INSPECTION",
      maxScore: 10,
      weight: 1,
    };
    expect(scored(unit(), [inspection]).scores[0]).toMatchObject({ score: 0, missing: true });
    const finding = (item: "DANG_KY" | "DAN_CHU" | "HO_SO" | "CONG_KHAI", met: boolean, fixed = false) => ({
      year: "2025-2026",
      visitId: "kt-01",
      item,
      finding: met ? ("DAT" as const) : ("CHUA_DAT" as const),
      ...(met ? {} : { recommendation: "Khắc phục", deadline: "2025-12-01", recheckDone: fixed }),
    });
    // 2 of 4 đạt at the visit, one more fixed at the re-check: 3/4 of 10 points.
    const visited = unit({
      inspectionFindings: [
        finding("DANG_KY", true),
        finding("DAN_CHU", true),
        finding("HO_SO", false, true),
        finding("CONG_KHAI", false),
      ],
    });
    expect(scored(visited, [inspection]).scores[0]).toMatchObject({ score: 7.5, missing: false });
  });

  it("counts a missing line of reported commitments as not met, not as absent", () => {
    const score = scored(
      unit({
        commitments: [
          { key: "Duy trì sĩ số (%)", target: 98, achieved: 98 },
          { key: "Học sinh giỏi", target: 5 },
        ],
      }),
    );
    expect(score.scores[0]).toMatchObject({ score: 15, missing: false });
  });

  it("scores members' results and movements from the records and awards", () => {
    const criteria: Criterion[] = [
      { code: "ca-nhan", name: "Cá nhân", source: "MEMBER_RESULTS", maxScore: 20, weight: 1 },
      { code: "phong-trao", name: "Phong trào", source: "MOVEMENTS", maxScore: 10, weight: 1 },
    ];
    const score = scored(
      unit({
        memberRatings: ["HTXS", "HTT", "HT", "NONE"],
        unitRecord: { rating: "HTT", titles: [], movement: true },
        awardKinds: ["CHUYEN_DE"],
      }),
      criteria,
    );
    expect(score.scores.map((group) => group.score)).toEqual([13.33, 10]);
  });
});

describe("ordering a cụm/khối", () => {
  const quotas = DEFAULT_RANKING_QUOTAS;
  // Two units with the same total: one with 3 women of 4 (75% ≥ 70%), one with 2 of 4.
  const women = scored(unit({ unitId: "truong-z", name: "Trường Z", roster: ["F", "F", "F", "M"] }));
  const mixed = scored(unit({ unitId: "truong-a", name: "Trường A", roster: ["F", "F", "M", "M"] }));

  it("breaks a tie by G-06 first: the collective with ≥ 70% women ranks above, whatever its id", () => {
    expect(women.total).toBe(mixed.total);
    const ranked = rankCluster([mixed, women], quotas);
    expect(ranked.map((entry) => entry.unitId)).toEqual(["truong-z", "truong-a"]);
    expect(ranked[0]).toMatchObject({ position: 1, leader: true, proposedFor: "CO_TD_TINH" });
    expect(ranked[0]?.tieBreak).toContain("G-06");
    expect(ranked[1]).toMatchObject({ position: 2, leader: false, proposedFor: "BK_CT_UBND_TINH" });
    expect(ranked[1]?.tieBreak).toContain("xếp dưới theo G-06");
  });

  it("then by commitments met, then by unit id", () => {
    const fewer = scored(
      unit({
        unitId: "truong-b",
        name: "Trường B",
        commitments: [
          { key: "Duy trì sĩ số (%)", target: 98, achieved: 99 },
          { key: "Kiểm định chất lượng", target: "Cấp độ 2", achieved: "Cấp độ 1" },
          { key: "Lên lớp (%)", target: 90, achieved: 92 },
          { key: "Học sinh giỏi", target: 10, achieved: 20 },
        ],
      }),
    );
    // Same clamped commitments score (30) but 3 commitments met against 2.
    expect(fewer.total).toBe(mixed.total);
    const sameAsMixed = { ...mixed, unitId: "truong-c", name: "Trường C" };
    const ranked = rankCluster([sameAsMixed, mixed, fewer], { ...quotas, bkPerCluster: 0 });
    expect(ranked.map((entry) => entry.unitId)).toEqual(["truong-b", "truong-a", "truong-c"]);
    expect(ranked[0]?.tieBreak).toContain("số chỉ tiêu cam kết đạt");
    expect(ranked[2]?.tieBreak).toContain("mã đơn vị");
    expect(ranked.map((entry) => entry.proposedFor)).toEqual(["CO_TD_TINH", null, null]);
  });

  it("ranks a unit with missing data by its zeros, says which groups, and proposes it for nothing", () => {
    const incomplete = scored(unit({ unitId: "truong-0", name: "Trường 0", unitRecord: undefined }));
    const ranked = rankCluster([incomplete, mixed], quotas);
    expect(ranked.map((entry) => [entry.unitId, entry.total, entry.missing, entry.proposedFor])).toEqual([
      ["truong-a", 80, [], "CO_TD_TINH"],
      ["truong-0", 40, ["xep-loai"], null],
    ]);
    expect(ranked[1]?.tieBreak).toContain("thiếu dữ liệu");
  });

  it("passes a leader's place to the next complete unit when the first lacks data, but not for INSPECTION", () => {
    const inspection: Criterion = {
      code: "kiem-tra",
      name: "Kiểm tra",
      source: "INSPECTION",
      maxScore: 10,
      weight: 1,
    };
    const criteria = [...CRITERIA, inspection];
    // First on points, but without its year-end record: ranked first, proposed for nothing.
    const unreported = scored(unit({ unitId: "truong-0", unitRecord: undefined }), criteria);
    const low = (unitId: string, achieved: number, manual: number) =>
      scored(
        unit({
          unitId,
          commitments: [{ key: "Học sinh giỏi", target: 10, achieved }],
          unitRecord: { rating: "KHT", titles: [] },
          manualScores: new Map([["thuong-truc", manual]]),
        }),
        criteria,
      );
    const ranked = rankCluster([low("truong-2", 0, 0), low("truong-1", 1, 2), unreported], quotas);
    expect(ranked.map((entry) => [entry.unitId, entry.total, entry.proposedFor])).toEqual([
      ["truong-0", 40, null],
      ["truong-1", 5, "CO_TD_TINH"],
      ["truong-2", 0, "BK_CT_UBND_TINH"],
    ]);
    expect(ranked[1]?.leader).toBe(true);
  });

  it("orders the same way whatever order the units come in", () => {
    const units = [women, mixed, scored(unit({ unitId: "truong-m", manualScores: new Map() }))];
    const forward = rankCluster(units, quotas).map((entry) => entry.unitId);
    expect(rankCluster([...units].reverse(), quotas).map((entry) => entry.unitId)).toEqual(forward);
  });
});

describe("criteria and quotas configuration", () => {
  const group = (code: string, clusterId?: string): CriteriaGroup => ({
    year: "2025-2026",
    code,
    name: code,
    source: "MANUAL",
    maxScore: 10,
    weight: 1,
    ...(clusterId ? { clusterId } : {}),
  });

  it("takes a cluster's own group over the shared one of the same code, and the defaults when none applies", () => {
    const groups = [group("a"), group("b"), { ...group("b", "cum-1"), maxScore: 5 }, group("c", "cum-2")];
    expect(criteriaForCluster(groups, "cum-1").map((c) => [c.code, c.maxScore])).toEqual([
      ["a", 10],
      ["b", 5],
    ]);
    expect(criteriaForCluster([group("c", "cum-2")], "cum-1")).toEqual(DEFAULT_CRITERIA);
  });

  it("fills the quotas the year leaves empty with the stated defaults", () => {
    expect(resolveQuotas({ cstdTinhCap: 3 })).toEqual({ ...DEFAULT_RANKING_QUOTAS, cstdTinhCap: 3 });
  });
});

describe("individuals where quotas bind", () => {
  const person = (subjectId: string, overrides: Partial<IndividualCandidate> = {}): IndividualCandidate => ({
    unitId: "truong-a",
    subjectId,
    name: subjectId,
    gender: "M",
    rating: "HTXS",
    score: 92,
    ...overrides,
  });

  it("puts the woman first at the cap's edge when the score and rating tie (G-06), with the reason", () => {
    const quota = rankProvincialQuota(
      "CSTD_TINH",
      [person("gv-1", { score: 95 }), person("gv-2"), person("gv-3", { gender: "F" })],
      2,
    );
    expect(quota.positions.map((p) => [p.subjectId, p.withinQuota])).toEqual([
      ["gv-1", true],
      ["gv-3", true],
      ["gv-2", false],
    ]);
    expect(quota.positions[1]?.reason).toContain("G-06");
    expect(quota.positions[2]?.reason).toMatch(/^Vị trí 3\/3, ngoài chỉ tiêu Chiến sĩ thi đua cấp tỉnh/);
    expect(quota.positions[0]?.reason).not.toContain("ranh giới");
  });

  it("orders HTXS people against RT-05 per tổ where the cap binds, and only there", () => {
    const htt = (id: string, group: string) => ({ ...person(id, { rating: "HTT", score: 80 }), group });
    const cap = htxsCapPositions(
      {
        unitId: "truong-a",
        year: "2025-2026",
        unitRating: "HTT",
        members: [
          { ...person("gv-1", { score: 91 }), group: "Tổ Toán" },
          { ...person("gv-2", { score: 96 }), group: "Tổ Toán" },
          ...["a", "b", "c", "d", "e"].map((id) => htt(`toan-${id}`, "Tổ Toán")),
          ...["a", "b", "c", "d", "e"].map((id) => htt(`van-${id}`, "Tổ Văn")),
        ],
      },
      DEFAULT_ELIGIBILITY_CONFIG,
    );
    expect(cap.ok).toBe(false);
    const toan = cap.scopes.find((scope) => scope.group === "Tổ Toán");
    expect(toan).toMatchObject({ htxs: 2, denominator: 5, max: 1, excess: 1 });
    expect(toan?.positions.map((p) => [p.subjectId, p.withinQuota])).toEqual([
      ["gv-2", true],
      ["gv-1", false],
    ]);
    // The unit as a whole (10 HTT → 2) is within the cap: no positions there.
    expect(cap.scopes.find((scope) => scope.group === null)).toMatchObject({
      max: 2,
      excess: 0,
      positions: [],
    });
  });
});
