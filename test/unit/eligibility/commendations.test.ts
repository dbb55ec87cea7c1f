import { describe, expect, it } from "vitest";
import { checkOf, collectiveCase, individualCase, judge, repeat, type YearInput } from "./helpers.js";

const CSTDCS: YearInput = { rating: "HTXS", titles: ["LDTT", "CSTD_CS"] };
const HTT: YearInput = { rating: "HTT", titles: ["LDTT"] };
const BK_TINH = (kind = "CONG_TRANG"): YearInput => ({ ...HTT, awards: [{ form: "BK_CT_UBND_TINH", kind }] });

describe("Giấy khen (GK-01, GK-02, GK-04)", () => {
  it.each(["GK_HIEU_TRUONG", "GK_GD_SO", "GK_CT_UBND_XA"] as const)("%s: HTT passes, HT fails", (target) => {
    expect(judge(individualCase(target, [{ rating: "HTT" }])).status).toBe("eligible");
    expect(judge(individualCase(target, [{ rating: "HT" }])).failed).toEqual(["GK-04"]);
  });

  it("the minimum rating is configuration; collectives also need solidarity", () => {
    expect(judge(individualCase("GK_GD_SO", [{ rating: "HT" }]), { giayKhenMinRating: "HT" }).status).toBe(
      "eligible",
    );
    expect(judge(collectiveCase("GK_GD_SO", [{ solidarity: false }])).failed).toEqual(["GK-04"]);
    const result = judge(collectiveCase("GK_CT_UBND_XA", [{}]));
    expect(checkOf(result, "GK-01")[0]?.basis).toBe("Luật 06/2022/QH15, Điều 75, khoản 1, điểm đ");
  });
});

describe("Bằng khen Chủ tịch UBND tỉnh (BKT-01, BKT-03, BKT-07) and Bộ trưởng (BKBO-01, -02)", () => {
  it("route d: 2 consecutive CSTĐCS → eligible; 1 → ineligible", () => {
    expect(judge(individualCase("BK_CT_UBND_TINH", [CSTDCS, CSTDCS])).status).toBe("eligible");
    const result = judge(individualCase("BK_CT_UBND_TINH", [HTT, CSTDCS]));
    expect(result.failed).toEqual(["BKT-01"]);
    expect(checkOf(result, "BKT-01")[0]?.message).toContain("Các điểm a, b, c, đ cần hồ sơ");
  });

  it("route d: 2 HTXS years with 2 cơ sở initiatives in them; one initiative is not enough", () => {
    const htxs: YearInput = { rating: "HTXS", titles: ["LDTT"] };
    const two = {
      initiatives: [
        { level: "CO_SO", year: "2024-2025" },
        { level: "CO_SO", year: "2025-2026" },
      ],
    };
    expect(judge(individualCase("BK_CT_UBND_TINH", [htxs, htxs], two)).status).toBe("eligible");
    const one = { initiatives: [{ level: "CO_SO", year: "2025-2026" }] };
    expect(judge(individualCase("BK_CT_UBND_TINH", [htxs, htxs], one)).failed).toEqual(["BKT-01"]);
    const outside = { initiatives: [{ level: "CO_SO", year: "2023-2024" }, ...one.initiatives] };
    expect(judge(individualCase("BK_CT_UBND_TINH", [HTT, htxs, htxs], outside)).failed).toEqual(["BKT-01"]);
  });

  it("collective route d: 2 consecutive years HTXS or TTLĐXS", () => {
    expect(
      judge(collectiveCase("BK_CT_UBND_TINH", [{ rating: "HTXS" }, { rating: "HTT", titles: ["TTLDXS"] }]))
        .status,
    ).toBe("eligible");
    expect(judge(collectiveCase("BK_CT_UBND_TINH", [{ rating: "HTT" }, { rating: "HTXS" }])).failed).toEqual([
      "BKT-03",
    ]);
  });

  it("BK Bộ trưởng applies the same Đ74 test and names its proposer", () => {
    const result = judge(individualCase("BK_BO_TRUONG_GDDT", [CSTDCS, CSTDCS]));
    expect(result.status).toBe("eligible");
    expect(checkOf(result, "BKBO-02")).toHaveLength(1);
    expect(checkOf(result, "BKT-07")).toHaveLength(0);
    expect(judge(individualCase("BK_BO_TRUONG_GDDT", [HTT, HTT])).failed).toEqual(["BKBO-01"]);
  });
});

describe("Bằng khen Thủ tướng (BKTTG-01, BKTTG-02; G-03 windows)", () => {
  it("BK tỉnh, then 5 consecutive HTT+ years with 3 CSTĐCS → eligible", () => {
    const years = [BK_TINH(), CSTDCS, HTT, CSTDCS, HTT, CSTDCS];
    expect(judge(individualCase("BK_TTG", years)).status).toBe("eligible");
  });

  it('read literally (Đ73 k1 b, no "sau đó"), the run to the proposal may include the years before the Bằng khen', () => {
    const years = [HTT, CSTDCS, { ...BK_TINH(), ...CSTDCS }, HTT, HTT, CSTDCS];
    const literal = judge(individualCase("BK_TTG", years));
    expect(literal.status).toBe("eligible");
    const message = checkOf(literal, "BKTTG-01")[0]?.message;
    expect(message).toContain("6 năm liên tục hoàn thành tốt nhiệm vụ trở lên đến năm đề nghị");
    expect(message).toContain('theo văn bản (Điều 73 khoản 1 điểm b không có "sau đó")');
    const afterAward = judge(individualCase("BK_TTG", years), { bkTtgIndividualReading: "AFTER_AWARD" });
    expect(afterAward.failed).toEqual(["BKTTG-01"]);
    const afterMessage = checkOf(afterAward, "BKTTG-01")[0]?.message;
    expect(afterMessage).toContain("sau đó 3 năm liên tục");
    expect(afterMessage).toContain("cách hiểu áp dụng: các năm liên tục tính sau khi được khen");
  });

  it("read literally, a BK TTg already received still bounds the run: its years earned that one", () => {
    const bkTtg: YearInput = { ...CSTDCS, awards: [{ form: "BK_TTG", kind: "CONG_TRANG" }] };
    const years = [CSTDCS, bkTtg, { ...BK_TINH(), ...CSTDCS }, CSTDCS, HTT, CSTDCS];
    const result = judge(individualCase("BK_TTG", years));
    expect(result.failed).toEqual(["BKTTG-01"]);
    expect(checkOf(result, "BKTTG-01")[0]?.message).toContain("4 năm liên tục");
  });

  it("after-award reading: the window starts the year after the award: 4 years after it are not enough", () => {
    const years = [HTT, { ...BK_TINH(), ...CSTDCS }, CSTDCS, HTT, CSTDCS, CSTDCS];
    const result = judge(individualCase("BK_TTG", years), { bkTtgIndividualReading: "AFTER_AWARD" });
    expect(result.failed).toEqual(["BKTTG-01"]);
    expect(checkOf(result, "BKTTG-01")[0]?.message).toContain("sau đó 4 năm liên tục");
  });

  it("a DOT_XUAT Bằng khen does not open the window (G-03)", () => {
    const years = [BK_TINH("DOT_XUAT"), CSTDCS, HTT, CSTDCS, HTT, CSTDCS];
    const result = judge(individualCase("BK_TTG", years));
    expect(result.failed).toEqual(["BKTTG-01"]);
    expect(checkOf(result, "G-03")[0]?.message).toContain("đột xuất");
  });

  it("only 2 CSTĐCS in the window fails; an HT year breaks it", () => {
    expect(judge(individualCase("BK_TTG", [BK_TINH(), CSTDCS, HTT, HTT, HTT, CSTDCS])).failed).toEqual([
      "BKTTG-01",
    ]);
    const broken = [BK_TINH(), CSTDCS, { rating: "HT" }, CSTDCS, HTT, CSTDCS];
    expect(judge(individualCase("BK_TTG", broken)).failed).toEqual(["BKTTG-01"]);
  });

  it("after-award reading: the anchor is the earliest BK tỉnh since the last BK TTg; LATEST is configuration", () => {
    const afterAward = { bkTtgIndividualReading: "AFTER_AWARD" } as const;
    const years = [BK_TINH(), CSTDCS, HTT, BK_TINH(), CSTDCS, CSTDCS];
    expect(judge(individualCase("BK_TTG", years), afterAward).status).toBe("eligible");
    expect(
      judge(individualCase("BK_TTG", years), { ...afterAward, afterAwardAnchor: "LATEST" }).failed,
    ).toEqual(["BKTTG-01"]);
    const bkTtg: YearInput = { ...CSTDCS, awards: [{ form: "BK_TTG", kind: "CONG_TRANG" }] };
    const again = [BK_TINH(), CSTDCS, bkTtg, CSTDCS, CSTDCS, CSTDCS];
    expect(judge(individualCase("BK_TTG", again), afterAward).failed).toEqual(["BKTTG-01"]);
    expect(judge(individualCase("BK_TTG", again)).failed).toEqual(["BKTTG-01"]);
  });

  it("collective route e: BK tỉnh then 5 HTXS/TTLĐXS years with 1 Cờ tỉnh or 2 BK tỉnh", () => {
    const htxs: YearInput = { rating: "HTXS" };
    const flag: YearInput = { rating: "HTXS", titles: ["CO_TD_TINH"] };
    const bk: YearInput = { rating: "HTXS", awards: [{ form: "BK_CT_UBND_TINH", kind: "CONG_TRANG" }] };
    expect(judge(collectiveCase("BK_TTG", [BK_TINH(), htxs, flag, htxs, htxs, htxs])).status).toBe(
      "eligible",
    );
    expect(judge(collectiveCase("BK_TTG", [BK_TINH(), htxs, bk, htxs, bk, htxs])).status).toBe("eligible");
    expect(judge(collectiveCase("BK_TTG", [BK_TINH(), htxs, bk, htxs, htxs, htxs])).failed).toEqual([
      "BKTTG-02",
    ]);
  });
});

describe("Huân chương Lao động (HCLD3-01…03, HCLD2-01/02, HCLD1-01/02)", () => {
  const BK_TTG: YearInput = { ...HTT, awards: [{ form: "BK_TTG", kind: "CONG_TRANG" }] };

  it("hạng Ba, individual: BK TTg then 5 HTT+ years with 1 HTXS and 3 CSTĐCS", () => {
    expect(judge(individualCase("HCLD_3", [BK_TTG, CSTDCS, HTT, CSTDCS, HTT, CSTDCS])).status).toBe(
      "eligible",
    );
    const noHtxs: YearInput = { rating: "HTT", titles: ["LDTT", "CSTD_CS"] };
    expect(judge(individualCase("HCLD_3", [BK_TTG, noHtxs, HTT, noHtxs, HTT, noHtxs])).failed).toEqual([
      "HCLD3-01",
    ]);
    expect(judge(individualCase("HCLD_3", [CSTDCS, CSTDCS, HTT, CSTDCS, HTT, CSTDCS])).failed).toEqual([
      "HCLD3-01",
    ]);
  });

  it('hạng Nhì read literally (Đ43 k1 đ, no "đến thời điểm đề nghị"): an earlier run after the hạng Ba qualifies', () => {
    const hcld3: YearInput = { ...HTT, awards: [{ form: "HCLD_3", kind: "CONG_TRANG" }] };
    const tinh: YearInput = { rating: "HTXS", titles: ["LDTT", "CSTD_CS", "CSTD_TINH"] };
    const htxs: YearInput = { rating: "HTXS", titles: ["LDTT"] };
    // Five qualifying years after the hạng Ba, then an HT year, then one more HTT year at the proposal.
    const years = [hcld3, htxs, HTT, tinh, HTT, HTT, { rating: "HT" }, HTT];
    const literal = judge(individualCase("HCLD_2", years));
    expect(literal.status).toBe("eligible");
    const message = checkOf(literal, "HCLD2-01")[0]?.message;
    expect(message).toContain(
      "sau đó 5 năm liên tục hoàn thành tốt nhiệm vụ trở lên (2019-2020, 2020-2021, 2021-2022, 2022-2023, 2023-2024)",
    );
    expect(message).toContain('theo văn bản (Điều 43 khoản 1 điểm đ không có "đến thời điểm đề nghị")');
    const toProposal = judge(individualCase("HCLD_2", years), { hcld2IndividualReading: "TO_PROPOSAL" });
    expect(toProposal.failed).toEqual(["HCLD2-01"]);
    const toMessage = checkOf(toProposal, "HCLD2-01")[0]?.message;
    expect(toMessage).toContain("sau đó 1 năm liên tục");
    expect(toMessage).toContain("kết thúc ở năm đề nghị");
    // The earlier run itself must meet the counts: without the CSTĐ tỉnh it fails under both readings.
    const noTinh = [hcld3, htxs, HTT, htxs, HTT, HTT, { rating: "HT" }, HTT];
    expect(judge(individualCase("HCLD_2", noTinh)).failed).toEqual(["HCLD2-01"]);
  });

  it("hạng Nhì and Nhất, individual: HTXS years and CSTĐ tỉnh counts", () => {
    const hcld3: YearInput = { ...HTT, awards: [{ form: "HCLD_3", kind: "CONG_TRANG" }] };
    const tinh: YearInput = { rating: "HTXS", titles: ["LDTT", "CSTD_CS", "CSTD_TINH"] };
    const htxs: YearInput = { rating: "HTXS", titles: ["LDTT"] };
    expect(judge(individualCase("HCLD_2", [hcld3, htxs, HTT, HTT, HTT, tinh])).status).toBe("eligible");
    expect(judge(individualCase("HCLD_2", [hcld3, HTT, HTT, HTT, HTT, tinh])).failed).toEqual(["HCLD2-01"]);
    const hcld2: YearInput = { ...HTT, awards: [{ form: "HCLD_2", kind: "CONG_TRANG" }] };
    expect(judge(individualCase("HCLD_1", [hcld2, tinh, HTT, htxs, HTT, tinh])).status).toBe("eligible");
    expect(judge(individualCase("HCLD_1", [hcld2, tinh, HTT, HTT, HTT, tinh])).failed).toEqual(["HCLD1-01"]);
  });

  it("hạng Ba, collective: founded ≥ 10 years, BK TTg, then 5 HTXS years with 2 Cờ tỉnh", () => {
    const flag: YearInput = { rating: "HTXS", titles: ["CO_TD_TINH"] };
    const htxs: YearInput = { rating: "HTXS" };
    const years = [BK_TTG, flag, htxs, htxs, flag, htxs];
    expect(
      judge(collectiveCase("HCLD_3", years, { subject: { kind: "collective", foundedYear: 2010 } })).status,
    ).toBe("eligible");
    const young = judge(
      collectiveCase("HCLD_3", years, { subject: { kind: "collective", foundedYear: 2017 } }),
    );
    expect(young.failed).toEqual(["HCLD3-03"]);
    expect(judge(collectiveCase("HCLD_3", years)).missing).toEqual(["subject.foundedYear"]);
  });

  it("2 BK tỉnh replace the Cờ only for collectives that are not objects of Cờ thi đua", () => {
    const bk: YearInput = { rating: "HTXS", awards: [{ form: "BK_CT_UBND_TINH", kind: "CONG_TRANG" }] };
    const htxs: YearInput = { rating: "HTXS" };
    const years = [BK_TTG, bk, htxs, htxs, bk, htxs];
    const subject = (flagEligible: boolean) => ({
      subject: { kind: "collective", foundedYear: 2000, flagEligible },
    });
    expect(judge(collectiveCase("HCLD_3", years, subject(true))).failed).toEqual(["HCLD3-02"]);
    expect(judge(collectiveCase("HCLD_3", years, subject(false))).status).toBe("eligible");
  });

  it("hạng Nhì and Nhất, collective: counts of Cờ CP and Cờ tỉnh", () => {
    const cp: YearInput = { rating: "HTXS", titles: ["CO_TD_CP"] };
    const flag: YearInput = { rating: "HTXS", titles: ["CO_TD_TINH"] };
    const htxs: YearInput = { rating: "HTXS" };
    const hcld3: YearInput = { rating: "HTXS", awards: [{ form: "HCLD_3", kind: "CONG_TRANG" }] };
    const hcld2: YearInput = { rating: "HTXS", awards: [{ form: "HCLD_2", kind: "CONG_TRANG" }] };
    expect(judge(collectiveCase("HCLD_2", [hcld3, cp, htxs, flag, htxs, htxs])).status).toBe("eligible");
    expect(judge(collectiveCase("HCLD_2", [hcld3, flag, htxs, flag, htxs, htxs])).failed).toEqual([
      "HCLD2-02",
    ]);
    expect(judge(collectiveCase("HCLD_1", [hcld2, cp, htxs, flag, flag, htxs])).status).toBe("eligible");
    expect(judge(collectiveCase("HCLD_1", [hcld2, cp, htxs, flag, htxs, htxs])).failed).toEqual(["HCLD1-02"]);
  });

  it("a year under discipline inside the window restarts counting", () => {
    const disciplined: YearInput = { ...CSTDCS, discipline: [{ level: "KHIEN_TRACH", dutyRelated: false }] };
    const years = [BK_TTG, CSTDCS, disciplined, CSTDCS, HTT, CSTDCS];
    expect(judge(individualCase("HCLD_3", years)).failed).toEqual(["HCLD3-01"]);
    expect(repeat(2, 0)).toHaveLength(2);
  });
});
