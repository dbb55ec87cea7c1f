/**
 * Danh sách đề nghị xét thi đua kèm minh chứng hiệu quả công việc: the council's working list, each
 * proposal with the evidence beside it and a note where some is missing (the council still considers it).
 */

import type { EvidenceValue, HeldEvidence } from "../domain/merit-evidence.js";
import {
  awardCodeLabels,
  documentText,
  evidenceAudienceLabels,
  evidenceFieldLabels,
  evidenceText,
} from "../domain/messages/index.js";
import type { Unit } from "../domain/model.js";
import { formatNumberVi, formatPlaceDate } from "../domain/text.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

/** What the working list needs of the service's report (services/merit-evidence.ts). */
export interface EvidenceListInput {
  year: string;
  required: number;
  flagged: number;
  proposals: readonly {
    subjectName: string;
    position: string | null;
    target: keyof typeof awardCodeLabels;
    audience: keyof typeof evidenceAudienceLabels;
    required: boolean;
    values: readonly EvidenceValue[];
    held: HeldEvidence;
    warning: { message: string } | null;
  }[];
}

/**
 * "Của đơn vị: Chuyên cần (%): 97,5; … Của bản thân: …" — a manager's unit-level figures named once as
 * the unit's. Cells are one paragraph.
 */
function evidenceLines(values: readonly EvidenceValue[]): string {
  const part = (from: EvidenceValue["from"]) =>
    values
      .filter((value) => value.value !== null && value.from === from)
      .map((value) => {
        const shown = typeof value.value === "number" ? formatNumberVi(value.value) : String(value.value);
        return `${evidenceFieldLabels[value.field]}: ${shown}`;
      })
      .join("; ");
  const unit = part("unit");
  const own = part("subject");
  return unit
    ? [`${evidenceText.fromUnit}: ${unit}`, ...(own ? [`${evidenceText.fromSubject}: ${own}`] : [])].join(
        ". ",
      )
    : own;
}

const heldLines = (held: HeldEvidence): string =>
  [
    held.commitments ? evidenceText.commitments(held.commitments.met, held.commitments.total) : undefined,
    held.initiatives.length > 0 ? evidenceText.initiatives(held.initiatives.length) : undefined,
    held.coached > 0 ? evidenceText.coached(held.coached) : undefined,
  ]
    .filter(Boolean)
    .join("; ");

export async function renderDanhSachMinhChung(
  unit: Unit,
  list: EvidenceListInput,
  date: string,
  options: RenderOptions = {},
): Promise<Buffer> {
  const pdf = new OfficialPdf(
    { title: `${evidenceText.name} năm học ${list.year} — ${unit.name}`, subject: evidenceText.name },
    "landscape",
    options,
  );
  pdf.header({
    parentAgency: unit.managingBodyName,
    agency: unit.name,
    placeDate: formatPlaceDate(unit.place, date),
  });
  pdf.title(evidenceText.kind, [evidenceText.summary(list.year)]);
  pdf.paragraph(evidenceText.intro(unit.name, list.flagged, list.required));
  drawTable(pdf, {
    columns: [
      { header: evidenceText.columns.number, weight: 0, align: "center", keepWhole: true },
      { header: evidenceText.columns.subject, weight: 2 },
      { header: evidenceText.columns.target, weight: 2 },
      { header: evidenceText.columns.evidence, weight: 4 },
      { header: evidenceText.columns.held, weight: 2 },
      { header: evidenceText.columns.flag, weight: 2 },
    ],
    fontSize: 10,
    rows: list.proposals.map((line, index) => ({
      cells: [
        String(index + 1),
        `${line.subjectName} (${line.position ?? evidenceAudienceLabels[line.audience]})`,
        awardCodeLabels[line.target],
        evidenceLines(line.values),
        heldLines(line.held),
        line.warning
          ? evidenceText.flagged(line.warning.message)
          : line.required
            ? ""
            : evidenceText.notRequired,
      ],
    })),
  });
  if (unit.principalName)
    pdf.closing({ signatures: [{ lines: [documentText.principalTitle], name: unit.principalName }] });
  return pdf.finish();
}
