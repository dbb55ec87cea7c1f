/**
 * Every result of the engine, unchanged: a seeded corpus of individuals and collectives (gaps,
 * not-rated and maternity years, disciplines with periods, suspensions, awards of every form and
 * kind, initiatives and research of every level, reused ones, missing votes and attestations,
 * members with groups and disciplines, the three legal-basis versions and a date before them) is
 * judged for every target under the default configuration and under each configurable reading.
 * Each line of the snapshot is one subject under one configuration: its statuses (one letter per
 * target: e eligible, i ineligible, n incomplete, x error) and a digest of its full results (every
 * check's rule, verdict, basis and message, failed, missing, legal basis).
 *
 * The snapshot was recorded by the engine before its speed-up (docs/design.md §9) and the speed-up
 * left it as it was. Update it (`-u`) only with a change of a rule or of a message that is meant.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Random } from "../../../functions/sample/prng.js";
import {
  AWARD_FORMS,
  AWARD_KINDS,
  DISCIPLINE_LEVELS,
  isCollectiveTitle,
  isIndividualTitle,
  RATINGS,
  RECOGNITION_LEVELS,
  TARGETS,
  type Target,
  TITLES,
} from "../../../functions/src/domain/codes.js";
import {
  type CaseResult,
  type EligibilityConfigOverride,
  evaluateCaseFile,
  evaluateTargets,
  readCase,
  resolveConfig,
} from "../../../functions/src/domain/eligibility/index.js";
import { schoolYearStarting } from "../../../functions/src/domain/school-year.js";

/** Each kind's targets, and one title of the other kind (an error result). */
const INDIVIDUAL_TARGETS: Target[] = [...TARGETS.filter((target) => !isCollectiveTitle(target)), "TTLDTT"];
const COLLECTIVE_TARGETS: Target[] = [...TARGETS.filter((target) => !isIndividualTitle(target)), "LDTT"];

/** One configurable reading per line (docs/domain.md §16), each away from its default. */
const VARIANTS: Record<string, EligibilityConfigOverride> = {
  "vote-thresholds": { voteThreshold: { CSTD_CS: 0.7, CSTD_TINH: 1 } },
  "collective-share": { collectiveLdttShare: 0.5, collectiveMemberBase: "RATED_ONLY" },
  "months-10": { ldttMinMonthsWorked: 10 },
  "cstdcs-both": { cstdcsRequiresInitiativeAndHTXS: true, cstdcsCapShareOfLdtt: 0.15 },
  "initiative-window-3": { initiativeWindowYears: 3 },
  "cstdtinh-offset": { cstdTinhLookbackEndOffset: 1, cstdTinhNeedsNewStreakAfterAward: false },
  "cstdtq-years": { cstdTqConsecutiveMode: "YEARS" },
  "all-kinds-merit": { nonMeritAwardKinds: [] },
  "maternity-skips": { maternityNotRatedYearBreaksStreak: false },
  "anchor-latest": { afterAwardAnchor: "LATEST" },
  "readings-after-award": { bkTtgIndividualReading: "AFTER_AWARD", hcld2IndividualReading: "TO_PROPOSAL" },
  "giay-khen-ht": { giayKhenMinRating: "HT", coThiDuaRequiresHtxs: false },
  "cap-htt-and-above": {
    htxsCapDenominator: "HTT_AND_ABOVE",
    htxsCapShare: 0.1,
    htxsCapShareWhenUnitHtxs: 0.3,
  },
  "proposal-october": { defaultProposalMonthDay: "10-15" },
};

/** A year of a subject whose years are good with probability `good`: titles and awards follow the rating. */
function yearRecord(random: Random, year: string, collective: boolean, good: number) {
  const rating = random.chance(good)
    ? random.pick(["HTXS", "HTT", "HTXS"] as const)
    : random.pick(["HT", "KHT", "NONE"] as const);
  const earned = rating === "HTXS" || rating === "HTT";
  const titles = TITLES.filter((title) => {
    if (collective !== isCollectiveTitle(title)) return random.chance(0.02);
    const first = title === "LDTT" || title === "TTLDTT";
    return random.chance(earned ? (first ? 0.9 : 0.35) : 0.05);
  });
  const awards = Array.from({ length: random.int(0, 2) + (random.chance(0.3) ? 1 : 0) }, () => ({
    form: random.chance(0.8) ? random.pick(AWARD_FORMS) : random.pick(TITLES),
    kind: random.chance(0.7) ? "CONG_TRANG" : random.pick(AWARD_KINDS),
  }));
  const discipline = random.chance(0.08)
    ? [
        {
          level: random.pick(DISCIPLINE_LEVELS),
          dutyRelated: random.chance(0.4),
          ...(random.chance(0.4)
            ? { to: `${Number(year.slice(5)) + random.int(-1, 2)}-0${random.int(1, 9)}-15` }
            : {}),
        },
      ]
    : [];
  const optional = (value: unknown, absent = 0.08) => (random.chance(absent) ? undefined : value);
  return {
    year,
    rating,
    titles,
    awards,
    discipline,
    monthsWorked: optional(rating === "NONE" ? random.int(0, 5) : random.int(5, 12), 0.2),
    maternityLeaveMonths: optional(random.int(1, 6), 0.9),
    suspended: random.chance(0.02),
    spirit: optional(random.chance(0.95)),
    movement: optional(random.chance(0.9)),
    solidarity: optional(random.chance(0.95)),
    leadsCluster: optional(random.chance(0.5)),
  };
}

const achievements = (random: Random, end: number) =>
  Array.from({ length: random.int(0, 4) }, () => ({
    level: random.pick(RECOGNITION_LEVELS),
    year: schoolYearStarting(end - random.int(0, 8)),
    ...(random.chance(0.15) ? { usedFor: `qd-${random.int(1, 99)}` } : {}),
  }));

function subject(random: Random, index: number, collective: boolean) {
  // 2022: before Luật 2022 (no legal basis); 2023–2026 span the three versions.
  const end = random.pick([2022, 2023, 2024, 2024, 2025, 2025, 2025, 2026]);
  const span = random.int(1, 14);
  const good = random.pick([0.3, 0.7, 0.9, 0.97, 1]);
  const history = [];
  for (let start = end - span + 1; start <= end; start++)
    if (start === end ? random.chance(0.97) : random.chance(0.93))
      history.push(yearRecord(random, schoolYearStarting(start), collective, good));
  const members = random.int(5, 25);
  const agree = random.int(Math.floor(members * 0.5), members);
  return {
    id: `${collective ? "tt" : "cn"}-${index}`,
    target: collective ? "TTLDTT" : "LDTT",
    year: schoolYearStarting(end),
    ...(random.chance(0.15) ? { proposalDate: `${end + 1}-0${random.int(1, 9)}-${random.int(10, 28)}` } : {}),
    subject: {
      kind: collective ? "collective" : "individual",
      ...(collective
        ? {
            ...(random.chance(0.8) ? { foundedYear: random.int(1990, 2020) } : {}),
            flagEligible: random.chance(0.8),
          }
        : { gender: random.pick(["M", "F"]) }),
    },
    history,
    initiatives: achievements(random, end),
    research: achievements(random, end),
    ...(random.chance(0.9) ? { vote: { agree, members } } : {}),
    ...(collective && random.chance(0.9)
      ? {
          members: Array.from({ length: random.int(0, 30) }, (_, member) => ({
            ...(random.chance(0.8) ? { id: `gv-${index}-${member}` } : {}),
            rating: random.pick(RATINGS),
            titles: TITLES.filter((title) => !isCollectiveTitle(title) && random.chance(0.3)),
            discipline: random.chance(0.1)
              ? [{ level: random.pick(DISCIPLINE_LEVELS), dutyRelated: random.chance(0.3) }]
              : [],
            ...(random.chance(0.7) ? { group: `Tổ ${random.int(1, 4)}` } : {}),
          })),
        }
      : {}),
  };
}

function corpus(seed: number, count: number) {
  const random = new Random(seed);
  return Array.from({ length: count }, (_, index) => subject(random, index, random.chance(0.3)));
}

const STATUS_LETTER = { eligible: "e", ineligible: "i", incomplete: "n", error: "x" } as const;

function line(label: string, id: string, results: readonly CaseResult[]): string {
  const statuses = results.map((result) => STATUS_LETTER[result.status]).join("");
  const digest = createHash("sha256").update(JSON.stringify(results)).digest("hex").slice(0, 16);
  return `${label} ${id} ${statuses} ${digest}`;
}

/** Each subject for its targets through both entry points, which must agree. */
function judgeAll(label: string, subjects: readonly Record<string, unknown>[], override = {}): string[] {
  const config = resolveConfig(override);
  return subjects.map((raw, index) => {
    const targets: readonly Target[] =
      (raw.subject as { kind: string }).kind === "collective" ? COLLECTIVE_TARGETS : INDIVIDUAL_TARGETS;
    const read = readCase(raw, index);
    if ("error" in read) return line(label, String(raw.id), [read.error]);
    const together = evaluateTargets(read.case, targets, config);
    const oneByOne = evaluateCaseFile({
      config: override,
      cases: targets.map((target) => ({ ...raw, target })),
    }).results;
    expect(oneByOne).toEqual(together);
    return line(label, String(raw.id), together);
  });
}

describe("the engine's results, unchanged", () => {
  it("every target of 600 seeded subjects, default configuration", async () => {
    const lines = judgeAll("default", corpus(20_261_201, 600));
    expect(lines.filter((entry) => / [a-z]*[ei][a-z]* /.test(entry)).length).toBeGreaterThan(500);
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("__snapshots__/equivalence-default.txt");
  });

  it("every target of 80 seeded subjects under each configurable reading", async () => {
    const subjects = corpus(20_261_202, 80);
    const lines = Object.entries(VARIANTS).flatMap(([label, override]) =>
      judgeAll(label, subjects, override),
    );
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("__snapshots__/equivalence-variants.txt");
  });
});
