/**
 * The one table renderer of every list: ruled cells, text wrapped inside its cell, the header row
 * repeated on each page, and column widths that never split a word — nor a whole name where the
 * column asks for it.
 */
import { normalizeText } from "../domain/text.js";
import { FONT, type OfficialPdf, SIZE } from "./layout.js";

export interface TableColumn {
  header: string;
  /** Share of the width left once every column has its minimum. */
  weight: number;
  align?: "left" | "center" | "right";
  /** Names: the column is at least as wide as its longest cell, so no name wraps. */
  keepWhole?: boolean;
}

export type TableRow =
  | { cells: readonly string[]; bold?: boolean }
  /** A full-width row opening a group, e.g. "I. Chiến sĩ thi đua cơ sở (3 cá nhân)". */
  | { section: string };

export interface TableSpec {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  fontSize?: number;
}

const PAD_X = 3;
const PAD_Y = 3;
const MIN_FONT_SIZE = 8;

/**
 * Widest unbreakable piece of a cell: a word, or the whole cell for keepWhole columns. pdfkit's
 * line wrapper measures each word with its trailing space, and splits a word wider than the line.
 */
function minimumWidth(pdf: OfficialPdf, text: string, keepWhole: boolean): number {
  if (keepWhole) return pdf.doc.widthOfString(`${text} `);
  let widest = 0;
  for (const word of text.split(" ")) widest = Math.max(widest, pdf.doc.widthOfString(`${word} `));
  return widest;
}

/**
 * Every column gets its minimum; the spare width goes first to the columns whose text would
 * otherwise wrap (in proportion to how much they lack), then by weight.
 */
function columnWidths(pdf: OfficialPdf, spec: TableSpec, size: number): number[] | null {
  const extra = 2 * PAD_X + 1;
  // One long cell must not starve the other columns of width.
  const naturalCap = pdf.contentWidth / 5;
  const minimums: number[] = [];
  const naturals: number[] = [];
  spec.columns.forEach((column, index) => {
    pdf.use(FONT.bold, size);
    let minimum = minimumWidth(pdf, column.header, false);
    pdf.use(FONT.regular, size);
    let natural = minimum;
    const seen = new Set<string>();
    for (const row of spec.rows) {
      if (!("cells" in row)) continue;
      const cell = row.cells[index] ?? "";
      if (seen.has(cell)) continue;
      seen.add(cell);
      minimum = Math.max(minimum, minimumWidth(pdf, cell, column.keepWhole === true));
      natural = Math.max(natural, Math.min(pdf.doc.widthOfString(cell), naturalCap));
    }
    minimums.push(minimum + extra);
    naturals.push(Math.max(minimum, natural) + extra);
  });
  const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
  const spare = pdf.contentWidth - sum(minimums);
  if (spare < 0) return null;
  const lacking = naturals.map((natural, index) => natural - (minimums[index] ?? 0));
  const totalLacking = sum(lacking);
  if (totalLacking >= spare)
    return minimums.map((minimum, index) => minimum + (spare * (lacking[index] ?? 0)) / totalLacking);
  const left = spare - totalLacking;
  const weights = sum(spec.columns.map((column) => column.weight)) || 1;
  return naturals.map((natural, index) => natural + (left * (spec.columns[index]?.weight ?? 0)) / weights);
}

export function drawTable(pdf: OfficialPdf, spec: TableSpec): void {
  const doc = pdf.doc;
  let size = spec.fontSize ?? SIZE.table;
  let widths = columnWidths(pdf, spec, size);
  // Too many long words for the page: shrink the type rather than cut a name.
  while (widths === null && size > MIN_FONT_SIZE) {
    size -= 0.5;
    widths = columnWidths(pdf, spec, size);
  }
  const finalWidths = widths ?? spec.columns.map(() => pdf.contentWidth / spec.columns.length);
  const lineHeight = pdf.use(FONT.regular, size).doc.currentLineHeight(true);
  const x0 = pdf.left;
  const tableWidth = finalWidths.reduce((sum, width) => sum + width, 0);

  /** Single-line cells skip pdfkit's line wrapper: most cells of a long list are single lines. */
  const fits = (text: string, inner: number): number | null => {
    const width = doc.widthOfString(text);
    return width <= inner ? width : null;
  };
  const cellHeight = (text: string, width: number): number => {
    const inner = width - 2 * PAD_X;
    if (text === "" || fits(text, inner) !== null) return lineHeight;
    return doc.heightOfString(text, { width: inner, lineGap: 0 });
  };
  const drawCell = (
    text: string,
    x: number,
    y: number,
    width: number,
    align: "left" | "center" | "right",
  ) => {
    const inner = width - 2 * PAD_X;
    const textWidth = fits(text, inner);
    if (textWidth === null) {
      doc.text(text, x + PAD_X, y + PAD_Y, { width: inner, align, lineGap: 0 });
      return;
    }
    const offset = align === "center" ? (inner - textWidth) / 2 : align === "right" ? inner - textWidth : 0;
    doc.text(text, x + PAD_X + offset, y + PAD_Y, { lineBreak: false });
  };

  const drawRow = (cells: readonly string[], font: string, align?: "center") => {
    doc.font(font).fontSize(size);
    const height =
      Math.max(...cells.map((cell, index) => cellHeight(cell, finalWidths[index] ?? 0))) + 2 * PAD_Y;
    return {
      height,
      paint: (y: number) => {
        doc.font(font).fontSize(size);
        // All borders as one path, painted before any text (a path may not enclose text objects).
        let x = x0;
        for (const width of finalWidths) {
          doc.rect(x, y, width, height);
          x += width;
        }
        doc.lineWidth(0.5).stroke();
        x = x0;
        cells.forEach((cell, index) => {
          const width = finalWidths[index] ?? 0;
          if (cell !== "") drawCell(cell, x, y, width, align ?? spec.columns[index]?.align ?? "left");
          x += width;
        });
      },
    };
  };

  const header = drawRow(
    spec.columns.map((column) => normalizeText(column.header)),
    FONT.bold,
    "center",
  );
  const paintHeader = () => {
    const y = doc.y;
    header.paint(y);
    doc.y = y + header.height;
  };
  // A header alone at the foot of a page is useless: keep it with at least one row.
  pdf.ensureSpace(header.height + lineHeight * 2 + 2 * PAD_Y);
  paintHeader();

  for (const row of spec.rows) {
    let height: number;
    let paint: (y: number) => void;
    if ("section" in row) {
      const text = normalizeText(row.section);
      doc.font(FONT.bold).fontSize(size);
      height = cellHeight(text, tableWidth) + 2 * PAD_Y;
      paint = (y) => {
        doc.font(FONT.bold).fontSize(size);
        doc.rect(x0, y, tableWidth, height).lineWidth(0.5).stroke();
        doc.text(text, x0 + PAD_X, y + PAD_Y, { width: tableWidth - 2 * PAD_X, lineGap: 0 });
      };
    } else {
      ({ height, paint } = drawRow(row.cells.map(normalizeText), row.bold ? FONT.bold : FONT.regular));
    }
    if (doc.y + height > pdf.bottom) {
      pdf.newPage();
      paintHeader();
    }
    const y = doc.y;
    paint(y);
    doc.y = y + height;
  }
  doc.x = pdf.left;
  doc.y += 8;
}
