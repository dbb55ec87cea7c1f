/**
 * Legal-basis versions (DOMAIN.md §0.3, T-02, T-03): the rules a case is judged by depend on the
 * proposal date. Each result records the version it used, so an old decision is never silently
 * re-judged under newer rules.
 */
import { startYearOf } from "../school-year.js";

export interface LegalBasisVersion {
  version: string;
  label: string;
  effectiveFrom: string;
  /** Last day in force; null while current. */
  effectiveTo: string | null;
  /** The law as it stands in this version ("Luật 06/2022/QH15", amended or not). */
  law: string;
  /** The decree detailing the law (principles G-01…G-11 are its Điều 4). */
  decree: string;
  documents: string[];
}

const LAW_2022 = "Luật 06/2022/QH15";
const ND_98 = "NĐ 98/2023/NĐ-CP";
const ND_152 = "NĐ 152/2025/NĐ-CP";

/** Ordered by effectiveFrom; a proposal date picks the last version in force on that day. */
export const LEGAL_BASIS_VERSIONS: readonly LegalBasisVersion[] = [
  {
    version: "2024-01",
    label: "Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP",
    effectiveFrom: "2024-01-01",
    effectiveTo: "2025-06-30",
    law: LAW_2022,
    decree: ND_98,
    documents: [LAW_2022, ND_98, "TT 01/2024/TT-BNV", "TT 29/2023/TT-BGDĐT"],
  },
  {
    version: "2025-07",
    label: "Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP",
    effectiveFrom: "2025-07-01",
    effectiveTo: "2026-09-30",
    law: LAW_2022,
    decree: ND_152,
    documents: [
      LAW_2022,
      ND_152,
      "TT 15/2025/TT-BNV",
      "TT 29/2023/TT-BGDĐT → TT 07/2026/TT-BGDĐT (02/4/2026)",
    ],
  },
  {
    version: "2026-10",
    label: "Luật Thi đua, khen thưởng 2022 (sửa đổi bởi Luật 06/2026/QH16) và Nghị định 152/2025/NĐ-CP",
    effectiveFrom: "2026-10-01",
    effectiveTo: null,
    law: `${LAW_2022} (sửa đổi bởi Luật 06/2026/QH16)`,
    decree: ND_152,
    documents: [LAW_2022, "Luật 06/2026/QH16", ND_152, "TT 15/2025/TT-BNV", "TT 07/2026/TT-BGDĐT"],
  },
];

/** The version in force on an ISO date, or undefined before Luật 2022 took effect (01/01/2024). */
export function legalBasisOn(isoDate: string): LegalBasisVersion | undefined {
  let chosen: LegalBasisVersion | undefined;
  for (const version of LEGAL_BASIS_VERSIONS) if (version.effectiveFrom <= isoDate) chosen = version;
  return chosen;
}

/** The version's code on an ISO date; "before-2024" before Luật 2022 took effect. */
export const legalBasisVersionOn = (isoDate: string): string =>
  legalBasisOn(isoDate)?.version ?? "before-2024";

/** Citation builders: each check names the document, article and clause it applies. */
export const cite = {
  law: (v: LegalBasisVersion, article: number, clause?: number, point?: string): string =>
    `${v.law}, Điều ${article}${clause === undefined ? "" : `, khoản ${clause}`}${point === undefined ? "" : `, điểm ${point}`}`,
  /** Principles (G-xx): NĐ 98/2023 Điều 4 (quoted without clause numbers) or NĐ 152/2025 Điều 4 khoản n. */
  principle: (v: LegalBasisVersion, clause: number): string =>
    v.decree === ND_98 ? `${ND_98}, Điều 4` : `${v.decree}, Điều 4, khoản ${clause}`,
  /** Votes: NĐ 98/2023 Đ30 k7; after 01/7/2025 the NĐ 152/2025 equivalent was not found (V-06). */
  vote: (v: LegalBasisVersion): string =>
    v.decree === ND_98
      ? `${ND_98}, Điều 30, khoản 7`
      : `${ND_98}, Điều 30, khoản 7 (hết hiệu lực 01/7/2025; quy định tương ứng của ${ND_152} chưa xác minh — tham số cấu hình)`,
  /** Quality rating of viên chức: NĐ 90/2020 (as amended by NĐ 48/2023) until 2025-2026, NĐ 233/2026 after. */
  rating: (schoolYear: string, article: number, clause: number): string =>
    startYearOf(schoolYear) >= 2026
      ? `NĐ 233/2026/NĐ-CP, Điều ${article}, khoản ${clause}`
      : "NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP)",
  /** A rule that is configuration, named with the DOMAIN.md rule it follows. */
  config: (what: string): string => `Tham số cấu hình (${what}; chưa xác minh)`,
};
