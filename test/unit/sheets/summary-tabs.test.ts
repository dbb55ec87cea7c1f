/** The summary spreadsheet's tabs of the aggregation: their rows, in order, and names escaped as text. */
import { describe, expect, it } from "vitest";
import { consolidateUnits } from "../../../functions/src/domain/consolidation.js";
import type { YearRankings } from "../../../functions/src/domain/ranking/schema.js";
import {
  consolidationTab,
  rankingTab,
  summaryTabValues,
} from "../../../functions/src/sheets/summary-tabs.js";

const result = (subjectId: string, subjectName: string, target: string, status = "eligible") => ({
  subjectKind: "individual" as const,
  subjectId,
  subjectName,
  target,
  status,
  failed: status === "eligible" ? [] : ["E-01"],
});

describe("the aggregation's summary tabs", () => {
  it("lists the consolidated proposals by carrier, decider and title, a formula-like name as text", () => {
    const consolidation = consolidateUnits("2025-2026", [
      {
        unit: { id: "thpt-a", name: "Trường THPT A", managingAuthority: "SO_GDDT" },
        results: [
          result("p1", '=HYPERLINK("x")', "LDTT"),
          result("p2", "Trần Văn Bình", "CSTD_CS"),
          result("p3", "Lê Thị Cúc", "LDTT", "ineligible"),
        ],
      },
      {
        unit: { id: "thcs-b", name: "Trường THCS B", managingAuthority: "UBND_XA", communeUnitId: "xa-b" },
        results: [result("p4", "Phạm Thị Dung", "LDTT")],
      },
    ]);
    const values = summaryTabValues(consolidationTab(consolidation));
    expect(values[0]).toEqual([
      "Cơ quan trình",
      "Cấp quyết định",
      "Danh hiệu/hình thức",
      "Mã đơn vị",
      "Tên đơn vị",
      "Cá nhân/tập thể",
      "Tên",
    ]);
    // The Department's lists first, then the commune's; the ineligible proposal is in none.
    expect(values.slice(1).map((row) => [row[0], row[3], row[6]])).toEqual([
      ["Sở Giáo dục và Đào tạo", "thpt-a", '\'=HYPERLINK("x")'],
      ["Sở Giáo dục và Đào tạo", "thpt-a", "Trần Văn Bình"],
      ["UBND xã (xa-b)", "thcs-b", "Phạm Thị Dung"],
    ]);
  });

  it("lists every cluster's units in order, the leader marked, a formula-like name as text", () => {
    const unit = (position: number, unitId: string, name: string, leader: boolean) => ({
      unitId,
      name,
      position,
      total: 100 - position,
      maxTotal: 100,
      scores: [],
      commitmentsMet: 0,
      womenShare: null,
      missing: [],
      leader,
      proposedFor: leader ? ("CO_TD_TINH" as const) : null,
      tieBreak: null,
    });
    const rankings = {
      clusters: [
        {
          clusterId: "cum-1",
          units: [unit(1, "thpt-a", "Trường THPT A", true), unit(2, "thpt-b", "+B", false)],
        },
      ],
    } as unknown as YearRankings;
    const values = summaryTabValues(rankingTab(rankings));
    expect(values).toHaveLength(3);
    expect(values[1]?.slice(0, 7)).toEqual(["cum-1", 1, "thpt-a", "Trường THPT A", 99, 100, "Có"]);
    expect(values[1]?.[7]).not.toBe("");
    expect(values[2]?.slice(0, 8)).toEqual(["cum-1", 2, "thpt-b", "'+B", 98, 100, "", ""]);
  });
});
