/** `tdkt template` and `tdkt import` as the CLI runs them (the test emulator stands in for the local one). */
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../../functions/src/cli/command.js";
import { importCommand } from "../../../functions/src/cli/commands/import.js";
import { templateCommand } from "../../../functions/src/cli/commands/template.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { findTab } from "../../../functions/src/sheets/tabs/index.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { fill } from "../../fixtures/sheets/workbook.js";
import { emulatorHost } from "../../support/firestore.js";

function captureIo(): CliIo & { text: () => string } {
  const lines: string[] = [];
  return {
    stdout: (text) => lines.push(text),
    stderr: (text) => lines.push(text),
    readStdin: async () => "",
    text: () => lines.join(""),
  };
}

describe("tdkt template / tdkt import", () => {
  it("refuses wrong usage with exit code 2", async () => {
    expect(await templateCommand.run([], captureIo())).toBe(2);
    expect(await templateCommand.run(["--out", "x.xlsx", "--tabs", "nhà trường"], captureIo())).toBe(2);
    expect(await importCommand.run(["a.xlsx"], captureIo())).toBe(2);
    const missing = captureIo();
    expect(await importCommand.run(["/khong/co.xlsx", "--unit", "u", "--year", "2025-2026"], missing)).toBe(
      2,
    );
    expect(missing.text()).toMatch(/Không đọc được tệp/);
  });

  it("imports a filled template, prints the errors per row and writes a copy with a status column", async () => {
    emulatorHost();
    const unit = `cli-${randomUUID().slice(0, 8)}`;
    const db = createFirestore(LOCAL_PROJECT_ID);
    const year = "2091-2092";

    const dir = mkdtempSync(join(tmpdir(), "tdkt-cli-"));
    const file = join(dir, "mau.xlsx");
    expect(await templateCommand.run(["--out", file], captureIo())).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // One workbook: the Department's registers first (unit, year), then the school's tabs.
    fill(workbook, "don-vi", [
      {
        id: unit,
        name: "Trường Tiểu học CLI",
        abbreviation: "THCLI",
        level: "Tiểu học",
        clusterId: "cum-2",
        managingAuthority: "Ủy ban nhân dân xã",
        managingBodyName: "Ủy ban nhân dân xã Hòa Bình",
        place: "Hòa Bình",
      },
    ]);
    fill(workbook, "cau-hinh", [{ year, legalBasisVersion: "ND152-2025", voteThresholdCstdCs: "80" }]);
    fill(workbook, "can-bo", [
      { id: `${unit}-gv1`, fullName: "Đặng Thị Mai", gender: "Nữ", birthDate: "01/02/1990" },
      { id: `${unit}-gv2`, fullName: "Hồ Văn Nam", gender: "Nam giới", birthDate: "01/02/1990" },
    ]);
    fill(workbook, "ket-qua", [{ subjectKind: "Cá nhân", subjectId: `${unit}-gv1`, rating: "HTT" }]);
    await workbook.xlsx.writeFile(file);

    const io = captureIo();
    const code = await importCommand.run([file, "--unit", unit, "--year", year], io);
    expect(code).toBe(1);
    expect(io.text()).toContain("Đơn vị: Đã nhận 1 dòng, 0 dòng có lỗi.");
    expect(io.text()).toContain("Cấu hình: Đã nhận 1 dòng, 0 dòng có lỗi.");
    expect(io.text()).toContain("Cán bộ: Đã nhận 1 dòng, 1 dòng có lỗi.");
    expect(io.text()).toContain("Kết quả cuối năm: Đã nhận 1 dòng, 0 dòng có lỗi.");
    expect(io.text()).toContain('Cán bộ, dòng 3: Cột "Giới tính": không nhận ra "Nam giới"');
    const out = join(dir, "mau.ket-qua.xlsx");
    expect(existsSync(out)).toBe(true);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const staffColumns = findTab("can-bo")?.columns.length ?? 0;
    const statuses = copy.getWorksheet("Cán bộ")?.getColumn(staffColumns + 1).values;
    expect(statuses?.slice(1, 4)).toEqual(["Trạng thái", "Đã nhận", expect.stringMatching(/^Lỗi: /)]);
    expect((await db.doc(`people/${unit}-gv1`).get()).get("fullName")).toBe("Đặng Thị Mai");
    expect((await db.doc(`years/${year}`).get()).get("voteThreshold")).toEqual({ CSTD_CS: 0.8 });
    expect((await db.doc(`units/${unit}`).get()).get("managingAuthority")).toBe("UBND_XA");
    await db.terminate();
  });
});
