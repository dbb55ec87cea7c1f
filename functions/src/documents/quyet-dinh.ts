/**
 * Quyết định khen thưởng with its annex list and reward amounts (docs/domain.md §9.6, §14): coefficient ×
 * lương cơ sở in force at the decision date, rounded up to the ten thousand đồng.
 */

import { z } from "zod";
import { AwardCode, SubjectKind } from "../domain/codes.js";
import { formatDocumentNumber } from "../domain/document-number.js";
import { legalBasesFor } from "../domain/legal-timeline.js";
import {
  awardCodeLabels,
  documentKindText,
  documentMessages,
  documentText,
} from "../domain/messages/index.js";
import { IsoDate, YearLegalText } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { compareVietnamese, compareVietnameseNames, formatDateVi, formatNumberVi } from "../domain/text.js";
import { awardPhrase, capitalise, groupByCode, proposalTopic, roman, subjectCountText } from "./awards.js";
import {
  Agency,
  Copies,
  citeAsBasis,
  parseDocumentInput,
  placeDateOf,
  Signer,
  signatureOf,
  standardCopies,
  throwMissing,
} from "./inputs.js";
import { FONT, OfficialPdf, type RenderOptions, upper } from "./layout.js";
import {
  baseSalaryOn,
  type CoefficientTable,
  DEFAULT_BASE_SALARY,
  DEFAULT_COEFFICIENTS,
  rewardAmount,
} from "./reward-amounts.js";
import { drawTable } from "./table.js";

const KIND = documentKindText.quyetDinh;
const text = z.string().trim().min(1);

export const QuyetDinhInput = z.object({
  issuer: Agency,
  number: z.number().int().positive(),
  date: IsoDate,
  schoolYear: SchoolYear,
  /** The authority line above the căn cứ: "GIÁM ĐỐC SỞ GIÁO DỤC VÀ ĐÀO TẠO". */
  issuerTitle: text,
  /** The year's configured texts (years/{year}.legalTexts): the province's Quy chế, corrections… */
  legalTexts: z.array(YearLegalText).default([]),
  /** Căn cứ of the issuer's powers, cited after the timeline's texts. */
  extraBases: z.array(text).default([]),
  /** The proposal answered: "Tờ trình số 05/TTr-THPTLQĐ ngày 20/5/2026 của Trường THPT Lê Quý Đôn". */
  proposalRef: text,
  /** Whose advice: "Trưởng phòng Tổ chức cán bộ". */
  advisor: text,
  fundSource: text,
  /** Who carries the decision out, besides the subjects of Điều 1. */
  executors: z.array(text).min(1),
  entries: z
    .array(z.object({ code: AwardCode, subjectKind: SubjectKind, name: text, positionAndUnit: text }))
    .min(1),
  baseSalary: z.array(z.object({ from: IsoDate, amount: z.number().positive() })).optional(),
  coefficients: z.record(z.string(), z.record(z.string(), z.number().nonnegative())).optional(),
  signer: Signer,
  copies: Copies,
});
export type QuyetDinhInput = z.input<typeof QuyetDinhInput>;

export async function renderQuyetDinh(input: QuyetDinhInput, options: RenderOptions = {}): Promise<Buffer> {
  const data = parseDocumentInput(QuyetDinhInput, input, KIND.name);
  const baseSalary = baseSalaryOn(data.date, data.baseSalary ?? DEFAULT_BASE_SALARY);
  const coefficients = (data.coefficients ?? DEFAULT_COEFFICIENTS) as CoefficientTable;
  const coefficientOf = (code: AwardCode, kind: SubjectKind) => coefficients[code]?.[kind];
  const missing = [
    ...(baseSalary === undefined ? [documentMessages.baseSalaryAt(formatDateVi(data.date))] : []),
    ...[
      ...new Set(
        data.entries
          .filter((entry) => coefficientOf(entry.code, entry.subjectKind) === undefined)
          .map((entry) => entry.code),
      ),
    ].map((code) => documentMessages.coefficientOf(awardCodeLabels[code])),
  ];
  if (missing.length > 0 || baseSalary === undefined) throwMissing(KIND.name, missing);

  const groups = groupByCode(data.entries);
  const topic = proposalTopic(groups.map((group) => group.code));
  const number = formatDocumentNumber(data.number, KIND.code, data.issuer.abbreviation);
  const pdf = new OfficialPdf(
    { title: `Quyết định về việc tặng ${topic} năm học ${data.schoolYear}`, subject: KIND.name },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    number,
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(KIND.title, [`Về việc tặng ${topic} năm học ${data.schoolYear}`]);
  pdf.centredLine(upper(data.issuerTitle), FONT.bold);
  pdf.doc.y += 6;
  pdf.legalBases([
    ...legalBasesFor(data.date, data).map(citeAsBasis),
    ...data.extraBases,
    `Xét ${data.proposalRef}`,
    `Theo đề nghị của ${data.advisor}`,
  ]);
  pdf.centredLine("QUYẾT ĐỊNH:", FONT.bold);
  pdf.doc.y += 6;

  const amounts = data.entries.map((entry) => {
    const coefficient = coefficientOf(entry.code, entry.subjectKind) ?? 0;
    return { ...entry, coefficient, amount: rewardAmount(coefficient, baseSalary) };
  });
  const total = amounts.reduce((sum, entry) => sum + entry.amount, 0);
  groups.forEach((group, index) => {
    const article = index === 0 ? "Điều 1. " : "";
    pdf.paragraph(
      `${article}${index === 0 ? "Tặng" : "- Tặng"} ${awardPhrase(group.code)} năm học ${data.schoolYear} cho ${subjectCountText(group.individuals, group.collectives)}${index === groups.length - 1 ? " (có danh sách kèm theo)." : ";"}`,
    );
  });
  pdf.paragraph(
    `Điều 2. Tiền thưởng kèm theo được chi theo mức quy định tại Nghị định số 152/2025/NĐ-CP, tính trên mức lương cơ sở ${formatNumberVi(baseSalary)} đồng; tổng số tiền: ${formatNumberVi(total)} đồng, từ ${data.fundSource}.`,
  );
  pdf.closing({
    lead: `Điều 3. Quyết định có hiệu lực kể từ ngày ký. ${data.executors.join(", ")} và các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    signatures: [signatureOf(data.signer)],
    copies: standardCopies(["Như Điều 3", ...data.copies], data.issuer.abbreviation, false),
  });

  pdf.newPage("portrait", true);
  pdf.title("DANH SÁCH", [`Tập thể, cá nhân được tặng ${topic} năm học ${data.schoolYear}`], false);
  pdf.centredLine(
    `(Kèm theo Quyết định số ${number} ngày ${formatDateVi(data.date)} của ${data.issuerTitle})`,
  );
  pdf.doc.y += 6;
  const rows = groups.flatMap((group, index) => {
    const items = amounts
      .filter((entry) => entry.code === group.code)
      .sort((a, b) =>
        a.subjectKind === "individual" && b.subjectKind === "individual"
          ? compareVietnameseNames(a.name, b.name)
          : compareVietnamese(a.name, b.name),
      );
    return [
      { section: `${roman(index)}. ${capitalise(awardPhrase(group.code))}` },
      ...items.map((entry, order) => ({
        cells: [
          String(order + 1),
          entry.name,
          entry.positionAndUnit,
          formatNumberVi(entry.coefficient, 1),
          formatNumberVi(entry.amount),
        ],
      })),
    ];
  });
  drawTable(pdf, {
    columns: [
      { header: "STT", weight: 0, align: "center", keepWhole: true },
      { header: "Họ và tên / Tên tập thể", weight: 2, keepWhole: true },
      { header: "Chức vụ, đơn vị", weight: 3 },
      { header: "Hệ số", weight: 0, align: "center", keepWhole: true },
      { header: "Số tiền (đồng)", weight: 1, align: "right", keepWhole: true },
    ],
    rows: [...rows, { cells: ["", documentText.total, "", "", formatNumberVi(total)], bold: true }],
  });
  return pdf.finish();
}
