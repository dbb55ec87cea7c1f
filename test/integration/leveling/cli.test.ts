/**
 * `tdkt leveling` on the test emulator's CLI project: a school of this test's own, where nine of ten
 * are HTXS, named with --unit (other tests' units share the project and the province's shares).
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { levelingCommand } from "../../../functions/src/cli/commands/leveling.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { runCli } from "../../../functions/src/cli/run.js";
import { collectionPath } from "../../../functions/src/domain/collections.js";
import { subjectYearId } from "../../../functions/src/domain/document-ids.js";
import { LevelingReport } from "../../../functions/src/domain/leveling-schema.js";
import type { Person, Unit, YearRecord } from "../../../functions/src/domain/model.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { writeIndexUpdates } from "../../../functions/src/store/unit-index.js";
import { emulatorHost } from "../../support/firestore.js";
import { type SheetsFake, startSheetsFake } from "../../support/sheets-fake.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
const unitId = `LEV_${randomUUID().slice(0, 8)}`;
const unitName = `Trường Tiểu học Thử ${unitId}`;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    ["leveling", ...args],
    { stdout: (text) => out.push(text), stderr: (text) => err.push(text), readStdin: async () => "" },
    [levelingCommand],
  );
  return { code, stdout: out.join(""), stderr: err.join("") };
}

let fake: SheetsFake;
beforeAll(async () => {
  emulatorHost();
  fake = await startSheetsFake();
  const db = createFirestore(LOCAL_PROJECT_ID);
  const unit: Unit = {
    id: unitId,
    name: unitName,
    abbreviation: "THT",
    level: "TIEU_HOC",
    clusterId: "cum-th-1",
    managingAuthority: "UBND_XA",
    managingBodyName: "Ủy ban nhân dân xã Thử",
    place: "Hà Tĩnh",
  };
  const people: Person[] = Array.from({ length: 10 }, (_, i) => ({
    id: `${unitId}-${i + 1}`,
    unitId,
    fullName: `Người Thứ ${i + 1}`,
    gender: "F",
    position: i === 0 ? "Hiệu trưởng" : "Giáo viên",
  }));
  const records: YearRecord[] = people.map((person, i) => ({
    year: YEAR,
    subjectKind: "individual",
    subjectId: person.id,
    unitId,
    rating: i < 9 ? "HTXS" : "HTT",
    titles: [],
    awards: [],
    discipline: [],
    suspended: false,
  }));
  const documents = [
    { path: `units/${unitId}`, data: unit },
    ...people.map((person) => ({ path: `people/${person.id}`, data: person })),
    ...records.map((record) => ({
      path: `${collectionPath("records", YEAR)}/${subjectYearId(unitId, record.subjectId)}`,
      data: record,
    })),
  ];
  const batch = db.batch();
  for (const { path, data } of documents) batch.set(db.doc(path), data);
  // The units' document index, as the store's writes keep it (store/unit-index.ts).
  writeIndexUpdates(db, batch, documents);
  await batch.commit();
  await db.terminate();
}, 60_000);
afterAll(() => fake.close());

describe("tdkt leveling", { timeout: 120_000 }, () => {
  it("prints a line per unit and each flag's sentence", async () => {
    const result = await run("--year", YEAR, "--unit", unitId);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`${unitName}: 10 người, HTXS 90%, 1 cảnh báo`);
    expect(result.stdout).toContain("  ! NEAR_ALL_HTXS: 9/10 người được đánh giá (90%)");
  });

  it("--json prints the report", async () => {
    const result = await run("--year", YEAR, "--unit", unitId, "--json");
    expect(result.code, result.stderr).toBe(0);
    const report = LevelingReport.parse(JSON.parse(result.stdout));
    expect(report.units.map((unit) => [unit.unitId, unit.flags.map((flag) => flag.code)])).toEqual([
      [unitId, ["NEAR_ALL_HTXS"]],
    ]);
  });

  it("--pdf with --options writes the report; without the issuer it exits 1 naming what is missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tdkt-leveling-"));
    const options = join(dir, "so.json");
    writeFileSync(
      options,
      JSON.stringify({
        issuer: {
          parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
          name: "Sở Giáo dục và Đào tạo",
          abbreviation: "SGDĐT",
          place: "Hà Tĩnh",
        },
        signer: { title: "Giám đốc", name: "Trần Thị Hoa" },
      }),
    );
    const file = join(dir, "bao-cao.pdf");
    const written = await run("--year", YEAR, "--unit", unitId, "--pdf", file, "--options", options);
    expect(written.code, written.stderr).toBe(0);
    expect(written.stdout).toBe(`Đã ghi báo cáo PDF: ${file}\n`);
    const text = pdfText(readFileSync(file)).replace(/\s+/g, " ");
    expect(text).toContain(unitName);
    expect(text).toContain("9/10 người được đánh giá (90%)");

    const missing = await run("--year", YEAR, "--unit", unitId, "--pdf", join(dir, "x.pdf"));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("cơ quan ban hành");
  });

  it("--sheet rewrites the summary spreadsheet's tab through the Sheets API", async () => {
    fake.create("1CliSummarySheet000001");
    process.env.TDKT_SHEETS_ROOT_URL = fake.rootUrl;
    process.env.TDKT_SUMMARY_SPREADSHEET_ID = "1CliSummarySheet000001";
    try {
      const result = await run("--year", YEAR, "--sheet");
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(
        /^Đã ghi tab "Bình xét – cảnh báo" \(\d+ dòng\) vào bảng tính 1CliSummarySheet000001\.\n$/,
      );
      const row = fake
        .grid("1CliSummarySheet000001", "Bình xét – cảnh báo")
        ?.find((cells) => cells[0] === unitId);
      expect(row?.slice(0, 4)).toEqual([unitId, unitName, 10, 9]);
    } finally {
      delete process.env.TDKT_SHEETS_ROOT_URL;
      delete process.env.TDKT_SUMMARY_SPREADSHEET_ID;
    }
  });

  it("exits 2 on usage errors and 1 on an unknown unit", async () => {
    expect((await run("--unit", unitId)).code).toBe(2);
    expect((await run("--year", YEAR, "--options", "x.json")).code).toBe(2);
    const unknown = await run("--year", YEAR, "--unit", "khong-co-don-vi-nay");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("khong-co-don-vi-nay");
  });
});
