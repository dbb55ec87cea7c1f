/**
 * The development commands (`serve`, `demo`) run the sample province of functions/sample/, which the
 * deployed build leaves out (tsconfig.build.json compiles functions/src without them). They are
 * listed always and loaded on first use from beside this module: the TypeScript sources under tsx
 * (`npx tdkt`, `npm start`); the built CLI has no such file and says it needs a development install.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cliMessages } from "../domain/messages/index.js";
import type { CliCommand } from "./command.js";

/** The extension of this very module: ".ts" under tsx, ".js" in functions/lib. */
const ownExtension = import.meta.url.slice(import.meta.url.lastIndexOf("."));

function isCliCommand(value: unknown): value is CliCommand {
  return typeof value === "object" && value !== null && typeof Reflect.get(value, "run") === "function";
}

/**
 * `module` is a path relative to this file without extension, e.g. "./commands/serve"; `exported`
 * names the command it exports. The specifier is computed, so the compiler never follows it.
 */
export function developmentCommand(entry: {
  name: string;
  summary: string;
  usage: string;
  module: string;
  exported: string;
}): CliCommand {
  return {
    name: entry.name,
    summary: cliMessages.developmentSummary(entry.summary),
    usage: entry.usage,
    run: async (args, io) => {
      const url = new URL(`${entry.module}${ownExtension}`, import.meta.url);
      if (!existsSync(fileURLToPath(url))) {
        io.stderr(cliMessages.needsDevelopmentInstall(entry.name));
        return 2;
      }
      const command: unknown = Reflect.get(await import(url.href), entry.exported);
      if (!isCliCommand(command)) throw new Error(`${url.pathname} does not export ${entry.exported}`);
      return command.run(args, io);
    },
  };
}
