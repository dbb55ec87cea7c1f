/**
 * Báo cáo thành tích (docs/domain.md §9.3; NĐ 152/2025 Mẫu số 05 content): individual (sơ lược lý lịch)
 * or collective (đặc điểm, tình hình), then achievements and the awards already received.
 */
import { z } from "zod";
import { AwardCode, Gender } from "../domain/codes.js";
import { awardCodeLabels, documentKindText, documentText, genderLabels } from "../domain/messages/index.js";
import { IsoDate } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { formatDateVi } from "../domain/text.js";
import { awardPhrase } from "./awards.js";
import { Agency, parseDocumentInput, placeDateOf, Signer, signatureOf } from "./inputs.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

const KIND = documentKindText.baoCao;
const text = z.string().trim().min(1);

const PriorAward = z.object({
  year: SchoolYear,
  code: AwardCode,
  /** "Số 15/QĐ-SGDĐT ngày 10/6/2025 của Giám đốc Sở GD&ĐT". */
  decision: text,
});

const Common = {
  issuer: Agency,
  date: IsoDate,
  schoolYear: SchoolYear,
  proposed: AwardCode,
  duties: text,
  achievements: z.array(text).min(1),
  priorAwards: z.array(PriorAward).default([]),
};

export const BaoCaoInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("individual"),
    ...Common,
    fullName: text,
    birthDate: IsoDate,
    gender: Gender,
    hometown: text.optional(),
    residence: text.optional(),
    workplace: text,
    position: text,
    qualification: text.optional(),
    politicalTheory: text.optional(),
    /** Thủ trưởng đơn vị xác nhận. */
    certifier: Signer,
  }),
  z.object({
    kind: z.literal("collective"),
    ...Common,
    name: text,
    address: text,
    phone: text.optional(),
    history: text,
    structure: text,
    /** "Chi bộ có 15 đảng viên…", or "Không có tổ chức đảng, đoàn thể" (HS-06). */
    organisations: text,
    head: Signer,
    certifier: Signer.optional(),
  }),
]);
export type BaoCaoInput = z.input<typeof BaoCaoInput>;

export async function renderBaoCao(input: BaoCaoInput, options: RenderOptions = {}): Promise<Buffer> {
  const data = parseDocumentInput(BaoCaoInput, input, KIND.name);
  const subject = data.kind === "individual" ? data.fullName : data.name;
  const pdf = new OfficialPdf(
    { title: `Báo cáo thành tích — ${subject}`, subject: KIND.name },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(KIND.title, [`Đề nghị tặng ${awardPhrase(data.proposed)} năm học ${data.schoolYear}`]);
  if (data.kind === "individual") {
    pdf.heading("I. SƠ LƯỢC LÝ LỊCH");
    const lines = [
      `Họ và tên: ${data.fullName}; giới tính: ${genderLabels[data.gender]}`,
      `Ngày, tháng, năm sinh: ${formatDateVi(data.birthDate)}`,
      data.hometown ? `Quê quán: ${data.hometown}` : "",
      data.residence ? `Trú quán: ${data.residence}` : "",
      `Đơn vị công tác: ${data.workplace}`,
      `Chức vụ (Đảng, chính quyền, đoàn thể): ${data.position}`,
      data.qualification ? `Trình độ chuyên môn, nghiệp vụ: ${data.qualification}` : "",
      data.politicalTheory ? `Lý luận chính trị: ${data.politicalTheory}` : "",
    ];
    for (const line of lines.filter(Boolean)) pdf.paragraph(`- ${line}.`);
  } else {
    pdf.heading("I. ĐẶC ĐIỂM, TÌNH HÌNH");
    pdf.paragraph(
      `- Tên tập thể: ${data.name}; địa chỉ: ${data.address}${data.phone ? `; điện thoại: ${data.phone}` : ""}.`,
    );
    pdf.paragraph(`- Quá trình thành lập và phát triển: ${data.history}`);
    pdf.paragraph(`- Cơ cấu tổ chức: ${data.structure}`);
    pdf.paragraph(`- Tổ chức Đảng, đoàn thể: ${data.organisations}`);
  }
  pdf.heading("II. THÀNH TÍCH ĐẠT ĐƯỢC");
  pdf.paragraph(`1. Quyền hạn, nhiệm vụ được giao: ${data.duties}`);
  pdf.paragraph("2. Thành tích đạt được:");
  for (const achievement of data.achievements) pdf.paragraph(achievement);
  pdf.heading("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG");
  if (data.priorAwards.length === 0) pdf.paragraph("Chưa được khen thưởng.");
  else
    drawTable(pdf, {
      columns: [
        { header: "Năm học", weight: 0, keepWhole: true },
        { header: "Danh hiệu thi đua, hình thức khen thưởng", weight: 2 },
        { header: "Số, ngày quyết định; cơ quan ban hành", weight: 3 },
      ],
      rows: [...data.priorAwards]
        .sort((a, b) => a.year.localeCompare(b.year))
        .map((award) => ({ cells: [award.year, awardCodeLabels[award.code], award.decision] })),
    });
  const certifier = data.certifier
    ? [
        {
          ...signatureOf(data.certifier),
          lines: ["XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ", ...signatureOf(data.certifier).lines],
        },
      ]
    : [];
  const author =
    data.kind === "individual"
      ? { lines: ["NGƯỜI BÁO CÁO THÀNH TÍCH"], name: data.fullName, hint: documentText.signatureHint }
      : signatureOf(data.head);
  pdf.closing({ signatures: [...certifier, author] });
  return pdf.finish();
}
