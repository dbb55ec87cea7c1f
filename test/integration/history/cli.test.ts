/** `tdkt history import` as the CLI runs it (the test emulator stands in for the local one). */
import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../../functions/src/cli/command.js";
import { historyCommand } from "../../../functions/src/cli/commands/history.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { COLLECTIONS, createFirestore } from "../../../functions/src/store/firestore.js";
import {
  filledIndividuals,
  fillRow,
  seedProvince,
  smallProvince,
  template,
} from "../../fixtures/province/lists.js";
import { emulatorHost } from "../../support/firestore.js";

function captureIo(): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readStdin: async () => "",
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

const DECISION = ["--year", "2022-2023", "--decision", "1234/QĐ-UBND", "--decision-date", "15/08/2023"];

describe("tdkt history import", { timeout: 240_000 }, () => {
  it("refuses wrong usage with exit code 2", async () => {
    expect(await historyCommand.run([], captureIo())).toBe(2);
    expect(await historyCommand.run(["export", "a.xlsx"], captureIo())).toBe(2);
    expect(await historyCommand.run(["import", "a.xlsx", "--format", "csv"], captureIo())).toBe(2);
    const badDate = captureIo();
    expect(await historyCommand.run(["import", "a.xlsx", "--decision-date", "31/02/2023"], badDate)).toBe(2);
    expect(badDate.err()).toContain('"31/02/2023" không phải ngày');
    const missing = captureIo();
    expect(await historyCommand.run(["import", "/khong/co.xlsx"], missing)).toBe(2);
    expect(missing.err()).toMatch(/Không đọc được tệp/);
  });

  it("dry-runs, imports, and prints one JSON object per data row; exit 1 while a row is rejected", async () => {
    emulatorHost();
    const db = createFirestore(LOCAL_PROJECT_ID);
    const province = smallProvince(randomUUID().slice(0, 6));
    await seedProvince(db, province);
    const dir = mkdtempSync(join(tmpdir(), "tdkt-history-"));
    const file = join(dir, "qd-1234.xlsx");
    await (await filledIndividuals(province)).xlsx.writeFile(file);
    const ledger = async () =>
      (await db.collection(COLLECTIONS.awards).where("unitId", "==", province.school.id).get()).size;

    const dry = captureIo();
    expect(await historyCommand.run(["import", file, ...DECISION, "--dry-run"], dry)).toBe(1);
    expect(dry.out()).toContain("Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.");
    expect(dry.out()).toContain(
      `  sẽ ghi: ${province.people.lanOlder.fullName} — Chiến sĩ thi đua cơ sở — năm học 2022-2023 — QĐ số 1234/QĐ-UBND`,
    );
    expect(dry.out()).toContain("DANHSACH, dòng 6: Không nhận: Có 2 cán bộ");
    expect(dry.out()).toContain(
      `    - ${province.people.hungA.fullName} (${province.people.hungA.id}, ${province.school.id}, sinh 05/01/1980)`,
    );
    expect(dry.out()).toContain("Mới 5 dòng, không đổi 0 dòng, không nhận 6 dòng.");
    expect(await ledger()).toBe(0);

    const run = captureIo();
    expect(await historyCommand.run(["import", file, ...DECISION, "--json"], run)).toBe(1);
    const lines = run
      .out()
      .trim()
      .split("\n")
      .map(
        (line) =>
          JSON.parse(line) as { row: number; status: string; reason?: string; candidates?: unknown[] },
      );
    expect(lines.map((line) => line.row)).toEqual([4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(lines.find((line) => line.row === 4)).toEqual({ row: 4, sheet: "DANHSACH", status: "new" });
    expect(lines.find((line) => line.row === 6)?.candidates).toHaveLength(2);
    expect(lines.find((line) => line.row === 11)?.reason).toContain("Bằng khen của Giám đốc Công an");
    expect(await ledger()).toBe(6);

    const again = captureIo();
    expect(await historyCommand.run(["import", file, ...DECISION, "--json"], again)).toBe(1);
    const statuses = again
      .out()
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { status: string }).status);
    expect(statuses.filter((status) => status === "unchanged")).toHaveLength(5);
    expect(statuses).not.toContain("new");

    // The copy with a status column, next to the file.
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(dir, "qd-1234.ket-qua.xlsx"));
    const sheet = copy.getWorksheet("DANHSACH") as ExcelJS.Worksheet;
    expect(sheet.getCell("L3").value).toBe("Trạng thái");
    expect(sheet.getCell("L4").value).toBe("Đã có (không đổi)");
    expect(String(sheet.getCell("L12").value)).toMatch(/^Không nhận: Không tìm thấy cán bộ/);
  });

  it("exits 0 when every row is taken", async () => {
    emulatorHost();
    const db = createFirestore(LOCAL_PROJECT_ID);
    const province = smallProvince(randomUUID().slice(0, 6));
    await seedProvince(db, province);
    const workbook = await template("individuals");
    const sheet = workbook.getWorksheet("DANHSACH") as ExcelJS.Worksheet;
    fillRow(sheet, 4, { B: province.people.thuy.fullName, G: province.school.name, K: "1647933042" });
    fillRow(sheet, 5, { B: province.people.duc.fullName, G: province.school.name, J: "1650360491" });
    const file = join(mkdtempSync(join(tmpdir(), "tdkt-history-")), "ok.xlsx");
    await workbook.xlsx.writeFile(file);
    const io = captureIo();
    expect(await historyCommand.run(["import", file, ...DECISION], io)).toBe(0);
    expect(io.out()).toContain("Mới 2 dòng, không đổi 0 dòng, không nhận 0 dòng.");
  });
});
