/**
 * The `--options FILE` of the commands that build dossiers (`tdkt dossier`, `tdkt aggregate`): a
 * JSON file completing today's date. Anything else goes to the build as it is, which refuses it
 * naming the field.
 */
import { readFile } from "node:fs/promises";
import { documentCliMessages as msg } from "../domain/messages/index.js";
import type { CliIo } from "./command.js";

/** The options, or undefined (told on stderr) when the file cannot be read as JSON. */
export async function readOptionsFile(
  path: string | undefined,
  io: CliIo,
): Promise<{ options: unknown } | undefined> {
  const today = { date: new Date().toISOString().slice(0, 10) };
  if (!path) return { options: today };
  try {
    const fromFile: unknown = JSON.parse(await readFile(path, "utf8"));
    return {
      options:
        typeof fromFile === "object" && fromFile !== null && !Array.isArray(fromFile)
          ? { ...today, ...fromFile }
          : fromFile,
    };
  } catch (error) {
    io.stderr(msg.readFailed(path, error instanceof Error ? error.message : String(error)));
    return undefined;
  }
}
