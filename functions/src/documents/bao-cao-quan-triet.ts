/**
 * Báo cáo công tác tuyên truyền, quán triệt (docs/duties.md): the year's new documents with their
 * deadlines and how far they reached, then each unit's session and acknowledgements per document,
 * then the units overdue. NĐ 30/2020 layout, landscape for the wide tables.
 */
import { z } from "zod";
import type { DisseminationReport } from "../domain/dissemination.js";
import { formatDocumentNumber } from "../domain/document-number.js";
import { briefingStatusLabels, dutyDocumentKinds, dutyMessages as msg } from "../domain/messages/index.js";
import { IsoDate } from "../domain/model.js";
import {
  Agency,
  Copies,
  parseDocumentInput,
  placeDateOf,
  Signer,
  signatureOf,
  standardCopies,
} from "./inputs.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable, type TableColumn } from "./table.js";

const KIND = dutyDocumentKinds.dissemination;

export const BaoCaoQuanTrietInput = z.object({
  issuer: Agency,
  date: IsoDate,
  number: z.number().int().positive().optional(),
  signer: Signer,
  copies: Copies,
  /** Computed by domain/dissemination.ts from stored rows, never typed by hand. */
  report: z.custom<DisseminationReport>((value) => typeof value === "object" && value !== null),
});
export type BaoCaoQuanTrietInput = z.input<typeof BaoCaoQuanTrietInput>;

/** Table columns from their headers: a weight each, centred where `centred` says. */
export const columnsOf = (
  headers: readonly string[],
  weights: readonly number[],
  centred: ReadonlySet<number>,
): TableColumn[] =>
  headers.map((header, index) => ({
    header,
    weight: weights[index] ?? 1,
    ...(centred.has(index) ? { align: "center" as const } : {}),
    ...(weights[index] === 0 ? { keepWhole: true } : {}),
  }));

export async function renderBaoCaoQuanTriet(
  input: BaoCaoQuanTrietInput,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(BaoCaoQuanTrietInput, input, KIND.name);
  const { report } = data;
  const pdf = new OfficialPdf(
    { title: `${KIND.name} năm học ${report.year}`, subject: KIND.name },
    "landscape",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    number:
      data.number === undefined
        ? undefined
        : formatDocumentNumber(data.number, KIND.code, data.issuer.abbreviation),
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(KIND.title, [msg.disseminationPdfSummary(report.year)]);
  pdf.paragraph(
    msg.disseminationPdfIntro(
      report.documents.length,
      report.units.length,
      report.overdueUnits.length,
      report.asOf,
      report.deadlineDays,
    ),
  );

  pdf.heading(msg.disseminationDocumentsHeading);
  drawTable(pdf, {
    columns: columnsOf(msg.disseminationDocumentColumns, [0, 0, 1, 0, 4, 0, 1, 1], new Set([0, 3, 5, 6, 7])),
    rows: report.documents.map((document, index) => ({
      cells: [
        String(index + 1),
        document.code,
        document.number,
        msg.date(document.date),
        document.summary,
        msg.date(document.deadline),
        `${document.unitsHeld}/${report.units.length}`,
        msg.percent(document.share),
      ],
    })),
    fontSize: 11,
  });

  pdf.heading(msg.disseminationUnitsHeading);
  drawTable(pdf, {
    columns: columnsOf(msg.disseminationUnitColumns, [0, 3, 0, 0, 0, 2, 1, 1], new Set([0, 2, 3, 4, 6, 7])),
    rows: report.units.flatMap((unit, unitIndex) =>
      unit.documents.map((entry, index) => ({
        cells: [
          index === 0 ? String(unitIndex + 1) : "",
          index === 0 ? unit.unitName : "",
          index === 0 ? String(unit.staff) : "",
          entry.code,
          msg.date(entry.sessionDate),
          briefingStatusLabels[entry.status],
          msg.ratio(entry.acknowledged, unit.staff, entry.share),
          entry.portalLink === null ? msg.no : msg.yes,
        ],
      })),
    ),
    fontSize: 11,
  });

  pdf.heading(msg.disseminationOverdueHeading);
  if (report.overdueUnits.length === 0) pdf.paragraph(msg.noOverdue);
  report.overdueUnits.forEach((unit, index) => {
    pdf.paragraph(`${index + 1}. ${msg.overdueLine(unit.unitName, unit.documents)}`, { indent: false });
  });
  pdf.closing({
    signatures: [signatureOf(data.signer)],
    copies: standardCopies(data.copies, data.issuer.abbreviation, false),
  });
  return pdf.finish();
}
