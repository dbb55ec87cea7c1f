/**
 * Biên bản họp Hội đồng Thi đua - Khen thưởng with its vote table, Biên bản kiểm phiếu, and the
 * Phiếu bầu (docs/domain.md §9.4; NĐ 30/2020 Mẫu 1.9: thư ký signs left, chủ tọa right). Rates are
 * over the council's TOTAL members (NĐ 98/2023 Đ30 k7, docs/domain.md (corrections)).
 */

import { z } from "zod";
import { BallotType, Target } from "../domain/codes.js";
import { formatDocumentNumber } from "../domain/document-number.js";
import {
  awardCodeLabels,
  documentKindText,
  documentMessages,
  documentText,
} from "../domain/messages/index.js";
import { IsoDate } from "../domain/model.js";
import { SchoolYear } from "../domain/school-year.js";
import { formatPlaceDate } from "../domain/text.js";
import { awardPhrase, capitalise, groupByCode, proposalTopic, subjectCountText } from "./awards.js";
import {
  Agency,
  Copies,
  type Draft,
  ProposalEntry,
  parseDocumentInput,
  placeDateOf,
  standardCopies,
  throwMissing,
} from "./inputs.js";
import { FONT, OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable } from "./table.js";

const text = z.string().trim().min(1);
const count = z.number().int().nonnegative();
/** "14 giờ 00" style times, kept as written. */
const Time = z.string().regex(/^\d{1,2}:\d{2}$/);

/** Default pass marks by target (NĐ 98/2023 Đ30 k7: 80% CSTĐCS and Cờ, 90% CSTĐ tỉnh/toàn quốc); configurable. */
const DEFAULT_VOTE_THRESHOLDS: Partial<Record<Target, number>> = {
  CSTD_CS: 0.8,
  CO_TD_TINH: 0.8,
  CO_TD_CP: 0.8,
  CSTD_TINH: 0.9,
  CSTD_TQ: 0.9,
};

const Vote = z.object({
  name: text,
  target: Target,
  issued: count,
  returned: count,
  valid: count,
  agree: count,
});

const Meeting = z.object({
  date: IsoDate,
  startTime: Time,
  endTime: Time,
  location: text,
  members: z.number().int().positive(),
  present: count,
  /** "Bà Nguyễn Thị X (đi công tác, có ý kiến bằng văn bản)". */
  absentees: z.array(text).default([]),
  chair: z.object({ name: text, title: text }),
  secretary: z.object({ name: text, title: text }),
});

const Common = {
  issuer: Agency,
  number: z.number().int().positive(),
  schoolYear: SchoolYear,
  meeting: Meeting,
  ballotType: BallotType.default("KIN"),
  votes: z.array(Vote).default([]),
  thresholds: z.record(z.string(), z.number().min(0).max(1)).optional(),
};

export const BienBanHopInput = z.object({
  ...Common,
  entries: z.array(ProposalEntry).min(1),
  discussion: text.optional(),
  copies: Copies,
});
export type BienBanHopInput = z.input<typeof BienBanHopInput>;

export const BienBanKiemPhieuInput = z.object({
  ...Common,
  tellers: z.object({ head: text, members: z.array(text).min(1) }),
});
export type BienBanKiemPhieuInput = z.input<typeof BienBanKiemPhieuInput>;

export const PhieuBauInput = z.object({
  issuer: Agency,
  schoolYear: SchoolYear,
  candidates: z.array(z.object({ name: text, position: text, target: Target })).min(1),
});
export type PhieuBauInput = z.input<typeof PhieuBauInput>;

const timeText = (time: string): string => {
  const [hours, minutes] = time.split(":");
  return `${hours} giờ ${minutes}`;
};
const percentFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
const rate = (agree: number, members: number): string => `${percentFormat.format((100 * agree) / members)}%`;
const thresholdOf = (target: Target, thresholds: Record<string, number> | undefined): number | undefined =>
  thresholds?.[target] ?? DEFAULT_VOTE_THRESHOLDS[target];
const ballotWord = (type: BallotType): string => (type === "KIN" ? "bỏ phiếu kín" : "biểu quyết giơ tay");

function assertVoteCounts(
  documentName: string,
  votes: readonly z.output<typeof Vote>[],
  members: number,
): void {
  const wrong = votes.filter(
    (vote) =>
      vote.returned > vote.issued ||
      vote.valid > vote.returned ||
      vote.agree > vote.valid ||
      vote.issued > members,
  );
  if (wrong.length > 0)
    throwMissing(
      documentName,
      wrong.map((vote) => `${documentMessages.voteOf(vote.name)} (số phiếu không khớp)`),
    );
}

function voteRows(
  votes: readonly z.output<typeof Vote>[],
  members: number,
  thresholds?: Record<string, number>,
) {
  return votes.map((vote, index) => {
    const threshold = thresholdOf(vote.target, thresholds);
    const passed = threshold === undefined || vote.agree / members >= threshold;
    return {
      cells: [
        String(index + 1),
        vote.name,
        awardCodeLabels[vote.target],
        String(vote.issued),
        String(vote.returned),
        String(vote.valid),
        String(vote.agree),
        rate(vote.agree, members),
        passed ? documentText.yes : documentText.no,
      ],
    };
  });
}

const VOTE_COLUMNS = [
  { header: "STT", weight: 0, align: "center" as const, keepWhole: true },
  { header: "Họ và tên", weight: 2, keepWhole: true },
  { header: "Danh hiệu, hình thức đề nghị", weight: 2 },
  { header: "Phiếu phát ra", weight: 0, align: "center" as const },
  { header: "Phiếu thu về", weight: 0, align: "center" as const },
  { header: "Phiếu hợp lệ", weight: 0, align: "center" as const },
  { header: "Đồng ý", weight: 0, align: "center" as const },
  { header: "Tỷ lệ", weight: 1, align: "center" as const, keepWhole: true },
  { header: "Kết quả", weight: 1, align: "center" as const, keepWhole: true },
];

export async function renderBienBanHop(
  input: Draft<BienBanHopInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const name = documentKindText.bienBanHop.name;
  const data = parseDocumentInput(BienBanHopInput, input, name);
  const { meeting } = data;
  // Every subject proposed for a voted target needs its vote in the minutes.
  const missing = data.entries
    .filter((entry) => thresholdOf(entry.code as Target, data.thresholds) !== undefined)
    .filter((entry) => !data.votes.some((vote) => vote.name === entry.name && vote.target === entry.code))
    .map((entry) => documentMessages.voteOf(`${entry.name} (${awardCodeLabels[entry.code]})`));
  if (missing.length > 0) throwMissing(name, missing);
  assertVoteCounts(name, data.votes, meeting.members);

  const groups = groupByCode(data.entries);
  const topic = `Họp Hội đồng Thi đua - Khen thưởng xét ${proposalTopic(groups.map((group) => group.code))} năm học ${data.schoolYear}`;
  const pdf = new OfficialPdf(
    { title: `Biên bản ${topic.toLocaleLowerCase("vi")}`, subject: name },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    number: formatDocumentNumber(data.number, documentKindText.bienBanHop.code, data.issuer.abbreviation),
  });
  pdf.title(documentKindText.bienBanHop.title, [topic]);
  pdf.paragraph(
    `Thời gian bắt đầu: ${timeText(meeting.startTime)}, ${formatPlaceDate("", meeting.date).slice(2)}.`,
  );
  pdf.paragraph(`Địa điểm: ${meeting.location}.`);
  const absent = meeting.members - meeting.present;
  pdf.paragraph(
    `Thành phần tham dự: Hội đồng Thi đua - Khen thưởng gồm ${meeting.members} thành viên; có mặt ${meeting.present}, vắng mặt ${absent}${meeting.absentees.length > 0 ? ` (${meeting.absentees.join("; ")})` : ""}.`,
  );
  pdf.paragraph(`Chủ trì (chủ tọa): ${meeting.chair.name}, ${meeting.chair.title}.`);
  pdf.paragraph(`Thư ký (người ghi biên bản): ${meeting.secretary.name}, ${meeting.secretary.title}.`);
  pdf.heading("Nội dung:");
  pdf.paragraph(
    `1. Hội đồng nghe báo cáo kết quả thực hiện các phong trào thi đua năm học ${data.schoolYear} và danh sách các tập thể, cá nhân đủ tiêu chuẩn đề nghị khen thưởng.`,
  );
  pdf.paragraph(
    `2. Hội đồng xét từng trường hợp theo tiêu chuẩn (kết quả xếp loại, sáng kiến, tỷ lệ Lao động tiên tiến, kỷ luật)${data.discussion ? `: ${data.discussion}` : "."}`,
  );
  if (data.votes.length > 0) {
    pdf.paragraph(
      `3. Kết quả ${ballotWord(data.ballotType)} (tỷ lệ tính trên tổng số ${meeting.members} thành viên Hội đồng):`,
    );
    drawTable(pdf, { columns: VOTE_COLUMNS, rows: voteRows(data.votes, meeting.members, data.thresholds) });
  }
  pdf.heading("Kết luận:");
  pdf.paragraph(`Hội đồng thống nhất đề nghị khen thưởng năm học ${data.schoolYear} như sau:`);
  for (const group of groups) {
    const names = group.items.map((entry) => entry.name).join(", ");
    pdf.paragraph(
      `- ${capitalise(awardPhrase(group.code))}: ${subjectCountText(group.individuals, group.collectives)} (${names});`,
    );
  }
  pdf.closing({
    lead: `Cuộc họp kết thúc vào ${timeText(meeting.endTime)} cùng ngày; biên bản đã được thông qua trước Hội đồng./.`,
    signatures: [
      { lines: ["THƯ KÝ"], name: meeting.secretary.name },
      { lines: ["CHỦ TỌA"], name: meeting.chair.name },
    ],
    copies: standardCopies(data.copies, "Hồ sơ", false),
  });
  return pdf.finish();
}

export async function renderBienBanKiemPhieu(
  input: Draft<BienBanKiemPhieuInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const kind = documentKindText.bienBanKiemPhieu;
  const data = parseDocumentInput(BienBanKiemPhieuInput, input, kind.name);
  if (data.votes.length === 0) throwMissing(kind.name, ["kết quả bỏ phiếu"]);
  assertVoteCounts(kind.name, data.votes, data.meeting.members);
  const { meeting } = data;
  const topic = `Xét ${proposalTopic(data.votes.map((vote) => vote.target))} năm học ${data.schoolYear}`;
  const pdf = new OfficialPdf(
    { title: `Biên bản kiểm phiếu ${topic.toLocaleLowerCase("vi")}`, subject: kind.name },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: data.issuer.parentName,
    agency: data.issuer.name,
    number: formatDocumentNumber(data.number, kind.code, data.issuer.abbreviation),
    placeDate: placeDateOf(data.issuer, meeting.date),
  });
  pdf.title(kind.title, [topic]);
  pdf.paragraph(`Thời gian: ${timeText(meeting.startTime)}; địa điểm: ${meeting.location}.`);
  pdf.paragraph(
    `Ban kiểm phiếu gồm: ${[`${data.tellers.head} (Trưởng ban)`, ...data.tellers.members].join("; ")}.`,
  );
  const first = data.votes[0];
  if (first)
    pdf.paragraph(
      `Tổng số thành viên Hội đồng: ${meeting.members}; hình thức: ${ballotWord(data.ballotType)}; số phiếu phát ra: ${first.issued}; số phiếu thu về: ${first.returned}; số phiếu hợp lệ: ${first.valid}; số phiếu không hợp lệ: ${first.returned - first.valid}.`,
    );
  pdf.paragraph("Kết quả kiểm phiếu từng trường hợp:");
  drawTable(pdf, { columns: VOTE_COLUMNS, rows: voteRows(data.votes, meeting.members, data.thresholds) });
  pdf.closing({
    lead: "Biên bản kiểm phiếu được lập và công bố trước Hội đồng./.",
    signatures: [
      { lines: ["CÁC THÀNH VIÊN"], name: data.tellers.members.join(", ") },
      { lines: ["TRƯỞNG BAN KIỂM PHIẾU"], name: data.tellers.head },
    ],
  });
  return pdf.finish();
}

export async function renderPhieuBau(
  input: Draft<PhieuBauInput>,
  options: RenderOptions = {},
): Promise<Buffer> {
  const kind = documentKindText.phieuBau;
  const data = parseDocumentInput(PhieuBauInput, input, kind.name);
  const topic = `Xét ${proposalTopic(data.candidates.map((candidate) => candidate.target))} năm học ${data.schoolYear}`;
  const pdf = new OfficialPdf(
    { title: `Phiếu bầu ${topic.toLocaleLowerCase("vi")}`, subject: kind.name },
    "portrait",
    options,
  );
  pdf.header({ parentAgency: data.issuer.parentName, agency: data.issuer.name });
  pdf.title(kind.title, [topic]);
  pdf.centredLine(
    "(Đồng ý thì đánh dấu X vào ô “Đồng ý”, không đồng ý thì đánh dấu X vào ô “Không đồng ý”; mỗi dòng chỉ đánh dấu một ô)",
  );
  pdf.doc.y += 6;
  drawTable(pdf, {
    columns: [
      { header: "STT", weight: 0, align: "center", keepWhole: true },
      { header: "Họ và tên", weight: 2, keepWhole: true },
      { header: "Chức vụ, đơn vị", weight: 2 },
      { header: "Danh hiệu, hình thức đề nghị", weight: 2 },
      { header: "Đồng ý", weight: 1, align: "center" },
      { header: "Không đồng ý", weight: 1, align: "center" },
    ],
    rows: data.candidates.map((candidate, index) => ({
      cells: [
        String(index + 1),
        candidate.name,
        candidate.position,
        awardCodeLabels[candidate.target],
        "",
        "",
      ],
    })),
  });
  pdf.paragraph("Phiếu hợp lệ là phiếu có đóng dấu của đơn vị và đánh dấu đúng hướng dẫn.", {
    font: FONT.italic,
  });
  return pdf.finish();
}
