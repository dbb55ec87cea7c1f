/**
 * The sample province's material for the bình xét report (docs/leveling.md): every school's own
 * registration of the open year with its commitments and year-end results, and four schools that
 * each raise one flag of the report, with the data a real case would leave behind (titles in the
 * ledger under the decision that granted the others of the year). The other schools raise none
 * by construction, or only what the history's draws happen to give.
 *
 * These schools break RT-05 or lean on habit on purpose: that is what the report exists to catch.
 * Only `sampleProvince()` gets them; the large provinces of the benchmarks and the generator's
 * rule tests stay as generated.
 */
import { awardId } from "../src/domain/document-ids.js";
import { isManager, levelingWindow } from "../src/domain/leveling.js";
import { DEFAULT_LEVELING_CONFIG } from "../src/domain/leveling-config.js";
import type { Award, Initiative, Registration, YearRecord } from "../src/domain/model.js";
import type { Province } from "./province.js";

/** The school that raises each flag in the open year. */
export const LEVELING_SAMPLE_UNITS = {
  nearAllHtxs: "mn-quang-my",
  rotation: "thcs-tran-phu",
  managerShare: "th-tay-lap",
  ratingsVsResults: "th-quang-my",
} as const;

/** The results of a school that fell short of what it registered. */
function missedCommitments(): Registration["commitments"] {
  return [
    { key: "Tỷ lệ học sinh lên lớp (%)", target: 98, unit: "%", achieved: 93.5 },
    { key: "Tỷ lệ học sinh bỏ học (%)", target: "≤ 1", unit: "%", achieved: 2.4 },
    { key: "Giáo viên dạy giỏi cấp tỉnh", target: 2, achieved: 2 },
  ];
}

export function withLevelingPatterns(province: Province): Province {
  const year = province.openYear;
  if (year === null) return province;
  const pastYears = levelingWindow(year, DEFAULT_LEVELING_CONFIG).filter(
    (windowYear) => windowYear !== year && province.years.includes(windowYear),
  );
  const awards = [...province.awards];
  const awardIds = new Set(awards.map((award) => award.id));
  let initiatives = [...province.initiatives];
  const recordsOf = (unitId: string, recordYear: string) =>
    province.records.filter(
      (record) =>
        record.unitId === unitId && record.year === recordYear && record.subjectKind === "individual",
    );

  /** Adds the title and its ledger entry, under the decision that granted the same title that year. */
  const grant = (record: YearRecord, code: "LDTT" | "CSTD_CS") => {
    if (!record.titles.includes(code)) record.titles.push(code);
    const id = awardId({ ...record, code, kind: "CONG_TRANG" });
    if (awardIds.has(id)) return;
    const sameDecision = awards.find(
      (award) => award.code === code && award.year === record.year && award.unitId === record.unitId,
    );
    const award: Award = {
      id,
      subjectKind: "individual",
      subjectId: record.subjectId,
      unitId: record.unitId,
      code,
      kind: "CONG_TRANG",
      year: record.year,
      ...(sameDecision
        ? {
            decisionNo: sameDecision.decisionNo,
            decisionDate: sameDecision.decisionDate,
            issuer: sameDecision.issuer,
          }
        : {}),
    };
    awards.push(award);
    awardIds.add(id);
  };
  const raise = (records: readonly YearRecord[], until: (htxs: number, rated: number) => boolean) => {
    const rated = records.filter((record) => record.rating !== "NONE");
    for (const record of rated) {
      if (until(rated.filter((r) => r.rating === "HTXS").length, rated.length)) return;
      if (record.rating === "HTT" || record.rating === "HT") record.rating = "HTXS";
    }
  };

  // NEAR_ALL_HTXS: the school rates nearly everyone HTXS this year.
  raise(recordsOf(LEVELING_SAMPLE_UNITS.nearAllHtxs, year), (htxs, rated) => htxs >= 0.9 * rated);

  // RATINGS_VS_RESULTS: a fifth rated HTXS while the school missed two of its three commitments.
  raise(recordsOf(LEVELING_SAMPLE_UNITS.ratingsVsResults, year), (htxs, rated) => htxs >= 0.2 * rated);

  // ROTATION (REPEAT): one teacher is CSTĐCS every past year of the window on HTXS alone — no
  // initiative, no prize behind it.
  const steady = province.people.find(
    (person) =>
      person.unitId === LEVELING_SAMPLE_UNITS.rotation &&
      person.position === "Giáo viên" &&
      !person.withdrawn &&
      pastYears.every((pastYear) =>
        recordsOf(person.unitId, pastYear).some(
          (record) => record.subjectId === person.id && record.discipline.length === 0 && !record.suspended,
        ),
      ),
  );
  if (steady) {
    for (const pastYear of pastYears) {
      const record = recordsOf(steady.unitId, pastYear).find((r) => r.subjectId === steady.id);
      if (!record) continue;
      record.rating = "HTXS";
      record.spirit = true;
      grant(record, "LDTT");
      grant(record, "CSTD_CS");
    }
    initiatives = initiatives.filter(
      (initiative) => !(initiative.ownerIds.includes(steady.id) && pastYears.includes(initiative.year)),
    );
  }

  // MANAGER_SHARE: the board takes CSTĐCS every year it is rated HTT or better, each time with a
  // sáng kiến of its own.
  const board = province.people.filter(
    (person) => person.unitId === LEVELING_SAMPLE_UNITS.managerShare && isManager(person),
  );
  for (const manager of board)
    for (const pastYear of pastYears) {
      const record = recordsOf(manager.unitId, pastYear).find((r) => r.subjectId === manager.id);
      const ldttRated = record?.rating === "HTXS" || record?.rating === "HTT";
      if (!record || !ldttRated || record.discipline.length > 0 || record.suspended) continue;
      record.spirit = true;
      grant(record, "LDTT");
      grant(record, "CSTD_CS");
      if (initiatives.some((i) => i.ownerIds.includes(manager.id) && i.year === pastYear)) continue;
      const initiative: Initiative = {
        id: `SK-${pastYear}-${manager.id}`,
        kind: "SANG_KIEN",
        title: "Sáng kiến: Đổi mới công tác quản lý, chỉ đạo hoạt động chuyên môn của nhà trường",
        ownerIds: [manager.id],
        unitId: manager.unitId,
        year: pastYear,
        level: "CO_SO",
      };
      initiatives.push(initiative);
    }

  // The ranking's sample registrations stay; one school's own results fall short of its commitments.
  const registrations = province.registrations.map((registration) =>
    registration.subjectKind === "collective" &&
    registration.unitId === LEVELING_SAMPLE_UNITS.ratingsVsResults
      ? { ...registration, commitments: missedCommitments() }
      : registration,
  );
  return { ...province, awards, initiatives, registrations };
}
