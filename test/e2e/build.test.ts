/**
 * The deployed build (`npm run build:functions`, what `gcp-build` runs) compiles no sample data: the
 * sample province, its seed and the sample document inputs live in functions/sample/, and the
 * development commands that use them (serve, demo) are left out of tsconfig.build.json.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsc = path.join(repoRoot, "node_modules/typescript/bin/tsc");

/** The project's own files the build compiles, relative to the repository. */
async function builtSources(): Promise<string[]> {
  const { stdout } = await run(process.execPath, [tsc, "-p", "tsconfig.build.json", "--listFilesOnly"], {
    cwd: repoRoot,
  });
  return stdout
    .split("\n")
    .filter((file) => file !== "" && !file.includes("/node_modules/"))
    .map((file) => path.relative(repoRoot, file));
}

describe("the deployed build", () => {
  it("compiles the function and the CLI but no sample module and no development command", async () => {
    const files = await builtSources();
    expect(files).toContain("functions/src/index.ts");
    expect(files).toContain("functions/src/cli/main.ts");
    expect(files.every((file) => file.startsWith("functions/src/"))).toBe(true);
    const sampleModules = files.filter((file) => /(^|\/)(samples?|seed)(\/|\.ts$)/.test(file));
    expect(sampleModules).toEqual([]);
    expect(files).not.toContain("functions/src/cli/commands/serve.ts");
    expect(files).not.toContain("functions/src/cli/commands/demo.ts");
  }, 60_000);
});
