/** Dispatches `tdkt` arguments to a command and maps failures to exit codes (docs/design.md §5.1). */
import { type ErrorCode, isAppError } from "../domain/errors.js";
import { cliMessages, systemMessages } from "../domain/messages/index.js";
import { isStoreUnavailable } from "../services/runtime.js";
import type { CliCommand, CliIo } from "./command.js";
import { commands } from "./commands/index.js";

const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTty: process.stderr.isTTY === true,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

/** Typed errors that are the system's fault, not the input's (as HTTP 5xx): exit code 2. */
const SYSTEM_ERROR_CODES: ReadonlySet<ErrorCode> = new Set(["INTERNAL", "UNAVAILABLE"]);

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
    if (isStoreUnavailable(error)) {
      io.stderr(cliMessages.failed(systemMessages.storeUnavailable()));
      return 2;
    }
    io.stderr(cliMessages.failed(error instanceof Error ? error.message : String(error)));
    // Input errors the command reports as typed errors; anything else is a system error.
    return isAppError(error) && !SYSTEM_ERROR_CODES.has(error.code) ? 1 : 2;
  }
}
