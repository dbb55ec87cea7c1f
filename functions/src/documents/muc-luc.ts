/**
 * Mục lục hồ sơ thi đua, khen thưởng in the NĐ 30/2020 layout: one section per kind of emulation,
 * each document of the set with its subject, whether the system holds it and where.
 */
import {
  awardCodeLabels,
  documentText,
  recordDocumentLabels,
  recordKindLabels,
  recordsText,
} from "../domain/messages/index.js";
import type { Unit } from "../domain/model.js";
import type { RecordItem, RecordReference, RecordsIndex } from "../domain/records-index.js";
import { formatDateVi, formatPlaceDate } from "../domain/text.js";
import { roman } from "./awards.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable, type TableRow } from "./table.js";

/** The reference of a present item as the index prints it. */
function referenceText(reference: RecordReference | undefined): string {
  if (reference === undefined) return "";
  if ("file" in reference)
    return reference.number ? `${reference.number} — ${reference.file}` : reference.file;
  if ("registeredOn" in reference)
    return reference.registeredOn
      ? recordsText.registeredOn(formatDateVi(reference.registeredOn))
      : recordsText.registered;
  if ("agree" in reference) return recordsText.voted(reference.agree, reference.members);
  if ("decisionNo" in reference)
    return reference.decisionNo
      ? recordsText.decision(
          reference.decisionNo,
          reference.decisionDate && formatDateVi(reference.decisionDate),
        )
      : recordsText.decisionRecorded;
  return recordsText.summaryFilled;
}

/** "Nguyễn Văn An — Chiến sĩ thi đua cơ sở", or "Đơn vị" for a unit-wide document. */
export const subjectText = (item: RecordItem): string =>
  item.subject
    ? [item.subject.name, item.subject.target ? awardCodeLabels[item.subject.target] : undefined]
        .filter(Boolean)
        .join(" — ")
    : recordsText.unitWide;

export async function renderMucLuc(
  unit: Unit,
  index: RecordsIndex,
  date: string,
  options: RenderOptions = {},
): Promise<Buffer> {
  const pdf = new OfficialPdf(
    { title: `${recordsText.name} năm học ${index.year} — ${unit.name}`, subject: recordsText.name },
    "landscape",
    options,
  );
  pdf.header({
    parentAgency: unit.managingBodyName,
    agency: unit.name,
    placeDate: formatPlaceDate(unit.place, date),
  });
  pdf.title(recordsText.kind, [recordsText.summary(index.year)]);
  pdf.paragraph(recordsText.intro(unit.name, index.year, index.present, index.expected));
  const rows: TableRow[] = index.sets.flatMap((set, setIndex) => [
    {
      section: recordsText.setHeading(roman(setIndex), recordKindLabels[set.kind], set.present, set.expected),
    },
    ...set.items.map((item, itemIndex) => ({
      cells: [
        String(itemIndex + 1),
        recordDocumentLabels[item.document],
        subjectText(item),
        item.present ? recordsText.present : recordsText.missing,
        referenceText(item.reference),
      ],
      bold: !item.present,
    })),
  ]);
  drawTable(pdf, {
    columns: [
      { header: recordsText.columns.number, weight: 0, align: "center", keepWhole: true },
      { header: recordsText.columns.document, weight: 3 },
      { header: recordsText.columns.subject, weight: 3 },
      { header: recordsText.columns.status, weight: 0, align: "center", keepWhole: true },
      { header: recordsText.columns.reference, weight: 3 },
    ],
    rows,
  });
  pdf.paragraph(recordsText.footer);
  if (unit.principalName)
    pdf.closing({ signatures: [{ lines: [documentText.principalTitle], name: unit.principalName }] });
  return pdf.finish();
}
