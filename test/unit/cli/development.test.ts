/** The development commands load from beside the CLI when present and say so when not (a built CLI). */
import { describe, expect, it } from "vitest";
import { developmentCommand } from "../../../functions/src/cli/development.js";
import { cliMessages, documentCliMessages } from "../../../functions/src/domain/messages/index.js";

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (text: string) => out.push(text),
      stderr: (text: string) => err.push(text),
      readStdin: async () => "",
    },
  };
}

const demo = { name: "demo", summary: documentCliMessages.demoSummary, usage: documentCliMessages.demoUsage };

describe("development commands", () => {
  it("are listed as development commands", () => {
    const command = developmentCommand({ ...demo, module: "./commands/demo", exported: "demoCommand" });
    expect(command.summary).toBe(cliMessages.developmentSummary(documentCliMessages.demoSummary));
    expect(command.summary).toContain("lệnh phát triển");
  });

  it("run the command of the TypeScript sources", async () => {
    const command = developmentCommand({ ...demo, module: "./commands/demo", exported: "demoCommand" });
    const { err, io } = capture();
    // Without --out the demo itself answers with its usage (exit 2): the module was loaded and run.
    expect(await command.run([], io)).toBe(2);
    expect(err.join("")).toBe(documentCliMessages.demoUsage);
  });

  it("say they need a development install where the module is absent, as in functions/lib", async () => {
    const command = developmentCommand({ ...demo, module: "./commands/not-built", exported: "demoCommand" });
    const { out, err, io } = capture();
    expect(await command.run(["--out", "x"], io)).toBe(2);
    expect(err.join("")).toBe(cliMessages.needsDevelopmentInstall("demo"));
    expect(out).toEqual([]);
  });
});
