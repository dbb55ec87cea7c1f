/**
 * Danh sách trích ngang of 2,000 individuals (docs/design.md §9: ≤ 1.5 s, ≤ 1 MB). The floor is pdfkit
 * writing the same text with the same font, one line per row, without any layout.
 */
import PDFDocument from "pdfkit";
import { sampleSchool } from "../functions/sample/documents.js";
import { renderDanhSach } from "../functions/src/documents/danh-sach.js";
import { FONT, FONT_FILES } from "../functions/src/documents/layout.js";
import { type BenchResult, medianMs, result } from "./harness.js";

const ROWS = 2_000;
const BUDGET_MS = 1_500;
const BUDGET_KB = 1_024;

const FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thị Thu", "Quốc", "Đức", "Ngọc", "Thanh"];
const GIVEN = [
  "An",
  "Bình",
  "Châu",
  "Dũng",
  "Hạnh",
  "Ánh",
  "Đức",
  "Yến",
  "Long",
  "Hương",
  "Tuấn",
  "Thảo",
  "Phương",
];
const GROUPS = [
  "Toán - Tin",
  "Ngữ văn",
  "Tiếng Anh",
  "Vật lý - Công nghệ",
  "Hóa - Sinh",
  "Sử - Địa - GDCD",
  "Văn phòng",
];

function rows() {
  return Array.from({ length: ROWS }, (_, index) => {
    const cstd = index % 9 === 0;
    return {
      code: cstd ? "CSTD_CS" : "LDTT",
      fullName: `${FAMILY[index % FAMILY.length]} ${MIDDLE[(index * 7) % MIDDLE.length]} ${GIVEN[(index * 5) % GIVEN.length]}`,
      gender: index % 3 === 0 ? "M" : "F",
      birthDate: `19${70 + (index % 30)}-0${1 + (index % 9)}-1${index % 10}`,
      ethnicity: "Kinh",
      positionAndUnit: `Giáo viên, Tổ ${GROUPS[index % GROUPS.length]}`,
      rating: cstd ? "HTXS" : "HTT",
      initiatives: cstd ? `Sáng kiến cấp cơ sở, QĐ số ${index}/QĐ-THPT` : undefined,
      priorAwards: index % 2 === 0 ? "LĐTT 2024-2025" : undefined,
      achievements: cstd ? "Hoàn thành xuất sắc nhiệm vụ" : "Hoàn thành tốt nhiệm vụ",
      vote: cstd ? "9/9 (100%)" : undefined,
    };
  });
}

const input = () => ({
  kind: "individual" as const,
  issuer: sampleSchool,
  schoolYear: "2025-2026",
  proposalRef: { number: 5, date: "2026-05-20" },
  rows: rows() as never,
});

/** The same strings, one line per row, no table, no wrapping. */
function plainPdf(lines: readonly string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 40 });
  doc.registerFont("body", FONT_FILES[FONT.regular]).font("body").fontSize(11);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  let y = 40;
  for (const line of lines) {
    if (y > 540) {
      doc.addPage();
      y = 40;
    }
    doc.text(line, 40, y, { lineBreak: false });
    y += 13;
  }
  doc.end();
  return done;
}

export async function run(): Promise<BenchResult[]> {
  const data = input();
  const lines = (data.rows as unknown as Record<string, unknown>[]).map((row) =>
    Object.values(row).filter(Boolean).join("  "),
  );
  let bytes = 0;
  let floorBytes = 0;
  const measure = { warmup: 1, runs: 5 };
  const ms = await medianMs(async () => {
    bytes = (await renderDanhSach(data)).length;
  }, measure);
  const floorMs = await medianMs(async () => {
    floorBytes = (await plainPdf(lines)).length;
  }, measure);
  return [
    result(`danh sách trích ngang, ${ROWS.toLocaleString("en")} rows: time`, ms, "ms", BUDGET_MS, floorMs),
    result(
      `danh sách trích ngang, ${ROWS.toLocaleString("en")} rows: size`,
      bytes / 1024,
      "KB",
      BUDGET_KB,
      floorBytes / 1024,
    ),
  ];
}
