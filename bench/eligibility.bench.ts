/**
 * docs/design.md §9: eligibility for every individual title and form of 60,000 synthetic people with
 * 10-year histories, in process, ≤ 1 s. The people come from a small seeded generator here (not
 * bench/generator, which models a whole province) so that the figure is reproducible on its own.
 *
 * What is timed is what the year-end job does after reading its records: judging cases that are
 * already parsed and validated (zod runs once, outside the timing, as the store validated the
 * records it reads), all 13 individual targets per person with one history index, every result
 * complete with its checks' Vietnamese explanations. JSON.parse of the same case file is shown for
 * scale, not as a lower bound of this work: reading the cases from text is not part of it.
 */
import { isCollectiveTitle, type Rating, TARGETS, type Target } from "../functions/src/domain/codes.js";
import {
  type CaseStatus,
  type EligibilityCase,
  evaluateTargets,
  readCase,
  resolveConfig,
} from "../functions/src/domain/eligibility/index.js";
import { schoolYearStarting } from "../functions/src/domain/school-year.js";
import { type BenchResult, median, medianMs, result, timesMs } from "./harness.js";

const PEOPLE = 60_000;
const YEARS = 10;
const END = 2025;
const INDIVIDUAL_TARGETS: readonly Target[] = TARGETS.filter((target) => !isCollectiveTitle(target));

/** mulberry32: a tiny deterministic PRNG. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickRating(random: () => number): Rating {
  const r = random();
  return r < 0.15 ? "HTXS" : r < 0.72 ? "HTT" : r < 0.94 ? "HT" : r < 0.98 ? "KHT" : "NONE";
}

/** One person as a case of docs/design.md §5.2, with a realistic mix of titles, awards and disciplines. */
function person(random: () => number, index: number) {
  const history = [];
  const initiatives = [];
  for (let i = 0; i < YEARS; i++) {
    const year = schoolYearStarting(END - YEARS + 1 + i);
    const rating = pickRating(random);
    const good = rating === "HTXS" || rating === "HTT";
    const cstdcs = good && random() < (rating === "HTXS" ? 0.7 : 0.15);
    const titles = [
      ...(good ? ["LDTT"] : []),
      ...(cstdcs ? ["CSTD_CS"] : []),
      ...(cstdcs && random() < 0.05 ? ["CSTD_TINH"] : []),
    ];
    const awards = [];
    if (random() < 0.06)
      awards.push({ form: "BK_CT_UBND_TINH", kind: random() < 0.7 ? "CONG_TRANG" : "DOT_XUAT" });
    if (random() < 0.01) awards.push({ form: "BK_TTG", kind: "CONG_TRANG" });
    if (random() < 0.003) awards.push({ form: "HCLD_3", kind: "CONG_TRANG" });
    const discipline = random() < 0.01 ? [{ level: "KHIEN_TRACH", dutyRelated: random() < 0.5 }] : [];
    if (random() < 0.12) initiatives.push({ level: random() < 0.85 ? "CO_SO" : "TINH", year });
    history.push({
      year,
      rating,
      titles,
      awards,
      discipline,
      monthsWorked: rating === "NONE" ? 4 : 12,
      spirit: random() < 0.97,
      suspended: random() < 0.002,
    });
  }
  const members = 15 + Math.floor(random() * 6);
  return {
    id: `gv-${index}`,
    target: "LDTT",
    year: schoolYearStarting(END),
    subject: { kind: "individual", gender: random() < 0.7 ? "F" : "M" },
    history,
    initiatives,
    research: [],
    vote: { agree: Math.floor(members * (0.6 + 0.4 * random())), members },
  };
}

export function generatePeople(count = PEOPLE, seed = 20_260_525) {
  const random = prng(seed);
  return Array.from({ length: count }, (_, index) => person(random, index));
}

/** Validates every person (zod) — done once, outside the timing, as the year-end job reads validated records. */
export function validate(people: readonly unknown[]): EligibilityCase[] {
  return people.flatMap((raw, index) => {
    const read = readCase(raw, index);
    return "case" in read ? [read.case] : [];
  });
}

/**
 * Judges every individual target for every person (one history index each) and tallies the
 * statuses, as the year-end job does when it streams results out subject by subject.
 */
export function judgeEveryone(people: readonly EligibilityCase[]): Record<CaseStatus, number> {
  const config = resolveConfig();
  const tally: Record<CaseStatus, number> = { eligible: 0, ineligible: 0, incomplete: 0, error: 0 };
  for (const person of people)
    for (const outcome of evaluateTargets(person, INDIVIDUAL_TARGETS, config)) tally[outcome.status]++;
  return tally;
}

export async function run(): Promise<BenchResult[]> {
  const people = generatePeople();
  const text = JSON.stringify({ cases: people });
  const validated = validate(people);
  const floor = await medianMs(() => JSON.parse(text), { warmup: 1, runs: 5 });
  let tally: Record<CaseStatus, number> | undefined;
  const measure = { warmup: 2, runs: 9 };
  // CPU time (all of the process's threads) moves less than wall time when others share the cores.
  const cpuBefore = process.cpuUsage();
  const times = await timesMs(() => {
    tally = judgeEveryone(validated);
  }, measure);
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRun = (cpu.user + cpu.system) / 1000 / (measure.warmup + measure.runs);
  const round = (ms: number | undefined) => Math.round(ms ?? Number.NaN);
  process.stderr.write(
    `  eligibility: median ${round(median(times))} ms, ${round(times[0])}–${round(times.at(-1))} ms over ` +
      `${times.length} runs, ${round(cpuPerRun)} ms of CPU per run; ${JSON.stringify(tally)}\n`,
  );
  return [
    result(
      `eligibility: ${PEOPLE.toLocaleString("en")} validated people × ${INDIVIDUAL_TARGETS.length} individual targets, in memory`,
      median(times),
      "ms",
      1000,
      floor,
    ),
  ];
}
