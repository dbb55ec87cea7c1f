/**
 * Legal-basis versions (docs/domain.md §0.3, T-02, T-03): the rules a case is judged by depend on
 * the proposal date. Each result records the version it used, so an old decision is never silently
 * re-judged under newer rules. The law, decree and documents of a version come from the one legal
 * timeline (domain/legal-timeline.ts) and follow its date convention (until = first day out of force).
 */
import { inForceDuring, LEGAL_TEXT, LEGAL_TEXTS, type LegalText } from "../legal-timeline.js";
import { startYearOf } from "../school-year.js";
import { formatDateVi } from "../text.js";

export interface LegalBasisVersion {
  version: string;
  label: string;
  /** First day in force (inclusive), ISO. */
  effectiveFrom: string;
  /** First day no longer in force (exclusive), ISO; null while current. */
  effectiveUntil: string | null;
  /** The law as it stands in this version ("Luật 06/2022/QH15", amended or not). */
  law: string;
  /** The decree detailing the law (principles G-01…G-11 are its Điều 4). */
  decree: string;
  /** Short forms of the texts in force during the version; "A → B (date)" where one replaced another. */
  documents: string[];
}

const { LUAT_2022, LUAT_2026, ND_98, ND_152 } = LEGAL_TEXT;

const VERSIONS: readonly Pick<LegalBasisVersion, "version" | "label" | "effectiveFrom" | "law" | "decree">[] =
  [
    {
      version: "2024-01",
      label: "Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP",
      effectiveFrom: LUAT_2022.from,
      law: LUAT_2022.short,
      decree: ND_98.short,
    },
    {
      version: "2025-07",
      label: "Luật Thi đua, khen thưởng 2022 và Nghị định 152/2025/NĐ-CP",
      effectiveFrom: ND_152.from,
      law: LUAT_2022.short,
      decree: ND_152.short,
    },
    {
      version: "2026-10",
      label: "Luật Thi đua, khen thưởng 2022 (sửa đổi bởi Luật 06/2026/QH16) và Nghị định 152/2025/NĐ-CP",
      effectiveFrom: LUAT_2026.from,
      law: `${LUAT_2022.short} (sửa đổi bởi ${LUAT_2026.short})`,
      decree: ND_152.short,
    },
  ];

/** A text that replaced another of its kind during the span reads "old → new (its first day)". */
function documentsDuring(from: string, until: string | null): string[] {
  const texts = LEGAL_TEXTS.filter((text) => inForceDuring(text, from, until));
  const replacing = (text: LegalText) =>
    texts.find((later) => later.kind === text.kind && text.until !== undefined && later.from === text.until);
  const replaced = new Set(texts.map(replacing).filter((text) => text !== undefined));
  return texts
    .filter((text) => !replaced.has(text))
    .map((text) => {
      const next = replacing(text);
      return next === undefined
        ? text.short
        : `${text.short} → ${next.short} (${formatDateVi(next.from ?? "")})`;
    });
}

/** Ordered by effectiveFrom; a proposal date picks the last version in force on that day. */
export const LEGAL_BASIS_VERSIONS: readonly LegalBasisVersion[] = VERSIONS.map((version, index) => {
  const effectiveUntil = VERSIONS[index + 1]?.effectiveFrom ?? null;
  return { ...version, effectiveUntil, documents: documentsDuring(version.effectiveFrom, effectiveUntil) };
});

/** The version in force on an ISO date, or undefined before Luật 2022 took effect (01/01/2024). */
export function legalBasisOn(isoDate: string): LegalBasisVersion | undefined {
  let chosen: LegalBasisVersion | undefined;
  for (const version of LEGAL_BASIS_VERSIONS) if (version.effectiveFrom <= isoDate) chosen = version;
  return chosen;
}

/** The version's code on an ISO date; "before-2024" before Luật 2022 took effect. */
export const legalBasisVersionOn = (isoDate: string): string =>
  legalBasisOn(isoDate)?.version ?? "before-2024";

// Every subject's three vote checks cite one of these two (built once, not 180,000 times a run).
const VOTE_UNDER_ND_98 = `${ND_98.short}, Điều 30, khoản 7`;
const VOTE_AFTER_ND_98 = `${ND_98.short}, Điều 30, khoản 7 (hết hiệu lực 01/7/2025; quy định tương ứng của ${ND_152.short} chưa xác minh — tham số cấu hình)`;

const lawCitations = new WeakMap<LegalBasisVersion, Map<string, string>>();

/** Citation builders: each check names the document, article and clause it applies. */
export const cite = {
  law: (v: LegalBasisVersion, article: number, clause?: number, point?: string): string => {
    // The same few dozen citations recur in every subject's checks: each is written once per version.
    const key = `${article}|${clause ?? ""}|${point ?? ""}`;
    let citations = lawCitations.get(v);
    if (citations === undefined) {
      citations = new Map();
      lawCitations.set(v, citations);
    }
    let text = citations.get(key);
    if (text === undefined) {
      text = `${v.law}, Điều ${article}${clause === undefined ? "" : `, khoản ${clause}`}${point === undefined ? "" : `, điểm ${point}`}`;
      citations.set(key, text);
    }
    return text;
  },
  /** Principles (G-xx): NĐ 98/2023 Điều 4 (quoted without clause numbers) or NĐ 152/2025 Điều 4 khoản n. */
  principle: (v: LegalBasisVersion, clause: number): string =>
    v.decree === ND_98.short ? `${ND_98.short}, Điều 4` : `${v.decree}, Điều 4, khoản ${clause}`,
  /** Votes: NĐ 98/2023 Đ30 k7; after 01/7/2025 the NĐ 152/2025 equivalent was not found (V-06). */
  vote: (v: LegalBasisVersion): string => (v.decree === ND_98.short ? VOTE_UNDER_ND_98 : VOTE_AFTER_ND_98),
  /** Quality rating of viên chức: NĐ 90/2020 (as amended by NĐ 48/2023) until 2025-2026, NĐ 233/2026 after. */
  rating: (schoolYear: string, article: number, clause: number): string =>
    startYearOf(schoolYear) >= 2026
      ? `NĐ 233/2026/NĐ-CP, Điều ${article}, khoản ${clause}`
      : "NĐ 90/2020/NĐ-CP (sửa đổi bởi NĐ 48/2023/NĐ-CP)",
  /** A rule that is configuration, named with the docs/domain.md rule it follows. */
  config: (what: string): string => `Tham số cấu hình (${what}; chưa xác minh)`,
};
