/**
 * The Department's landscape reports (bình xét, tuyên truyền quán triệt, đội ngũ thi đua): one input
 * shape — issuer, date, number in the issuer's series when numbered, signer, copies and the report
 * computed from stored rows — one opening (the NĐ 30/2020 header and title) and one closing.
 */
import { z } from "zod";
import { formatDocumentNumber } from "../domain/document-number.js";
import { IsoDate } from "../domain/model.js";
import { Agency, Copies, placeDateOf, Signer, signatureOf, standardCopies } from "./inputs.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import type { TableColumn } from "./table.js";

/** The input of a report whose figures are `report`. */
export const reportInputOf = <R extends z.ZodType>(report: R) =>
  z.object({
    issuer: Agency,
    date: IsoDate,
    number: z.number().int().positive().optional(),
    signer: Signer,
    copies: Copies,
    report,
  });

interface ReportHead {
  issuer: z.output<typeof Agency>;
  date: string;
  number?: number | undefined;
}

/** A report's kind as the documents' messages name it. */
interface ReportKind {
  code: string;
  title: string;
  name: string;
}

/** A landscape page with the report's header and its title for the school year. */
export function openReport(
  data: ReportHead,
  kind: ReportKind,
  year: string,
  summary: string,
  options: RenderOptions,
): OfficialPdf {
  const pdf = new OfficialPdf(
    { title: `${kind.name} năm học ${year}`, subject: kind.name },
    "landscape",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    number:
      data.number === undefined
        ? undefined
        : formatDocumentNumber(data.number, kind.code, data.issuer.abbreviation),
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(kind.title, [summary]);
  return pdf;
}

/** The signer's block and the nơi nhận, then the file. */
export function closeReport(
  pdf: OfficialPdf,
  data: ReportHead & { signer: z.output<typeof Signer>; copies: readonly string[] },
): Promise<Buffer> {
  pdf.closing({
    signatures: [signatureOf(data.signer)],
    copies: standardCopies(data.copies, data.issuer.abbreviation, false),
  });
  return pdf.finish();
}

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
