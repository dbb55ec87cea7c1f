/**
 * One parser per column type: a raw cell (what Sheets' getValues() or exceljs gives: string,
 * number, boolean, Date, null) → the typed value, or an error code. Text is NFC with white space
 * folded; numbers take decimal commas; dates take dd/MM/yyyy, ISO and spreadsheet serial numbers;
 * enums take the code or the Vietnamese label, in any case, with or without diacritics.
 */
import type { CellErrorCode } from "../domain/messages/sheets.js";
import { foldForMatching, normalizeText } from "../domain/text.js";
import type { CellValue, Column, EnumOption, Pair } from "./definition.js";

export type CellResult =
  | { ok: true; value: CellValue | undefined }
  | { ok: false; code: CellErrorCode; value?: string };

/** Text cells longer than this are refused (a guard, not a rule of the domain). */
export const MAX_TEXT_LENGTH = 2000;

/** Folded to letters and digits: "CSTĐ_CS", "cstd cs" and "CSTD_CS" all give "cstdcs". */
export const matchKey = (value: string): string => foldForMatching(value).replace(/[^a-z0-9]/g, "");

const fail = (code: CellErrorCode, value?: unknown): CellResult =>
  value === undefined ? { ok: false, code } : { ok: false, code, value: displayOf(value) };

const displayOf = (value: unknown): string =>
  value instanceof Date ? value.toISOString().slice(0, 10) : normalizeText(String(value)).slice(0, 100);

/** Empty cells: null, undefined, "", white space only, or an empty list. */
export const isEmptyCell = (raw: unknown): boolean =>
  raw === null ||
  raw === undefined ||
  (typeof raw === "string" && raw.trim() === "") ||
  (Array.isArray(raw) && raw.length === 0);

/**
 * Columns of codes and phone numbers, whose leading zeros are part of the value ("00123", "0912…").
 * Such a cell arriving as a number was read by Sheets or Excel without the "@" format (a paste from
 * Excel overwrites it): its zeros are gone, so it is reported rather than stored as "123".
 */
const isCodeColumn = (column: Column): boolean => /^(id|code|phone)$|Id$/.test(column.key);

export function parseCell(column: Column, raw: unknown): CellResult {
  if (isEmptyCell(raw)) return column.required ? fail("REQUIRED") : { ok: true, value: undefined };
  switch (column.type) {
    case "text":
      if (typeof raw === "number" && isCodeColumn(column)) return fail("CODE_AS_NUMBER", raw);
      return parseText(raw, column.maxLength ?? MAX_TEXT_LENGTH);
    case "date":
      return parseDate(raw);
    case "number":
    case "integer":
      return parseNumberCell(raw, column.type === "integer", column.min, column.max);
    case "boolean":
      return parseBoolean(raw);
    case "enum":
      return parseEnum(raw, column.options);
    case "list":
      return parseList(raw, column.item);
  }
}

function parseText(raw: unknown, maxLength: number): CellResult {
  if (typeof raw === "object" && !(raw instanceof Date)) return fail("INVALID_TEXT", JSON.stringify(raw));
  const text = raw instanceof Date ? raw.toISOString().slice(0, 10) : normalizeText(String(raw));
  if (text.length > maxLength) return { ok: false, code: "TOO_LONG" };
  return { ok: true, value: text };
}

/* ---------- dates ---------- */

/** Day 0 of Google Sheets and Excel (1900 system, after the 1900 leap-year bug): 30/12/1899. */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Vietnam has no daylight saving: a Date serialised at local midnight is 17:00Z the day before. */
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const MAX_SERIAL = 2_958_465; // 31/12/9999
/** Serials below this (before 1927) are years or counts typed into a date column, not dates. */
const MIN_SERIAL = 10_000;

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/;
const SERIAL = /^\d+(\.\d+)?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const pad = (n: number, width: number): string => String(n).padStart(width, "0");

/** "yyyy-MM-dd" of a calendar date, or undefined when there is no such day (31/02). */
const isoOf = (year: number, month: number, day: number): string | undefined => {
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  if (days === undefined || day < 1 || day > days || year < 1) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
};

const isoFromInstant = (ms: number): string => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

const isoFromSerial = (serial: number): string | undefined =>
  serial >= MIN_SERIAL && serial <= MAX_SERIAL
    ? new Date(SERIAL_EPOCH_MS + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10)
    : undefined;

/** A date cell → "yyyy-MM-dd", or undefined when it is not a date. */
export function toIsoDate(raw: unknown): string | undefined {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? undefined : isoFromInstant(raw.getTime());
  if (typeof raw === "number") return Number.isFinite(raw) ? isoFromSerial(raw) : undefined;
  if (typeof raw !== "string") return undefined;
  const text = normalizeText(raw);
  const dmy = DMY.exec(text);
  if (dmy) return isoOf(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = ISO_DATE.exec(text);
  if (ymd) return isoOf(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  if (ISO_DATE_TIME.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : isoFromInstant(ms);
  }
  return SERIAL.test(text) ? isoFromSerial(Number(text)) : undefined;
}

function parseDate(raw: unknown): CellResult {
  const iso = toIsoDate(raw);
  return iso === undefined ? fail("INVALID_DATE", raw) : { ok: true, value: iso };
}

/* ---------- numbers ---------- */

const DIGITS_WITH_SEPARATORS = /^[+-]?[\d.,]+$/;
const THOUSANDS_DOTS = /^[+-]?\d{1,3}(\.\d{3}){2,}$/;

/**
 * "85,5" → 85.5; "1.234,5" → 1234.5; "85.5" → 85.5 (a sheet in an English locale); "1.234.567"
 * → 1234567; "80%" → 80. Undefined when the text is not a number.
 */
export function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0]/g, "").replace(/%$/, "");
  if (!DIGITS_WITH_SEPARATORS.test(compact)) return undefined;
  let canonical: string;
  if (compact.includes(",")) canonical = compact.replace(/\./g, "").replace(",", ".");
  else if (THOUSANDS_DOTS.test(compact)) canonical = compact.replace(/\./g, "");
  else canonical = compact;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(canonical)) return undefined;
  const value = Number(canonical);
  return Number.isFinite(value) ? value : undefined;
}

function parseNumberCell(raw: unknown, integer: boolean, min?: number, max?: number): CellResult {
  const value =
    typeof raw === "number"
      ? Number.isFinite(raw)
        ? raw
        : undefined
      : typeof raw === "string"
        ? parseDecimal(raw)
        : undefined;
  if (value === undefined) return fail("INVALID_NUMBER", raw);
  if (integer && !Number.isInteger(value)) return fail("NOT_INTEGER", raw);
  if ((min !== undefined && value < min) || (max !== undefined && value > max))
    return fail("OUT_OF_RANGE", raw);
  return { ok: true, value };
}

/* ---------- booleans ---------- */

const TRUE_WORDS = new Set(["co", "x", "true", "1", "yes", "dung", "dat"]);
const FALSE_WORDS = new Set(["khong", "false", "0", "no", "sai", "khongdat"]);

function parseBoolean(raw: unknown): CellResult {
  if (typeof raw === "boolean") return { ok: true, value: raw };
  const key = typeof raw === "number" || typeof raw === "string" ? matchKey(String(raw)) : "";
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  return fail("INVALID_BOOLEAN", raw);
}

/* ---------- enums and lists ---------- */

const enumIndexes = new WeakMap<readonly EnumOption[], ReadonlyMap<string, string>>();

/** Code and label of every option, folded; built once per option list. */
function enumIndex(options: readonly EnumOption[]): ReadonlyMap<string, string> {
  let index = enumIndexes.get(options);
  if (!index) {
    const entries = new Map<string, string>();
    for (const option of options) {
      entries.set(matchKey(option.label), option.code);
      entries.set(matchKey(option.code), option.code);
    }
    index = entries;
    enumIndexes.set(options, index);
  }
  return index;
}

/** Typed values repeat (every row says "Nam" or "Nữ"): remember what each raw text matched. */
const MATCH_MEMO_LIMIT = 10_000;
const matchMemos = new WeakMap<readonly EnumOption[], Map<string, string | undefined>>();

export function matchEnum(options: readonly EnumOption[], raw: unknown): string | undefined {
  if (typeof raw !== "string" && typeof raw !== "number") return undefined;
  const text = String(raw);
  let memo = matchMemos.get(options);
  if (!memo) {
    memo = new Map();
    matchMemos.set(options, memo);
  }
  if (memo.has(text)) return memo.get(text);
  const code = enumIndex(options).get(matchKey(text));
  if (memo.size < MATCH_MEMO_LIMIT) memo.set(text, code);
  return code;
}

function parseEnum(raw: unknown, options: readonly EnumOption[]): CellResult {
  const code = matchEnum(options, raw);
  return code === undefined ? fail("INVALID_ENUM", raw) : { ok: true, value: code };
}

/** Codes, ids and labels never contain "," so it separates them too; pairs keep "," for decimals. */
const splitItems = (raw: unknown, separators: RegExp): string[] =>
  (Array.isArray(raw) ? raw.map(String) : String(raw).split(separators)).map(normalizeText).filter(Boolean);

function parseList(raw: unknown, item: "text" | "pair" | readonly EnumOption[]): CellResult {
  if (item === "pair") return parsePairs(raw);
  const items = splitItems(raw, /[;,\n]/);
  if (item === "text") return { ok: true, value: [...new Set(items)] };
  const codes: string[] = [];
  for (const entry of items) {
    const code = matchEnum(item, entry);
    if (code === undefined) return fail("INVALID_ENUM", entry);
    if (!codes.includes(code)) codes.push(code);
  }
  return { ok: true, value: codes };
}

/** "Tỷ lệ khá giỏi (%): 85; Sáng kiến: 1" → [{key, value: 85}, {key, value: 1}]. */
function parsePairs(raw: unknown): CellResult {
  const pairs: Pair[] = [];
  for (const entry of splitItems(raw, /[;\n]/)) {
    const colon = entry.lastIndexOf(":");
    const key = normalizeText(entry.slice(0, Math.max(colon, 0)));
    const text = normalizeText(entry.slice(colon + 1));
    if (colon < 0 || key === "" || text === "") return fail("INVALID_PAIR", entry);
    pairs.push({ key, value: parseDecimal(text) ?? text });
  }
  return { ok: true, value: pairs };
}
