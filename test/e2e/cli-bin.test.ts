/**
 * The `bin` entry of package.json, run as the child process `npx tdkt` starts: it must work from
 * the TypeScript sources, with no prior build (a fresh clone after `npm ci`).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { commands } from "../../functions/src/cli/commands/index.js";
import { cliMessages } from "../../functions/src/domain/messages/index.js";

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const manifest = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  bin: Record<string, string>;
};
const bin = path.join(repoRoot, manifest.bin.tdkt ?? "");

describe("the tdkt bin entry", () => {
  it("prints the CLI's help and exits 0 on --help", async () => {
    const { stdout } = await run(process.execPath, [bin, "--help"], { cwd: repoRoot });
    expect(stdout).toBe(cliMessages.help([...commands]));
    expect(stdout).toContain("eligibility");
  }, 30_000);

  it("passes arguments through and keeps the CLI's exit codes (2 for an unknown command)", async () => {
    const failure = await run(process.execPath, [bin, "khong-co-lenh-nay"], { cwd: repoRoot }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toBe(cliMessages.unknownCommand("khong-co-lenh-nay"));
  }, 30_000);
});
