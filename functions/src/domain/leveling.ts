/**
 * The anti-"cào bằng, nể nang" analysis (docs/leveling.md): per unit, the distribution of the year's
 * ratings and titles against the HTXS cap (RT-05) and against the province, and flags, each with its
 * figures and a Vietnamese sentence. Pure: the service hands in each unit's stored data.
 *
 * Every threshold is UNCONFIRMED — the guidance asks for the analysis and gives no figure — so they
 * are configuration (LevelingConfig, overridable per year in years/{year}.leveling).
 */
import { RATINGS, type Rating } from "./codes.js";
import { checkHtxsCap, resolveConfig } from "./eligibility/index.js";
import type { LevelingConfig } from "./leveling-config.js";
import type {
  Count,
  LevelingFlag,
  LevelingReport,
  ProvinceDistribution,
  UnitLeveling,
} from "./leveling-schema.js";
import { levelingMessages as msg } from "./messages/index.js";
import type {
  Achievement,
  HtxsCapDenominator,
  Initiative,
  Person,
  Registration,
  YearRecord,
} from "./model.js";
import { schoolYearStarting, schoolYearsBetween, startYearOf } from "./school-year.js";
import { foldForMatching, normalizeText } from "./text.js";

/** The school years of the window ending with `year`. */
export const levelingWindow = (year: string, config: LevelingConfig): string[] =>
  schoolYearsBetween(schoolYearStarting(startYearOf(year) - config.windowYears + 1), year);

/**
 * A manager (cán bộ quản lý) is the head of the unit or a deputy: a position beginning with
 * "Hiệu trưởng", "Phó Hiệu trưởng", "Giám đốc" or "Phó Giám đốc" (optionally "Quyền …"), or the
 * staff category "Cán bộ quản lý". Heads of groups (tổ trưởng) are not managers.
 */
const MANAGER_POSITION = /^(quyen\s+)?(pho\s+)?(hieu truong|giam doc)\b/;
export const isManager = (person: Pick<Person, "position" | "staffCategory">): boolean =>
  MANAGER_POSITION.test(foldForMatching(person.position ?? "")) ||
  foldForMatching(person.staffCategory ?? "") === "can bo quan ly";

export interface LevelingUnitInput {
  unit: { id: string; name: string };
  /** The roster, withdrawn people included (their past titles count in the window). */
  people: readonly Pick<Person, "id" | "fullName" | "position" | "staffCategory" | "group">[];
  /** The unit's year records over the window, individual and its own collective ones. */
  records: readonly YearRecord[];
  initiatives: readonly Pick<Initiative, "ownerIds" | "year">[];
  /** National and international prizes (khen thưởng đột xuất) of the window: a teacher's own or coached. */
  achievements?: readonly Pick<Achievement, "personId" | "coachIds" | "year">[];
  /** The unit's own registration of the report year, with its commitments. */
  registration?: Pick<Registration, "commitments"> | undefined;
}

export interface LevelingOptions {
  year: string;
  htxsCapDenominator: HtxsCapDenominator;
  config: LevelingConfig;
}

const share = (part: number, whole: number): number => (whole === 0 ? 0 : part / whole);
/** Thresholds are met from the threshold up; 1e-9 absorbs 0.8 × 5 = 4.000000000000001. */
const atLeast = (value: number, threshold: number): boolean => value >= threshold - 1e-9;

const individualsOf = (records: readonly YearRecord[], year: string): YearRecord[] =>
  records.filter((record) => record.subjectKind === "individual" && record.year === year);

const isRated = (rating: Rating): boolean => rating !== "NONE";

/** The counts one unit adds to the province's distribution of `year`. */
export function unitDistribution(records: readonly YearRecord[], year: string): ProvinceDistribution {
  const individuals = individualsOf(records, year);
  const ratings: Record<string, number> = {};
  const titles: Record<string, number> = {};
  for (const record of individuals) {
    ratings[record.rating] = (ratings[record.rating] ?? 0) + 1;
    for (const title of new Set(record.titles)) titles[title] = (titles[title] ?? 0) + 1;
  }
  const rated = individuals.filter((record) => isRated(record.rating)).length;
  return { people: individuals.length, rated, ratings, titles };
}

export function sumDistributions(parts: readonly ProvinceDistribution[]): ProvinceDistribution {
  const total: ProvinceDistribution = { people: 0, rated: 0, ratings: {}, titles: {} };
  for (const part of parts) {
    total.people += part.people;
    total.rated += part.rated;
    for (const [code, count] of Object.entries(part.ratings))
      total.ratings[code] = (total.ratings[code] ?? 0) + count;
    for (const [code, count] of Object.entries(part.titles))
      total.titles[code] = (total.titles[code] ?? 0) + count;
  }
  return total;
}

const ratingBase = (distribution: ProvinceDistribution, rating: string): number =>
  rating === "NONE" ? distribution.people : distribution.rated;

export function analyseUnit(
  input: LevelingUnitInput,
  province: ProvinceDistribution,
  options: LevelingOptions,
): UnitLeveling {
  const { year, config } = options;
  const own = unitDistribution(input.records, year);
  const personById = new Map(input.people.map((person) => [person.id, person]));

  const ratings: Record<string, Count> = {};
  for (const rating of RATINGS)
    ratings[rating] = {
      count: own.ratings[rating] ?? 0,
      share: share(own.ratings[rating] ?? 0, ratingBase(own, rating)),
      provinceShare: share(province.ratings[rating] ?? 0, ratingBase(province, rating)),
    };
  const titles: Record<string, Count> = {};
  for (const title of new Set([...Object.keys(own.titles), ...Object.keys(province.titles)]))
    titles[title] = {
      count: own.titles[title] ?? 0,
      share: share(own.titles[title] ?? 0, own.people),
      provinceShare: share(province.titles[title] ?? 0, province.people),
    };

  const unitRecord = input.records.find(
    (record) =>
      record.subjectKind === "collective" && record.subjectId === input.unit.id && record.year === year,
  );
  const cap = checkHtxsCap(
    {
      year,
      unitRating: unitRecord?.rating ?? "NONE",
      members: individualsOf(input.records, year).map((record) => ({
        rating: record.rating,
        group: personById.get(record.subjectId)?.group,
      })),
    },
    resolveConfig({ htxsCapDenominator: options.htxsCapDenominator }),
  );
  const unitScope = cap.scopes.find((scope) => scope.group === null);

  const htxsShare = ratings.HTXS?.share ?? 0;
  const flags: LevelingFlag[] = [
    ...nearAllHtxs(own, htxsShare, ratings.HTXS?.provinceShare ?? 0, config),
    ...rotation(input, year, config),
    ...managerShare(input, year, config),
    ...ratingsVsResults(input, own, htxsShare, config),
  ];
  return {
    unitId: input.unit.id,
    unitName: input.unit.name,
    people: own.people,
    rated: own.rated,
    ratings,
    titles,
    htxsCap: {
      ok: cap.ok,
      share: cap.share,
      htxs: unitScope?.htxs ?? 0,
      max: unitScope?.max ?? 0,
      excess: unitScope?.excess ?? 0,
      message: cap.message,
    },
    flags,
  };
}

function nearAllHtxs(
  own: ProvinceDistribution,
  htxsShare: number,
  provinceShare: number,
  config: LevelingConfig,
): LevelingFlag[] {
  if (own.rated < config.minRated || !atLeast(htxsShare, config.nearAllHtxsShare)) return [];
  const htxs = own.ratings.HTXS ?? 0;
  return [
    {
      code: "NEAR_ALL_HTXS",
      htxs,
      rated: own.rated,
      share: htxsShare,
      threshold: config.nearAllHtxsShare,
      provinceShare,
      message: msg.nearAllHtxs(htxs, own.rated, htxsShare, config.nearAllHtxsShare, provinceShare),
    },
  ];
}

/**
 * ROTATION, per watched title over the window:
 * - REPEAT: people who held the title in ≥ rotationMinYears years of the window with no new
 *   evidence in any year they held it — no initiative recognised, no national prize won or coached;
 * - TURNS: the title handed round — ≥ turnsMinHolders different holders, each exactly once, in
 *   ≥ rotationMinYears different years, and not one holder with new evidence in the year held.
 */
function rotation(input: LevelingUnitInput, year: string, config: LevelingConfig): LevelingFlag[] {
  const window = levelingWindow(year, config);
  const inWindow = new Set(window);
  // New evidence of a year: an initiative recognised that year, or a prize won or coached that year.
  const evidenceYears = new Map<string, Set<string>>();
  const addEvidence = (personId: string, evidenceYear: string) => {
    const years = evidenceYears.get(personId) ?? new Set<string>();
    years.add(evidenceYear);
    evidenceYears.set(personId, years);
  };
  for (const initiative of input.initiatives)
    for (const owner of initiative.ownerIds) addEvidence(owner, initiative.year);
  for (const achievement of input.achievements ?? [])
    for (const personId of [achievement.personId, ...achievement.coachIds])
      if (personId !== undefined) addEvidence(personId, achievement.year);
  const nameOf = (id: string): string => input.people.find((person) => person.id === id)?.fullName ?? id;
  const flags: LevelingFlag[] = [];
  for (const title of config.rotationTitles) {
    const held = new Map<string, string[]>();
    for (const record of input.records)
      if (record.subjectKind === "individual" && inWindow.has(record.year) && record.titles.includes(title))
        held.set(record.subjectId, [...(held.get(record.subjectId) ?? []), record.year].sort());
    const withoutEvidence = (personId: string, years: readonly string[]): boolean =>
      years.every((heldYear) => !evidenceYears.get(personId)?.has(heldYear));
    const holders = [...held.entries()].map(([personId, years]) => ({
      personId,
      fullName: nameOf(personId),
      years,
    }));

    const repeaters = holders.filter(
      (holder) =>
        holder.years.length >= config.rotationMinYears && withoutEvidence(holder.personId, holder.years),
    );
    if (repeaters.length > 0)
      flags.push({
        code: "ROTATION",
        pattern: "REPEAT",
        title,
        years: window,
        holders: repeaters,
        threshold: config.rotationMinYears,
        message: msg.rotationRepeat(title, repeaters, window, config.rotationMinYears),
      });

    const yearsGiven = new Set(holders.flatMap((holder) => holder.years));
    const turns =
      holders.length >= config.turnsMinHolders &&
      yearsGiven.size >= config.rotationMinYears &&
      holders.every((holder) => holder.years.length === 1 && withoutEvidence(holder.personId, holder.years));
    if (turns)
      flags.push({
        code: "ROTATION",
        pattern: "TURNS",
        title,
        years: window,
        holders,
        threshold: config.turnsMinHolders,
        message: msg.rotationTurns(title, holders, window),
      });
  }
  return flags;
}

/**
 * MANAGER_SHARE over the window, counted in person-years: managers' share of the holdings of the
 * counted titles against their share of the individual records. Who is a manager is read from the
 * current roster (a past year's deputy since moved to teaching counts as a teacher).
 */
function managerShare(input: LevelingUnitInput, year: string, config: LevelingConfig): LevelingFlag[] {
  const inWindow = new Set(levelingWindow(year, config));
  const managers = new Set(input.people.filter(isManager).map((person) => person.id));
  const counted = new Set(config.managerTitles);
  let staffYears = 0;
  let managerYears = 0;
  let titles = 0;
  let managerTitles = 0;
  for (const record of input.records) {
    if (record.subjectKind !== "individual" || !inWindow.has(record.year)) continue;
    const isManagerRecord = managers.has(record.subjectId);
    const holdings = new Set(record.titles.filter((title) => counted.has(title))).size;
    staffYears++;
    titles += holdings;
    if (isManagerRecord) {
      managerYears++;
      managerTitles += holdings;
    }
  }
  const staffShare = share(managerYears, staffYears);
  const titleShare = share(managerTitles, titles);
  const ratio = staffShare === 0 ? 0 : titleShare / staffShare;
  if (titles < config.managerMinTitles || managerTitles < 2 || !atLeast(ratio, config.managerShareRatio))
    return [];
  return [
    {
      code: "MANAGER_SHARE",
      managerYears,
      staffYears,
      staffShare,
      managerTitles,
      titles,
      titleShare,
      ratio,
      threshold: config.managerShareRatio,
      message: msg.managerShare(
        { managerYears, staffYears, staffShare, managerTitles, titles, titleShare, ratio },
        config.managerTitles,
        config.managerShareRatio,
      ),
    },
  ];
}

type CommitmentValue = number | string;

/** "95", "95,5", "95.5%" → a number; other text → undefined. */
function numberOf(value: CommitmentValue): number | undefined {
  if (typeof value === "number") return value;
  const text = normalizeText(value).replace(/%$/, "").replace(",", ".").trim();
  if (text === "" || !/^[-+]?\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/**
 * Whether a commitment was missed. Numbers are minimums ("Tỷ lệ lên lớp: 98") unless the target is
 * written "≤ 1" / "<= 1" (a maximum, e.g. a dropout rate) or "≥ 98"; a text target must be met word
 * for word (accents, case and spacing aside): "Đạt chuẩn quốc gia mức 2".
 */
export function commitmentMissed(target: CommitmentValue, achieved: CommitmentValue): boolean {
  const bound = typeof target === "string" ? /^\s*(≤|<=|≥|>=)\s*(.+)$/.exec(target) : null;
  const limit = numberOf(bound ? (bound[2] ?? "") : target);
  const reached = numberOf(achieved);
  if (limit !== undefined && reached !== undefined)
    return bound?.[1] === "≤" || bound?.[1] === "<=" ? reached > limit : reached < limit;
  return foldForMatching(String(achieved)) !== foldForMatching(String(target));
}

function ratingsVsResults(
  input: LevelingUnitInput,
  own: ProvinceDistribution,
  htxsShare: number,
  config: LevelingConfig,
): LevelingFlag[] {
  const assessed = (input.registration?.commitments ?? []).flatMap((commitment) =>
    commitment.achieved === undefined || commitment.achieved === ""
      ? []
      : [{ key: commitment.key, target: commitment.target, achieved: commitment.achieved }],
  );
  const missed = assessed.filter((commitment) => commitmentMissed(commitment.target, commitment.achieved));
  const missedShare = share(missed.length, assessed.length);
  if (
    missed.length === 0 ||
    own.rated < config.minRated ||
    !atLeast(missedShare, config.resultsMissedShare) ||
    !atLeast(htxsShare, config.resultsHtxsShare)
  )
    return [];
  const htxs = own.ratings.HTXS ?? 0;
  return [
    {
      code: "RATINGS_VS_RESULTS",
      assessed: assessed.length,
      missed,
      missedShare,
      htxs,
      rated: own.rated,
      htxsShare,
      thresholds: { missedShare: config.resultsMissedShare, htxsShare: config.resultsHtxsShare },
      message: msg.ratingsVsResults(
        missed,
        assessed.length,
        htxs,
        own.rated,
        htxsShare,
        config.resultsMissedShare,
        config.resultsHtxsShare,
      ),
    },
  ];
}

/** The report of some units of the province, against the province's distribution of the year. */
export function levelingReport(
  units: readonly LevelingUnitInput[],
  province: ProvinceDistribution,
  options: LevelingOptions,
): LevelingReport {
  return {
    year: options.year,
    config: options.config,
    province,
    units: units.map((unit) => analyseUnit(unit, province, options)),
  };
}
