/** `tdkt thematic`: the Vietnamese table with the reasons, --json, and --propose as a stored account. */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { thematicCommand } from "../../../functions/src/cli/commands/thematic.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import type { ThematicSelection } from "../../../functions/src/domain/thematic.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { cliTestYearStart, runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";

// The CLI's project is shared by the tests that use it: a year and units of this run's own.
const start = cliTestYearStart("thematic");
const YEAR = `${start}-${start + 1}`;
const tag = randomUUID().slice(0, 6);
const [first, second] = [`thpt-mot-${tag}`, `thpt-hai-${tag}`];
const specialist = `chuyenvien.${tag}@sogd.example.org`;

beforeAll(async () => {
  emulatorHost();
  const db = createFirestore(LOCAL_PROJECT_ID);
  const batch = db.batch();
  for (const id of [first, second])
    batch.set(db.doc(`units/${id}`), {
      id,
      name: `Trường THPT ${id}`,
      abbreviation: "THPT",
      level: "THPT",
      clusterId: "cum-1",
      managingAuthority: "SO_GDDT",
      managingBodyName: "Sở Giáo dục và Đào tạo",
      place: "Hà Tĩnh",
    });
  batch.set(db.doc(`years/${YEAR}`), { year: YEAR, legalBasisVersion: "ND152-2025" });
  batch.set(db.doc(`users/${specialist}`), { email: specialist, role: "DEPT_SPECIALIST", unitId: "so-gddt" });
  for (const [id, score, day] of [
    [first, 95, "09-20"],
    [second, 70, "10-30"],
  ] as const) {
    batch.set(db.doc(`years/${YEAR}/thematicRegistrations/${id}_cntt`), {
      year: YEAR,
      unitId: id,
      field: "cntt",
      registeredOn: `${start}-${day}`,
    });
    batch.set(db.doc(`years/${YEAR}/thematicResults/${id}_cntt`), {
      year: YEAR,
      unitId: id,
      field: "cntt",
      score,
    });
  }
  await batch.commit();
  await db.terminate();
}, 60_000);

async function thematic(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, stdout, stderr } = await runCommand(thematicCommand, args);
  return { code, out: stdout, err: stderr };
}

describe("tdkt thematic", { timeout: 60_000 }, () => {
  it("prints each field with its units in order and their reasons (the defaults when the Department sent none)", async () => {
    const { code, out, err } = await thematic(["--year", YEAR]);
    expect(code, err).toBe(0);
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      `KHEN THƯỞNG CHUYÊN ĐỀ NĂM HỌC ${YEAR} (lĩnh vực mặc định theo hướng dẫn: Sở chưa gửi tab Lĩnh vực chuyên đề)`,
    );
    expect(lines).toContain(
      `Công nghệ thông tin [cntt] — Giấy khen của Giám đốc Sở Giáo dục và Đào tạo, từ Xuất sắc, tối đa 3 tập thể; hạn đăng ký 31/10/${start}`,
    );
    expect(out).toContain(
      `   1. Trường THPT ${first} (${first}) — Đề nghị: Kết quả kiểm tra Xuất sắc (95 điểm): đề nghị công nhận tập thể điển hình lĩnh vực Công nghệ thông tin.`,
    );
    expect(out).toContain(
      `   2. Trường THPT ${second} (${second}) — Chưa đạt mức đề nghị: Kết quả kiểm tra Đạt (70 điểm), dưới mức đề nghị (từ Xuất sắc trở lên).`,
    );
    expect(out).toContain("Giáo dục Mầm non [mam-non]");
  });

  it("prints the route's JSON with --json, and proposes with --propose --as", async () => {
    const json = await thematic(["--year", YEAR, "--json"]);
    expect(json.code).toBe(0);
    const selection = JSON.parse(json.out) as ThematicSelection;
    expect(selection.fields).toHaveLength(11);
    const proposed = await thematic(["--year", YEAR, "--propose", "--as", specialist]);
    expect(proposed.code, proposed.err).toBe(0);
    expect(proposed.out).toContain(
      `Đã lập 1 đề nghị khen thưởng chuyên đề trong hồ sơ: ${first}_${YEAR}_chuyen-de.`,
    );
  });

  it("exits 2 without --year or --as, and 1 for a year not configured or an unknown account", async () => {
    expect((await thematic([])).code).toBe(2);
    expect((await thematic(["--year", YEAR, "--propose"])).code).toBe(2);
    const missing = await thematic(["--year", "2099-2100"]);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("chưa được Sở cấu hình");
    expect((await thematic(["--year", YEAR, "--propose", "--as", `khong.co.${tag}@example.org`])).code).toBe(
      1,
    );
  });
});
