/**
 * Builds eligibility cases (docs/design.md §5.2) from stored records: a proposal, the subject's year
 * records, its awards ledger, its initiatives and research, and the council vote. Pure: the service
 * loads the data, this decides how stored facts become case inputs.
 */
import { isTitle, type Title } from "../codes.js";
import type { Award, CouncilVote, Initiative, Person, Proposal, Unit, YearRecord } from "../model.js";
import type { CaseAward, CaseDiscipline, HistoryRecord, MemberRecord } from "./schema.js";

export interface StoredSubject {
  proposal: Proposal;
  person?: Person | undefined;
  unit: Unit;
  records: readonly YearRecord[];
  awards: readonly Award[];
  initiatives: readonly Initiative[];
  vote?: CouncilVote | undefined;
  /** Collectives: every member's record for the proposal's year. */
  members?: readonly { person: Person; record: YearRecord | undefined }[];
  /**
   * Collectives: titles members qualify for in this same round (their own proposals judged
   * eligible). The council weighs a school's title together with its members' (TTTT-03 counts the
   * members who achieve LĐTT in the year), before any decision has been issued.
   */
  memberTitlesThisRound?: ReadonlyMap<string, readonly Title[]>;
}

const toDiscipline = (discipline: YearRecord["discipline"][number]): CaseDiscipline => ({
  level: discipline.level,
  dutyRelated: discipline.dutyRelated,
  ...(discipline.to ? { to: discipline.to } : {}),
});

/** A year's record merged with the ledger: titles and forms awarded for that year. */
function historyOf(records: readonly YearRecord[], awards: readonly Award[]): HistoryRecord[] {
  const byYear = new Map<string, { titles: Set<Title>; awards: CaseAward[] }>();
  for (const award of awards) {
    const entry = byYear.get(award.year) ?? { titles: new Set<Title>(), awards: [] };
    if (isTitle(award.code)) entry.titles.add(award.code);
    else entry.awards.push({ form: award.code, kind: award.kind });
    byYear.set(award.year, entry);
  }
  return records.map((record) => {
    const ledger = byYear.get(record.year);
    const titles = new Set<Title>([...record.titles, ...(ledger?.titles ?? [])]);
    const recordForms = new Set(record.awards.map((award) => `${award.form}/${award.kind}`));
    const ledgerAwards = (ledger?.awards ?? []).filter(
      (award) => !recordForms.has(`${award.form}/${award.kind}`),
    );
    return {
      year: record.year,
      rating: record.rating,
      titles: [...titles],
      awards: [...record.awards, ...ledgerAwards],
      discipline: record.discipline.map(toDiscipline),
      ...(record.monthsWorked !== undefined ? { monthsWorked: record.monthsWorked } : {}),
      ...(record.maternityLeaveMonths !== undefined
        ? { maternityLeaveMonths: record.maternityLeaveMonths }
        : {}),
      suspended: record.suspended,
      ...(record.spirit !== undefined ? { spirit: record.spirit } : {}),
      ...(record.movement !== undefined ? { movement: record.movement } : {}),
      ...(record.solidarity !== undefined ? { solidarity: record.solidarity } : {}),
      ...(record.leadsCluster !== undefined ? { leadsCluster: record.leadsCluster } : {}),
    };
  });
}

const achievement = (initiative: Initiative) => ({
  level: initiative.level,
  year: initiative.year,
  ...(initiative.usedForAwardId ? { usedFor: initiative.usedForAwardId } : {}),
});

function memberOf(
  person: Person,
  record: YearRecord | undefined,
  thisRound: readonly Title[] = [],
): MemberRecord {
  return {
    id: person.id,
    // Someone on the roster without a record for the year was not rated (RT-07).
    rating: record?.rating ?? "NONE",
    titles: [...new Set([...(record?.titles ?? []), ...thisRound])],
    discipline: (record?.discipline ?? []).map(toDiscipline),
    ...(person.group ? { group: person.group } : {}),
  };
}

/** The case id names the proposal: unit, subject and target. */
const proposalCaseId = (proposal: Proposal): string =>
  `${proposal.unitId}_${proposal.subjectId}_${proposal.target}`;

export function caseFromStoredSubject(subject: StoredSubject): Record<string, unknown> {
  const { proposal, unit } = subject;
  const collective = proposal.subjectKind === "collective";
  return {
    id: proposalCaseId(proposal),
    target: proposal.target,
    year: proposal.year,
    subject: {
      kind: proposal.subjectKind,
      managingAuthority: unit.managingAuthority,
      ...(subject.person ? { gender: subject.person.gender } : {}),
    },
    history: historyOf(subject.records, subject.awards),
    initiatives: subject.initiatives.filter((i) => i.kind === "SANG_KIEN").map(achievement),
    research: subject.initiatives.filter((i) => i.kind === "DE_TAI").map(achievement),
    ...(subject.vote ? { vote: { agree: subject.vote.agree, members: subject.vote.members } } : {}),
    ...(collective
      ? {
          members: (subject.members ?? []).map((m) =>
            memberOf(m.person, m.record, subject.memberTitlesThisRound?.get(m.person.id)),
          ),
        }
      : {}),
  };
}
