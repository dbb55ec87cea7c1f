/**
 * Biên bản kiểm tra công tác thi đua, khen thưởng (NĐ 30/2020 Phụ lục I, as the council's minutes of
 * bien-ban.ts): the Department's header and number line, the team and the unit's representatives,
 * the findings item by item, the recommendations with their deadlines, the re-check when there was
 * one; the unit's head signs left, the team leader right.
 */
import { z } from "zod";
import { InspectionItem } from "../domain/codes.js";
import { formatDocumentNumber } from "../domain/document-number.js";
import { Finding, TeamRole, VisitKind } from "../domain/inspection.js";
import {
  findingLabels,
  inspectionItemLabels,
  inspectionMessages as msg,
  teamRoleLabels,
  visitKindLabels,
} from "../domain/messages/index.js";
import { IsoDate } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { formatDateVi } from "../domain/text.js";
import { Agency, Copies, type Draft, parseDocumentInput, placeDateOf, standardCopies } from "./inputs.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

const text = z.string().trim().min(1);

export const BienBanKiemTraInput = z.object({
  issuer: Agency,
  number: z.number().int().positive(),
  schoolYear: SchoolYear,
  visit: z.object({ date: IsoDate, kind: VisitKind }),
  team: z.object({
    name: text,
    members: z.array(z.object({ name: text, position: text, role: TeamRole })).min(1),
  }),
  unit: z.object({
    name: text,
    head: z.object({ name: text, position: text }),
    representatives: z.array(text).default([]),
  }),
  findings: z
    .array(
      z.object({
        item: InspectionItem,
        finding: Finding,
        note: text.optional(),
        recommendation: text.optional(),
        deadline: IsoDate.optional(),
        recheckDate: IsoDate.optional(),
        recheckDone: z.boolean().optional(),
        recheckNote: text.optional(),
      }),
    )
    .min(1),
  copies: Copies,
});
export type BienBanKiemTraInput = z.input<typeof BienBanKiemTraInput>;

const NUMBER_COLUMN = { header: "STT", weight: 0, align: "center" as const, keepWhole: true };

export async function renderBienBanKiemTra(
  input: Draft<BienBanKiemTraInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(BienBanKiemTraInput, input, msg.documentName);
  const topic = msg.topic(data.unit.name, data.schoolYear);
  const pdf = new OfficialPdf(
    { title: `Biên bản ${topic.toLocaleLowerCase("vi")}`, subject: msg.documentName },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    number: formatDocumentNumber(data.number, msg.documentCode, data.issuer.abbreviation),
    placeDate: placeDateOf(data.issuer, data.visit.date),
  });
  pdf.title(msg.documentTitle, [topic]);
  pdf.paragraph(
    `Thực hiện Kế hoạch kiểm tra, tư vấn công tác thi đua, khen thưởng năm học ${data.schoolYear} (hình thức: ${visitKindLabels[data.visit.kind].toLocaleLowerCase("vi")}), ngày ${formatDateVi(data.visit.date)}, ${data.team.name} làm việc tại ${data.unit.name}.`,
  );
  pdf.heading("I. THÀNH PHẦN");
  pdf.paragraph(`1. ${data.team.name}:`);
  for (const member of data.team.members)
    pdf.paragraph(
      `- ${member.name}, ${member.position}, ${teamRoleLabels[member.role].toLocaleLowerCase("vi")};`,
    );
  pdf.paragraph(`2. Đại diện ${data.unit.name}:`);
  for (const person of [`${data.unit.head.name}, ${data.unit.head.position}`, ...data.unit.representatives])
    pdf.paragraph(`- ${person};`);
  pdf.heading("II. KẾT QUẢ KIỂM TRA");
  const met = data.findings.filter((finding) => finding.finding === "DAT").length;
  pdf.paragraph(
    `Đoàn kiểm tra ${data.findings.length} nội dung; đạt ${met}, chưa đạt ${data.findings.length - met}:`,
  );
  drawTable(pdf, {
    columns: [
      NUMBER_COLUMN,
      { header: "Nội dung kiểm tra", weight: 4 },
      { header: "Kết quả", weight: 1, align: "center", keepWhole: true },
      { header: "Ghi chú", weight: 3 },
    ],
    rows: data.findings.map((finding, index) => ({
      cells: [
        String(index + 1),
        inspectionItemLabels[finding.item],
        findingLabels[finding.finding],
        finding.note ?? "",
      ],
    })),
  });
  const recommended = data.findings.filter((finding) => finding.recommendation !== undefined);
  pdf.heading("III. KIẾN NGHỊ");
  if (recommended.length === 0) pdf.paragraph("Đoàn kiểm tra không có kiến nghị.");
  else
    drawTable(pdf, {
      columns: [
        NUMBER_COLUMN,
        { header: "Nội dung kiểm tra", weight: 3 },
        { header: "Kiến nghị", weight: 4 },
        { header: "Thời hạn", weight: 1, align: "center", keepWhole: true },
      ],
      rows: recommended.map((finding, index) => ({
        cells: [
          String(index + 1),
          inspectionItemLabels[finding.item],
          finding.recommendation ?? "",
          finding.deadline ? formatDateVi(finding.deadline) : "",
        ],
      })),
    });
  const rechecked = recommended.filter((finding) => finding.recheckDate !== undefined);
  if (rechecked.length > 0) {
    pdf.heading("IV. KẾT QUẢ KIỂM TRA LẠI");
    drawTable(pdf, {
      columns: [
        NUMBER_COLUMN,
        { header: "Kiến nghị", weight: 4 },
        { header: "Ngày kiểm tra lại", weight: 1, align: "center", keepWhole: true },
        { header: "Kết quả", weight: 1, align: "center" },
        { header: "Ghi chú", weight: 2 },
      ],
      rows: rechecked.map((finding, index) => ({
        cells: [
          String(index + 1),
          finding.recommendation ?? "",
          finding.recheckDate ? formatDateVi(finding.recheckDate) : "",
          finding.recheckDone ? "Đã khắc phục" : "Chưa khắc phục",
          finding.recheckNote ?? "",
        ],
      })),
    });
  }
  const leader = data.team.members.find((member) => member.role === "TRUONG_DOAN") ?? data.team.members[0];
  pdf.closing({
    lead: "Biên bản được lập thành 02 bản, đoàn kiểm tra giữ 01 bản, đơn vị giữ 01 bản; đã đọc lại cho các thành phần dự cùng nghe và thống nhất ký tên./.",
    signatures: [
      { lines: ["ĐẠI DIỆN ĐƠN VỊ", data.unit.head.position], name: data.unit.head.name },
      { lines: ["TRƯỞNG ĐOÀN KIỂM TRA"], name: leader?.name ?? "" },
    ],
    copies: standardCopies([data.unit.name, ...data.copies], "Hồ sơ kiểm tra", false),
  });
  return pdf.finish();
}
