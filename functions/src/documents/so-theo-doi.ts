/**
 * Sổ theo dõi thi đua, khen thưởng (docs/domain.md §9.7) for a 5- or 10-year period: the individual and
 * collective registers (one row per subject × school year) and the consecutive-year counters,
 * derived from the awards ledger and the yearly records — never typed by hand.
 */
import { z } from "zod";
import { type AwardCode, DisciplineLevel, Gender, isTitle, Rating } from "../domain/codes.js";
import {
  awardCodeLabels,
  awardKindLabels,
  disciplineLevelLabels,
  documentKindText,
  genderLabels,
  ratingLabels,
} from "../domain/messages/index.js";
import { Award, IsoDate } from "../domain/model.js";
import { SchoolYear, schoolYearStarting, schoolYearsBetween, startYearOf } from "../domain/school-year.js";
import { compareVietnamese, compareVietnameseNames, formatDateVi } from "../domain/text.js";
import { Agency, type Draft, parseDocumentInput, placeDateOf, Signer, signatureOf } from "./inputs.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable, type TableRow } from "./table.js";

const KIND = documentKindText.soTheoDoi;
const text = z.string().trim().min(1);

/** A ledger entry as the register prints it: the stored award, without its storage keys. */
const LedgerAward = Award.omit({ id: true, unitId: true });
type LedgerAward = z.output<typeof LedgerAward>;

export const SoTheoDoiInput = z.object({
  issuer: Agency,
  date: IsoDate,
  period: z.object({ first: SchoolYear, years: z.union([z.literal(5), z.literal(10)]) }),
  people: z
    .array(
      z.object({
        id: text,
        fullName: text,
        gender: Gender,
        birthDate: IsoDate.optional(),
        position: z.string().optional(),
        group: z.string().optional(),
      }),
    )
    .min(1),
  /** Collectives with the people counted in their LĐTT/CSTĐCS columns. */
  collectives: z.array(z.object({ id: text, name: text, memberIds: z.array(text).default([]) })).default([]),
  records: z
    .array(
      z.object({
        subjectId: text,
        year: SchoolYear,
        rating: Rating,
        discipline: z
          .array(z.object({ level: DisciplineLevel, from: IsoDate.optional(), to: IsoDate.optional() }))
          .default([]),
      }),
    )
    .default([]),
  awards: z.array(LedgerAward).default([]),
  initiatives: z
    .array(
      z.object({ ownerIds: z.array(text), title: text, year: SchoolYear, decisionNo: z.string().optional() }),
    )
    .default([]),
  signer: Signer,
});
export type SoTheoDoiInput = z.input<typeof SoTheoDoiInput>;

/** Consecutive school years ending with `last` in which `has(year)` holds. */
export function consecutiveYears(has: (year: string) => boolean, last: string): number {
  let count = 0;
  for (let start = startYearOf(last); has(schoolYearStarting(start)); start--) count++;
  return count;
}

const decisionText = (award: LedgerAward): string =>
  [
    awardCodeLabels[award.code],
    award.decisionNo
      ? `QĐ số ${award.decisionNo}${award.decisionDate ? ` ngày ${formatDateVi(award.decisionDate)}` : ""}`
      : "",
    award.issuer ?? "",
  ]
    .filter(Boolean)
    .join("; ");

export async function renderSoTheoDoi(
  input: Draft<SoTheoDoiInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const data = parseDocumentInput(SoTheoDoiInput, input, KIND.name);
  const last = schoolYearStarting(startYearOf(data.period.first) + data.period.years - 1);
  const years = schoolYearsBetween(data.period.first, last);
  const inPeriod = new Set(years);
  const awards = data.awards.filter((award) => inPeriod.has(award.year));
  const awardsOf = (subjectId: string, year: string) =>
    awards.filter((award) => award.subjectId === subjectId && award.year === year);
  const recordOf = (subjectId: string, year: string) =>
    data.records.find((record) => record.subjectId === subjectId && record.year === year);
  const dash = (values: string[]) => (values.length > 0 ? values.join("\n") : "-");

  const pdf = new OfficialPdf(
    {
      title: `Sổ theo dõi thi đua, khen thưởng giai đoạn ${data.period.first} đến ${last}`,
      subject: KIND.name,
    },
    "landscape",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    placeDate: placeDateOf(data.issuer, data.date),
  });
  pdf.title(KIND.title, [
    `Giai đoạn từ năm học ${data.period.first} đến năm học ${last} (${data.period.years} năm)`,
  ]);

  const people = [...data.people].sort((a, b) => compareVietnameseNames(a.fullName, b.fullName));
  pdf.heading("I. SỔ THEO DÕI CÁ NHÂN");
  const personRows: TableRow[] = people.flatMap((person, index) => [
    {
      section: `${index + 1}. ${person.fullName} — ${[person.position, person.birthDate ? `sinh ngày ${formatDateVi(person.birthDate)}` : "", genderLabels[person.gender]].filter(Boolean).join("; ")}`,
    },
    ...years.map((year) => {
      const own = awardsOf(person.id, year);
      const record = recordOf(person.id, year);
      return {
        cells: [
          year,
          record ? ratingLabels[record.rating] : "-",
          dash(own.filter((award) => isTitle(award.code)).map(decisionText)),
          dash(
            own
              .filter((award) => !isTitle(award.code))
              .map((award) => `${awardKindLabels[award.kind]}: ${decisionText(award)}`),
          ),
          dash(
            own
              .filter((award) => award.proposalNo)
              .map(
                (award) =>
                  `${award.proposalNo}${award.proposalDate ? ` ngày ${formatDateVi(award.proposalDate)}` : ""}`,
              ),
          ),
          dash(
            data.initiatives
              .filter((item) => item.year === year && item.ownerIds.includes(person.id))
              .map((item) => `${item.title}${item.decisionNo ? ` (QĐ ${item.decisionNo})` : ""}`),
          ),
          dash((record?.discipline ?? []).map((entry) => disciplineLevelLabels[entry.level])),
        ],
      };
    }),
  ]);
  drawTable(pdf, {
    columns: [
      { header: "Năm học", weight: 0, keepWhole: true },
      { header: "Xếp loại", weight: 1 },
      { header: "Danh hiệu thi đua (số, ngày quyết định; cấp)", weight: 3 },
      { header: "Hình thức khen thưởng (loại hình; quyết định)", weight: 3 },
      { header: "Tờ trình (số, ngày)", weight: 1 },
      { header: "Sáng kiến, đề tài", weight: 2 },
      { header: "Kỷ luật", weight: 1 },
    ],
    rows: personRows,
  });

  if (data.collectives.length > 0) {
    pdf.heading("II. SỔ THEO DÕI TẬP THỂ");
    const collectives = [...data.collectives].sort((a, b) => compareVietnamese(a.name, b.name));
    drawTable(pdf, {
      columns: [
        { header: "Năm học", weight: 0, keepWhole: true },
        { header: "Xếp loại", weight: 1 },
        { header: "Danh hiệu thi đua (quyết định)", weight: 3 },
        { header: "Hình thức khen thưởng (quyết định)", weight: 3 },
        { header: "Số LĐTT", weight: 0, align: "center" },
        { header: "Số CSTĐCS", weight: 0, align: "center" },
      ],
      rows: collectives.flatMap((collective, index) => {
        const members = new Set(collective.memberIds);
        const countOf = (code: AwardCode, year: string) =>
          awards.filter((award) => award.code === code && award.year === year && members.has(award.subjectId))
            .length;
        return [
          { section: `${index + 1}. ${collective.name}` },
          ...years.map((year) => {
            const own = awardsOf(collective.id, year);
            const record = recordOf(collective.id, year);
            return {
              cells: [
                year,
                record ? ratingLabels[record.rating] : "-",
                dash(own.filter((award) => isTitle(award.code)).map(decisionText)),
                dash(own.filter((award) => !isTitle(award.code)).map(decisionText)),
                String(countOf("LDTT", year)),
                String(countOf("CSTD_CS", year)),
              ],
            };
          }),
        ];
      }),
    });
  }

  pdf.heading(
    `${data.collectives.length > 0 ? "III" : "II"}. SỐ NĂM LIÊN TỤC (tính từ sổ, đến năm học ${last})`,
  );
  const holds = (subjectId: string, code: AwardCode) => (year: string) =>
    data.awards.some((award) => award.subjectId === subjectId && award.code === code && award.year === year);
  drawTable(pdf, {
    columns: [
      { header: "STT", weight: 0, align: "center", keepWhole: true },
      { header: "Họ và tên", weight: 2, keepWhole: true },
      { header: "LĐTT liên tục", weight: 1, align: "center" },
      { header: "CSTĐCS liên tục", weight: 1, align: "center" },
      { header: "HTXS liên tục", weight: 1, align: "center" },
      { header: "Bằng khen tỉnh gần nhất", weight: 1, align: "center" },
    ],
    rows: people.map((person, index) => {
      const latestProvincial = data.awards
        .filter((award) => award.subjectId === person.id && award.code === "BK_CT_UBND_TINH")
        .map((award) => award.year)
        .sort()
        .at(-1);
      return {
        cells: [
          String(index + 1),
          person.fullName,
          String(consecutiveYears(holds(person.id, "LDTT"), last)),
          String(consecutiveYears(holds(person.id, "CSTD_CS"), last)),
          String(consecutiveYears((year) => recordOf(person.id, year)?.rating === "HTXS", last)),
          latestProvincial ?? "-",
        ],
      };
    }),
  });
  pdf.closing({ signatures: [signatureOf(data.signer)] });
  return pdf.finish();
}
