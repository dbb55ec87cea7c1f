/**
 * Fuzzing every tab parser directly, without HTTP: random cells per column (formulas, numbers,
 * dates, booleans, null, objects, Unicode edge cases) under the tab's headers. Property: parsing
 * never throws; every row is either parsed or skipped; a rejected row stores nothing and each of
 * its errors names one of the tab's columns with a Vietnamese message.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTabRows } from "../../functions/src/sheets/parse.js";
import { TABS } from "../../functions/src/sheets/tabs/index.js";
import { FUZZ_SEED, fuzzRuns, Tally, type TargetFigures, writeFigures } from "./support/figures.js";
import { type SheetRow, tabRows } from "./support/inputs.js";

const RUNS = fuzzRuns(60);
const CONTEXT = { unitId: "thcs-fuzz", year: "2025-2026" };
/** A Vietnamese sentence has at least one letter with a Vietnamese diacritic or đ. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

const results: TargetFigures[] = [];

interface Verdict {
  /** What is wrong with the parse, or undefined when the property holds. */
  problem: "failure" | "unnamed" | undefined;
  /** "accepted" when at least one row parsed cleanly, so that the figures show valid rows were tried too. */
  outcome: string;
}

function judge(tab: (typeof TABS)[number], rows: SheetRow[]): Verdict {
  let parsed: ReturnType<typeof parseTabRows>;
  try {
    parsed = parseTabRows(tab, rows, CONTEXT);
  } catch {
    return { problem: "failure", outcome: "threw" };
  }
  const outcome = parsed.rows.some((row) => row.errors.length === 0) ? "accepted" : "rejected";
  return { problem: problemOf(tab, rows, parsed), outcome };
}

function problemOf(
  tab: (typeof TABS)[number],
  rows: SheetRow[],
  parsed: ReturnType<typeof parseTabRows>,
): Verdict["problem"] {
  const sent = rows.map((row) => row.row).sort((a, b) => a - b);
  const answered = [...parsed.rows.map((row) => row.row), ...parsed.skipped].sort((a, b) => a - b);
  if (JSON.stringify(sent) !== JSON.stringify(answered)) return "failure";
  const headers = new Set(tab.columns.map((column) => column.header));
  for (const row of parsed.rows) {
    if (row.errors.length === 0) continue;
    if (row.documents.length > 0) return "failure";
    const named = row.errors.every(
      (error) => headers.has(error.column) && error.message.trim() !== "" && VIETNAMESE.test(error.message),
    );
    if (!named) return "unnamed";
  }
  return undefined;
}

describe(`fuzzing every tab parser (${RUNS} inputs each, seed ${FUZZ_SEED})`, () => {
  for (const tab of TABS) {
    it(`${tab.id} (${tab.title}): never throws, every rejected row names its columns in Vietnamese`, {
      timeout: 30_000 + RUNS * 20,
    }, () => {
      const tally = new Tally(`parseTabRows: ${tab.id}`);
      const inputs = fc.sample(tabRows(tab), { numRuns: RUNS, seed: FUZZ_SEED });
      for (const rows of inputs) {
        const { problem, outcome } = judge(tab, rows);
        tally.record("cells", outcome, problem, () => JSON.stringify(rows));
      }
      results.push(tally.result);
      // Written after each target, so that a run stopped early still leaves its figures.
      writeFigures("tab-parsers", results);
      expect(tally.result.inputs).toBe(RUNS);
      expect(tally.findings).toEqual([]);
      // Valid rows must be among the inputs, or the property only ever sees rejections.
      expect(tally.result.statuses.accepted ?? 0).toBeGreaterThan(0);
    });
  }

  it("rejects a formula-looking name only when it breaks a rule, and names the column", () => {
    const staff = TABS.find((tab) => tab.id === "can-bo");
    if (!staff) throw new Error("tab can-bo is not defined");
    const { rows } = parseTabRows(
      staff,
      [{ row: 2, values: { "Mã cán bộ": "GV/01", "Họ và tên": '=HYPERLINK("x")', "Giới tính": "Nữ" } }],
      CONTEXT,
    );
    expect(rows[0]?.errors.map((error) => error.column)).toEqual(["Mã cán bộ"]);
    expect(rows[0]?.errors[0]?.message).toMatch(VIETNAMESE);
  });
});
