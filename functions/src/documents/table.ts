/**
 * The one table renderer of every list: ruled cells, text wrapped inside its cell, the header row
 * repeated on each page, and column widths that never split a word — nor a whole name where the
 * column asks for it.
 */
import { normalizeText } from "../domain/text.js";
import { FONT, type FontName, type OfficialPdf, SIZE } from "./layout.js";

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
 * Word widths measured once per font and size. Cells are broken into lines here, at spaces and
 * line feeds, rather than by pdfkit's general line wrapper: a 2,000-row list has some 24,000
 * cells, and this keeps it within its time budget (docs/design.md §9).
 */
class Measure {
  private readonly cache = new Map<string, number>();
  constructor(
    private readonly pdf: OfficialPdf,
    readonly size: number,
  ) {}

  width(font: FontName, text: string): number {
    const key = `${font}\u0000${text}`;
    let width = this.cache.get(key);
    if (width === undefined) {
      width = this.pdf.use(font, this.size).doc.widthOfString(text);
      this.cache.set(key, width);
    }
    return width;
  }

  /** Greedy lines of at most `maxWidth`, each with its width. */
  lines(font: FontName, text: string, maxWidth: number): { text: string; width: number }[] {
    const space = this.width(font, " ");
    const result: { text: string; width: number }[] = [];
    for (const paragraph of text.split("\n")) {
      let line = "";
      let lineWidth = 0;
      for (const word of paragraph.split(" ")) {
        if (word === "") continue;
        const wordWidth = this.width(font, word);
        if (line !== "" && lineWidth + space + wordWidth > maxWidth) {
          result.push({ text: line, width: lineWidth });
          line = "";
          lineWidth = 0;
        }
        line = line === "" ? word : `${line} ${word}`;
        lineWidth = lineWidth === 0 ? wordWidth : lineWidth + space + wordWidth;
      }
      result.push({ text: line, width: lineWidth });
    }
    return result;
  }
}

/** Widest unbreakable piece of a cell: a word, or the whole cell for keepWhole columns. */
function minimumWidth(measure: Measure, font: FontName, text: string, keepWhole: boolean): number {
  if (keepWhole) return Math.max(...text.split("\n").map((line) => measure.width(font, line)));
  let widest = 0;
  for (const word of text.split(/[ \n]/u)) widest = Math.max(widest, measure.width(font, word));
  return widest;
}

/**
 * Every column gets its minimum; the spare width goes first to the columns whose text would
 * otherwise wrap (in proportion to how much they lack), then by weight.
 */
function columnWidths(pdf: OfficialPdf, spec: TableSpec, measure: Measure): number[] | null {
  const extra = 2 * PAD_X + 1;
  // One long cell must not starve the other columns of width.
  const naturalCap = pdf.contentWidth / 5;
  const minimums: number[] = [];
  const naturals: number[] = [];
  spec.columns.forEach((column, index) => {
    let minimum = minimumWidth(measure, FONT.bold, column.header, false);
    let natural = minimum;
    const seen = new Set<string>();
    for (const row of spec.rows) {
      if (!("cells" in row)) continue;
      const cell = row.cells[index] ?? "";
      if (seen.has(cell)) continue;
      seen.add(cell);
      minimum = Math.max(minimum, minimumWidth(measure, FONT.regular, cell, column.keepWhole === true));
      natural = Math.max(natural, Math.min(measure.width(FONT.regular, cell), naturalCap));
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

type Align = "left" | "center" | "right";
const isSection = (row: TableRow): row is { section: string } => "section" in row;
interface CellBox {
  lines: { text: string; width: number }[];
  x: number;
  width: number;
  align: Align;
}

export function drawTable(pdf: OfficialPdf, spec: TableSpec): void {
  const doc = pdf.doc;
  const rows = spec.rows.map((row) =>
    "section" in row
      ? { section: normalizeText(row.section) }
      : { ...row, cells: row.cells.map(normalizeText) },
  );
  const normalized: TableSpec = { ...spec, rows };
  let measure = new Measure(pdf, spec.fontSize ?? SIZE.table);
  let widths = columnWidths(pdf, normalized, measure);
  // Too many long words for the page: shrink the type rather than cut a name.
  while (widths === null && measure.size > MIN_FONT_SIZE) {
    measure = new Measure(pdf, measure.size - 0.5);
    widths = columnWidths(pdf, normalized, measure);
  }
  const size = measure.size;
  const finalWidths = widths ?? spec.columns.map(() => pdf.contentWidth / spec.columns.length);
  const lineHeight = pdf.use(FONT.regular, size).doc.currentLineHeight(true);
  const x0 = pdf.left;
  const tableWidth = finalWidths.reduce((sum, width) => sum + width, 0);

  const layoutRow = (font: FontName, boxes: Omit<CellBox, "lines">[], texts: readonly string[]) => {
    const cells: CellBox[] = boxes.map((box, index) => ({
      ...box,
      lines: measure.lines(font, texts[index] ?? "", box.width - 2 * PAD_X),
    }));
    const height = Math.max(...cells.map((cell) => cell.lines.length)) * lineHeight + 2 * PAD_Y;
    const paint = (y: number) => {
      // All borders as one path, painted before any text (a path may not enclose text objects).
      for (const cell of cells) doc.rect(cell.x, y, cell.width, height);
      doc.lineWidth(0.5).stroke();
      pdf.use(font, size);
      for (const cell of cells)
        cell.lines.forEach((line, index) => {
          if (line.text === "") return;
          const inner = cell.width - 2 * PAD_X;
          const offset =
            cell.align === "center"
              ? (inner - line.width) / 2
              : cell.align === "right"
                ? inner - line.width
                : 0;
          doc.text(line.text, cell.x + PAD_X + offset, y + PAD_Y + index * lineHeight, { lineBreak: false });
        });
    };
    return { height, paint };
  };

  let x = x0;
  const columnBoxes = spec.columns.map((column, index) => {
    const width = finalWidths[index] ?? 0;
    const box = { x, width, align: column.align ?? ("left" as Align) };
    x += width;
    return box;
  });
  const header = layoutRow(
    FONT.bold,
    columnBoxes.map((box) => ({ ...box, align: "center" as Align })),
    spec.columns.map((column) => normalizeText(column.header)),
  );
  const paintHeader = () => {
    const y = doc.y;
    header.paint(y);
    doc.y = y + header.height;
  };
  // A header alone at the foot of a page is useless: keep it with at least one row.
  pdf.ensureSpace(header.height + lineHeight * 2 + 2 * PAD_Y);
  paintHeader();

  const sectionBox = [{ x: x0, width: tableWidth, align: "left" as Align }];
  for (const row of rows) {
    const { height, paint } = isSection(row)
      ? layoutRow(FONT.bold, sectionBox, [row.section])
      : layoutRow(row.bold ? FONT.bold : FONT.regular, columnBoxes, row.cells);
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
