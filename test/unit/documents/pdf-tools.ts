/** Reads PDFs the way a person's tools would: poppler's pdftotext, pdfinfo and pdftoppm. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";

function withFile<T>(pdf: Buffer, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "tdkt-pdf-"));
  try {
    const path = join(dir, "doc.pdf");
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const pdfText = (pdf: Buffer): string =>
  withFile(pdf, (path) =>
    execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { encoding: "utf8" }),
  );

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const output = withFile(pdf, (path) => execFileSync("pdfinfo", [path], { encoding: "utf8" }));
  return Object.fromEntries(
    output
      .split("\n")
      .filter((line) => line.includes(":"))
      .map((line) => [line.slice(0, line.indexOf(":")).trim(), line.slice(line.indexOf(":") + 1).trim()]),
  );
}

export interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
  pageWidth: number;
  pageHeight: number;
}

/** Every word with its box (pdftotext -bbox), in points from the page's top-left corner. */
export function pdfWords(pdf: Buffer): Word[] {
  const html = withFile(pdf, (path) => execFileSync("pdftotext", ["-bbox", path, "-"], { encoding: "utf8" }));
  const words: Word[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  for (const line of html.split("\n")) {
    const pageMatch = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (pageMatch) {
      page++;
      pageWidth = Number(pageMatch[1]);
      pageHeight = Number(pageMatch[2]);
      continue;
    }
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(
      line,
    );
    if (word)
      words.push({
        page,
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        text: word[5] ?? "",
        pageWidth,
        pageHeight,
      });
  }
  return words;
}

/**
 * Page 1 rendered grey at `dpi` (pdftoppm -gray, binary PGM: width, height, one byte per pixel);
 * 30 dpi keeps each reference under 90 KB.
 */
export function renderGray(
  pdf: Buffer,
  dpi = 30,
): { width: number; height: number; pixels: Buffer; pgm: Buffer } {
  const pgm = withFile(pdf, (path, dir) => {
    execFileSync("pdftoppm", [
      "-gray",
      "-r",
      String(dpi),
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      path,
      join(dir, "p"),
    ]);
    return readFileSync(join(dir, "p.pgm"));
  });
  return { ...parsePgm(pgm), pgm };
}

export function parsePgm(pgm: Buffer): { width: number; height: number; pixels: Buffer } {
  // Header: "P5", width, height, maxval, each separated by white space, then one byte per pixel.
  const fields: string[] = [];
  let offset = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(pgm[offset] ?? 32))) offset++;
    let field = "";
    while (!/\s/.test(String.fromCharCode(pgm[offset] ?? 32)))
      field += String.fromCharCode(pgm[offset++] ?? 32);
    fields.push(field);
  }
  offset++;
  return { width: Number(fields[1]), height: Number(fields[2]), pixels: pgm.subarray(offset) };
}

/** Share of pixels whose grey level differs by more than 64 (0…1). */
export function pixelDifference(a: Buffer, b: Buffer): number {
  if (a.length !== b.length) return 1;
  let differing = 0;
  for (let index = 0; index < a.length; index++)
    if (Math.abs((a[index] ?? 0) - (b[index] ?? 0)) > 64) differing++;
  return differing / a.length;
}

/** Asserts that `needles` occur in `haystack` in this order; returns the first one missing, if any. */
export function firstOutOfOrder(haystack: string, needles: readonly string[]): string | undefined {
  const flat = haystack.replace(/\s+/g, " ");
  let from = 0;
  for (const needle of needles) {
    const at = flat.indexOf(needle, from);
    if (at < 0) return needle;
    from = at + needle.length;
  }
  return undefined;
}

/** The fonts of a PDF as pdffonts lists them: name, embedded, subset. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean; subset: boolean }[] {
  const output = withFile(pdf, (path) => execFileSync("pdffonts", [path], { encoding: "utf8" }));
  return output
    .split("\n")
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: emb/sub/uni are the 5th-from-last to 3rd-from-last.
      return { name: fields[0] ?? "", embedded: fields.at(-5) === "yes", subset: fields.at(-4) === "yes" };
    });
}

const FIXTURES = join(import.meta.dirname, "../../fixtures/documents");

/**
 * Page 1 at 30 dpi against the committed reference (≤ 1% of pixels may differ). A missing reference
 * fails: TDKT_UPDATE_REFERENCES=1 writes new ones, to be looked at before they are committed.
 */
export function expectMatchesReference(name: string, pdf: Buffer): void {
  const rendered = renderGray(pdf);
  const file = join(FIXTURES, `${name}.pgm`);
  if (process.env.TDKT_UPDATE_REFERENCES === "1") writeFileSync(file, rendered.pgm);
  expect(existsSync(file), `reference ${file}`).toBe(true);
  const reference = parsePgm(readFileSync(file));
  expect([rendered.width, rendered.height]).toEqual([reference.width, reference.height]);
  expect(pixelDifference(rendered.pixels, reference.pixels)).toBeLessThan(0.01);
}
