import { existsSync, readFileSync } from "node:fs";
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
const domainFile = path.resolve(repoRoot, "../shared/domain/DOMAIN.md");

/** Rule-ID families of the sections the engine covers: §0.3, §2–§6, §8.5. */
const ID_PATTERN = /\b(?:T|RT|LDTT|CSCS|CSTINH|CSTQ|TTTT|TTXS|COTINH|COL|GK|BKT|BKBO|G|V)-\d{2}\b/g;

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

  it.skipIf(!existsSync(domainFile))(
    "every DOMAIN.md rule ID of §0.3, §2–§6 and §8.5 is accounted for",
    () => {
      const text = readFileSync(domainFile, "utf8");
      const ids = new Set(text.match(ID_PATTERN) ?? []);
      const known = new Set([
        ...Object.keys(declared),
        ...Object.keys(COVERED_RULES),
        ...Object.keys(NOT_IMPLEMENTED_RULES),
      ]);
      expect([...ids].filter((id) => !known.has(id)).sort()).toEqual([]);
      expect(ids.size).toBeGreaterThan(100);
    },
  );
});
