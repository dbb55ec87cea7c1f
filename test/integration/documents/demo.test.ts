import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoCommand } from "../../../functions/src/cli/commands/demo.js";
import { emulatorHost } from "../../support/firestore.js";

const pdfsUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".pdf"))
    .map((name) => join(dir, name));

describe("tdkt demo", () => {
  it("writes the sample school's and the Department's dossier sets", async () => {
    emulatorHost();
    const out = mkdtempSync(join(tmpdir(), "tdkt-demo-"));
    const lines: string[] = [];
    const code = await demoCommand.run(["--out", out], {
      stdout: (text) => lines.push(text),
      stderr: (text) => lines.push(text),
      readStdin: async () => "",
    });
    expect(code).toBe(0);
    const files = pdfsUnder(out);
    expect(files.length).toBe(19);
    for (const file of files) {
      const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
      expect(text, file).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    }
    expect(files.some((file) => file.includes("quyet-dinh"))).toBe(true);
    // The showcase school's doubtful proposals are judged and left out, each with its failed rule.
    const output = lines.join("");
    expect(output).toMatch(/Không đưa vào tờ trình: .+ — Lao động tiên tiến \(không đạt: .*LDTT-01/);
    expect(output).toMatch(/Không đưa vào tờ trình: .+ — Chiến sĩ thi đua cơ sở \(không đạt: CSCS-04\)/);
  }, 120_000);

  it("asks for --out", async () => {
    const errors: string[] = [];
    const code = await demoCommand.run([], {
      stdout: () => {},
      stderr: (text) => errors.push(text),
      readStdin: async () => "",
    });
    expect(code).toBe(2);
    expect(errors.join("")).toContain("tdkt demo --out");
  });
});
