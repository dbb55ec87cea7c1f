/**
 * Căn cứ pháp lý by date (DOMAIN.md §0.3, Update): which law, decree and circulars a document
 * issued on a given day cites. Laws are cited by name and date only (NĐ 30/2020 Phụ lục I, II.6b).
 */

interface LegalText {
  citation: string;
  /** First day in force (inclusive), ISO. */
  from?: string;
  /** First day no longer in force (exclusive), ISO. */
  until?: string;
}

const LEGAL_TEXTS: readonly LegalText[] = [
  { citation: "Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022" },
  {
    from: "2026-10-01",
    citation: "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng (Luật số 06/2026/QH16)",
  },
  {
    until: "2025-07-01",
    citation:
      "Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
  },
  {
    from: "2025-07-01",
    citation:
      "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng",
  },
  {
    until: "2025-08-05",
    citation:
      "Thông tư số 01/2024/TT-BNV của Bộ trưởng Bộ Nội vụ quy định biện pháp thi hành Luật Thi đua, khen thưởng",
  },
  {
    from: "2025-08-05",
    citation:
      "Thông tư số 15/2025/TT-BNV ngày 04 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ quy định biện pháp để tổ chức, hướng dẫn thi hành Luật Thi đua, khen thưởng và Nghị định số 152/2025/NĐ-CP",
  },
  {
    until: "2026-04-02",
    citation:
      "Thông tư số 29/2023/TT-BGDĐT ngày 29 tháng 12 năm 2023 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục",
  },
  {
    from: "2026-04-02",
    citation:
      "Thông tư số 07/2026/TT-BGDĐT ngày 15 tháng 02 năm 2026 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục",
  },
];

const inForce = (text: LegalText, date: string): boolean =>
  (text.from === undefined || date >= text.from) && (text.until === undefined || date < text.until);

/** The căn cứ lines in force on `date` (ISO), in citing order: law, decree, circulars. */
export const legalBasesOn = (date: string): string[] =>
  LEGAL_TEXTS.filter((text) => inForce(text, date)).map((text) => `Căn cứ ${text.citation}`);
