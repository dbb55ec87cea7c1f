import { describe, expect, it } from "vitest";
import { deciderOf, managingLevelOf, proposalChannelOf } from "../../../functions/src/domain/authority.js";
import { AWARD_FORMS, type AwardCode, TITLES } from "../../../functions/src/domain/codes.js";

/** docs/domain.md §7, row by row: [code, decider for a UBND_XA school, decider for a SO_GDDT school]. */
const MATRIX: readonly [AwardCode, string, string][] = [
  ["LDTT", "XA", "SO"],
  ["CSTD_CS", "XA", "SO"],
  ["TTLDTT", "XA", "SO"],
  ["GK_HIEU_TRUONG", "TRUONG", "TRUONG"],
  ["GK_CT_UBND_XA", "XA", "XA"],
  ["GK_GD_SO", "SO", "SO"],
  ["TTLDXS", "TINH", "TINH"],
  ["CSTD_TINH", "TINH", "TINH"],
  ["CO_TD_TINH", "TINH", "TINH"],
  ["BK_CT_UBND_TINH", "TINH", "TINH"],
  ["BK_BO_TRUONG_GDDT", "BO", "BO"],
  ["KNC_VSNGD", "BO", "BO"],
  ["BK_TTG", "TTG", "TTG"],
  ["CSTD_TQ", "TTG", "TTG"],
  ["CO_TD_CP", "TTG", "TTG"],
  ["HCLD_3", "CTN", "CTN"],
  ["HCLD_2", "CTN", "CTN"],
  ["HCLD_1", "CTN", "CTN"],
  ["NGUT", "CTN", "CTN"],
  ["NGND", "CTN", "CTN"],
];

describe("the decider matrix (docs/domain.md §7)", () => {
  it("covers every title and form of the vocabulary", () => {
    expect(MATRIX.map(([code]) => code).sort()).toEqual([...TITLES, ...AWARD_FORMS].sort());
  });

  it.each(MATRIX)(
    "%s: decided by %s for a commune-managed school, %s for a Department-managed one",
    (code, xa, so) => {
      expect(deciderOf(code, "UBND_XA")).toBe(xa);
      expect(deciderOf(code, "SO_GDDT")).toBe(so);
    },
  );

  it("the commune manages (and appraises) its mầm non, tiểu học and THCS; the Department the rest", () => {
    expect(managingLevelOf("UBND_XA")).toBe("XA");
    expect(managingLevelOf("SO_GDDT")).toBe("SO");
  });

  it("addresses the higher forms to their decider through the managing level, the rest to the managing level", () => {
    for (const [code, xa, so] of MATRIX) {
      const higher = (level: string) => ["TINH", "BO", "TTG", "CTN"].includes(level);
      expect(proposalChannelOf(code, "UBND_XA"), code).toBe(higher(xa) ? xa : "XA");
      expect(proposalChannelOf(code, "SO_GDDT"), code).toBe(higher(so) ? so : "SO");
    }
    // A Giấy khen of the Sở asked by a commune school goes in the commune's own tờ trình, as before.
    expect(proposalChannelOf("GK_GD_SO", "UBND_XA")).toBe("XA");
  });
});
