/**
 * What every `tdkt` command does alike with its arguments. Typed errors are mapped to exit codes in
 * one place, run.ts.
 */
import { type ParseArgsOptionsConfig, parseArgs } from "node:util";
import type { CliIo } from "./command.js";

type OptionValues<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O }>
>["values"];

/** The command's options, or undefined — its usage written to stderr — when they do not parse. */
export function commandOptions<const O extends ParseArgsOptionsConfig>(
  args: string[],
  options: O,
  usage: string,
  io: CliIo,
): OptionValues<O> | undefined {
  try {
    return parseArgs({ args, options }).values;
  } catch {
    io.stderr(usage);
    return undefined;
  }
}
