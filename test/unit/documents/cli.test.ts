import { describe, expect, it } from "vitest";
import { dossierCommand } from "../../../functions/src/cli/commands/dossier.js";

const io = (errors: string[]) => ({
  stdout: () => {},
  stderr: (text: string) => errors.push(text),
  readStdin: async () => "",
});

describe("tdkt dossier", () => {
  it("prints its usage and exits 2 without --unit, --year and --out", async () => {
    const errors: string[] = [];
    expect(await dossierCommand.run(["--unit", "X"], io(errors))).toBe(2);
    expect(errors.join("")).toContain("tdkt dossier --unit");
    expect(await dossierCommand.run(["--bogus"], io(errors))).toBe(2);
  });

  it("reports an unreadable options file before touching Firestore", async () => {
    const errors: string[] = [];
    const code = await dossierCommand.run(
      ["--unit", "X", "--year", "2025-2026", "--out", "/tmp/x", "--options", "/nonexistent/options.json"],
      io(errors),
    );
    expect(code).toBe(2);
    expect(errors.join("")).toContain("/nonexistent/options.json");
  });
});
