/**
 * The council's votes as the biên bản and phiếu bầu print them. Rates are over the council's total
 * members (NĐ 98/2023 Đ30 k7), the size stored with the votes unless the meeting names it.
 */
import type { BallotType } from "../../domain/codes.js";
import { documentText } from "../../domain/messages/index.js";
import type { CouncilVote } from "../../domain/model.js";
import type { DossierContext } from "./context.js";
import type { ParsedDossierOptions } from "./options.js";

/** The biên bản's vote table: one line per candidate and target. */
export const voteLines = (context: DossierContext, votes: readonly CouncilVote[]) =>
  votes.map((vote) => ({
    // A collective's vote (the Department votes on schools) names the collective.
    name: context.nameOf(context.personOf(vote.subjectId) ? "individual" : "collective", vote.subjectId),
    target: vote.target,
    issued: vote.issued,
    returned: vote.returned,
    valid: vote.valid,
    agree: vote.agree,
  }));

/** A show of hands in any vote makes the whole council's vote one by show of hands. */
export const ballotTypeOf = (votes: readonly CouncilVote[]): BallotType =>
  votes.some((vote) => vote.ballotType === "GIO_TAY") ? "GIO_TAY" : "KIN";

/** The council's size as stored with its votes; 0 when there are none. */
export const councilSizeOf = (votes: readonly CouncilVote[]): number =>
  Math.max(0, ...votes.map((vote) => vote.members));

/** The meeting of the options, its council size completed from the votes. */
export function meetingOf(meeting: ParsedDossierOptions["meeting"], votes: readonly CouncilVote[]) {
  if (!meeting) return undefined;
  return { ...meeting, members: meeting.members ?? (councilSizeOf(votes) || undefined) };
}

const percent = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });

/** "8/9 (88,9%)" for the danh sách; nothing without a vote. */
export const voteShareOf = (vote: CouncilVote | undefined): string | undefined =>
  vote
    ? documentText.voteShare(vote.agree, vote.members, percent.format((100 * vote.agree) / vote.members))
    : undefined;

/** The phiếu bầu's candidates, each with their position (the unit's name when none is stored). */
export const ballotCandidates = (context: DossierContext, votes: readonly CouncilVote[]) =>
  votes.map((vote) => ({
    name: context.nameOf("individual", vote.subjectId),
    target: vote.target,
    position: context.personOf(vote.subjectId)?.position || context.data.unit.name,
  }));
