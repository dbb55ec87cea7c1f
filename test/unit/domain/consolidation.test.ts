/** The year's consolidation: who carries and decides each line, its order, and merging chunk by chunk. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Consolidation,
  consolidatedLists,
  consolidateUnits,
  mergeConsolidations,
  type UnitVerdicts,
} from "../../../functions/src/domain/consolidation.js";

const YEAR = "2025-2026";

const thpt = { id: "thpt-a", name: "Trường THPT Phan Đình Phùng", managingAuthority: "SO_GDDT" as const };
const thcs = {
  id: "thcs-b",
  name: "Trường THCS Lê Lợi",
  managingAuthority: "UBND_XA" as const,
  communeUnitId: "xa-an-thinh",
};

const eligible = (subjectId: string, subjectName: string, target: string) => ({
  subjectKind: "individual" as const,
  subjectId,
  subjectName,
  target,
  status: "eligible",
  failed: [],
});

const UNITS: UnitVerdicts[] = [
  {
    unit: thpt,
    results: [
      eligible("a-2", "Trần Văn Bình", "LDTT"),
      eligible("a-1", "Nguyễn Thị An", "LDTT"),
      eligible("a-1", "Nguyễn Thị An", "BK_CT_UBND_TINH"),
      eligible("a-3", "Lê Văn Cường", "HCLD_3"),
      { ...eligible("a-4", "Phạm Thị Dung", "CSTD_CS"), status: "ineligible", failed: ["CSCS-04"] },
      {
        subjectKind: "collective",
        subjectId: "thpt-a",
        subjectName: thpt.name,
        target: "CO_TD_TINH",
        status: "incomplete",
        failed: [],
        missing: ["vote"],
      },
    ],
  },
  {
    unit: thcs,
    results: [eligible("b-1", "Hoàng Minh Anh", "LDTT"), eligible("b-2", "Võ Thị Ánh", "BK_CT_UBND_TINH")],
  },
];

describe("consolidation", () => {
  it("places every eligible line by the authority matrix and leaves the others out with their reasons", () => {
    const consolidation = consolidateUnits(YEAR, UNITS);
    const placed = consolidation.included.map((line) => [
      line.subjectId,
      line.target,
      line.decider,
      line.channel,
    ]);
    expect(placed).toEqual([
      // LĐTT first (codes.ts order), units by name: THCS Lê Lợi before THPT Phan Đình Phùng.
      ["b-1", "LDTT", "XA", "XA"],
      // Given name first: An before Bình.
      ["a-1", "LDTT", "SO", "SO"],
      ["a-2", "LDTT", "SO", "SO"],
      ["b-2", "BK_CT_UBND_TINH", "TINH", "TINH"],
      ["a-1", "BK_CT_UBND_TINH", "TINH", "TINH"],
      ["a-3", "HCLD_3", "CTN", "CTN"],
    ]);
    expect(consolidation.included.find((line) => line.subjectId === "b-1")?.communeUnitId).toBe(
      "xa-an-thinh",
    );
    expect(consolidation.excluded).toEqual([
      expect.objectContaining({ subjectId: "a-4", target: "CSTD_CS", failed: ["CSCS-04"], missing: [] }),
      expect.objectContaining({
        subjectId: "thpt-a",
        target: "CO_TD_TINH",
        status: "incomplete",
        missing: ["vote"],
      }),
    ]);
  });

  it("lists by carrying body (the Department first) and decider, by title within each", () => {
    const lists = consolidatedLists(consolidateUnits(YEAR, UNITS)).map((list) => ({
      body: list.managingLevel === "SO" ? "SO" : list.communeUnitId,
      decider: list.decider,
      groups: list.groups.map((group) => [group.target, group.lines.map((line) => line.subjectId)]),
    }));
    expect(lists).toEqual([
      { body: "SO", decider: "SO", groups: [["LDTT", ["a-1", "a-2"]]] },
      { body: "SO", decider: "TINH", groups: [["BK_CT_UBND_TINH", ["a-1"]]] },
      { body: "SO", decider: "CTN", groups: [["HCLD_3", ["a-3"]]] },
      { body: "xa-an-thinh", decider: "XA", groups: [["LDTT", ["b-1"]]] },
      { body: "xa-an-thinh", decider: "TINH", groups: [["BK_CT_UBND_TINH", ["b-2"]]] },
    ]);
  });

  it("takes a unit judged again from the later chunk, and refuses chunks of two years", () => {
    const first = consolidateUnits(YEAR, UNITS);
    const again = consolidateUnits(YEAR, [
      {
        unit: thcs,
        results: [
          { ...eligible("b-1", "Hoàng Minh Anh", "LDTT"), status: "ineligible", failed: ["LDTT-01"] },
        ],
      },
    ]);
    const merged = mergeConsolidations(first, again);
    expect(merged.included.some((line) => line.subjectId === "b-1")).toBe(false);
    expect(merged.excluded.some((left) => left.subjectId === "b-1" && left.failed[0] === "LDTT-01")).toBe(
      true,
    );
    expect(() => mergeConsolidations(first, { ...again, year: "2024-2025" })).toThrow();
  });

  it("merges disjoint chunks, in any grouping and order, into the one-pass consolidation", () => {
    const names = ["Nguyễn Văn An", "Nguyễn Văn Ân", "Lê Thị Bình", "Trần Anh", "Đỗ Minh Đức", "Hà Thị Ánh"];
    const targets = ["LDTT", "CSTD_CS", "BK_CT_UBND_TINH", "TTLDTT", "CSTD_TINH", "HCLD_3", "GK_HIEU_TRUONG"];
    const unitArb = fc.record({
      index: fc.nat(5),
      authority: fc.constantFrom("SO_GDDT" as const, "UBND_XA" as const),
      results: fc.array(
        fc.record({
          person: fc.nat(20),
          name: fc.constantFrom(...names),
          target: fc.constantFrom(...targets),
          eligible: fc.boolean(),
        }),
        { maxLength: 8 },
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(unitArb, { selector: (unit) => unit.index, maxLength: 6 }),
        fc.nat(),
        (drawn, cut) => {
          const units: UnitVerdicts[] = drawn.map(({ index, authority, results }) => ({
            unit: {
              id: `u-${index}`,
              name: `Trường ${names[index]}`,
              managingAuthority: authority,
              communeUnitId: "xa-1",
            },
            results: results.map((result) => ({
              subjectKind: "individual" as const,
              subjectId: `u-${index}-p${result.person}`,
              subjectName: result.name,
              target: result.target,
              status: result.eligible ? "eligible" : "ineligible",
              failed: result.eligible ? [] : ["X-01"],
            })),
          }));
          const onePass = consolidateUnits(YEAR, units);
          const at = units.length === 0 ? 0 : cut % (units.length + 1);
          const chunks: Consolidation[] = [
            consolidateUnits(YEAR, units.slice(at)),
            consolidateUnits(YEAR, units.slice(0, at)),
          ];
          expect(mergeConsolidations(chunks[0] as Consolidation, chunks[1] as Consolidation)).toEqual(
            onePass,
          );
          expect(consolidateUnits(YEAR, [...units].reverse())).toEqual(onePass);
        },
      ),
      { numRuns: 200 },
    );
  });
});
