/** `tdkt inspection`: the dashboard's Vietnamese table, --json, and the Biên bản kiểm tra in --out. */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { inspectionCommand } from "../../../functions/src/cli/commands/inspection.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { INSPECTION_ITEMS } from "../../../functions/src/domain/codes.js";
import { COLLECTIONS, collectionPath } from "../../../functions/src/domain/collections.js";
import type { InspectionsView } from "../../../functions/src/services/inspections.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { cliTestYearStart, runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

// The CLI's project is shared: a year and units of this run's own.
const start = cliTestYearStart("inspection");
const year = `${start}-${start + 1}`;
const tag = randomUUID().slice(0, 6);
const visited = `truong-kt-${tag}`;
const other = `truong-khac-${tag}`;

beforeAll(async () => {
  emulatorHost();
  const db = createFirestore(LOCAL_PROJECT_ID);
  const batch = db.batch();
  const put = (path: string, data: object) => batch.set(db.doc(path), data);
  put(`${COLLECTIONS.years}/${year}`, { year, legalBasisVersion: "ND152-2025" });
  for (const id of [visited, other])
    put(`${COLLECTIONS.units}/${id}`, {
      id,
      name: `Trường ${id}`,
      abbreviation: "T",
      level: "THCS",
      clusterId: `cum-${tag}`,
      managingAuthority: "SO_GDDT",
      managingBodyName: "Sở Giáo dục và Đào tạo",
      place: "An",
      principalName: "Lê Văn Hiệu",
    });
  put(`${collectionPath("inspectionTeams", year)}/doan_tv`, {
    year,
    teamId: "doan",
    teamName: "Đoàn kiểm tra số 1",
    memberId: "tv",
    fullName: "Trần Thị Trưởng",
    position: "Phó Giám đốc Sở",
    teamRole: "TRUONG_DOAN",
    seniorityYears: 20,
  });
  put(`${collectionPath("inspectionVisits", year)}/kt-${tag}`, {
    year,
    visitId: `kt-${tag}`,
    teamId: "doan",
    unitId: visited,
    date: `${start}-10-20`,
    kind: "DAU_NAM",
    number: 3,
    representatives: [],
  });
  for (const item of INSPECTION_ITEMS)
    put(`${collectionPath("inspectionFindings", year)}/kt-${tag}_${item}`, {
      year,
      visitId: `kt-${tag}`,
      item,
      finding: item === "HO_SO" ? "CHUA_DAT" : "DAT",
      ...(item === "HO_SO" ? { recommendation: "Bổ sung sổ theo dõi.", deadline: "2026-11-30" } : {}),
    });
  await batch.commit();
  await db.terminate();
}, 60_000);

async function inspection(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCommand(inspectionCommand, args);
  return { code, out: stdout, err: stderr };
}

describe("tdkt inspection", { timeout: 60_000 }, () => {
  it("prints each visit, the đạt figures per unit and per item, and the overdue recommendation", async () => {
    const { code, out, err } = await inspection(["--year", year]);
    expect(code, err).toBe(0);
    expect(out).toContain(`Kết quả kiểm tra công tác thi đua, khen thưởng năm học ${year}`);
    expect(out).toContain(
      `kt-${tag}  Trường ${visited}  20/10/${start}  Đầu năm học: 8/9 nội dung đạt — Chưa đạt; 1 kiến nghị, 1 quá hạn`,
    );
    expect(out).toContain(`  Trường ${visited}: 1 cuộc, 8/9 nội dung đạt (88,9%), 1 kiến nghị quá hạn`);
    expect(out).toContain("  Hồ sơ, sổ sách thi đua, khen thưởng được lưu giữ: 0/1 (0%)");
    expect(out).toContain(
      `  Trường ${visited} (kt-${tag}) — Hồ sơ, sổ sách thi đua, khen thưởng được lưu giữ: hạn 30/11/2026`,
    );
  });

  it("gives the same figures with --json, and one unit's with --unit", async () => {
    const { code, out } = await inspection(["--year", year, "--json", "--unit", visited]);
    expect(code).toBe(0);
    const view = JSON.parse(out) as InspectionsView;
    expect(view.units).toMatchObject([{ unitId: visited, visits: 1, checked: 9, met: 8, overdue: 1 }]);
    const none = JSON.parse(
      (await inspection(["--year", year, "--json", "--unit", other])).out,
    ) as InspectionsView;
    expect(none.visits).toEqual([]);
  });

  it("writes the visit's Biên bản kiểm tra in --out with the Department from --options", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tdkt-kiem-tra-"));
    const options = join(dir, "options.json");
    writeFileSync(
      options,
      JSON.stringify({
        issuer: {
          parentName: "Ủy ban nhân dân tỉnh An",
          name: "Sở Giáo dục và Đào tạo",
          abbreviation: "SGDĐT",
          place: "An",
        },
      }),
    );
    const { code, out, err } = await inspection([
      "--year",
      year,
      "--visit",
      `kt-${tag}`,
      "--out",
      dir,
      "--options",
      options,
    ]);
    expect(code, err).toBe(0);
    const file = readdirSync(dir).find((name) => name.endsWith(".pdf")) ?? "";
    expect(out).toContain(file);
    const text = pdfText(readFileSync(join(dir, file))).replace(/\s+/gu, " ");
    expect(text).toContain("Số: 03/BB-SGDĐT");
    expect(text).toContain("Lê Văn Hiệu");
    expect(text).toContain("Trần Thị Trưởng");
  });

  it("exits 2 without --year or with --visit but no --out, and 1 for a visit not planned", async () => {
    expect((await inspection([])).code).toBe(2);
    expect((await inspection(["--year", year, "--visit", "kt-x"])).code).toBe(2);
    const missing = await inspection(["--year", year, "--visit", "kt-khong-co", "--out", tmpdir()]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("kt-khong-co");
  });
});
