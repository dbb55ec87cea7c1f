/** Dispatches `tdkt` arguments to a command and maps failures to exit codes (DESIGN.md §5.1). */
import { isAppError } from "../domain/errors.js";
import { cliMessages } from "../domain/messages/index.js";
import type { CliCommand, CliIo } from "./command.js";
import { commands } from "./commands/index.js";

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

export async function runCli(
  argv: string[],
  io: CliIo = processIo,
  registry: readonly CliCommand[] = commands,
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(cliMessages.help([...registry]));
    return name ? 0 : 2;
  }
  const command = registry.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(cliMessages.unknownCommand(name));
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    io.stderr(cliMessages.failed(error instanceof Error ? error.message : String(error)));
    // Input errors the command reports as typed errors; anything else is a system error.
    return isAppError(error) && error.code !== "INTERNAL" ? 1 : 2;
  }
}
