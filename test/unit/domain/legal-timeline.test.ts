import { describe, expect, it } from "vitest";
import { LEGAL_BASIS_VERSIONS, legalBasisOn } from "../../../functions/src/domain/eligibility/index.js";
import { LEGAL_TEXTS, legalBasesFor } from "../../../functions/src/domain/legal-timeline.js";
import { YearConfig, type YearLegalText } from "../../../functions/src/domain/model.js";

const QUY_CHE =
  "Quyết định số 25/2024/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Quy chế công tác thi đua, khen thưởng";
const HUONG_DAN =
  "Hướng dẫn số 1520/HD-SGDĐT ngày 10 tháng 9 năm 2025 của Sở Giáo dục và Đào tạo về công tác thi đua, khen thưởng năm học 2025-2026";
const CORRECTED_TT07 =
  "Thông tư số 07/2026/TT-BGDĐT ngày 16 tháng 02 năm 2026 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục";

/** A built-in citation by its short form (laws are cited by name and date, without a number). */
const number = (citation: string) =>
  LEGAL_TEXTS.find((text) => text.citation === citation)?.short ?? citation;

describe("legal timeline (docs/domain.md §0.3)", () => {
  it("cites in force on a date with from inclusive and until exclusive", () => {
    expect(legalBasesFor("2025-06-30").map(number)).toEqual([
      "Luật 06/2022/QH15",
      "NĐ 98/2023/NĐ-CP",
      "TT 01/2024/TT-BNV",
      "TT 29/2023/TT-BGDĐT",
    ]);
    expect(legalBasesFor("2025-07-01").map(number)).toEqual([
      "Luật 06/2022/QH15",
      "NĐ 152/2025/NĐ-CP",
      "TT 01/2024/TT-BNV",
      "TT 29/2023/TT-BGDĐT",
    ]);
    expect(legalBasesFor("2026-04-02").map(number)).toEqual([
      "Luật 06/2022/QH15",
      "NĐ 152/2025/NĐ-CP",
      "TT 15/2025/TT-BNV",
      "TT 07/2026/TT-BGDĐT",
    ]);
    expect(legalBasesFor("2026-10-01").map(number)).toEqual([
      "Luật 06/2022/QH15",
      "Luật 06/2026/QH16",
      "NĐ 152/2025/NĐ-CP",
      "TT 15/2025/TT-BNV",
      "TT 07/2026/TT-BGDĐT",
    ]);
  });

  it("marks the citations the project could not verify", () => {
    expect(
      LEGAL_TEXTS.filter((text) => !text.verified)
        .map((text) => text.short)
        .sort(),
    ).toEqual(["Luật 06/2026/QH16", "TT 01/2024/TT-BNV", "TT 07/2026/TT-BGDĐT", "TT 15/2025/TT-BNV"]);
  });

  it("orders the year's own texts by kind: provincial Quy chế after the circulars, the Department's guidance last", () => {
    const legalTexts: YearLegalText[] = [
      { kind: "HUONG_DAN_SO", citation: HUONG_DAN },
      { kind: "QUY_CHE_TINH", citation: QUY_CHE },
    ];
    const lines = legalBasesFor("2026-05-20", { legalTexts });
    expect(lines.slice(-2)).toEqual([QUY_CHE, HUONG_DAN]);
    expect(lines.map(number).slice(0, 4)).toEqual([
      "Luật 06/2022/QH15",
      "NĐ 152/2025/NĐ-CP",
      "TT 15/2025/TT-BNV",
      "TT 07/2026/TT-BGDĐT",
    ]);
  });

  it("orders texts of one kind by their first day; undated ones after the dated ones; validity applies", () => {
    const amendment = "Quyết định số 40/2025/QĐ-UBND sửa đổi Quy chế";
    const undated = "Quyết định số 50/QĐ-UBND";
    const legalTexts: YearLegalText[] = [
      { kind: "QUY_CHE_TINH", citation: undated },
      { kind: "QUY_CHE_TINH", citation: amendment, from: "2025-10-01" },
      { kind: "QUY_CHE_TINH", citation: QUY_CHE, from: "2024-09-01", until: "2026-01-01" },
      { kind: "LUAT", citation: "Luật Cán bộ, công chức", from: "2025-07-01" },
    ];
    expect(legalBasesFor("2025-12-31", { legalTexts }).slice(-3)).toEqual([QUY_CHE, amendment, undated]);
    expect(legalBasesFor("2026-01-01", { legalTexts }).slice(-2)).toEqual([amendment, undated]);
    expect(legalBasesFor("2025-09-15", { legalTexts }).slice(-2)).toEqual([QUY_CHE, undated]);
    // A law the Department adds is cited with the laws, after the dated Luật 2022.
    expect(legalBasesFor("2025-12-31", { legalTexts })[1]).toBe("Luật Cán bộ, công chức");
  });

  it("a correction replaces a built-in citation in place and keeps its validity", () => {
    const legalTexts: YearLegalText[] = [{ replaces: "TT_07_2026_BGDDT", citation: CORRECTED_TT07 }];
    const lines = legalBasesFor("2026-05-20", { legalTexts });
    expect(lines[3]).toBe(CORRECTED_TT07);
    expect(lines.join("\n")).not.toContain("ngày 15 tháng 02 năm 2026");
    expect(legalBasesFor("2026-03-01", { legalTexts }).join("\n")).not.toContain("07/2026");
  });

  it("YearConfig accepts configured texts and refuses a correction of an unknown text", () => {
    const base = { year: "2025-2026", legalBasisVersion: "2025-07" };
    const parsed = YearConfig.parse({
      ...base,
      legalTexts: [
        { kind: "QUY_CHE_TINH", citation: QUY_CHE },
        { replaces: "ND_152_2025", citation: "Nghị định 152" },
      ],
    });
    expect(parsed.legalTexts).toHaveLength(2);
    expect(
      YearConfig.safeParse({ ...base, legalTexts: [{ replaces: "ND_999", citation: "x" }] }).success,
    ).toBe(false);
    expect(
      YearConfig.safeParse({ ...base, legalTexts: [{ kind: "QUY_CHE_TINH", citation: " " }] }).success,
    ).toBe(false);
  });
});

describe("the engine's legal-basis versions come from the same timeline", () => {
  it("keep their ids and labels, with until = the next version's first day", () => {
    expect(LEGAL_BASIS_VERSIONS.map((v) => [v.version, v.effectiveFrom, v.effectiveUntil])).toEqual([
      ["2024-01", "2024-01-01", "2025-07-01"],
      ["2025-07", "2025-07-01", "2026-10-01"],
      ["2026-10", "2026-10-01", null],
    ]);
    expect(legalBasisOn("2025-06-30")?.version).toBe("2024-01");
    expect(legalBasisOn("2025-07-01")?.version).toBe("2025-07");
    expect(legalBasisOn("2023-12-31")).toBeUndefined();
  });

  it("list the texts in force during each version, naming a replacement inside it", () => {
    expect(LEGAL_BASIS_VERSIONS.map((v) => v.documents)).toEqual([
      ["Luật 06/2022/QH15", "NĐ 98/2023/NĐ-CP", "TT 01/2024/TT-BNV", "TT 29/2023/TT-BGDĐT"],
      [
        "Luật 06/2022/QH15",
        "NĐ 152/2025/NĐ-CP",
        "TT 01/2024/TT-BNV → TT 15/2025/TT-BNV (05/08/2025)",
        "TT 29/2023/TT-BGDĐT → TT 07/2026/TT-BGDĐT (02/04/2026)",
      ],
      [
        "Luật 06/2022/QH15",
        "Luật 06/2026/QH16",
        "NĐ 152/2025/NĐ-CP",
        "TT 15/2025/TT-BNV",
        "TT 07/2026/TT-BGDĐT",
      ],
    ]);
    expect(LEGAL_BASIS_VERSIONS[2]?.law).toBe("Luật 06/2022/QH15 (sửa đổi bởi Luật 06/2026/QH16)");
  });
});
