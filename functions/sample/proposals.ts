/**
 * The open year's proposals of the sample province, as schools would enter them in the tab
 * "Đề nghị khen thưởng": every council vote becomes a proposal for its title, every person rated
 * HTT or better is proposed for LĐTT, every school rated HTT or better for TTLĐTT. The showcase
 * school also proposes its doubtful cases, so that the checks have "no" answers to explain.
 */
import type { CouncilVote, Proposal, Unit, YearRecord } from "../src/domain/model.js";

export interface ShowcaseProposals {
  unitId: string;
  /** Scripted teachers' ids in script order, and what each is proposed for beyond the votes. */
  extra: readonly { subjectId: string; target: Proposal["target"] }[];
  collectiveTargets: readonly Proposal["target"][];
}

const proposal = (
  year: string,
  unitId: string,
  subjectKind: Proposal["subjectKind"],
  subjectId: string,
  target: Proposal["target"],
): Proposal => ({ year, unitId, subjectKind, subjectId, target, kind: "CONG_TRANG" });

export function openYearProposals(
  year: string,
  units: readonly Unit[],
  records: readonly YearRecord[],
  votes: readonly CouncilVote[],
  showcase: ShowcaseProposals,
): Proposal[] {
  const proposals = new Map<string, Proposal>();
  const add = (p: Proposal) => proposals.set(`${p.unitId}_${p.subjectId}_${p.target}`, p);
  const unitIds = new Set(units.map((unit) => unit.id));
  for (const record of records) {
    if (record.year !== year || (record.rating !== "HTXS" && record.rating !== "HTT")) continue;
    if (record.subjectKind === "individual")
      add(proposal(year, record.unitId, "individual", record.subjectId, "LDTT"));
    else if (unitIds.has(record.subjectId))
      add(proposal(year, record.unitId, "collective", record.subjectId, "TTLDTT"));
  }
  for (const vote of votes) {
    if (vote.year === year) add(proposal(year, vote.unitId, "individual", vote.subjectId, vote.target));
  }
  for (const { subjectId, target } of showcase.extra)
    add(proposal(year, showcase.unitId, "individual", subjectId, target));
  for (const target of showcase.collectiveTargets)
    add(proposal(year, showcase.unitId, "collective", showcase.unitId, target));
  return [...proposals.values()];
}
