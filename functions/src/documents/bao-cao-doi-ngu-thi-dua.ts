/**
 * Báo cáo đội ngũ làm công tác thi đua (docs/duties.md): each unit's officers with their appointment,
 * qualifications and last course passed, the units without a trained officer, training by year,
 * exchange visits. No phone, no e-mail: those are personal. NĐ 30/2020 layout, landscape.
 */
import { z } from "zod";
import type { OfficersReport } from "../domain/emulation-officers.js";
import { dutyDocumentKinds, dutyMessages as msg } from "../domain/messages/index.js";
import { closeReport, columnsOf, openReport, reportInputOf } from "./department-report.js";
import { parseDocumentInput } from "./inputs.js";
import type { RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

const KIND = dutyDocumentKinds.officers;

export const BaoCaoDoiNguInput = reportInputOf(
  /** Computed by domain/emulation-officers.ts from stored rows, never typed by hand. */
  z.custom<OfficersReport>((value) => typeof value === "object" && value !== null),
);
export type BaoCaoDoiNguInput = z.input<typeof BaoCaoDoiNguInput>;

export async function renderBaoCaoDoiNgu(
  input: BaoCaoDoiNguInput,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(BaoCaoDoiNguInput, input, KIND.name);
  const { report } = data;
  const pdf = openReport(data, KIND, report.year, msg.officersPdfSummary(report.year), options);
  const officers = report.units.reduce((sum, unit) => sum + unit.officers.length, 0);
  pdf.paragraph(
    msg.officersPdfIntro(report.units.length, officers, report.untrainedUnits.length, report.window),
  );

  pdf.heading(msg.officersHeading);
  drawTable(pdf, {
    columns: columnsOf(msg.officerColumns, [0, 3, 0, 2, 3, 4], new Set([0, 3])),
    rows: report.units.flatMap((unit, unitIndex) => {
      const lines = unit.officers.length === 0 ? [undefined] : unit.officers;
      return lines.map((officer, index) => ({
        cells: [
          index === 0 ? String(unitIndex + 1) : "",
          index === 0 ? unit.unitName : "",
          officer?.fullName ?? msg.noOfficer,
          officer ? msg.decisionText(officer.decisionNo, officer.decisionDate) : "—",
          officer?.qualifications ?? "—",
          officer?.lastTraining
            ? msg.trainingText(
                officer.lastTraining.title,
                officer.lastTraining.date,
                officer.lastTraining.organiser,
              )
            : officer
              ? msg.notTrained
              : "—",
        ],
      }));
    }),
    fontSize: 11,
  });

  pdf.heading(msg.untrainedHeading);
  if (report.untrainedUnits.length === 0) pdf.paragraph(msg.noUntrained);
  report.untrainedUnits.forEach((unit, index) => {
    pdf.paragraph(`${index + 1}. ${msg.untrainedLine(unit.unitName, unit.officers)}`, { indent: false });
  });

  pdf.heading(msg.coverageHeading);
  drawTable(pdf, {
    columns: columnsOf(msg.coverageColumns, [0, 1, 1, 1, 1, 1, 1], new Set([0, 1, 2, 3, 4, 5, 6])),
    rows: report.coverage.map((line) => ({
      cells: [
        line.year,
        String(line.departmentCourses),
        String(line.unitCourses),
        String(line.attendances),
        String(line.passed),
        msg.ratio(
          line.officersTrained,
          line.officers,
          line.officers === 0 ? 0 : line.officersTrained / line.officers,
        ),
        msg.ratio(
          line.unitsWithTrainedOfficer,
          line.units,
          line.units === 0 ? 0 : line.unitsWithTrainedOfficer / line.units,
        ),
      ],
    })),
    fontSize: 11,
  });

  pdf.heading(msg.visitsHeading);
  const visiting = report.units.filter((unit) => unit.visits.inProvince + unit.visits.outOfProvince > 0);
  pdf.paragraph(
    msg.visitsLine(
      visiting.reduce((sum, unit) => sum + unit.visits.inProvince, 0),
      visiting.reduce((sum, unit) => sum + unit.visits.outOfProvince, 0),
      visiting.length,
    ),
  );
  return closeReport(pdf, data);
}
