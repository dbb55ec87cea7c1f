/**
 * Text written back into a sheet must stay text (DESIGN.md §7): Sheets reads a value that begins
 * with = + - @ as a formula, so such values get a leading apostrophe, which Sheets shows as nothing
 * but keeps the cell plain text. A value that already begins with an apostrophe gets one more, or
 * Sheets would swallow the first.
 */
const FORMULA_START = /^[=+\-@']/;

export const escapeForSheet = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
