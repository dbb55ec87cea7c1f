/**
 * The legal timeline (docs/domain.md §0.3): every legal text the project knows, with ONE date
 * convention — `from` is the first day in force (inclusive), `until` the first day no longer in
 * force (exclusive), ISO dates. The eligibility engine's legal-basis versions take their law, decree
 * and document list from it (short forms); documents print its full citations as their căn cứ,
 * merged with the texts a Department configures for the year (`legalBasesFor`).
 */
import type { YearLegalText } from "./model.js";

/** The citing order of NĐ 30/2020 for căn cứ: law, decree, circulars, then provincial texts, then the Department's guidance. */
export const LEGAL_TEXT_KINDS = [
  "LUAT",
  "NGHI_DINH",
  "THONG_TU_BNV",
  "THONG_TU_BGDDT",
  "QUY_CHE_TINH",
  "HUONG_DAN_SO",
] as const;
type LegalTextKind = (typeof LEGAL_TEXT_KINDS)[number];

export interface LegalText {
  id: string;
  kind: LegalTextKind;
  /** Short form named by the engine's checks and versions: "NĐ 152/2025/NĐ-CP". */
  short: string;
  /** Full citation printed after "Căn cứ" (laws by name and date only: NĐ 30/2020 Phụ lục I, II.6b). */
  citation: string;
  from?: string;
  until?: string;
  /** False when number, date or effect come from secondary reports only (⚠ chưa đối chiếu văn bản gốc). */
  verified: boolean;
}

/** The texts a legal-basis version starts with carry a start date. */
type DatedLegalText = LegalText & { from: string };

const LUAT_2022: DatedLegalText = {
  id: "LUAT_06_2022",
  kind: "LUAT",
  short: "Luật 06/2022/QH15",
  citation: "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
  from: "2024-01-01",
  verified: true,
};
const LUAT_2026: DatedLegalText = {
  id: "LUAT_06_2026",
  kind: "LUAT",
  short: "Luật 06/2026/QH16",
  citation: "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng (Luật số 06/2026/QH16)",
  from: "2026-10-01",
  verified: false,
};
const ND_98: DatedLegalText = {
  id: "ND_98_2023",
  kind: "NGHI_DINH",
  short: "NĐ 98/2023/NĐ-CP",
  citation:
    "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
  from: "2024-01-01",
  until: "2025-07-01",
  verified: true,
};
const ND_152: DatedLegalText = {
  id: "ND_152_2025",
  kind: "NGHI_DINH",
  short: "NĐ 152/2025/NĐ-CP",
  citation:
    "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
  from: "2025-07-01",
  verified: true,
};

/** Built-in texts, each kind's texts oldest first. */
export const LEGAL_TEXTS: readonly LegalText[] = [
  LUAT_2022,
  LUAT_2026,
  ND_98,
  ND_152,
  {
    id: "TT_01_2024_BNV",
    kind: "THONG_TU_BNV",
    short: "TT 01/2024/TT-BNV",
    citation:
      "Thông tư số 01/2024/TT-BNV của Bộ trưởng Bộ Nội vụ quy định biện pháp thi hành Luật Thi đua, khen thưởng",
    from: "2024-01-01",
    until: "2025-08-05",
    verified: false,
  },
  {
    id: "TT_15_2025_BNV",
    kind: "THONG_TU_BNV",
    short: "TT 15/2025/TT-BNV",
    citation:
      "Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ quy định biện pháp để tổ chức, hướng dẫn thi hành Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP",
    from: "2025-08-05",
    verified: false,
  },
  {
    id: "TT_29_2023_BGDDT",
    kind: "THONG_TU_BGDDT",
    short: "TT 29/2023/TT-BGDĐT",
    citation:
      "Thông tư số 29/2023/TT-BGDĐT ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục",
    from: "2024-01-01",
    until: "2026-04-02",
    verified: true,
  },
  {
    id: "TT_07_2026_BGDDT",
    kind: "THONG_TU_BGDDT",
    short: "TT 07/2026/TT-BGDĐT",
    citation:
      "Thông tư số 07/2026/TT-BGDĐT ngày 15 tháng 02 năm 2026 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục",
    from: "2026-04-02",
    verified: false,
  },
];

export const LEGAL_TEXT_IDS = LEGAL_TEXTS.map((text) => text.id) as [string, ...string[]];

/** The engine's anchors: its versions are the law and decree in force, its citations name them. */
export const LEGAL_TEXT = { LUAT_2022, LUAT_2026, ND_98, ND_152 } as const;

type Validity = Pick<LegalText, "from" | "until">;

const inForceOn = (text: Validity, date: string): boolean =>
  (text.from === undefined || date >= text.from) && (text.until === undefined || date < text.until);

/** Whether a text is in force on some day of [from, until). */
export const inForceDuring = (text: Validity, from: string, until: string | null): boolean =>
  (text.until === undefined || text.until > from) &&
  (text.from === undefined || until === null || text.from < until);

const KIND_RANK = new Map(LEGAL_TEXT_KINDS.map((kind, index) => [kind, index]));
/** Undated texts sort after the dated ones of their kind. */
const startOf = (text: Validity): string => text.from ?? "9999-12-31";

/**
 * The căn cứ citations in force on `date` (ISO): the built-in texts, with the year's corrections
 * applied (`replaces`), plus the texts the Department added for the year, ordered by kind (NĐ
 * 30/2020's citing order) then by start date; texts without a start date keep their given order
 * after the dated ones of their kind.
 */
export function legalBasesFor(
  date: string,
  yearConfig?: { legalTexts?: readonly YearLegalText[] },
): string[] {
  const configured = yearConfig?.legalTexts ?? [];
  const corrections = new Map<string, string>();
  const added: Omit<LegalText, "id" | "short" | "verified">[] = [];
  for (const text of configured)
    if ("replaces" in text) corrections.set(text.replaces, text.citation);
    else added.push(text);
  const texts = [
    ...LEGAL_TEXTS.map((text) => ({ ...text, citation: corrections.get(text.id) ?? text.citation })),
    ...added,
  ];
  return texts
    .filter((text) => inForceOn(text, date))
    .map((text, index) => ({ text, index }))
    .sort(
      (a, b) =>
        (KIND_RANK.get(a.text.kind) ?? 0) - (KIND_RANK.get(b.text.kind) ?? 0) ||
        (startOf(a.text) < startOf(b.text) ? -1 : startOf(a.text) > startOf(b.text) ? 1 : 0) ||
        a.index - b.index,
    )
    .map(({ text }) => text.citation);
}
