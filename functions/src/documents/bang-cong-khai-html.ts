/**
 * The public board as one self-contained HTML page a school can post on its portal: inline CSS,
 * the Tinos faces embedded as data: URLs, no external address of any kind, every text escaped.
 * The page's Content-Security-Policy says the same, so a portal that serves it as is cannot be made
 * to load anything else.
 */
import { readFileSync } from "node:fs";
import { boardText, documentText } from "../domain/messages/index.js";
import type { PublicBoard } from "../domain/public-board.js";
import { formatPlaceDate, normalizeText } from "../domain/text.js";
import { roman } from "./awards.js";
import { boardGroupCount } from "./bang-cong-khai.js";
import { FONT, FONT_FILES, upper } from "./layout.js";

/** What the page allows itself: its own inline style and the embedded fonts, nothing else. */
export const BOARD_PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (value: string): string =>
  normalizeText(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

let fontFaces: string | undefined;
/** The regular and bold faces as @font-face rules (read once per process). */
function embeddedFonts(): string {
  const weights: Record<string, number> = { [FONT.regular]: 400, [FONT.bold]: 700 };
  fontFaces ??= Object.entries(FONT_FILES)
    .flatMap(([name, file]) => (weights[name] ? [{ file, weight: weights[name] }] : []))
    .map(
      ({ file, weight }) =>
        `@font-face{font-family:"Tinos";font-style:normal;font-weight:${weight};src:url(data:font/ttf;base64,${readFileSync(file).toString("base64")}) format("truetype")}`,
    )
    .join("\n");
  return fontFaces;
}

const STYLE = `
body{font-family:"Tinos",serif;font-size:14pt;color:#111;background:#fff;margin:0;padding:24px}
main{max-width:860px;margin:0 auto}
header{display:flex;justify-content:space-between;gap:24px;text-align:center;font-size:12pt}
header p{margin:0}
.agency,.national{font-weight:700}
.date{font-style:italic;margin-top:8px}
h1{text-align:center;font-size:14pt;margin:28px 0 4px}
h2{text-align:center;font-size:14pt;margin:0 0 16px}
table{border-collapse:collapse;width:100%;font-size:12pt;margin-top:12px}
th,td{border:1px solid #333;padding:4px 6px;text-align:left;vertical-align:top}
th{text-align:center}
td.number{text-align:center;width:3em}
tr.section td{font-weight:700;background:#f2f2f2}
footer{margin-top:24px;font-size:11pt;color:#444}
`;

export function renderBoardHtml(board: PublicBoard): string {
  const { unit, year } = board;
  const rows = board.groups.flatMap((group, index) => [
    `<tr class="section"><td colspan="3">${escapeHtml(boardText.groupHeading(roman(index), group.label, boardGroupCount(group)))}</td></tr>`,
    ...group.lines.map(
      (line, lineIndex) =>
        `<tr><td class="number">${lineIndex + 1}</td><td>${escapeHtml(line.name)}</td><td>${escapeHtml(line.subjectKind === "collective" ? boardText.collectivePosition : (line.position ?? ""))}</td></tr>`,
    ),
  ]);
  const body =
    rows.length > 0
      ? `<p>${escapeHtml(boardText.intro(unit.name, year))}</p>
<table>
<thead><tr><th>${escapeHtml(boardText.columns.number)}</th><th>${escapeHtml(boardText.columns.name)}</th><th>${escapeHtml(boardText.columns.position)}</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`
      : `<p>${escapeHtml(boardText.empty(year))}</p>`;
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${BOARD_PAGE_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${escapeHtml(`${boardText.name} năm học ${year} — ${unit.name}`)}</title>
<style>
${embeddedFonts()}
${STYLE}
</style>
</head>
<body>
<main>
<header>
<div><p>${escapeHtml(upper(unit.managingBodyName))}</p><p class="agency">${escapeHtml(upper(unit.name))}</p></div>
<div><p class="national">${escapeHtml(documentText.nationalName)}</p><p class="national">${escapeHtml(documentText.motto)}</p><p class="date">${escapeHtml(formatPlaceDate(unit.place, board.date))}</p></div>
</header>
<h1>${escapeHtml(boardText.kind)}</h1>
<h2>${escapeHtml(boardText.summary(year))}</h2>
${body}
<footer>${escapeHtml(boardText.footer)}</footer>
</main>
</body>
</html>
`;
}
