/**
 * The documents of a dossier and how each is rendered from the mappers' output, in the order they
 * are numbered: the biên bản họp, one tờ trình per channel, the danh sách, the biên bản kiểm phiếu
 * and phiếu bầu, the sổ theo dõi. Rendering reads numbers from the book, so the same plan serves
 * the dry run (every number 1) and the build.
 */
import {
  type BienBanHopInput,
  renderBienBanHop,
  renderBienBanKiemPhieu,
  renderPhieuBau,
} from "../../documents/bien-ban.js";
import { type DanhSachInput, renderDanhSach } from "../../documents/danh-sach.js";
import type { Draft } from "../../documents/inputs.js";
import type { RenderOptions } from "../../documents/layout.js";
import { renderSoTheoDoi } from "../../documents/so-theo-doi.js";
import { renderToTrinh } from "../../documents/to-trinh.js";
import { managingLevelOf } from "../../domain/authority.js";
import type { AwardCode } from "../../domain/codes.js";
import { adHocMessages, documentKindText } from "../../domain/messages/index.js";
import {
  type ChannelKey,
  channelFile,
  channelOf,
  type DossierEntry,
  managingDeciderOf,
  proposalChannels,
} from "./channels.js";
import type { DossierContext } from "./context.js";
import type { NumberBook } from "./numbering.js";
import type { ParsedDossierOptions } from "./options.js";
import { collectiveRows, individualRows, studentRows } from "./rows.js";
import { ballotCandidates, ballotTypeOf, meetingOf, voteLines } from "./votes.js";

export interface PlannedDocument {
  type: string;
  file: string;
  /** The key under which its number is recorded and cited. */
  ref: string;
  /** Ký hiệu of a numbered document ("TTr", "BB"); the number is taken after the dry run. */
  kindCode?: string;
  render: (book: NumberBook) => Promise<Buffer>;
}

const MEETING_REF = "bien-ban-hop";
const toTrinhRef = (key: ChannelKey): string => `to-trinh:${key}`;

type ListKind = DanhSachInput["kind"];

export function planDossier(
  context: DossierContext,
  entries: readonly DossierEntry[],
  options: ParsedDossierOptions,
  render: RenderOptions | undefined,
): PlannedDocument[] {
  const { data, issuer, signer, year } = context;
  const decider = managingDeciderOf(data.unit, options.decider);
  const channels = proposalChannels(data.unit, entries, decider);
  const meeting = meetingOf(options.meeting, data.votes);
  const ballotType = ballotTypeOf(data.votes);
  const votes = voteLines(context, data.votes);
  const plan: PlannedDocument[] = [];
  const { simplified } = options;

  if (entries.length > 0 && !simplified)
    plan.push(
      meetingMinutes({ issuer, schoolYear: year, meeting, ballotType, votes, entries: [...entries] }, render),
    );
  if (entries.length > 0)
    for (const channel of channels)
      plan.push({
        type: "to-trinh",
        file: channelFile("01-to-trinh.pdf", channels, channel.key),
        ref: toTrinhRef(channel.key),
        kindCode: documentKindText.toTrinh.code,
        render: (book) =>
          renderToTrinh(
            {
              issuer,
              number: book.numberOf(toTrinhRef(channel.key)),
              date: options.date,
              schoolYear: year,
              recipients: options.recipients ?? [decider],
              decider: channel.decider,
              legalTexts: data.yearConfig?.legalTexts,
              extraBases: simplified
                ? [adHocMessages.simplifiedBasis, ...options.extraBases]
                : options.extraBases,
              councilMeeting: options.meeting
                ? {
                    number: book.formatted(MEETING_REF, documentKindText.bienBanHop.code),
                    date: options.meeting.date,
                  }
                : undefined,
              entries: channel.entries,
              signer,
              simplified,
            },
            render,
          ),
      });

  /**
   * One list per kind and channel, each citing its channel's tờ trình. Students' đột xuất prizes go
   * with the managing level's tờ trình, which carries the school's whole proposal; in the
   * simplified dossier they are proposals themselves, each with its decider's tờ trình.
   */
  const lists = <Row extends { code?: AwardCode | undefined }>(
    kind: ListKind,
    file: string,
    rows: readonly Row[],
    input: (rows: Row[], common: ListCommon) => Draft<DanhSachInput>,
  ) => {
    const keyOf = (row: Row): ChannelKey =>
      (kind === "student" && !simplified) || row.code === undefined
        ? managingLevelOf(data.unit.managingAuthority)
        : channelOf(data.unit, row.code);
    for (const key of new Set(rows.map(keyOf)))
      plan.push({
        type: `danh-sach-${kind}`,
        file: channelFile(file, channels, key),
        ref: `danh-sach-${kind}:${key}`,
        render: (book) =>
          renderDanhSach(
            input(
              rows.filter((row) => keyOf(row) === key),
              {
                issuer,
                schoolYear: year,
                proposalRef: { number: book.numberOf(toTrinhRef(key)), date: options.date },
                signer,
              },
            ),
            render,
          ),
      });
  };
  // The simplified dossier's students are not on the roster: their lines go in the students' list.
  const staffEntries = simplified ? entries.filter((entry) => context.personOf(entry.subjectId)) : entries;
  const staffRows = individualRows(context, staffEntries).map((row) =>
    simplified ? { ...row, adHoc: true } : row,
  );
  lists("individual", "03-danh-sach-ca-nhan.pdf", staffRows, (rows, common) => ({
    kind: "individual",
    ...common,
    rows,
  }));
  lists("collective", "04-danh-sach-tap-the.pdf", collectiveRows(context, entries), (rows, common) => ({
    kind: "collective",
    ...common,
    rows,
  }));
  lists(
    "student",
    "05-danh-sach-hoc-sinh.pdf",
    studentRows(context, simplified ? entries : undefined),
    (rows, common) => ({
      kind: "student",
      ...common,
      rows,
    }),
  );

  if (simplified) return plan;
  if (votes.length > 0) {
    plan.push({
      type: "bien-ban-kiem-phieu",
      file: "06-bien-ban-kiem-phieu.pdf",
      ref: "bien-ban-kiem-phieu",
      kindCode: documentKindText.bienBanKiemPhieu.code,
      render: (book) =>
        renderBienBanKiemPhieu(
          {
            issuer,
            number: book.numberOf("bien-ban-kiem-phieu"),
            schoolYear: year,
            meeting,
            ballotType,
            votes,
            tellers: options.tellers,
          },
          render,
        ),
    });
    plan.push({
      type: "phieu-bau",
      file: "07-phieu-bau.pdf",
      ref: "phieu-bau",
      render: () =>
        renderPhieuBau(
          { issuer, schoolYear: year, candidates: ballotCandidates(context, data.votes) },
          render,
        ),
    });
  }

  plan.push({
    type: "so-theo-doi",
    file: "08-so-theo-doi.pdf",
    ref: "so-theo-doi",
    render: () =>
      renderSoTheoDoi(
        {
          issuer,
          date: options.date,
          period: { first: data.registerFrom, years: options.registerYears },
          people: data.people.map((person) => ({
            id: person.id,
            fullName: person.fullName,
            gender: person.gender,
            birthDate: person.birthDate,
            position: person.position || undefined,
          })),
          collectives: [
            { id: data.unit.id, name: data.unit.name, memberIds: data.people.map((person) => person.id) },
          ],
          records: data.records,
          awards: data.awards,
          initiatives: data.initiatives,
          signer,
        },
        render,
      ),
  });
  return plan;
}

/** What every danh sách of a dossier shares: issuer, year, the tờ trình it goes with, signer. */
export type ListCommon = Omit<Draft<DanhSachInput>, "kind" | "rows">;

/**
 * The biên bản họp Hội đồng of a dossier (the school's or the Department's): numbered in the
 * dossier's book when it is rendered.
 */
export const meetingMinutes = (
  input: Omit<Draft<BienBanHopInput>, "number">,
  render: RenderOptions | undefined,
): PlannedDocument => ({
  type: "bien-ban-hop",
  file: "02-bien-ban-hop-hoi-dong.pdf",
  ref: MEETING_REF,
  kindCode: documentKindText.bienBanHop.code,
  render: (book) => renderBienBanHop({ ...input, number: book.numberOf(MEETING_REF) }, render),
});
