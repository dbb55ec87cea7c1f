/** Vietnamese text: NFC normalisation, name order, collation, dates as people write them. */

/** NFC with runs of white space folded and the ends trimmed. */
export const normalizeText = (value: string): string => value.normalize("NFC").replace(/\s+/gu, " ").trim();

/**
 * Characters no text of the API may carry: lone surrogates (not Unicode at all), control characters
 * other than tab and line breaks, and the bidi embeddings/overrides/isolates that make text display
 * in another order than it is stored (a name that reads differently on a document than in the data).
 */
const FORBIDDEN_IN_TEXT = /(?![\t\n\r])[\p{Cs}\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

export const isWellFormedText = (value: string): boolean => !FORBIDDEN_IN_TEXT.test(value);

/** users/{email} is keyed by the lower-case address: tokens, the Người dùng tab and the CLI agree. */
export const emailKey = (email: string): string => email.trim().toLowerCase();

/** Lower case, no diacritics (đ → d): for matching labels typed with or without accents. */
export const foldForMatching = (value: string): string =>
  normalizeText(value)
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .replace(/đ/gu, "d")
    .replace(/Đ/gu, "D")
    .toLowerCase();

interface NameParts {
  family: string;
  middle: string;
  given: string;
}

/** "Nguyễn Thị Minh Anh" → family "Nguyễn", middle "Thị Minh", given "Anh". */
function splitVietnameseName(fullName: string): NameParts {
  const words = normalizeText(fullName).split(" ").filter(Boolean);
  if (words.length === 0) return { family: "", middle: "", given: "" };
  if (words.length === 1) return { family: "", middle: "", given: words[0] ?? "" };
  return { family: words[0] ?? "", middle: words.slice(1, -1).join(" "), given: words.at(-1) ?? "" };
}

const collator = new Intl.Collator("vi", { sensitivity: "base" });

/** Vietnamese order of people: given name, then middle, then family name (docs/design.md §10). */
export function compareVietnameseNames(a: string, b: string): number {
  const left = splitVietnameseName(a);
  const right = splitVietnameseName(b);
  return (
    collator.compare(left.given, right.given) ||
    collator.compare(left.middle, right.middle) ||
    collator.compare(left.family, right.family)
  );
}

export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** ISO "2026-02-05" → "05/02/2026". */
export function formatDateVi(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-");
  return `${day}/${month}/${year}`;
}

/** "Hà Tĩnh, ngày 05 tháng 02 năm 2026" (NĐ 30/2020: leading zero for days < 10 and months 1–2). */
export function formatPlaceDate(place: string, iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split("-").map(Number);
  const monthText = month !== undefined && month <= 2 ? pad2(month) : String(month);
  return `${normalizeText(place)}, ngày ${pad2(day ?? 0)} tháng ${monthText} năm ${year}`;
}

/** Vietnamese number grouping: 2530000 → "2.530.000"; 0.3 → "0,3". */
export function formatNumberVi(value: number, fractionDigits = 0): string {
  return new Intl.NumberFormat("vi-VN", {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: Math.max(fractionDigits, 2),
  }).format(value);
}
