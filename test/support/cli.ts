/** Runs one `tdkt` command as a person does — through the dispatcher, which maps typed errors to exit codes. */
import type { CliCommand } from "../../functions/src/cli/command.js";
import { runCli } from "../../functions/src/cli/run.js";

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCommand(
  command: CliCommand,
  args: readonly string[],
  terminal: { stderrIsTty?: boolean; stdin?: string } = {},
): Promise<CommandRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    [command.name, ...args],
    {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      stderrIsTty: terminal.stderrIsTty,
      readStdin: async () => terminal.stdin ?? "",
    },
    [command],
  );
  return { code, stdout: out.join(""), stderr: err.join("") };
}
