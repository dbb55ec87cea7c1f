/** `tdkt board`: the board's three files from the stored ledger, and its usage and unknown-unit exits. */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { boardCommand } from "../../../functions/src/cli/commands/board.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { BOARD_UNIT, BOARD_YEAR, seedBoardSchool } from "../../fixtures/board.js";
import { runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

const run = (args: string[]) => runCommand(boardCommand, args);

describe("tdkt board", () => {
  it("writes the PDF, the HTML page and the sheet rows of the unit's board", async () => {
    emulatorHost();
    const db = createFirestore(LOCAL_PROJECT_ID);
    await seedBoardSchool(db);
    await db.terminate();
    const out = mkdtempSync(join(tmpdir(), "tdkt-cli-board-"));
    const result = await run(["--unit", BOARD_UNIT, "--year", BOARD_YEAR, "--out", out]);
    expect(result.code, result.stderr).toBe(0);
    const base = `bang-cong-khai-${BOARD_UNIT}-${BOARD_YEAR}`;
    expect(readdirSync(out).sort()).toEqual([`${base}.html`, `${base}.json`, `${base}.pdf`]);
    expect(result.stdout).toContain(`Đã ghi ${join(out, `${base}.pdf`)}`);
    expect(result.stdout).toContain("Bảng công khai: 10 dòng.");
    expect(pdfText(readFileSync(join(out, `${base}.pdf`)))).toContain("Trương Thị Mỹ Lệ");
    expect(readFileSync(join(out, `${base}.html`), "utf8")).toContain("<td>Đặng Quốc Hưng</td>");
    const json = JSON.parse(readFileSync(join(out, `${base}.json`), "utf8")) as {
      sheet: { rows: unknown[] };
    };
    expect(json.sheet.rows).toHaveLength(10);
  }, 60_000);

  it("exits 2 with its usage when an option is missing, 1 naming an unknown unit", async () => {
    const usage = await run(["--unit", BOARD_UNIT, "--year", BOARD_YEAR]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Cách dùng: tdkt board");
    emulatorHost();
    const out = mkdtempSync(join(tmpdir(), "tdkt-cli-board-"));
    const unknown = await run(["--unit", "thcs-khong-co", "--year", BOARD_YEAR, "--out", out]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('Lỗi: Không có đơn vị "thcs-khong-co" trong hệ thống (tab Đơn vị của Sở).\n');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
