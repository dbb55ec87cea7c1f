/**
 * The one rule for ids that become Firestore document ids and URL path segments: units, dossiers,
 * people, collectives, and the stored ids joined from them ("thcs-nguyen-du_2025-2026").
 *
 * Letters (Vietnamese included), digits and `- _ . ~`, and single inner spaces (a tổ chuyên môn is
 * named by its title, "Tổ Toán - Tin"), so an id is the same text in a sheet cell, a URL and a
 * document path: no "/" (a path separator in Firestore), no "." or ".." (dot
 * segments), no leading "__" (reserved by Firestore), nothing invisible (controls, bidi overrides,
 * lone surrogates), and NFC, so that one id is never spelled by two byte sequences.
 */

/** Long enough for joined ids (unit + subject + target), far below Firestore's 1,500 bytes. */
export const MAX_ID_LENGTH = 200;

const ID_CHARACTERS = /^[\p{L}\p{Nd}\-_.~]+(?: [\p{L}\p{Nd}\-_.~]+)*$/u;

export function isValidId(value: string): boolean {
  return (
    value.length >= 1 &&
    value.length <= MAX_ID_LENGTH &&
    ID_CHARACTERS.test(value) &&
    value !== "." &&
    value !== ".." &&
    !value.startsWith("__") &&
    value === value.normalize("NFC")
  );
}
