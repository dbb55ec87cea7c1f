import { describe, expect, it } from "vitest";
import { checkOf, individualCase, judge, repeat, vote } from "./helpers.js";

const CSTDCS_YEAR = { rating: "HTXS", titles: ["LDTT", "CSTD_CS"] } as const;

describe("LĐTT (LDTT-01, -02, -05, G-04, G-05, RT-09)", () => {
  it.each([
    ["HTXS", "eligible"],
    ["HTT", "eligible"],
    ["HT", "ineligible"],
    ["KHT", "ineligible"],
  ] as const)("rating %s → %s (LDTT-01)", (rating, status) => {
    const result = judge(individualCase("LDTT", [{ rating }]));
    expect(result.status).toBe(status);
    expect(result.failed.includes("LDTT-01")).toBe(status === "ineligible");
  });

  it("a not-rated year fails LDTT-01 and LDTT-05", () => {
    const result = judge(individualCase("LDTT", [{ rating: "NONE", monthsWorked: undefined }]));
    expect(result.failed).toEqual(expect.arrayContaining(["LDTT-01", "LDTT-05"]));
  });

  it("spirit not attested → ineligible; not given → incomplete with missing spirit (LDTT-02)", () => {
    expect(judge(individualCase("LDTT", [{ spirit: false }])).failed).toEqual(["LDTT-02"]);
    const missing = judge(individualCase("LDTT", [{ spirit: undefined }]));
    expect(missing.status).toBe("incomplete");
    expect(missing.missing).toEqual(["spirit"]);
  });

  it("5 months worked fails, 6 passes (LDTT-05)", () => {
    expect(judge(individualCase("LDTT", [{ monthsWorked: 5 }])).failed).toEqual(["LDTT-05"]);
    expect(judge(individualCase("LDTT", [{ monthsWorked: 6 }])).status).toBe("eligible");
  });

  it("maternity leave months count as working time (G-05)", () => {
    const result = judge(individualCase("LDTT", [{ monthsWorked: 3, maternityLeaveMonths: 4 }]));
    expect(result.status).toBe("eligible");
    expect(checkOf(result, "G-05")[0]?.message).toContain("4 tháng nghỉ thai sản");
  });

  it("suspended, or inside a discipline period, fails G-04", () => {
    expect(judge(individualCase("LDTT", [{ suspended: true }])).failed).toEqual(["G-04"]);
    const disciplined = judge(
      individualCase("LDTT", [{ discipline: [{ level: "KHIEN_TRACH", dutyRelated: false }] }]),
    );
    expect(disciplined.failed).toEqual(["G-04"]);
    expect(checkOf(disciplined, "G-04")[0]?.message).toContain("2026-2027");
  });

  it("a discipline that ended the year before does not block (G-04 counts from its end)", () => {
    const result = judge(
      individualCase("LDTT", [{ discipline: [{ level: "KHIEN_TRACH", dutyRelated: false }] }, {}]),
    );
    expect(result.status).toBe("eligible");
  });

  it("a duty-related discipline in the year means KHT (RT-09)", () => {
    const result = judge(
      individualCase("LDTT", [{ discipline: [{ level: "KHIEN_TRACH", dutyRelated: true }] }]),
    );
    expect(result.failed).toContain("RT-09");
  });
});

describe("CSTĐ cơ sở (CSCS-01…07, V-01, CSCS-04)", () => {
  const ok = vote(8);

  it("HTXS alone is enough (CSCS-02 a)", () => {
    expect(judge(individualCase("CSTD_CS", [{ rating: "HTXS" }], ok)).status).toBe("eligible");
  });

  it("HTT with a cơ sở initiative or an accepted topic of the year is enough; HTT alone is not", () => {
    const initiative = { initiatives: [{ level: "CO_SO", year: "2025-2026" }] };
    const research = { research: [{ level: "CO_SO", year: "2025-2026" }] };
    expect(judge(individualCase("CSTD_CS", [{}], { ...ok, ...initiative })).status).toBe("eligible");
    expect(judge(individualCase("CSTD_CS", [{}], { ...ok, ...research })).status).toBe("eligible");
    expect(judge(individualCase("CSTD_CS", [{}], ok)).failed).toEqual(["CSCS-02"]);
  });

  it("an initiative of the previous year does not count with the default one-year window, counts with two", () => {
    const oldInitiative = { ...ok, initiatives: [{ level: "CO_SO", year: "2024-2025" }] };
    expect(judge(individualCase("CSTD_CS", [{}, {}], oldInitiative)).failed).toEqual(["CSCS-02"]);
    expect(
      judge(individualCase("CSTD_CS", [{}, {}], oldInitiative), { initiativeWindowYears: 2 }).status,
    ).toBe("eligible");
  });

  it("not LĐTT → CSCS-01 fails with the LĐTT rule", () => {
    const result = judge(individualCase("CSTD_CS", [{ rating: "HT" }], ok));
    expect(result.failed).toEqual(expect.arrayContaining(["LDTT-01", "CSCS-01", "CSCS-02"]));
  });

  it("79% of all members fails, 80% passes (V-03 over total members)", () => {
    expect(judge(individualCase("CSTD_CS", [{ rating: "HTXS" }], vote(79, 100))).failed).toEqual(["CSCS-04"]);
    expect(judge(individualCase("CSTD_CS", [{ rating: "HTXS" }], vote(80, 100))).status).toBe("eligible");
    expect(judge(individualCase("CSTD_CS", [{ rating: "HTXS" }], vote(12, 15))).status).toBe("eligible");
  });

  it("no vote → incomplete, missing vote (V-01)", () => {
    const result = judge(individualCase("CSTD_CS", [{ rating: "HTXS" }]));
    expect(result.status).toBe("incomplete");
    expect(result.missing).toEqual(["vote"]);
    expect(checkOf(result, "V-01")[0]?.ok).toBe(false);
  });

  it("a vote over the threshold from config", () => {
    const result = judge(individualCase("CSTD_CS", [{ rating: "HTXS" }], vote(8)), {
      voteThreshold: { CSTD_CS: 0.85 },
    });
    expect(result.failed).toEqual(["CSCS-04"]);
  });

  it("CSCS-06 switched on needs HTXS and an initiative", () => {
    const config = { cstdcsRequiresInitiativeAndHTXS: true };
    const initiative = { initiatives: [{ level: "CO_SO", year: "2025-2026" }] };
    expect(judge(individualCase("CSTD_CS", [{ rating: "HTXS" }], ok), config).failed).toEqual(["CSCS-06"]);
    expect(
      judge(individualCase("CSTD_CS", [{ rating: "HTXS" }], { ...ok, ...initiative }), config).status,
    ).toBe("eligible");
  });

  it("a reused initiative warns without blocking (CSCS-07), and CSCS-03 states there is no cap", () => {
    const reused = {
      ...ok,
      initiatives: [{ level: "CO_SO", year: "2025-2026", usedFor: "BK_CT_UBND_TINH 2025" }],
    };
    const result = judge(individualCase("CSTD_CS", [{}], reused));
    expect(result.status).toBe("eligible");
    expect(checkOf(result, "CSCS-07")[0]).toMatchObject({ ok: true, warning: true });
    expect(checkOf(result, "CSCS-03")[0]?.ok).toBe(true);
  });
});

describe("CSTĐ cấp tỉnh (CSTINH-01, -02, -04, -08)", () => {
  const provincial = { initiatives: [{ level: "TINH", year: "2025-2026" }], ...vote(9) };

  it("3 consecutive CSTĐCS + a provincial initiative + 90% → eligible", () => {
    expect(judge(individualCase("CSTD_TINH", repeat(3, CSTDCS_YEAR), provincial)).status).toBe("eligible");
  });

  it("2 consecutive CSTĐCS are not enough, and the message names the years", () => {
    const result = judge(individualCase("CSTD_TINH", [{}, CSTDCS_YEAR, CSTDCS_YEAR], provincial));
    expect(result.failed).toEqual(["CSTINH-01"]);
    expect(checkOf(result, "CSTINH-01")[0]?.message).toContain(
      "2 năm liên tục đạt CSTĐCS (2024-2025, 2025-2026); cần 3",
    );
  });

  it("a NONE year breaks the streak", () => {
    const result = judge(
      individualCase(
        "CSTD_TINH",
        [CSTDCS_YEAR, CSTDCS_YEAR, { rating: "NONE" }, CSTDCS_YEAR, CSTDCS_YEAR],
        provincial,
      ),
    );
    expect(result.failed).toEqual(["CSTINH-01"]);
    expect(checkOf(result, "CSTINH-01")[0]?.message).toContain("không được xếp loại");
  });

  it("a missing year breaks the streak", () => {
    const result = judge(
      individualCase("CSTD_TINH", [CSTDCS_YEAR, null, CSTDCS_YEAR, CSTDCS_YEAR], provincial),
    );
    expect(result.failed).toEqual(["CSTINH-01"]);
  });

  it("a disciplined year restarts counting after the discipline (G-04)", () => {
    const disciplined = { ...CSTDCS_YEAR, discipline: [{ level: "KHIEN_TRACH", dutyRelated: false }] };
    const result = judge(
      individualCase(
        "CSTD_TINH",
        [CSTDCS_YEAR, CSTDCS_YEAR, disciplined, CSTDCS_YEAR, CSTDCS_YEAR],
        provincial,
      ),
    );
    expect(result.failed).toEqual(["CSTINH-01"]);
    expect(checkOf(result, "CSTINH-01")[0]?.message).toContain("sau thời gian kỷ luật");
  });

  it("a discipline whose period ends later pushes the restart further", () => {
    const disciplined = {
      ...CSTDCS_YEAR,
      discipline: [{ level: "CANH_CAO", dutyRelated: false, to: "2023-10-15" }],
    };
    const years = [disciplined, CSTDCS_YEAR, CSTDCS_YEAR, CSTDCS_YEAR, CSTDCS_YEAR];
    // Disciplined in 2021-2022 until 15/10/2023 (school year 2023-2024): counting restarts in 2024-2025.
    const result = judge(individualCase("CSTD_TINH", years, provincial));
    expect(checkOf(result, "CSTINH-01")[0]?.message).toContain("Chỉ có 2 năm");
  });

  it("without a province-scope initiative fails CSTINH-02; a cơ sở one does not count", () => {
    const cosho = { initiatives: [{ level: "CO_SO", year: "2025-2026" }], ...vote(9) };
    expect(judge(individualCase("CSTD_TINH", repeat(3, CSTDCS_YEAR), cosho)).failed).toEqual(["CSTINH-02"]);
    const research = { research: [{ level: "TINH", year: "2023-2024" }], ...vote(9) };
    expect(judge(individualCase("CSTD_TINH", repeat(3, CSTDCS_YEAR), research)).status).toBe("eligible");
  });

  it("89% fails, 90% passes (CSTINH-04)", () => {
    const at = (agree: number) => ({ initiatives: provincial.initiatives, ...vote(agree, 100) });
    expect(judge(individualCase("CSTD_TINH", repeat(3, CSTDCS_YEAR), at(89))).failed).toEqual(["CSTINH-04"]);
    expect(judge(individualCase("CSTD_TINH", repeat(3, CSTDCS_YEAR), at(90))).status).toBe("eligible");
  });

  it("after a CSTĐ tỉnh, 3 new CSTĐCS are needed (CSTINH-08), unless configured otherwise", () => {
    const awarded = { ...CSTDCS_YEAR, titles: ["LDTT", "CSTD_CS", "CSTD_TINH"] };
    const years = [CSTDCS_YEAR, CSTDCS_YEAR, awarded, CSTDCS_YEAR, CSTDCS_YEAR];
    expect(judge(individualCase("CSTD_TINH", years, provincial)).failed).toEqual(["CSTINH-01"]);
    expect(
      judge(individualCase("CSTD_TINH", years, provincial), { cstdTinhNeedsNewStreakAfterAward: false })
        .status,
    ).toBe("eligible");
  });

  it("the window may end the year before the proposal (offset 1)", () => {
    const years = [CSTDCS_YEAR, CSTDCS_YEAR, CSTDCS_YEAR, { rating: "HTT", titles: ["LDTT"] }];
    const withOldInitiative = { initiatives: [{ level: "TINH", year: "2024-2025" }], ...vote(9) };
    expect(judge(individualCase("CSTD_TINH", years, withOldInitiative)).failed).toEqual(["CSTINH-01"]);
    expect(
      judge(individualCase("CSTD_TINH", years, withOldInitiative), { cstdTinhLookbackEndOffset: 1 }).status,
    ).toBe("eligible");
  });
});

describe("CSTĐ toàn quốc (CSTQ-01, -02, -03)", () => {
  const tinh = { ...CSTDCS_YEAR, titles: ["LDTT", "CSTD_CS", "CSTD_TINH"] };
  const national = { initiatives: [{ level: "TOAN_QUOC", year: "2024-2025" }], ...vote(9) };

  it("two successive CSTĐ tỉnh with CSTĐCS every year between them → eligible", () => {
    const years = [CSTDCS_YEAR, CSTDCS_YEAR, tinh, CSTDCS_YEAR, CSTDCS_YEAR, tinh];
    expect(judge(individualCase("CSTD_TQ", years, national)).status).toBe("eligible");
  });

  it("a year without CSTĐCS between the two awards breaks the succession", () => {
    const years = [CSTDCS_YEAR, CSTDCS_YEAR, tinh, { rating: "HTT", titles: ["LDTT"] }, CSTDCS_YEAR, tinh];
    const result = judge(individualCase("CSTD_TQ", years, national));
    expect(result.failed).toEqual(["CSTQ-01"]);
    expect(checkOf(result, "CSTQ-01")[0]?.message).toContain("2023-2024");
  });

  it("one CSTĐ tỉnh is not enough; YEARS mode needs two adjacent years", () => {
    expect(judge(individualCase("CSTD_TQ", [CSTDCS_YEAR, CSTDCS_YEAR, tinh], national)).failed).toEqual([
      "CSTQ-01",
    ]);
    const years = [CSTDCS_YEAR, CSTDCS_YEAR, tinh, CSTDCS_YEAR, CSTDCS_YEAR, tinh];
    expect(
      judge(individualCase("CSTD_TQ", years, national), { cstdTqConsecutiveMode: "YEARS" }).failed,
    ).toEqual(["CSTQ-01"]);
    expect(
      judge(individualCase("CSTD_TQ", [tinh, tinh], national), { cstdTqConsecutiveMode: "YEARS" }).status,
    ).toBe("eligible");
  });

  it("needs a nation-scope initiative (CSTQ-02) and 90% (CSTQ-03)", () => {
    const years = [CSTDCS_YEAR, CSTDCS_YEAR, tinh, CSTDCS_YEAR, CSTDCS_YEAR, tinh];
    const provincialOnly = { initiatives: [{ level: "TINH", year: "2024-2025" }], ...vote(9) };
    expect(judge(individualCase("CSTD_TQ", years, provincialOnly)).failed).toEqual(["CSTQ-02"]);
    const lowVote = { initiatives: national.initiatives, ...vote(8) };
    expect(judge(individualCase("CSTD_TQ", years, lowVote)).failed).toEqual(["CSTQ-03"]);
  });
});
