/**
 * `tdkt dissemination`, `tdkt officers` and `tdkt training-plan` on the test emulator's CLI project:
 * a school of this test's own in a school year no other test writes, named with --unit.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  disseminationCommand,
  officersCommand,
  trainingPlanCommand,
} from "../../../functions/src/cli/commands/duties.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { runCli } from "../../../functions/src/cli/run.js";
import { dutyMessages } from "../../../functions/src/domain/messages/index.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { emulatorHost } from "../../support/firestore.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

const YEAR = "2031-2032";
const unitId = `DIS_${randomUUID().slice(0, 8)}`;
const unitName = `Trường Tiểu học Thử ${unitId}`;

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    { stdout: (text) => out.push(text), stderr: (text) => err.push(text), readStdin: async () => "" },
    [disseminationCommand, officersCommand, trainingPlanCommand],
  );
  return { code, stdout: out.join(""), stderr: err.join("") };
}

beforeAll(async () => {
  emulatorHost();
  const db = createFirestore(LOCAL_PROJECT_ID);
  const batch = db.batch();
  batch.set(db.doc(`units/${unitId}`), {
    id: unitId,
    name: unitName,
    abbreviation: "THT",
    level: "TIEU_HOC",
    clusterId: "cum-th-1",
    managingAuthority: "UBND_XA",
    managingBodyName: "Ủy ban nhân dân xã Thử",
    place: "Hà Tĩnh",
  });
  for (let i = 1; i <= 4; i++)
    batch.set(db.doc(`people/${unitId}-${i}`), {
      id: `${unitId}-${i}`,
      unitId,
      fullName: `Người Thứ ${i}`,
      gender: "F",
    });
  batch.set(db.doc(`years/${YEAR}/legalDocuments/VB-A`), {
    code: "VB-A",
    year: YEAR,
    number: "9/HD-SGDĐT",
    date: "2031-09-01",
    issuer: "Sở Giáo dục và Đào tạo",
    summary: "Hướng dẫn thử",
  });
  batch.set(db.doc(`years/${YEAR}/briefingSessions/${unitId}_HN-01`), {
    unitId,
    year: YEAR,
    code: "HN-01",
    date: "2031-09-20",
    attendees: 2,
    documentCodes: ["VB-A"],
  });
  for (const i of [1, 2])
    batch.set(db.doc(`years/${YEAR}/acknowledgements/${unitId}_${unitId}-${i}`), {
      unitId,
      year: YEAR,
      personId: `${unitId}-${i}`,
      attended: ["VB-A"],
    });
  batch.set(db.doc(`emulationOfficers/${unitId}_${unitId}-1`), {
    unitId,
    personId: `${unitId}-1`,
    phone: "0900000001",
  });
  batch.set(db.doc(`years/${YEAR}/trainingCourses/${unitId}_TH-01`), {
    unitId,
    year: YEAR,
    code: "TH-01",
    organiser: "DON_VI",
    title: "Lớp thử",
    date: "2031-10-10",
    planned: 4,
  });
  batch.set(db.doc(`years/${YEAR}/trainingAttendance/${unitId}_TH-01_${unitId}-1`), {
    unitId,
    year: YEAR,
    courseCode: "TH-01",
    personId: `${unitId}-1`,
    result: "DAT",
  });
  await batch.commit();
}, 60_000);

describe("the duties' commands", { timeout: 60_000 }, () => {
  it("tdkt dissemination: the table, the JSON and the PDF", async () => {
    const table = await run("dissemination", "--year", YEAR, "--unit", unitId, "--as-of", "2031-12-01");
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(dutyMessages.cliCoverageCell("VB-A", 2, 4, 0.5));
    expect(table.stdout).toContain(`${unitName}: 4 cán bộ`);

    const json = await run(
      "dissemination",
      "--year",
      YEAR,
      "--unit",
      unitId,
      "--as-of",
      "2031-12-01",
      "--json",
    );
    const report = JSON.parse(json.stdout);
    expect(report.units[0].documents[0]).toMatchObject({ acknowledged: 2, share: 0.5, status: "HELD" });

    const dir = mkdtempSync(join(tmpdir(), "tdkt-dissem-"));
    const pdf = await run(
      "dissemination",
      "--year",
      YEAR,
      "--unit",
      unitId,
      "--out",
      dir,
      "--options",
      "examples/duties/bao-cao.json",
    );
    expect(pdf.code).toBe(0);
    const text = pdfText(readFileSync(join(dir, `bao-cao-quan-triet-${YEAR}.pdf`))).replace(/\s+/g, " ");
    expect(text).toContain(unitName);
    expect(text).toContain("2/4");
  });

  it("tdkt officers and tdkt training-plan", async () => {
    const officers = JSON.parse((await run("officers", "--year", YEAR, "--unit", unitId, "--json")).stdout);
    expect(officers.untrainedUnits).toEqual([]);
    expect(officers.units[0].officers[0].lastTraining).toMatchObject({ year: YEAR, title: "Lớp thử" });
    expect(JSON.stringify(officers)).not.toContain("0900000001");
    const table = await run("officers", "--year", YEAR, "--unit", unitId);
    expect(table.stdout).toContain(dutyMessages.cliUntrained([]));

    const plan = await run("training-plan", "--year", YEAR, "--unit", unitId, "--as-of", "2031-12-01");
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain(dutyMessages.planHeader(unitName, YEAR, 4, 1, 1));
  });

  it("refuses a PDF without its options, and a plan without a unit (exit 2); an unknown unit (exit 1)", async () => {
    expect((await run("dissemination", "--year", YEAR, "--out", "x")).code).toBe(2);
    expect((await run("training-plan", "--year", YEAR)).code).toBe(2);
    // An unknown unit is the input's error (exit 1), named.
    const unknown = await run("officers", "--year", YEAR, "--unit", "no-such-unit");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("no-such-unit");
  });
});
