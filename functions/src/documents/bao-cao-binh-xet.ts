/**
 * Báo cáo phân tích kết quả bình xét thi đua (docs/leveling.md): the Department's report against
 * "cào bằng, nể nang" — per unit, the year's ratings and titles beside the HTXS cap and the
 * province's shares, then every flag with its figures, then the thresholds used. NĐ 30/2020 layout,
 * landscape for the wide table.
 */
import type { z } from "zod";
import { LevelingReport, type UnitLeveling } from "../domain/leveling-schema.js";
import { documentKindText, levelingFlagLabels, levelingMessages as msg } from "../domain/messages/index.js";
import { closeReport, openReport, reportInputOf } from "./department-report.js";
import { parseDocumentInput } from "./inputs.js";
import type { RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

const KIND = documentKindText.baoCaoBinhXet;

export const BaoCaoBinhXetInput = reportInputOf(LevelingReport);
export type BaoCaoBinhXetInput = z.input<typeof BaoCaoBinhXetInput>;

const countOf = (unit: UnitLeveling, title: string): string => String(unit.titles[title]?.count ?? 0);

function unitRow(unit: UnitLeveling, order: number): string[] {
  const htxs = unit.ratings.HTXS;
  return [
    String(order),
    unit.unitName,
    String(unit.people),
    String(htxs?.count ?? 0),
    msg.shareWithProvince(htxs?.share ?? 0, htxs?.provinceShare ?? 0),
    unit.htxsCap.excess === 0
      ? String(unit.htxsCap.max)
      : `${unit.htxsCap.max} (vượt ${unit.htxsCap.excess})`,
    countOf(unit, "LDTT"),
    countOf(unit, "CSTD_CS"),
    unit.flags.length === 0 ? "—" : unit.flags.map((flag) => levelingFlagLabels[flag.code]).join("; "),
  ];
}

export async function renderBaoCaoBinhXet(
  input: BaoCaoBinhXetInput,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(BaoCaoBinhXetInput, input, KIND.name);
  const { report } = data;
  const pdf = openReport(data, KIND, report.year, msg.pdfSummary(report.year), options);
  const flagged = report.units.filter((unit) => unit.flags.length > 0);
  pdf.paragraph(msg.pdfIntro(report.units.length, flagged.length, report.config.windowYears));
  const { province } = report;
  const htxs = province.ratings.HTXS ?? 0;
  pdf.paragraph(
    msg.pdfProvince(
      province.people,
      htxs,
      province.rated === 0 ? 0 : htxs / province.rated,
      province.titles.LDTT ?? 0,
      province.titles.CSTD_CS ?? 0,
    ),
  );

  pdf.heading(msg.pdfTableHeading);
  const [order, name, people, htxsHeader, share, cap, ldtt, cstdcs, flags] = msg.pdfColumns;
  drawTable(pdf, {
    columns: [
      { header: order ?? "", weight: 0, align: "center", keepWhole: true },
      { header: name ?? "", weight: 3 },
      { header: people ?? "", weight: 0, align: "center", keepWhole: true },
      { header: htxsHeader ?? "", weight: 0, align: "center", keepWhole: true },
      { header: share ?? "", weight: 1, align: "center" },
      { header: cap ?? "", weight: 1, align: "center" },
      { header: ldtt ?? "", weight: 0, align: "center", keepWhole: true },
      { header: cstdcs ?? "", weight: 0, align: "center", keepWhole: true },
      { header: flags ?? "", weight: 3 },
    ],
    rows: report.units.map((unit, index) => ({ cells: unitRow(unit, index + 1) })),
    fontSize: 11,
  });

  pdf.heading(msg.pdfFlagsHeading);
  if (flagged.length === 0) pdf.paragraph(msg.noFlags);
  flagged.forEach((unit, index) => {
    pdf.paragraph(`${index + 1}. ${msg.pdfUnitFlags(unit.unitName, unit.flags.length)}`, { indent: false });
    for (const flag of unit.flags) pdf.paragraph(`- ${levelingFlagLabels[flag.code]}: ${flag.message}`);
    if (!unit.htxsCap.ok) pdf.paragraph(`- RT-05: ${unit.htxsCap.message}`);
  });

  pdf.heading(msg.pdfThresholdsHeading);
  for (const line of msg.pdfThresholds(report.config)) pdf.paragraph(`- ${line}`);
  pdf.paragraph(msg.pdfThresholdsNote);
  return closeReport(pdf, data);
}
