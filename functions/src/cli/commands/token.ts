/** `tdkt token EMAIL`: a development ID token for curl and local tests (never valid in production). */
import { parseArgs } from "node:util";
import { cliMessages } from "../../domain/messages/index.js";
import { emailKey } from "../../domain/text.js";
import { MAX_DEV_TOKEN_LIFETIME_SECONDS, signDevToken } from "../../http/tokens.js";
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
    const seconds = Math.round(Number(values.hours ?? "8") * 3600);
    if (!(seconds > 0 && seconds <= MAX_DEV_TOKEN_LIFETIME_SECONDS)) {
      io.stderr(`${cliMessages.tokenLifetime(MAX_DEV_TOKEN_LIFETIME_SECONDS / 3600)}\n`);
      return 2;
    }
    io.stdout(`${signDevToken(emailKey(email), localDevSecret(), seconds)}\n`);
    return 0;
  },
};
