/** `tdkt token EMAIL`: a development ID token for curl and local tests (never valid in production). */
import { parseArgs } from "node:util";
import { cliMessages } from "../../domain/messages/index.js";
import { signDevToken } from "../../http/tokens.js";
import type { CliCommand } from "../command.js";
import { localDevSecret } from "../dev-secret.js";

export const tokenCommand: CliCommand = {
  name: "token",
  summary: cliMessages.tokenSummary,
  usage: cliMessages.tokenUsage,
  run: async (args, io) => {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: { hours: { type: "string" } },
    });
    const email = positionals[0];
    if (!email) {
      io.stderr(cliMessages.tokenUsage);
      return 2;
    }
    const hours = Number(values.hours ?? "8");
    io.stdout(`${signDevToken(email.toLowerCase(), localDevSecret(), Math.round(hours * 3600))}\n`);
    return 0;
  },
};
