/**
 * `tdkt export --format province` and `tdkt stats` against the CLI's own project on the test
 * emulator. Other tests share that project, so this world has school years and ids of its own.
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportCommand } from "../../../functions/src/cli/commands/export.js";
import { statsCommand } from "../../../functions/src/cli/commands/stats.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { provinceMessages } from "../../../functions/src/domain/messages/index.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { openXlsx } from "../../fixtures/province/templates.js";
import { provinceWorld, seedProvinceWorld } from "../../fixtures/province/world.js";
import { cliTestYearStart, runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

// The CLI's project is shared with other tests: a school year nobody else uses, and the world
// removed afterwards, keep the counts exact.
const start = cliTestYearStart("export");
const YEAR = `${start}-${start + 1}`;
const LEDGER_YEAR = `${start - 1}-${start}`;
const suffix = `-${randomUUID().slice(0, 8)}`;

const run = (command: typeof exportCommand, args: string[]) => runCommand(command, args);

const world = { year: YEAR, ledgerYear: LEDGER_YEAR, suffix };
beforeAll(async () => {
  emulatorHost();
  const db = createFirestore(LOCAL_PROJECT_ID);
  await seedProvinceWorld(db, world);
  await db.terminate();
}, 60_000);
afterAll(async () => {
  const db = createFirestore(LOCAL_PROJECT_ID);
  await Promise.all(provinceWorld(world).map(({ path }) => db.doc(path).delete()));
  await db.terminate();
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "tdkt-cli-export-"));
});

describe("tdkt export --format province", () => {
  it("writes the individuals' and the collectives' lists, one .xlsx each, and says how many rows", async () => {
    const out = join(dir, "tinh");
    const result = await run(exportCommand, ["--year", YEAR, "--format", "province", "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`tdkt-canhan-${YEAR}.xlsx`, `tdkt-tapthe-${YEAR}.xlsx`]);
    // No aggregation has run on this store: the lists are consolidated now, and it says so.
    expect(result.stdout).toBe(
      `${provinceMessages.exportSource(null)}\n${join(out, `tdkt-canhan-${YEAR}.xlsx`)}  5 dòng\n${join(out, `tdkt-tapthe-${YEAR}.xlsx`)}  1 dòng\n`,
    );
    const book = await openXlsx(readFileSync(join(out, `tdkt-canhan-${YEAR}.xlsx`)));
    expect(book.getWorksheet("DANHSACH")?.getCell("B3").value).toBe("Họ và tên");
    expect(book.getWorksheet("DANHSACH")?.getCell("A8").value).toBe(5);
    expect(book.getWorksheet("DANHSACH")?.getCell("A9").value).toBeNull();
  }, 120_000);

  it("follows the Department's rules file (the example's), and refuses a malformed one with exit 2", async () => {
    const example = fileURLToPath(new URL("../../../examples/province/phan-loai.json", import.meta.url));
    const out = join(dir, "rules");
    const result = await run(exportCommand, [
      "--year",
      YEAR,
      "--format",
      "province",
      "--out",
      out,
      "--classes",
      example,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const sheet = (await openXlsx(readFileSync(join(out, `tdkt-canhan-${YEAR}.xlsx`)))).getWorksheet(
      "DANHSACH",
    );
    const classes: Record<string, unknown> = {};
    for (let row = 4; row <= 8; row++)
      classes[String(sheet?.getCell(row, 5).value)] = sheet?.getCell(row, 9).value;
    expect(classes["Tổ trưởng"]).toBe("1660638930");
    expect(classes["Giáo viên"]).toBe("1660638976");

    const rules = join(dir, "phan-loai.json");
    writeFileSync(rules, JSON.stringify([{ position: "Tổ trưởng", class: "KHONG_CO" }]));
    const bad = await run(exportCommand, [
      "--year",
      YEAR,
      "--format",
      "province",
      "--out",
      join(dir, "bad"),
      "--classes",
      rules,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`Tệp phân loại đối tượng ${rules} không hợp lệ`);
    expect(existsSync(join(dir, "bad"))).toBe(false);
  }, 120_000);

  it("exits 2 on another format or a malformed year, writing nothing", async () => {
    const csv = await run(exportCommand, ["--year", YEAR, "--format", "csv", "--out", join(dir, "csv")]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toBe('Định dạng "csv" chưa được hỗ trợ: hiện chỉ có --format province.\n');
    const year = await run(exportCommand, [
      "--year",
      "2031",
      "--format",
      "province",
      "--out",
      join(dir, "y"),
    ]);
    expect(year.code).toBe(2);
    expect(year.stderr).toContain('Năm học "2031"');
    const missing = await run(exportCommand, ["--year", YEAR]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("Cách dùng: tdkt export");
    expect(existsSync(join(dir, "csv")) || existsSync(join(dir, "y"))).toBe(false);
  });
});

describe("tdkt stats", () => {
  it("prints the counts by class as JSON", async () => {
    const result = await run(statsCommand, ["--year", LEDGER_YEAR, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as { totals: { total: number }; table: { rows: unknown[][] } };
    expect(body.totals.total).toBe(7);
    expect(body.table.rows.at(-1)).toEqual(["Tổng cộng", 0, 0, 3, 3, 1, 7]);
  }, 60_000);

  it("prints the table, and writes the signed PDF table with --pdf and --options", async () => {
    // The example's agency and signer; the date is today's.
    const options = fileURLToPath(new URL("../../../examples/province/thong-ke.json", import.meta.url));
    const pdf = join(dir, "thong-ke.pdf");
    const result = await run(statsCommand, ["--year", LEDGER_YEAR, "--pdf", pdf, "--options", options]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `Thống kê danh hiệu thi đua và hình thức khen thưởng năm học ${LEDGER_YEAR}`,
    );
    expect(result.stdout).toMatch(/^Lao động tiên tiến +0 +0 +2 +3 +0 +5$/m);
    expect(result.stdout).toMatch(
      /^Danh hiệu thi đua, hình thức khen thưởng +\(1\) +\(2\) +\(3\) +\(4\) +\(5\) +Tổng số$/m,
    );
    expect(result.stdout).toContain("\n(3) Các cấp lãnh đạo từ phó phòng trở lên\n");
    expect(result.stdout).toContain(`Đã ghi bảng thống kê: ${pdf}`);
    const text = pdfText(readFileSync(pdf)).replace(/\s+/gu, " ");
    const [year, month, day] = new Date().toISOString().slice(0, 10).split("-");
    expect(text).toContain(`SỞ GIÁO DỤC VÀ ĐÀO TẠO`);
    expect(text).toContain(`năm ${year}`);
    expect(text).toMatch(new RegExp(`ngày ${day} tháng (0?${Number(month)}) năm ${year}`));
    expect(text).toContain("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC");
    expect(text).toContain("Tổng cộng 0 0 3 3 1 7");
  }, 60_000);

  it("exits 1 naming what the PDF lacks, 2 on --pdf without --options", async () => {
    const options = join(dir, "thieu.json");
    writeFileSync(options, JSON.stringify({ signer: { title: "Giám đốc", name: "Hoàng Văn Khánh" } }));
    const lacking = await run(statsCommand, [
      "--year",
      LEDGER_YEAR,
      "--pdf",
      join(dir, "x.pdf"),
      "--options",
      options,
    ]);
    expect(lacking.code).toBe(1);
    expect(lacking.stderr).toContain("cơ quan ban hành");
    expect(existsSync(join(dir, "x.pdf"))).toBe(false);
    const usage = await run(statsCommand, ["--year", LEDGER_YEAR, "--pdf", join(dir, "y.pdf")]);
    expect(usage.code).toBe(2);
  }, 60_000);
});
