/**
 * A single iterative pass over a JSON text before JSON.parse sees it: it bounds the nesting depth
 * (20,000 nested arrays must not reach any recursive code) and finds where a syntax error is, so the
 * answer can name the line and column without quoting the text, which can hold a person's name.
 */

export type JsonScan = { ok: true } | { ok: false; problem: "syntax" | "depth"; offset: number };

type Expect = "value" | "valueOrClose" | "key" | "keyOrClose" | "colon" | "commaOrClose" | "end";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

const isWhitespace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const SIMPLE_ESCAPES = new Set([...'"\\/bfnrt'].map((char) => char.charCodeAt(0)));

/** Scanners of one token return the offset after it, or the offending offset as -1 - offset. */
const failAt = (offset: number) => -1 - offset;

function scanString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return failAt(i);
    if (c === BACKSLASH) {
      const escaped = text.charCodeAt(i + 1);
      if (SIMPLE_ESCAPES.has(escaped)) i += 2;
      else if (escaped === 0x75 && [2, 3, 4, 5].every((k) => isHex(text.charCodeAt(i + k)))) i += 6;
      else return failAt(i);
    } else i++;
  }
  return failAt(text.length);
}

function scanDigits(text: string, start: number): number {
  let i = start;
  while (isDigit(text.charCodeAt(i))) i++;
  return i > start ? i : failAt(start);
}

function scanNumber(text: string, start: number): number {
  const integer = text.charCodeAt(start) === MINUS ? start + 1 : start;
  let i = text.charCodeAt(integer) === 0x30 ? integer + 1 : scanDigits(text, integer);
  if (i >= 0 && text.charCodeAt(i) === 0x2e) i = scanDigits(text, i + 1);
  if (i >= 0 && (text.charCodeAt(i) === 0x65 || text.charCodeAt(i) === 0x45)) {
    const sign = text.charCodeAt(i + 1);
    i = scanDigits(text, sign === 0x2b || sign === MINUS ? i + 2 : i + 1);
  }
  return i;
}

function scanLiteral(text: string, start: number): number {
  for (const literal of ["true", "false", "null"])
    if (text.startsWith(literal, start)) return start + literal.length;
  return failAt(start);
}

export function scanJson(text: string, maxDepth: number): JsonScan {
  const closers: number[] = [];
  let expect: Expect = "value";
  let i = 0;
  const afterValue = (): Expect => (closers.length > 0 ? "commaOrClose" : "end");
  const syntaxError = (offset: number): JsonScan => ({ ok: false, problem: "syntax", offset });
  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) return expect === "end" ? { ok: true } : syntaxError(i);
    const c = text.charCodeAt(i);
    if (expect === "end") return syntaxError(i);
    if (expect === "colon") {
      if (c !== COLON) return syntaxError(i);
      i++;
      expect = "value";
      continue;
    }
    const closer = closers.at(-1);
    if ((expect === "commaOrClose" || expect === "keyOrClose" || expect === "valueOrClose") && c === closer) {
      closers.pop();
      i++;
      expect = afterValue();
      continue;
    }
    if (expect === "commaOrClose") {
      if (c !== COMMA) return syntaxError(i);
      i++;
      expect = closer === RBRACE ? "key" : "value";
      continue;
    }
    if (expect === "key" || expect === "keyOrClose") {
      if (c !== QUOTE) return syntaxError(i);
      const end = scanString(text, i);
      if (end < 0) return syntaxError(-1 - end);
      i = end;
      expect = "colon";
      continue;
    }
    if (c === LBRACE || c === LBRACKET) {
      if (closers.length >= maxDepth) return { ok: false, problem: "depth", offset: i };
      closers.push(c === LBRACE ? RBRACE : RBRACKET);
      i++;
      expect = c === LBRACE ? "keyOrClose" : "valueOrClose";
      continue;
    }
    const end =
      c === QUOTE
        ? scanString(text, i)
        : c === MINUS || isDigit(c)
          ? scanNumber(text, i)
          : scanLiteral(text, i);
    if (end < 0) return syntaxError(-1 - end);
    i = end;
    expect = afterValue();
  }
}

/** 1-based line and column of an offset, as an editor shows them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
