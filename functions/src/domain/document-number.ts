/**
 * The number of an official document as printed after "Số:" (NĐ 30/2020 Điều 15, Phụ lục I
 * II.3): the number in its issuer's series of the year, the ký hiệu of its kind, the issuer's
 * abbreviation. One formatter for every document the project numbers or cites.
 */

/** "05/TTr-THPTLQĐ": numbers below 10 get a leading zero. */
export const formatDocumentNumber = (number: number, kindCode: string, abbreviation: string): string =>
  `${String(number).padStart(2, "0")}/${kindCode}-${abbreviation}`;
