/**
 * The number of an official document as printed after "Số:" (NĐ 30/2020 Điều 15, Phụ lục I
 * II.3): the number in its issuer's series of the year, the ký hiệu of its kind, the issuer's
 * abbreviation. One formatter for every document the project numbers or cites.
 */

/** "05/TTr-THPTLQĐ": numbers below 10 get a leading zero. */
export const formatDocumentNumber = (number: number, kindCode: string, abbreviation: string): string =>
  `${String(number).padStart(2, "0")}/${kindCode}-${abbreviation}`;

/**
 * "512/QĐ-SGDĐT" → its number and the issuer's abbreviation, as a sheet cell gives them; undefined
 * for anything else. ASCII digits only and the kind's own letters: a fullwidth "５１２", an
 * Icelandic "Ð" for "Đ" or an invisible character would give another number than the one printed.
 */
export function parseDocumentNumber(
  text: string,
  kindCode: string,
): { number: number; abbreviation: string } | undefined {
  const match = /^0*([1-9][0-9]{0,4})\/([^-]+)-([A-ZĐ0-9]{1,20}(?:-[A-ZĐ0-9]{1,20})?)$/u.exec(
    text.normalize("NFC"),
  );
  if (!match?.[1] || match[2] !== kindCode || !match[3]) return undefined;
  return { number: Number(match[1]), abbreviation: match[3] };
}
