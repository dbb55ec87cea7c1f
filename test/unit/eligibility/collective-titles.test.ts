import { describe, expect, it } from "vitest";
import { checkHtxsCap, resolveConfig } from "../../../functions/src/domain/eligibility/index.js";
import { checkOf, collectiveCase, judge, members, vote } from "./helpers.js";

const LDTT = members(1, "HTT", ["LDTT"])[0];
const withMembers = (list: unknown[]) => ({ members: list });

describe("TTLĐTT (TTTT-01…05)", () => {
  it("699 of 1000 LĐTT (69.9%) fails, 700 (70%) passes (TTTT-03)", () => {
    const at = (ldtt: number) =>
      withMembers([...members(ldtt, "HTT", ["LDTT"]), ...members(1000 - ldtt, "HT")]);
    expect(judge(collectiveCase("TTLDTT", [{}], at(699))).failed).toEqual(["TTTT-03"]);
    expect(judge(collectiveCase("TTLDTT", [{}], at(700))).status).toBe("eligible");
  });

  it("a member disciplined with cảnh cáo fails TTTT-04; khiển trách does not", () => {
    const disciplined = (level: string) =>
      withMembers([
        ...members(9, "HTT", ["LDTT"]),
        { id: "gv-09", rating: "HTT", titles: [], discipline: [{ level, dutyRelated: false }] },
      ]);
    const warned = judge(collectiveCase("TTLDTT", [{}], disciplined("CANH_CAO")));
    expect(warned.failed).toEqual(["TTTT-04"]);
    expect(checkOf(warned, "TTTT-04")[0]?.message).toContain("gv-09 (cảnh cáo)");
    expect(judge(collectiveCase("TTLDTT", [{}], disciplined("KHIEN_TRACH"))).status).toBe("eligible");
  });

  it("the unit must be HTT or better (TTTT-01), with movement (TTTT-02) and solidarity (TTTT-05)", () => {
    const ten = withMembers(members(10, "HTT", ["LDTT"]));
    expect(judge(collectiveCase("TTLDTT", [{ rating: "HT" }], ten)).failed).toEqual(["TTTT-01"]);
    expect(judge(collectiveCase("TTLDTT", [{ movement: false }], ten)).failed).toEqual(["TTTT-02"]);
    expect(judge(collectiveCase("TTLDTT", [{ solidarity: false }], ten)).failed).toEqual(["TTTT-05"]);
    const unknown = judge(collectiveCase("TTLDTT", [{ solidarity: undefined }], ten));
    expect(unknown).toMatchObject({ status: "incomplete", missing: ["solidarity"] });
  });

  it("no members → incomplete with missing members", () => {
    expect(judge(collectiveCase("TTLDTT", [{}]))).toMatchObject({
      status: "incomplete",
      missing: ["members"],
    });
  });

  it("RATED_ONLY leaves not-rated members out of the denominator", () => {
    const list = withMembers([...members(7, "HTT", ["LDTT"]), ...members(2, "HT"), ...members(2, "NONE")]);
    expect(judge(collectiveCase("TTLDTT", [{}], list)).failed).toEqual(["TTTT-03"]);
    expect(judge(collectiveCase("TTLDTT", [{}], list), { collectiveMemberBase: "RATED_ONLY" }).status).toBe(
      "eligible",
    );
  });
});

describe("TTLĐXS (TTXS-01…06, 09)", () => {
  const good = () =>
    withMembers([
      { ...LDTT, titles: ["LDTT", "CSTD_CS"] },
      ...members(6, "HTT", ["LDTT"]),
      ...members(3, "HT"),
    ]);

  it("HTXS unit, all members ≥ HT, 70% LĐTT, one CSTĐCS → eligible", () => {
    const result = judge(collectiveCase("TTLDXS", [{ rating: "HTXS" }], good()));
    expect(result.status).toBe("eligible");
    expect(checkOf(result, "TTXS-09")[0]?.ok).toBe(true);
  });

  it("an HTT unit fails TTXS-01", () => {
    expect(judge(collectiveCase("TTLDXS", [{ rating: "HTT" }], good())).failed).toEqual(["TTXS-01"]);
  });

  it("a KHT member fails the 100% rule (TTXS-03); a not-rated member too unless RATED_ONLY", () => {
    const kht = withMembers([...good().members, { id: "nv-1", rating: "KHT", titles: [], discipline: [] }]);
    expect(judge(collectiveCase("TTLDXS", [{ rating: "HTXS" }], kht)).failed).toEqual(["TTXS-03"]);
    const notRated = withMembers([...good().members, { rating: "NONE", titles: [], discipline: [] }]);
    expect(judge(collectiveCase("TTLDXS", [{ rating: "HTXS" }], notRated)).failed).toEqual(["TTXS-03"]);
    expect(
      judge(collectiveCase("TTLDXS", [{ rating: "HTXS" }], notRated), { collectiveMemberBase: "RATED_ONLY" })
        .status,
    ).toBe("eligible");
  });

  it("no CSTĐCS member fails TTXS-04", () => {
    const none = withMembers([...members(7, "HTT", ["LDTT"]), ...members(3, "HT")]);
    expect(judge(collectiveCase("TTLDXS", [{ rating: "HTXS" }], none)).failed).toEqual(["TTXS-04"]);
  });

  it("a duty-related discipline of a member fails TTXS-06", () => {
    const list = withMembers([
      ...good().members,
      { rating: "HTT", titles: ["LDTT"], discipline: [{ level: "KHIEN_TRACH", dutyRelated: true }] },
    ]);
    expect(judge(collectiveCase("TTLDXS", [{ rating: "HTXS" }], list)).failed).toEqual(["TTXS-06"]);
  });

  it("movement and solidarity attested (TTXS-02, TTXS-05)", () => {
    expect(judge(collectiveCase("TTLDXS", [{ rating: "HTXS", movement: false }], good())).failed).toEqual([
      "TTXS-02",
    ]);
    expect(judge(collectiveCase("TTLDXS", [{ rating: "HTXS", solidarity: false }], good())).failed).toEqual([
      "TTXS-05",
    ]);
  });
});

describe("RT-05 HTXS cap", () => {
  const config = resolveConfig();
  const rated = (htxs: number, htt: number, group?: string) => [
    ...Array.from({ length: htxs }, () => ({ rating: "HTXS" as const, group })),
    ...Array.from({ length: htt }, () => ({ rating: "HTT" as const, group })),
  ];

  it("2 HTXS for 10 HTT is at the 20% cap; 3 exceed it by 1", () => {
    expect(checkHtxsCap({ year: "2026-2027", unitRating: "HTT", members: rated(2, 10) }, config).ok).toBe(
      true,
    );
    const over = checkHtxsCap({ year: "2026-2027", unitRating: "HTT", members: rated(3, 10) }, config);
    expect(over.ok).toBe(false);
    expect(over.scopes[0]).toMatchObject({ group: null, htxs: 3, max: 2, excess: 1 });
    expect(over.message).toContain("vượt tối đa 2");
    expect(over.basis).toBe("NĐ 233/2026/NĐ-CP, Điều 12, khoản 6");
  });

  it("25% when the unit is HTXS", () => {
    expect(checkHtxsCap({ year: "2026-2027", unitRating: "HTXS", members: rated(3, 12) }, config).ok).toBe(
      true,
    );
    expect(checkHtxsCap({ year: "2026-2027", unitRating: "HTT", members: rated(3, 12) }, config).ok).toBe(
      false,
    );
  });

  it("each group of similar duties is capped on its own", () => {
    const members = [...rated(2, 4, "Tổ Toán"), ...rated(0, 10, "Tổ Văn")];
    const result = checkHtxsCap({ year: "2026-2027", unitRating: "HTT", members }, config);
    expect(result.ok).toBe(false);
    expect(result.scopes.find((scope) => scope.group === "Tổ Toán")).toMatchObject({ max: 0, excess: 2 });
    expect(result.scopes.find((scope) => scope.group === null)?.excess).toBe(0);
  });

  it("HTT_AND_ABOVE denominator counts HTXS too", () => {
    const wide = resolveConfig({ htxsCapDenominator: "HTT_AND_ABOVE" });
    expect(checkHtxsCap({ year: "2026-2027", unitRating: "HTT", members: rated(3, 12) }, wide).ok).toBe(true);
  });

  it("a collective whose members exceed the cap is warned under RT-05, not refused the title", () => {
    const list = withMembers([...members(5, "HTXS", ["LDTT", "CSTD_CS"]), ...members(5, "HTT", ["LDTT"])]);
    const result = judge(collectiveCase("TTLDTT", [{}], list));
    expect(result.failed).toEqual([]);
    const cap = checkOf(result, "RT-05")[0];
    expect(cap?.ok).toBe(false);
    expect(cap?.warning).toBe(true);
    expect(cap?.message).toMatch(/5/);
  });
});

describe("Cờ thi đua (COTINH-01, -02, -04; COCP-01…03, V-03)", () => {
  const leader = { rating: "HTXS", leadsCluster: true } as const;

  it("a cluster leader rated HTXS with 80% of the votes → eligible", () => {
    const result = judge(collectiveCase("CO_TD_TINH", [leader], vote(8)));
    expect(result.status).toBe("eligible");
    expect(checkOf(result, "COTINH-02")[0]?.ok).toBe(true);
    expect(judge(collectiveCase("CO_TD_CP", [leader], vote(8))).status).toBe("eligible");
  });

  it("not leading the cluster, not HTXS, 7/10 votes each fail", () => {
    expect(judge(collectiveCase("CO_TD_TINH", [{ ...leader, leadsCluster: false }], vote(8))).failed).toEqual(
      ["COTINH-01"],
    );
    expect(judge(collectiveCase("CO_TD_CP", [{ ...leader, rating: "HTT" }], vote(8))).failed).toEqual([
      "COCP-02",
    ]);
    expect(judge(collectiveCase("CO_TD_TINH", [leader], vote(7))).failed).toEqual(["COTINH-04"]);
    expect(judge(collectiveCase("CO_TD_CP", [leader], vote(7))).failed).toEqual(["V-03"]);
    expect(judge(collectiveCase("CO_TD_CP", [{ ...leader, solidarity: false }], vote(9))).failed).toEqual([
      "COCP-03",
    ]);
  });

  it("leadsCluster unknown or no vote → incomplete", () => {
    expect(judge(collectiveCase("CO_TD_TINH", [{ rating: "HTXS" }], vote(9))).missing).toEqual([
      "leadsCluster",
    ]);
    expect(judge(collectiveCase("CO_TD_CP", [{ ...leader, leadsCluster: true }])).missing).toEqual(["vote"]);
  });

  it("HTT leaders pass when the HTXS reading is switched off", () => {
    const result = judge(collectiveCase("CO_TD_TINH", [{ rating: "HTT", leadsCluster: true }], vote(8)), {
      coThiDuaRequiresHtxs: false,
    });
    expect(result.status).toBe("eligible");
  });
});
