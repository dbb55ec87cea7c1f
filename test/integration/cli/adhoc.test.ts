/** `tdkt adhoc`: the table's lines and clocks of a unit, as text and JSON, its simplified dossier in a folder, and its usage exit. */
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { adHocCommand } from "../../../functions/src/cli/commands/adhoc.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { emulatorHost } from "../../support/firestore.js";

const UNIT = "thpt-adhoc-cli";
const YEAR = "2025-2026";
const COACH = `${UNIT}_GV1`;

const run = async (args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await adHocCommand.run(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
  });
  return { code, stdout: out.join(""), stderr: err.join("") };
};

beforeAll(async () => {
  emulatorHost();
  const db = createFirestore(LOCAL_PROJECT_ID);
  await Promise.all([
    db.doc(`units/${UNIT}`).set({
      id: UNIT,
      name: "Trường THPT Chu Văn An",
      abbreviation: "THPTCVA",
      level: "THPT",
      clusterId: "CUM_CLI",
      managingAuthority: "SO_GDDT",
      managingBodyName: "Sở Giáo dục và Đào tạo tỉnh Hòa Bình",
      place: "Hòa Bình",
      principalName: "Lê Thị Hạnh",
    }),
    db.doc(`people/${COACH}`).set({
      id: COACH,
      unitId: UNIT,
      fullName: "Phạm Quang Vinh",
      gender: "M",
      birthDate: "1980-01-15",
      position: "Giáo viên",
    }),
    db.doc(`years/${YEAR}/achievements/${UNIT}_hs1`).set({
      id: `${UNIT}_hs1`,
      year: YEAR,
      unitId: UNIT,
      role: "STUDENT",
      fullName: "Đỗ Minh Khang",
      birthDate: "2008-06-01",
      className: "12T",
      contest: "Olympic Vật lý châu Á",
      contestLevel: "CHAU_A",
      subject: "Vật lý",
      prize: "HCV",
      decisionNo: "90/QĐ-BGDĐT",
      decisionDate: "2026-05-10",
      coachIds: [COACH],
    }),
  ]);
  await db.terminate();
});

describe("tdkt adhoc", { timeout: 120_000 }, () => {
  it("prints the unit's lines with their rules and the case's clock", async () => {
    const result = await run(["--year", YEAR, "--unit", UNIT]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("Trường THPT Chu Văn An — 1 trường hợp quá hạn");
    expect(result.stdout).toContain("Đỗ Minh Khang (Học sinh): Huân chương Lao động hạng Ba [AD-HS-03]");
    expect(result.stdout).toContain(
      "Phạm Quang Vinh (Giáo viên hướng dẫn): Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh [AD-GV-02]",
    );
    expect(result.stdout).toMatch(/Đỗ Minh Khang: Quá hạn, \d+ ngày \(hạn 09\/06\/2026\)/u);
    const json = JSON.parse((await run(["--year", YEAR, "--unit", UNIT, "--json"])).stdout) as {
      units: { lines: { target: string }[]; overdue: number }[];
    };
    expect(json.units[0]?.lines.map((line) => line.target)).toEqual(["HCLD_3", "BK_CT_UBND_TINH"]);
    expect(json.units[0]?.overdue).toBe(1);
  });

  it("builds the unit's simplified dossier into the folder", async () => {
    const out = mkdtempSync(join(tmpdir(), "tdkt-cli-adhoc-"));
    const result = await run(["--year", YEAR, "--unit", UNIT, "--out", out, "--date", "2026-05-20"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Đã lập \d+ văn bản/u);
    const folder = join(out, UNIT, YEAR);
    const [build] = readdirSync(folder);
    const files = readdirSync(join(folder, build ?? "")).sort();
    expect(files.some((file) => file.startsWith("01-to-trinh"))).toBe(true);
    expect(files.some((file) => file.startsWith("05-danh-sach-hoc-sinh"))).toBe(true);
    expect(files.some((file) => file.startsWith("02-bien-ban"))).toBe(false);
  });

  it("exits 2 with its usage when --out comes without --unit or --date", async () => {
    const result = await run(["--year", YEAR, "--out", "/tmp/x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Cách dùng: tdkt adhoc");
  });
});
