/**
 * The sample province is lawful under RT-05 per tổ, not only per unit, and carries the open year's
 * ranking data: criteria groups, achieved values next to targets, manual scores, one unreported school.
 */
import { describe, expect, it } from "vitest";
import { LEVELING_SAMPLE_UNITS } from "../../../functions/sample/leveling.js";
import { generateProvince, type Province, sampleProvince } from "../../../functions/sample/province.js";
import { checkHtxsCap, DEFAULT_ELIGIBILITY_CONFIG } from "../../../functions/src/domain/eligibility/index.js";
import { CriteriaGroup, ManualScore, Registration } from "../../../functions/src/domain/model.js";

/** checkHtxsCap of every unit and year, with the year's configured denominator. */
function capResults(province: Province) {
  const groupOf = new Map(province.people.map((person) => [person.id, person.group]));
  const denominator = new Map(province.yearConfigs.map((config) => [config.year, config.htxsCapDenominator]));
  const unitRating = new Map(
    province.records
      .filter((r) => r.subjectKind === "collective")
      .map((r) => [`${r.year}/${r.unitId}`, r.rating]),
  );
  const members = new Map<
    string,
    { rating: Province["records"][number]["rating"]; group: string | undefined }[]
  >();
  for (const record of province.records) {
    if (record.subjectKind !== "individual") continue;
    const key = `${record.year}/${record.unitId}`;
    members.set(key, [
      ...(members.get(key) ?? []),
      { rating: record.rating, group: groupOf.get(record.subjectId) },
    ]);
  }
  return [...members.entries()].map(([key, rated]) => {
    const year = key.slice(0, 9);
    return {
      key,
      result: checkHtxsCap(
        { year, unitRating: unitRating.get(key) ?? "NONE", members: rated },
        { ...DEFAULT_ELIGIBILITY_CONFIG, htxsCapDenominator: denominator.get(year) ?? "HTT_ONLY" },
      ),
    };
  });
}

/** The schools the bình xét report's sample makes rate too many HTXS on purpose: what it exists to catch. */
const LEVELING_SHOWCASE: ReadonlySet<string> = new Set([
  LEVELING_SAMPLE_UNITS.nearAllHtxs,
  LEVELING_SAMPLE_UNITS.ratingsVsResults,
  LEVELING_SAMPLE_UNITS.rotation,
]);
const unitOfKey = (key: string) => key.slice(10);

describe("RT-05 in the generated province", () => {
  it.each([
    ["the sample province", sampleProvince(), LEVELING_SHOWCASE],
    ["a province of 80 schools", generateProvince({ seed: 11, schools: 80 }), new Set<string>()],
  ])("%s keeps HTXS within the cap in every unit and every tổ, every year", (_, province, showcase) => {
    const results = capResults(province);
    expect(results.length).toBeGreaterThan(province.units.length * 9);
    // Every tổ is a scope of its own (the unit's scope is the first).
    expect(results.every(({ result }) => result.scopes.length > 1)).toBe(true);
    const breaches = results.filter(({ result }) => !result.ok);
    expect(
      breaches
        .filter(({ key }) => !showcase.has(unitOfKey(key)))
        .map(({ key, result }) => `${key}: ${result.message}`),
    ).toEqual([]);
    // Each showcase school does break the cap: the exception hides nothing else.
    expect(new Set(breaches.map(({ key }) => unitOfKey(key)))).toEqual(showcase);
  });

  it("still rates some people HTXS, within tổ large enough for one", () => {
    const province = sampleProvince();
    const htxs = province.records.filter((r) => r.subjectKind === "individual" && r.rating === "HTXS");
    expect(htxs.length).toBeGreaterThan(50);
  });
});

describe("the open year's ranking data", () => {
  const province = sampleProvince();

  it("configures criteria groups for every cụm and one khối's own, all valid", () => {
    for (const group of province.criteria) CriteriaGroup.parse(group);
    expect(province.criteria.filter((group) => group.clusterId === undefined).map((g) => g.source)).toEqual([
      "COMMITMENTS",
      "UNIT_TITLES",
      "MEMBER_RESULTS",
      "MOVEMENTS",
      "INSPECTION",
      "MANUAL",
    ]);
    expect(province.criteria.some((group) => group.clusterId === "khoi-gdtx")).toBe(true);
  });

  it("registers every school's commitments with achieved values, except the one unreported school", () => {
    const unreported = province.unreportedUnitId;
    expect(unreported).not.toBeNull();
    const own = province.registrations.filter((r) => r.subjectKind === "collective");
    expect(own.map((r) => r.unitId).sort()).toEqual(province.units.map((u) => u.id).sort());
    for (const registration of province.registrations) {
      Registration.parse(registration);
      const reported = registration.commitments.every((line) => line.achieved !== undefined);
      expect(reported, registration.subjectId).toBe(registration.unitId !== unreported);
    }
    expect(province.registrations.some((r) => r.subjectKind === "individual")).toBe(true);
  });

  it("has manual scores for some schools, within the group's maximum, none for the unreported one", () => {
    for (const score of province.manualScores) ManualScore.parse(score);
    expect(province.manualScores.length).toBeGreaterThan(2);
    expect(province.manualScores.length).toBeLessThan(province.units.length);
    expect(province.manualScores.some((score) => score.unitId === province.unreportedUnitId)).toBe(false);
  });
});
