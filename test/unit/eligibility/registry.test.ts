import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TARGETS } from "../../../functions/src/domain/codes.js";
import {
  COVERED_RULES,
  ENGINE_RULES,
  evaluateCaseFile,
  IMPLEMENTED_RULES,
  NOT_IMPLEMENTED_RULES,
} from "../../../functions/src/domain/eligibility/index.js";
import { collectiveCase, individualCase, members, repeat, type YearInput } from "./helpers.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const domainFile = path.join(repoRoot, "docs/domain.md");

/** Rule-ID families of the sections the engine covers (§0.3, §2–§6, §8.5) and of its own IDs. */
const ENGINE_ID_PATTERN =
  /\b(?:T|RT|LDTT|CSCS|CSTINH|CSTQ|TTTT|TTXS|COTINH|COL|GK|BKT|BKBO|G|V|COCP|BKTTG|HCLD[123])-\d{2}\b/g;

const idsIn = (text: string, pattern: RegExp) => new Set(text.match(pattern) ?? []);

const CSTDCS: YearInput = { rating: "HTXS", titles: ["LDTT", "CSTD_CS"] };

/** Cases that between them reach every check the engine can emit. */
function sweep() {
  const vote = { vote: { agree: 9, members: 10 } };
  const reused = { initiatives: [{ level: "TINH", year: "2025-2026", usedFor: "khác" }] };
  const cases: unknown[] = [];
  for (const target of TARGETS) {
    cases.push(individualCase(target, repeat(6, CSTDCS), { ...vote, ...reused }));
    cases.push(individualCase(target, [{ maternityLeaveMonths: 2 }], { ...vote, ...reused }));
    cases.push(individualCase(target, [{}]));
    const list = { members: [...members(8, "HTT", ["LDTT", "CSTD_CS"]), ...members(2, "HT")] };
    cases.push(
      collectiveCase(target, repeat(6, { rating: "HTXS", leadsCluster: true }), { ...vote, ...list }),
    );
    cases.push(collectiveCase(target, [{}]));
  }
  return evaluateCaseFile({ cases }).results;
}

describe("rule registry", () => {
  const emitted = new Set(sweep().flatMap((result) => result.checks.map((check) => check.rule)));
  const declared = { ...IMPLEMENTED_RULES, ...ENGINE_RULES };

  it("every implemented and engine rule ID appears in the engine's checks", () => {
    expect(Object.keys(declared).filter((id) => !emitted.has(id))).toEqual([]);
  });

  it("the engine emits no rule ID that the registry does not declare", () => {
    expect([...emitted].filter((id) => !(id in declared))).toEqual([]);
  });

  it("no rule is both implemented and covered or left out", () => {
    const groups = [Object.keys(declared), Object.keys(COVERED_RULES), Object.keys(NOT_IMPLEMENTED_RULES)];
    const all = groups.flat();
    expect(all.length).toBe(new Set(all).size);
  });

  it("docs/domain.md specifies every rule ID of the registry, and the registry accounts for every engine-family ID of docs/domain.md", () => {
    const specified = idsIn(readFileSync(domainFile, "utf8"), ENGINE_ID_PATTERN);
    const known = [
      ...Object.keys(declared),
      ...Object.keys(COVERED_RULES),
      ...Object.keys(NOT_IMPLEMENTED_RULES),
    ];
    expect(known.filter((id) => !specified.has(id)).sort()).toEqual([]);
    expect([...specified].filter((id) => !known.includes(id)).sort()).toEqual([]);
    expect(specified.size).toBeGreaterThan(100);
  });
});
