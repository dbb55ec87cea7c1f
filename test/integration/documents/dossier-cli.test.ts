import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleDossierOptions, sampleStoredSchool } from "../../../functions/sample/documents.js";
import { dossierCommand } from "../../../functions/src/cli/commands/dossier.js";
import { LOCAL_PROJECT_ID } from "../../../functions/src/cli/firestore.js";
import { createFirestore } from "../../../functions/src/store/firestore.js";
import { runCommand } from "../../support/cli.js";
import { emulatorHost } from "../../support/firestore.js";

describe("tdkt dossier", () => {
  it("prints the local path of every file it wrote under --out", async () => {
    emulatorHost();
    // The CLI's own project on the test emulator; a unit of this test's own keeps it apart from others.
    const unitId = `CLI_${randomUUID().slice(0, 8)}`;
    const db = createFirestore(LOCAL_PROJECT_ID);
    await Promise.all(sampleStoredSchool(unitId).map(({ path, data }) => db.doc(path).set(data)));
    await db.terminate();
    const out = mkdtempSync(join(tmpdir(), "tdkt-cli-dossier-"));
    const optionsFile = join(out, "options.json");
    writeFileSync(optionsFile, JSON.stringify(sampleDossierOptions));
    const lines: string[] = [];
    const code = await dossierCommand.run(
      ["--unit", unitId, "--year", "2025-2026", "--out", out, "--options", optionsFile],
      { stdout: (text) => lines.push(text), stderr: (text) => lines.push(text), readStdin: async () => "" },
    );
    expect(code, lines.join("")).toBe(0);
    const written = lines.join("").match(/^\S+\.pdf(?= {2}sha256)/gm) ?? [];
    expect(written.length).toBeGreaterThan(0);
    for (const file of written) {
      expect(file.startsWith(join(out, unitId, "2025-2026"))).toBe(true);
      expect(existsSync(file)).toBe(true);
    }
  }, 60_000);

  it("exits 1 with a Vietnamese message naming the field of an invalid date, writing nothing", async () => {
    emulatorHost();
    const out = mkdtempSync(join(tmpdir(), "tdkt-cli-dossier-"));
    const optionsFile = join(out, "options.json");
    writeFileSync(optionsFile, JSON.stringify({ ...sampleDossierOptions, date: "2026-13-01" }));
    const { code, stderr } = await runCommand(dossierCommand, [
      "--unit",
      "THPT_LQD",
      "--year",
      "2025-2026",
      "--out",
      out,
      "--options",
      optionsFile,
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe("Lỗi: Dữ liệu để lập hồ sơ không hợp lệ: ngày văn bản (date).\n");
    expect(readdirSync(out)).toEqual(["options.json"]);
  });

  it("--department: refuses options without the Department as issuer, before judging any proposal", async () => {
    emulatorHost();
    const out = mkdtempSync(join(tmpdir(), "tdkt-cli-dossier-"));
    const optionsFile = join(out, "options.json");
    writeFileSync(optionsFile, JSON.stringify(sampleDossierOptions));
    const { code, stderr } = await runCommand(dossierCommand, [
      "--department",
      "so-gddt",
      "--year",
      "2025-2026",
      "--out",
      out,
      "--options",
      optionsFile,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("issuer");
    expect(readdirSync(out)).toEqual(["options.json"]);
  });

  it("takes --unit or --department, not both", async () => {
    const { code, stderr } = await runCommand(dossierCommand, [
      "--unit",
      "THPT_LQD",
      "--department",
      "so-gddt",
      "--year",
      "2025-2026",
      "--out",
      tmpdir(),
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain("--department MÃ_ĐƠN_VỊ_SỞ");
  });
});
