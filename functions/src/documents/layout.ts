/**
 * Layout primitives of NĐ 30/2020/NĐ-CP Phụ lục I (shared/domain/sources/legal/nd30-2020.md): the
 * one header, title, body, signature and page-number renderer every document uses. Sizes are in
 * points; every string goes through normalizeText so the PDF holds NFC text only.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { documentText } from "../domain/messages/index.js";
import { normalizeText } from "../domain/text.js";

const MM = 72 / 25.4;
const mm = (value: number): number => value * MM;

/** Portrait margins: top 20, bottom 20, left 30, right 15 mm (the decree's recommended minimums). */
const PORTRAIT_MARGINS = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) };
/**
 * Landscape pages are bound on their top edge when filed with portrait ones, so the 30 mm binding
 * margin moves to the top and the 15 mm margin to the bottom.
 */
const LANDSCAPE_MARGINS = { top: mm(30), bottom: mm(15), left: mm(20), right: mm(20) };

export type Orientation = "portrait" | "landscape";

export const FONT = {
  regular: "Tinos",
  bold: "Tinos-Bold",
  italic: "Tinos-Italic",
  boldItalic: "Tinos-BoldItalic",
};
export type FontName = (typeof FONT)[keyof typeof FONT];

export const SIZE = {
  header: 12,
  number: 13,
  motto: 13,
  title: 14,
  body: 14,
  table: 12,
  copies: 11,
  copiesLabel: 12,
};

/** Body paragraphs: 1 cm first-line indent, ≥ 6 pt between paragraphs, single line spacing. */
const INDENT = mm(10);
const PARAGRAPH_GAP = 6;
const LINE_GAP = 1;
/** Blank space left for the hand signature and the seal. */
const SIGNATURE_SPACE = 72;

const require = createRequire(import.meta.url);
export const FONT_FILES: Record<FontName, string> = {
  [FONT.regular]: require.resolve("@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf"),
  [FONT.bold]: require.resolve("@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf"),
  [FONT.italic]: require.resolve("@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf"),
  [FONT.boldItalic]: require.resolve("@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf"),
};

/**
 * The four faces parsed once per process. Parsing a face (its layout tables above all) costs about
 * 50 ms, so each document re-parsing them would dominate small documents. pdfkit accepts a parsed
 * fontkit font (fontkit is pdfkit's own dependency, resolved from pdfkit's location) and embeds a
 * fresh subset per document. Each document gets a view of the face with its own glyph cache:
 * fontkit caches a glyph with the characters it was first met for, and the ToUnicode map that
 * makes the text extractable is written from them.
 */
let parsedFonts: [FontName, object][] | undefined;
function fontFaces(): [FontName, object][] {
  if (!parsedFonts) {
    const fontkit = createRequire(require.resolve("pdfkit"))("fontkit") as {
      create: (data: Buffer) => object;
    };
    parsedFonts = Object.entries(FONT_FILES).map(([name, file]) => [
      name as FontName,
      fontkit.create(readFileSync(file)),
    ]);
  }
  return parsedFonts.map(([name, face]) => [
    name,
    Object.create(face, { _glyphs: { value: {}, writable: true } }),
  ]);
}

export interface DocumentMeta {
  title: string;
  subject: string;
  author?: string | undefined;
}

export interface RenderOptions {
  /** Fixes CreationDate (and so the file ID) for reproducible output. */
  creationDate?: Date | undefined;
}

export const upper = (value: string): string => normalizeText(value).toLocaleUpperCase("vi");

/** The agency block (ô 2–3) and the place-date (ô 4). */
export interface HeaderSpec {
  parentAgency?: string | undefined;
  agency: string;
  /** Full number and ký hiệu without "Số:", e.g. "05/TTr-THPTLQĐ". */
  number?: string | undefined;
  /** Already formatted: "Hà Tĩnh, ngày 05 tháng 02 năm 2026". */
  placeDate?: string | undefined;
}

interface SignatureBlock {
  /** Quyền hạn and chức vụ lines, upper case bold: ["KT. HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG"]. */
  lines: string[];
  name: string;
  /** Italic hint under the title, e.g. "(Ký, ghi rõ họ tên)". */
  hint?: string | undefined;
}

export interface ClosingSpec {
  /** The body's last paragraph ("Kính trình … ./."): kept on the signature's page. */
  lead?: string | undefined;
  signatures: SignatureBlock[];
  /** Nơi nhận lines without the leading "- " and final punctuation. */
  copies?: string[] | undefined;
}

/** A PDF under construction in the NĐ 30/2020 layout. */
export class OfficialPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;
  /** Pages so far, and the page number of the current numbered run (the document, then each annex). */
  private pageNumber = 1;
  private restartPending = false;
  private font: { name: FontName; size: number } = { name: FONT.regular, size: SIZE.body };

  constructor(meta: DocumentMeta, orientation: Orientation = "portrait", options: RenderOptions = {}) {
    this.doc = new PDFDocument({
      size: "A4",
      layout: orientation,
      margins: orientation === "portrait" ? PORTRAIT_MARGINS : LANDSCAPE_MARGINS,
      autoFirstPage: true,
      pdfVersion: "1.7",
      info: {
        Title: normalizeText(meta.title),
        Subject: normalizeText(meta.subject),
        Author: normalizeText(meta.author ?? documentText.author),
        Creator: "TĐKT",
        Producer: "TĐKT (pdfkit)",
        CreationDate: options.creationDate ?? new Date(),
      },
    });
    for (const [name, face] of fontFaces()) this.doc.registerFont(name, face as PDFKit.Mixins.PDFFontSource);
    this.use(FONT.regular, SIZE.body);
    // Numbering as pages open (rather than at the end) lets pdfkit flush each page as it is done.
    this.doc.on("pageAdded", () => this.numberPage());
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks)));
      this.doc.on("error", reject);
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }
  get contentWidth(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }
  get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  use(font: FontName, size: number): this {
    this.font = { name: font, size };
    this.doc.font(font).fontSize(size);
    return this;
  }

  /** Page numbers from page 2 of each run, centred in the top margin (NĐ 30/2020 Phụ lục I, I.7). */
  private numberPage(): void {
    this.pageNumber = this.restartPending ? 1 : this.pageNumber + 1;
    this.restartPending = false;
    if (this.pageNumber === 1) return;
    const page = this.doc.page;
    const current = this.font;
    this.doc.font(FONT.regular).fontSize(SIZE.body);
    this.doc.text(String(this.pageNumber), page.margins.left, page.margins.top / 2 - 7, {
      width: page.width - page.margins.left - page.margins.right,
      align: "center",
      lineBreak: false,
    });
    this.use(current.name, current.size);
    this.doc.x = page.margins.left;
    this.doc.y = page.margins.top;
  }

  /** Starts a new page; `restartNumbering` begins an annex whose pages are numbered on their own. */
  newPage(orientation?: Orientation, restartNumbering = false): void {
    const layout = orientation ?? (this.doc.page.width > this.doc.page.height ? "landscape" : "portrait");
    this.restartPending = restartNumbering;
    this.doc.addPage({
      size: "A4",
      layout,
      margins: layout === "portrait" ? PORTRAIT_MARGINS : LANDSCAPE_MARGINS,
    });
    this.doc.x = this.left;
    this.doc.y = this.doc.page.margins.top;
  }

  /** Makes sure `height` points fit below the cursor, else starts a new page. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  /** Centred text in a column, returns the y below it. */
  private centred(text: string, x: number, y: number, width: number, font: FontName, size: number): number {
    this.use(font, size).doc.text(normalizeText(text), x, y, { width, align: "center", lineGap: 0 });
    return this.doc.y;
  }

  private rule(centreX: number, y: number, width: number): void {
    this.doc
      .moveTo(centreX - width / 2, y)
      .lineTo(centreX + width / 2, y)
      .lineWidth(0.6)
      .stroke();
  }

  /** Ô 1–4: agency (left) and quốc hiệu–tiêu ngữ (right), then số and place-date on one line. */
  header(spec: HeaderSpec): void {
    const top = this.doc.page.margins.top;
    const national = documentText.nationalName;
    const rightWidth = Math.max(
      this.contentWidth * 0.58,
      this.use(FONT.bold, SIZE.header).doc.widthOfString(national) + 6,
    );
    const leftWidth = this.contentWidth - rightWidth;
    const leftX = this.left;
    const rightX = leftX + leftWidth;

    let leftY = top;
    if (spec.parentAgency)
      leftY = this.centred(upper(spec.parentAgency), leftX, leftY, leftWidth, FONT.regular, SIZE.header);
    const agency = upper(spec.agency);
    leftY = this.centred(agency, leftX, leftY, leftWidth, FONT.bold, SIZE.header);
    const agencyWidth = Math.min(this.doc.widthOfString(agency), leftWidth);
    this.rule(leftX + leftWidth / 2, leftY + 2, Math.max(agencyWidth / 3, mm(18)));

    let rightY = this.centred(national, rightX, top, rightWidth, FONT.bold, SIZE.header);
    rightY = this.centred(documentText.motto, rightX, rightY, rightWidth, FONT.bold, SIZE.motto);
    this.rule(rightX + rightWidth / 2, rightY + 1, this.doc.widthOfString(documentText.motto));

    const lineY = Math.max(leftY, rightY) + 8;
    let bottomY = lineY;
    if (spec.number)
      bottomY = this.centred(
        `${documentText.numberPrefix} ${spec.number}`,
        leftX,
        lineY,
        leftWidth,
        FONT.regular,
        SIZE.number,
      );
    if (spec.placeDate)
      bottomY = Math.max(
        bottomY,
        this.centred(spec.placeDate, rightX, lineY, rightWidth, FONT.italic, SIZE.number),
      );
    this.doc.x = this.left;
    this.doc.y = bottomY + 14;
  }

  /** Ô 5a: tên loại and trích yếu, centred and bold, a short rule under them. */
  title(kind: string, summary: readonly string[] = [], ruled = true): void {
    const x = this.left;
    const width = this.contentWidth;
    let y = this.centred(upper(kind), x, this.doc.y, width, FONT.bold, SIZE.title);
    let widest = 0;
    for (const line of summary) {
      y = this.centred(line, x, y, width, FONT.bold, SIZE.title);
      widest = Math.max(widest, Math.min(this.doc.widthOfString(normalizeText(line)), width));
    }
    if (ruled && summary.length > 0) this.rule(x + width / 2, y + 2, Math.max(widest / 3, mm(25)));
    this.doc.x = x;
    this.doc.y = y + 12;
  }

  /** A centred line under the title, e.g. "(Kèm theo Tờ trình số …)" in italics. */
  centredLine(text: string, font: FontName = FONT.italic, size: number = SIZE.body): void {
    this.doc.y = this.centred(text, this.left, this.doc.y, this.contentWidth, font, size) + 4;
    this.doc.x = this.left;
  }

  /** Ô 9a: "Kính gửi:" with one recipient on the same line, several as "- " lines. */
  recipients(names: readonly string[]): void {
    this.use(FONT.regular, SIZE.body);
    const label = documentText.recipientsTo;
    const first = names[0];
    if (names.length === 1 && first !== undefined) {
      this.centredLine(`${label} ${normalizeText(first)}.`, FONT.regular, SIZE.body);
    } else {
      const labelWidth = this.doc.widthOfString(`${label} `);
      const x = this.left + this.contentWidth * 0.22;
      const y = this.doc.y;
      this.doc.text(label, x, y, { lineBreak: false });
      this.doc.y = y;
      names.forEach((name, index) => {
        const end = index === names.length - 1 ? "." : ";";
        this.doc.text(`- ${normalizeText(name)}${end}`, x + labelWidth, this.doc.y, {
          width: this.contentWidth * 0.78 - labelWidth,
        });
      });
    }
    this.doc.x = this.left;
    this.doc.y += 8;
  }

  /** Căn cứ: italic, each on its own line ending ";", the last one ending "." (or `lastEnd`). */
  legalBases(lines: readonly string[], lastEnd = "."): void {
    lines.forEach((line, index) => {
      const text = normalizeText(line).replace(/[;.,]+$/u, "");
      this.paragraph(`${text}${index === lines.length - 1 ? lastEnd : ";"}`, { font: FONT.italic });
    });
  }

  /** A body paragraph: justified, 1 cm first-line indent, 6 pt after. */
  paragraph(
    text: string,
    options: { font?: FontName; size?: number; indent?: boolean; align?: "justify" | "left" | "center" } = {},
  ): void {
    const size = options.size ?? SIZE.body;
    const layout = {
      width: this.contentWidth,
      align: options.align ?? "justify",
      indent: options.indent === false ? 0 : INDENT,
      lineGap: LINE_GAP,
      paragraphGap: PARAGRAPH_GAP,
    };
    const normalized = normalizeText(text);
    // "Điều 1." opening a paragraph is bold (NĐ 30/2020 Phụ lục I, II.6đ).
    const article = options.font === undefined ? /^Điều \d+\.\s/u.exec(normalized)?.[0] : undefined;
    if (article) {
      this.use(FONT.bold, size).doc.text(article, this.left, this.doc.y, { ...layout, continued: true });
      this.use(FONT.regular, size).doc.text(normalized.slice(article.length), layout);
    } else {
      this.use(options.font ?? FONT.regular, size).doc.text(normalized, this.left, this.doc.y, layout);
    }
    this.doc.x = this.left;
  }

  /** A heading inside the body ("I. SƠ LƯỢC LÝ LỊCH", "Điều 1."). */
  heading(text: string, align: "left" | "center" = "left"): void {
    this.ensureSpace(60);
    this.paragraph(text, { font: FONT.bold, indent: align === "left", align });
  }

  /**
   * Ô 7 and 9b: signatures and nơi nhận, kept together on one page. One signature sits right with
   * nơi nhận left on the same line; two or more share the width (biên bản: thư ký left, chủ tọa
   * right) and nơi nhận goes under them on the left.
   */
  closing(spec: ClosingSpec): void {
    const blocks = spec.signatures;
    const copies = spec.copies ?? [];
    const blockHeight = (block: SignatureBlock) =>
      block.lines.length * 17 + (block.hint ? 16 : 0) + SIGNATURE_SPACE + 20;
    const signaturesHeight = Math.max(...blocks.map(blockHeight), 0);
    const copiesHeight = copies.length > 0 ? 16 + copies.length * 13 : 0;
    const sideBySide = blocks.length === 1;
    const needed = sideBySide ? Math.max(signaturesHeight, copiesHeight) : signaturesHeight + copiesHeight;
    const leadHeight = spec.lead
      ? this.use(FONT.regular, SIZE.body).doc.heightOfString(normalizeText(spec.lead), {
          width: this.contentWidth,
          indent: INDENT,
          lineGap: LINE_GAP,
        }) + PARAGRAPH_GAP
      : 0;
    this.ensureSpace(needed + leadHeight + 6);
    if (spec.lead) this.paragraph(spec.lead);
    this.doc.y += 6;
    const top = this.doc.y;

    const columnWidth = sideBySide ? this.contentWidth * 0.55 : this.contentWidth / blocks.length;
    const columnX = (index: number) =>
      sideBySide ? this.left + this.contentWidth - columnWidth : this.left + index * columnWidth;
    // Titles first; the names then share one line under the tallest title.
    let titlesBottom = top;
    blocks.forEach((block, index) => {
      let y = top;
      for (const line of block.lines)
        y = this.centred(upper(line), columnX(index), y, columnWidth, FONT.bold, SIZE.body);
      if (block.hint) y = this.centred(block.hint, columnX(index), y, columnWidth, FONT.italic, SIZE.body);
      titlesBottom = Math.max(titlesBottom, y);
    });
    let bottom = top;
    blocks.forEach((block, index) => {
      const y = this.centred(
        block.name,
        columnX(index),
        titlesBottom + SIGNATURE_SPACE,
        columnWidth,
        FONT.bold,
        SIZE.body,
      );
      bottom = Math.max(bottom, y);
    });

    if (copies.length > 0) {
      let y = sideBySide ? top : bottom + 12;
      this.use(FONT.boldItalic, SIZE.copiesLabel).doc.text(documentText.copiesTo, this.left, y, {
        lineBreak: false,
      });
      y += 16;
      this.use(FONT.regular, SIZE.copies);
      const width = sideBySide ? this.contentWidth * 0.44 : this.contentWidth * 0.5;
      copies.forEach((line, index) => {
        const text = normalizeText(line).replace(/[;.]+$/u, "");
        this.doc.text(`- ${text}${index === copies.length - 1 ? "." : ";"}`, this.left, y, { width });
        y = this.doc.y;
      });
      bottom = Math.max(bottom, y);
    }
    this.doc.x = this.left;
    this.doc.y = bottom + 12;
  }

  /** The finished file. */
  async finish(): Promise<Buffer> {
    this.doc.end();
    return this.done;
  }
}
