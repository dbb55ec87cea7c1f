/**
 * Use case "statistics by subject class" (tdkt stats, GET /v1/years/{year}/statistics): how many of
 * the year's titles and forms went to each class of subject of the province's lists (PLDT: lãnh đạo
 * cấp sở, từ phó phòng trở lên, người trực tiếp công tác…, and the collectives), counted on every
 * unit's awards ledger of the year.
 */
import type { Firestore } from "@google-cloud/firestore";
import { AWARD_FORMS, type AwardCode, TITLES } from "../domain/codes.js";
import { awardCodeLabels, provinceMessages } from "../domain/messages/index.js";
import { subjectClassName } from "../domain/province-codes.js";
import {
  DEFAULT_SUBJECT_CLASS_RULES,
  SECTOR_CLASSES,
  type SectorClass,
  type SubjectClassRule,
  subjectClassOf,
} from "../domain/subject-classes.js";
import { unitDocuments, unitYearAwards } from "../store/readers.js";
import { allUnits } from "../store/registry.js";

export interface YearStatistics {
  year: string;
  units: number;
  /** The columns: each class with the province's name of it. */
  classes: { id: SectorClass; name: string }[];
  /** One line per title or form awarded in the year, titles first, in the order of the legal vocabulary. */
  lines: { code: AwardCode; label: string; counts: Record<SectorClass, number>; total: number }[];
  totals: Record<SectorClass, number> & { total: number };
}

const zeroCounts = (): Record<SectorClass, number> =>
  Object.fromEntries(SECTOR_CLASSES.map((id) => [id, 0])) as Record<SectorClass, number>;

const sectorClass = (recorded: string | undefined): SectorClass | undefined =>
  SECTOR_CLASSES.find((id) => id === recorded);

const CODE_ORDER: readonly AwardCode[] = [...TITLES, ...AWARD_FORMS];

export async function yearStatistics(
  db: Firestore,
  year: string,
  rules: readonly SubjectClassRule[] = DEFAULT_SUBJECT_CLASS_RULES,
): Promise<YearStatistics> {
  const units = await allUnits(db);
  const counts = new Map<AwardCode, Record<SectorClass, number>>();
  await Promise.all(
    units.map(async (unit) => {
      // Former staff keep their class: an award of the year counts even if its holder has left since.
      const [awards, people] = await Promise.all([
        unitYearAwards(db, unit.id, year),
        unitDocuments(db, unit.id, "people", { includeWithdrawn: true }),
      ]);
      const personById = new Map(people.map((person) => [person.id, person]));
      for (const award of awards) {
        const person = personById.get(award.subjectId);
        // The class a province list recorded with the entry (history import) is the class at the time.
        const subjectClass =
          sectorClass(award.subjectClass) ??
          subjectClassOf(
            { kind: award.subjectKind, position: person?.position, staffCategory: person?.staffCategory },
            rules,
          );
        const line = counts.get(award.code) ?? zeroCounts();
        line[subjectClass]++;
        counts.set(award.code, line);
      }
    }),
  );
  const lines = CODE_ORDER.flatMap((code) => {
    const line = counts.get(code);
    if (!line) return [];
    return [{ code, label: awardCodeLabels[code], counts: line, total: sum(Object.values(line)) }];
  });
  const totals = zeroCounts();
  for (const line of lines) for (const id of SECTOR_CLASSES) totals[id] += line.counts[id];
  return {
    year,
    units: units.length,
    classes: SECTOR_CLASSES.map((id) => ({ id, name: subjectClassName(id) })),
    lines,
    totals: { ...totals, total: sum(Object.values(totals)) },
  };
}

const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);

/** The statistics as one table: what the Department's summary spreadsheet and the PDF show. */
export interface StatisticsTable {
  title: string;
  header: string[];
  rows: (string | number)[][];
}

export function statisticsTable(statistics: YearStatistics): StatisticsTable {
  const ids = statistics.classes.map((column) => column.id);
  return {
    title: provinceMessages.statisticsTitle(statistics.year),
    header: [
      provinceMessages.statisticsFirstHeader,
      ...statistics.classes.map((column) => column.name),
      provinceMessages.statisticsTotalHeader,
    ],
    rows: [
      ...statistics.lines.map((line) => [line.label, ...ids.map((id) => line.counts[id]), line.total]),
      [
        provinceMessages.statisticsTotalRow,
        ...ids.map((id) => statistics.totals[id]),
        statistics.totals.total,
      ],
    ],
  };
}
