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

/**
 * The CLI's project is shared by every CLI test file. Those that configure a school year of their own
 * draw it from a band of their own, so that two files never write the same year's configuration (the
 * fixed years other files use — 2031, 2032, 2091, the sample's 2025 — lie outside every band).
 */
const YEAR_BANDS = { rank: 2040, inspection: 2053, thematic: 2066, export: 2079 } as const;

/** A random first calendar year in the file's band (12 wide; export also uses the year before). */
export const cliTestYearStart = (file: keyof typeof YEAR_BANDS): number =>
  YEAR_BANDS[file] + 1 + Math.floor(Math.random() * 11);
