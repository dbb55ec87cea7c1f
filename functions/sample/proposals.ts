/**
 * The open year's proposals of the sample province, as schools would enter them in the tab
 * "Đề nghị khen thưởng": every council vote becomes a proposal for its title, every person rated
 * HTT or better is proposed for LĐTT, every school rated HTT or better for TTLĐTT. The showcase
 * school also proposes its doubtful cases, so that the checks have "no" answers to explain.
 */
import type { CouncilVote, Proposal, Unit, YearRecord } from "../src/domain/model.js";
import { schoolYearStarting, startYearOf } from "../src/domain/school-year.js";
import type { Random } from "./prng.js";

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

const priorYear = (year: string): string => schoolYearStarting(startYearOf(year) - 1);

/**
 * What the Giám đốc proposes to the Chủ tịch UBND tỉnh for the units the Department manages, as
 * their councils would enter it: a Bằng khen for each person rated HTXS this year and the year before
 * (BKT-01 d asks more: the engine judges), the Cờ thi đua for a unit that leads its cụm.
 */
export function departmentProposals(
  year: string,
  units: readonly Unit[],
  records: readonly YearRecord[],
): Proposal[] {
  const managed = new Set(
    units.filter((unit) => unit.managingAuthority === "SO_GDDT").map((unit) => unit.id),
  );
  const excellent = new Set(
    records
      .filter((record) => record.rating === "HTXS")
      .map((record) => `${record.subjectId}/${record.year}`),
  );
  return records.flatMap((record) => {
    if (record.year !== year || !managed.has(record.unitId)) return [];
    if (record.subjectKind === "collective")
      return record.leadsCluster && record.subjectId === record.unitId
        ? [proposal(year, record.unitId, "collective", record.subjectId, "CO_TD_TINH")]
        : [];
    return [year, priorYear(year)].every((inYear) => excellent.has(`${record.subjectId}/${inYear}`))
      ? [proposal(year, record.unitId, "individual", record.subjectId, "BK_CT_UBND_TINH")]
      : [];
  });
}

/**
 * The Department council's votes (tab "Biểu quyết Hội đồng Sở") on the proposals it forwards to the
 * Chủ tịch UBND tỉnh, stored under the Department's unit. Nine members, all present.
 */
export function departmentVotes(
  year: string,
  departmentUnitId: string,
  proposals: readonly Proposal[],
  random: Random,
): CouncilVote[] {
  const members = 9;
  return proposals.map((p) => {
    const agree = members - (random.chance(0.3) ? 1 : 0);
    return {
      year,
      unitId: departmentUnitId,
      subjectId: p.subjectId,
      target: p.target,
      ballotType: "KIN" as const,
      members,
      issued: members,
      returned: members,
      valid: members,
      agree,
      disagree: members - agree,
    };
  });
}
