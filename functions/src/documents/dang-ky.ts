/**
 * Bản đăng ký thi đua (docs/domain.md §9.5): individual or collective, with the titles and forms
 * registered and the commitments as key/target pairs so the year-end results can be set beside them.
 */
import { z } from "zod";
import { AwardCode } from "../domain/codes.js";
import { awardCodeLabels, documentKindText, documentText } from "../domain/messages/index.js";
import { IsoDate } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { formatNumberVi } from "../domain/text.js";
import { Agency, parseDocumentInput, placeDateOf, Signer, signatureOf } from "./inputs.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

const KIND = documentKindText.dangKy;
const text = z.string().trim().min(1);

const CommitmentLine = z.object({
  key: text,
  /** The readable name of the key, e.g. "Tỷ lệ học sinh khá, giỏi". */
  label: text.optional(),
  target: z.union([z.number(), text]),
  unit: z.string().optional(),
});

const Common = {
  issuer: Agency,
  date: IsoDate,
  schoolYear: SchoolYear,
  recipient: text,
  titles: z.array(AwardCode).default([]),
  forms: z.array(AwardCode).default([]),
  commitments: z.array(CommitmentLine).min(1),
};

export const DangKyInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("individual"),
    ...Common,
    fullName: text,
    birthYear: z.number().int(),
    position: text,
    group: text,
    teaching: text.optional(),
    groupLeader: Signer.optional(),
  }),
  z.object({
    kind: z.literal("collective"),
    ...Common,
    staffCount: z.number().int().positive(),
    individualsLdtt: z.number().int().nonnegative(),
    individualsCstdcs: z.number().int().nonnegative(),
    head: Signer,
  }),
]);
export type DangKyInput = z.input<typeof DangKyInput>;

const labels = (codes: readonly AwardCode[]): string =>
  codes.length > 0 ? codes.map((code) => awardCodeLabels[code]).join(", ") : "Không đăng ký";

export async function renderDangKy(input: DangKyInput, options: RenderOptions = {}): Promise<Buffer> {
  const data = parseDocumentInput(DangKyInput, input, KIND.name);
  const who = data.kind === "individual" ? data.fullName : data.issuer.name;
  const pdf = new OfficialPdf(
    { title: `Bản đăng ký thi đua năm học ${data.schoolYear} — ${who}`, subject: KIND.name },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(KIND.title, [`Năm học ${data.schoolYear}`]);
  pdf.recipients([data.recipient]);
  if (data.kind === "individual") {
    pdf.paragraph(`Họ và tên: ${data.fullName}; năm sinh: ${data.birthYear}.`);
    pdf.paragraph(`Chức vụ: ${data.position}; tổ: ${data.group}.`);
    if (data.teaching) pdf.paragraph(`Môn dạy, lớp chủ nhiệm: ${data.teaching}.`);
  } else {
    pdf.paragraph(
      `Tên đơn vị: ${data.issuer.name}; tổng số cán bộ, giáo viên, nhân viên: ${data.staffCount}.`,
    );
    pdf.paragraph(
      `Số cá nhân đăng ký danh hiệu “Lao động tiên tiến”: ${data.individualsLdtt}; “Chiến sĩ thi đua cơ sở”: ${data.individualsCstdcs}.`,
    );
  }
  pdf.paragraph(`1. Danh hiệu thi đua đăng ký: ${labels(data.titles)}.`);
  pdf.paragraph(`2. Hình thức khen thưởng đăng ký: ${labels(data.forms)}.`);
  pdf.paragraph("3. Chỉ tiêu, cam kết:");
  drawTable(pdf, {
    columns: [
      { header: "STT", weight: 0, align: "center", keepWhole: true },
      { header: "Nội dung", weight: 4 },
      { header: "Chỉ tiêu", weight: 1, align: "center", keepWhole: true },
      { header: "Đơn vị tính", weight: 1, align: "center" },
    ],
    rows: data.commitments.map((line, index) => ({
      cells: [
        String(index + 1),
        line.label ?? line.key,
        typeof line.target === "number" ? formatNumberVi(line.target) : line.target,
        line.unit ?? "-",
      ],
    })),
  });
  const signatures =
    data.kind === "individual"
      ? [
          ...(data.groupLeader
            ? [{ ...signatureOf(data.groupLeader), lines: ["XÁC NHẬN CỦA TỔ TRƯỞNG"] }]
            : []),
          { lines: ["NGƯỜI ĐĂNG KÝ"], name: data.fullName, hint: documentText.signatureHint },
        ]
      : [signatureOf(data.head)];
  pdf.closing({ lead: "Tôi (đơn vị) xin cam kết thực hiện đầy đủ các nội dung đã đăng ký./.", signatures });
  return pdf.finish();
}
