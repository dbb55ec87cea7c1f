/** Tờ trình đề nghị khen thưởng (docs/domain.md §9.1; NĐ 30/2020 Mẫu 1.4). */

import { z } from "zod";
import { formatDocumentNumber } from "../domain/document-number.js";
import { legalBasesFor } from "../domain/legal-timeline.js";
import { adHocMessages, documentKindText } from "../domain/messages/index.js";
import { IsoDate, YearLegalText } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { formatDateVi } from "../domain/text.js";
import { awardPhrase, capitalise, groupByCode, proposalTopic, subjectCountText } from "./awards.js";
import {
  Agency,
  Copies,
  citeAsBasis,
  type Draft,
  ProposalEntry,
  parseDocumentInput,
  placeDateOf,
  Signer,
  signatureOf,
  standardCopies,
  throwMissing,
} from "./inputs.js";
import { FONT, OfficialPdf, type RenderOptions } from "./layout.js";

const KIND = documentKindText.toTrinh;
/** Targets whose dossier carries the council's vote, so the tờ trình cites its biên bản. */
const VOTED = new Set(["CSTD_CS", "CSTD_TINH", "CSTD_TQ", "CO_TD_TINH", "CO_TD_CP"]);

export const ToTrinhInput = z.object({
  issuer: Agency,
  number: z.number().int().positive(),
  date: IsoDate,
  schoolYear: SchoolYear,
  /** Kính gửi: "Chủ tịch Ủy ban nhân dân tỉnh (qua Sở Nội vụ)". */
  recipients: z.array(z.string().trim().min(1)).min(1),
  /** The authority named in the request sentence, e.g. "Chủ tịch Ủy ban nhân dân tỉnh". */
  decider: z.string().trim().min(1),
  /** The year's configured texts (years/{year}.legalTexts): the province's Quy chế, corrections… */
  legalTexts: z.array(YearLegalText).default([]),
  /** Lines of this dossier only (the year's plan…): cited after the timeline's texts. */
  extraBases: z.array(z.string().trim().min(1)).default([]),
  councilMeeting: z.object({ number: z.string().trim().min(1), date: IsoDate }).optional(),
  summary: z.string().trim().min(1).optional(),
  entries: z.array(ProposalEntry).min(1),
  signer: Signer,
  copies: Copies,
  /** Thủ tục đơn giản (Luật 2022 Đ85): a đột xuất proposal, sent with its lists and proof, no minutes or reports. */
  simplified: z.boolean().default(false),
});
export type ToTrinhInput = z.input<typeof ToTrinhInput>;

export async function renderToTrinh(
  input: Draft<ToTrinhInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(ToTrinhInput, input, KIND.name);
  const groups = groupByCode(data.entries);
  const needsVote = data.entries.some((entry) => VOTED.has(entry.code));
  if (needsVote && !data.councilMeeting)
    throwMissing(KIND.name, ["biên bản họp Hội đồng Thi đua - Khen thưởng (số, ngày)"]);

  const topic = proposalTopic(groups.map((group) => group.code));
  const summaryLine = data.simplified
    ? adHocMessages.toTrinhSubject(topic, data.schoolYear)
    : `Về việc đề nghị tặng ${topic} năm học ${data.schoolYear}`;
  const pdf = new OfficialPdf(
    {
      title: `${capitalise(KIND.title.toLocaleLowerCase("vi"))} ${summaryLine.toLocaleLowerCase("vi")}`,
      subject: KIND.name,
    },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    number: formatDocumentNumber(data.number, KIND.code, data.issuer.abbreviation),
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(KIND.title, [summaryLine]);
  pdf.recipients(data.recipients);

  const meeting = data.councilMeeting
    ? [
        `Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng số ${data.councilMeeting.number} ngày ${formatDateVi(data.councilMeeting.date)}`,
      ]
    : [];
  pdf.legalBases([...legalBasesFor(data.date, data).map(citeAsBasis), ...data.extraBases, ...meeting]);

  // Totals count subjects, not proposals: a CSTĐCS is also proposed for LĐTT.
  const distinct = (kind: string) =>
    new Set(
      data.entries
        .filter((entry) => entry.subjectKind === kind)
        .map((entry) => entry.subjectId ?? entry.name),
    ).size;
  const individuals = distinct("individual");
  const collectives = distinct("collective");
  pdf.paragraph(
    data.summary ??
      (data.simplified ? adHocMessages.toTrinhSummary(data.issuer.name, data.schoolYear) : undefined) ??
      `Trong năm học ${data.schoolYear}, ${data.issuer.name} đã tổ chức thực hiện tốt các phong trào thi đua, hoàn thành các nhiệm vụ được giao; Hội đồng Thi đua - Khen thưởng đã bình xét các tập thể, cá nhân có thành tích theo đúng tiêu chuẩn, quy trình và công khai danh sách tại đơn vị.`,
  );
  pdf.paragraph(
    `${data.issuer.name} kính trình ${data.decider} xem xét, tặng ${topic} năm học ${data.schoolYear} cho ${subjectCountText(individuals, collectives)}, cụ thể như sau:`,
  );
  for (const group of groups)
    pdf.paragraph(
      `- ${capitalise(awardPhrase(group.code))}: ${subjectCountText(group.individuals, group.collectives)};`,
    );
  pdf.paragraph(`Tổng cộng: ${subjectCountText(individuals, collectives)}.`, { font: FONT.bold });
  pdf.paragraph(
    data.simplified
      ? adHocMessages.toTrinhAttachments
      : "(Có danh sách trích ngang, báo cáo thành tích, biên bản họp Hội đồng Thi đua - Khen thưởng và các minh chứng kèm theo).",
    { font: FONT.italic },
  );
  pdf.closing({
    lead: `Kính trình ${data.decider} xem xét, quyết định./.`,
    signatures: [signatureOf(data.signer)],
    copies: standardCopies(data.copies, "TĐKT"),
  });
  return pdf.finish();
}
