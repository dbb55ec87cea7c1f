/**
 * Bảng thống kê khen thưởng theo phân loại đối tượng: the statistics table of services/statistics.ts
 * in the NĐ 30/2020 layout (landscape: one column per class of subject), signed by the Department.
 */
import { z } from "zod";
import { provinceMessages } from "../domain/messages/index.js";
import { IsoDate } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { Agency, type Draft, parseDocumentInput, placeDateOf, Signer, signatureOf } from "./inputs.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

export const ThongKeInput = z.object({
  issuer: Agency,
  date: IsoDate,
  schoolYear: SchoolYear,
  signer: Signer,
  /** Units whose ledgers were counted (the source line under the table). */
  units: z.number().int().nonnegative(),
  table: z.object({
    header: z.array(z.string().min(1)).min(2),
    /** Lines of counts, the last one the totals (services/statistics.ts statisticsTable). */
    rows: z.array(z.array(z.union([z.string(), z.number()]))),
  }),
});
export type ThongKeInput = z.input<typeof ThongKeInput>;

export async function renderThongKe(
  input: Draft<ThongKeInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(ThongKeInput, input, provinceMessages.statisticsDocumentName);
  const pdf = new OfficialPdf(
    {
      title: provinceMessages.statisticsDocumentSummary(data.schoolYear),
      subject: provinceMessages.statisticsDocumentName,
    },
    "landscape",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(provinceMessages.statisticsDocumentTitle, [
    provinceMessages.statisticsDocumentSummary(data.schoolYear),
  ]);
  const [first, ...counted] = data.table.header;
  const rows = data.table.rows;
  drawTable(pdf, {
    columns: [
      { header: "STT", weight: 0, align: "center", keepWhole: true },
      { header: first ?? "", weight: 3 },
      ...counted.map((header) => ({ header, weight: 1.2, align: "center" as const })),
    ],
    rows: rows.map((cells, index) => {
      const total = index === rows.length - 1;
      return { cells: [total ? "" : String(index + 1), ...cells.map(String)], bold: total };
    }),
  });
  pdf.paragraph(
    rows.length > 1 ? provinceMessages.statisticsSource(data.units) : provinceMessages.statisticsNoAwards,
  );
  pdf.closing({ signatures: [signatureOf(data.signer)] });
  return pdf.finish();
}
