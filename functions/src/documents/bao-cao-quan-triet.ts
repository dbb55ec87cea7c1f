/**
 * Báo cáo công tác tuyên truyền, quán triệt (docs/duties.md): the year's new documents with their
 * deadlines and how far they reached, then each unit's session and acknowledgements per document,
 * then the units overdue. NĐ 30/2020 layout, landscape for the wide tables.
 */
import { z } from "zod";
import type { DisseminationReport } from "../domain/dissemination.js";
import { briefingStatusLabels, dutyDocumentKinds, dutyMessages as msg } from "../domain/messages/index.js";
import { closeReport, columnsOf, openReport, reportInputOf } from "./department-report.js";
import { parseDocumentInput } from "./inputs.js";
import type { RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

const KIND = dutyDocumentKinds.dissemination;

export const BaoCaoQuanTrietInput = reportInputOf(
  /** Computed by domain/dissemination.ts from stored rows, never typed by hand. */
  z.custom<DisseminationReport>((value) => typeof value === "object" && value !== null),
);
export type BaoCaoQuanTrietInput = z.input<typeof BaoCaoQuanTrietInput>;

export async function renderBaoCaoQuanTriet(
  input: BaoCaoQuanTrietInput,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(BaoCaoQuanTrietInput, input, KIND.name);
  const { report } = data;
  const pdf = openReport(data, KIND, report.year, msg.disseminationPdfSummary(report.year), options);
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
  return closeReport(pdf, data);
}
