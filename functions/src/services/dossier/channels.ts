/**
 * The proposals a dossier carries and the tờ trình each goes in (docs/domain.md §7): one per
 * decider — the managing level's own titles and Giấy khen, and each higher decider's forms proposed
 * through it (a Chủ tịch UBND xã cannot award a Bằng khen of the province). Who decides what is the
 * matrix of domain/authority.ts; this only groups by it.
 */
import {
  type HigherLevel,
  isHigherLevel,
  type ManagingLevel,
  managingLevelOf,
  proposalChannelOf,
} from "../../domain/authority.js";
import type { AwardCode, SubjectKind } from "../../domain/codes.js";
import { deciderThrough, higherDeciderTitles, managingDeciderTitle } from "../../domain/messages/index.js";
import type { Proposal, Unit } from "../../domain/model.js";
import type { DossierContext } from "./context.js";

/** A proposal line of the tờ trình and lists, with its tóm tắt thành tích. */
export interface DossierEntry {
  code: AwardCode;
  subjectKind: SubjectKind;
  subjectId: string;
  name: string;
  summary: string | undefined;
}

/** A proposal the engine judged ineligible: left out, and reported with the rules it fails. */
export interface ExcludedProposal {
  subjectId: string;
  name: string;
  target: string;
  failed: string[];
}

export type ChannelKey = ManagingLevel | HigherLevel;

export interface Channel {
  key: ChannelKey;
  /** The authority named in the tờ trình's request sentence. */
  decider: string;
  entries: DossierEntry[];
}

/** The stored proposals minus the excluded ones, as proposal lines. */
export function dossierEntries(
  context: DossierContext,
  proposals: readonly Proposal[],
  excluded: readonly ExcludedProposal[],
): DossierEntry[] {
  const isExcluded = (proposal: Proposal) =>
    excluded.some((left) => left.subjectId === proposal.subjectId && left.target === proposal.target);
  return proposals
    .filter((proposal) => !isExcluded(proposal))
    .map((proposal) => ({
      code: proposal.target,
      subjectKind: proposal.subjectKind,
      subjectId: proposal.subjectId,
      name: context.nameOf(proposal.subjectKind, proposal.subjectId),
      summary: proposal.summary || undefined,
    }));
}

/** The managing level's decider: the one named in the options, else its title from the managing body. */
export const managingDeciderOf = (unit: Unit, named: string | undefined): string =>
  named ?? managingDeciderTitle(managingLevelOf(unit.managingAuthority), unit.managingBodyName);

/** The channel a proposal of `code` goes through. */
export const channelOf = (unit: Unit, code: AwardCode): ChannelKey =>
  proposalChannelOf(code, unit.managingAuthority);

/** The managing level's channel first (numbered first), then one per higher decider; none empty. */
export function proposalChannels(unit: Unit, entries: readonly DossierEntry[], decider: string): Channel[] {
  const managingLevel = managingLevelOf(unit.managingAuthority);
  const keys = new Set<ChannelKey>([managingLevel, ...entries.map((entry) => channelOf(unit, entry.code))]);
  return [...keys]
    .map((key) => ({
      key,
      decider: isHigherLevel(key) ? deciderThrough(higherDeciderTitles[key], decider) : decider,
      entries: entries.filter((entry) => channelOf(unit, entry.code) === key),
    }))
    .filter((channel) => channel.entries.length > 0);
}

/** A channel's file: the first channel's as named, the others numbered ("01-to-trinh-2.pdf"). */
export const channelFile = (file: string, channels: readonly Channel[], key: ChannelKey): string => {
  const index = Math.max(
    0,
    channels.findIndex((channel) => channel.key === key),
  );
  return index === 0 ? file : file.replace(/\.pdf$/, `-${index + 1}.pdf`);
};
