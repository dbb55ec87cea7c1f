/** `tdkt records` and `tdkt evidence` on a stored school of the CLI's own project on the test emulator. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleStoredSchool } from "../../../functions/sample/documents.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { runCli } from "../../../functions/src/cli/run.js";
import type { RecordsIndex } from "../../../functions/src/domain/records-index.js";
import type { MeritEvidenceReport } from "../../../functions/src/services/merit-evidence.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { emulatorHost } from "../../support/firestore.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
// A unit of this test's own keeps it apart from other tests on the CLI's project.
const unitId = `REC_${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  emulatorHost();
  const db = createFirestore(LOCAL_PROJECT_ID);
  await Promise.all(sampleStoredSchool(unitId).map(({ path, data }) => db.doc(path).set(data)));
  await db.terminate();
});

/** Through the real dispatcher, which maps typed errors to exit codes. */
async function run(command: "records" | "evidence", args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([command, ...args], {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
}

describe("tdkt records", () => {
  it("prints the index by kind, the same figures as --json, and writes the Mục lục and a 10-year sổ theo dõi", async () => {
    const json = await run("records", ["--unit", unitId, "--year", YEAR, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const index = JSON.parse(json.stdout) as RecordsIndex;
    const dir = mkdtempSync(join(tmpdir(), "tdkt-records-"));
    const table = await run("records", ["--unit", unitId, "--year", YEAR, "--years", "10", "--out", dir]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(
      `Thi đua thường xuyên: có ${index.sets[0]?.present}/${index.sets[0]?.expected}`,
    );
    expect(table.stdout).toContain(
      `Tổng: có ${index.present}/${index.expected} thành phần, còn thiếu ${index.missing}.`,
    );
    expect(table.stdout.split("\n").filter((line) => line.startsWith("  ✗ ")).length).toBe(index.missing);
    expect(readdirSync(dir).sort()).toEqual([
      `muc-luc-ho-so-${unitId}-${YEAR}.pdf`,
      `so-theo-doi-${unitId}-${YEAR}-10-nam.pdf`,
    ]);
    const register = pdfText(readFileSync(join(dir, `so-theo-doi-${unitId}-${YEAR}-10-nam.pdf`))).replace(
      /\s+/g,
      " ",
    );
    expect(register).toContain(`Giai đoạn từ năm học 2016-2017 đến năm học ${YEAR} (10 năm)`);
  }, 60_000);

  it("without --unit prints one line per unit, its counts as the unit's own index", async () => {
    const own = JSON.parse(
      (await run("records", ["--unit", unitId, "--year", YEAR, "--json"])).stdout,
    ) as RecordsIndex;
    const all = await run("records", ["--year", YEAR, "--json"]);
    expect(all.code, all.stderr).toBe(0);
    const line = (JSON.parse(all.stdout) as { units: RecordsIndex[] }).units.find(
      (unit) => unit.unitId === unitId,
    );
    expect(line).toMatchObject({ expected: own.expected, present: own.present, missing: own.missing });
    const table = await run("records", ["--year", YEAR]);
    expect(table.stdout).toContain(
      `${own.unitName} — Thi đua thường xuyên: có ${own.sets[0]?.present}/${own.sets[0]?.expected} — còn thiếu ${own.missing}`,
    );
  }, 60_000);

  it("exits 1 with a Vietnamese message for a period other than 5 or 10 years, and 2 without --year or without the --unit it needs", async () => {
    const wrong = await run("records", ["--unit", unitId, "--year", YEAR, "--years", "7"]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Số năm của sổ theo dõi phải là 5 hoặc 10, không phải "7".');
    expect((await run("records", ["--years", "10"])).code).toBe(2);
    expect((await run("evidence", ["--year", YEAR])).code).toBe(2);
  });
});

describe("tdkt evidence", () => {
  it("flags every year-end proposal of a school that sent no evidence, and writes the working list", async () => {
    const json = await run("evidence", ["--unit", unitId, "--year", YEAR, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as MeritEvidenceReport;
    const stored = sampleStoredSchool(unitId).filter(
      ({ path, data }) =>
        path.startsWith(`years/${YEAR}/proposals/`) && (data.kind ?? "CONG_TRANG") === "CONG_TRANG",
    );
    expect(report.required).toBe(stored.length);
    expect(report.flagged).toBe(stored.length);
    const dir = mkdtempSync(join(tmpdir(), "tdkt-evidence-"));
    const table = await run("evidence", ["--unit", unitId, "--year", YEAR, "--out", dir]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toContain(
      `Tổng: ${stored.length} đề nghị công trạng, ${stored.length} đề nghị thiếu minh chứng.`,
    );
    expect(readdirSync(dir)).toEqual([`minh-chung-${unitId}-${YEAR}.pdf`]);
  }, 60_000);
});
