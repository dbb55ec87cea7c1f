/** `--classes FILE` of tdkt export and tdkt stats: the Department's own rules of subject classes (JSON). */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { provinceMessages } from "../domain/messages/index.js";
import {
  DEFAULT_SUBJECT_CLASS_RULES,
  type SubjectClassRule,
  SubjectClassRules,
} from "../domain/subject-classes.js";

/** The rules of FILE (the defaults without one), or the message saying why FILE cannot be used. */
export async function readClassRules(
  file: string | undefined,
): Promise<{ rules: readonly SubjectClassRule[] } | { error: string }> {
  if (file === undefined) return { rules: DEFAULT_SUBJECT_CLASS_RULES };
  try {
    const parsed = SubjectClassRules.safeParse(JSON.parse(await readFile(file, "utf8")));
    return parsed.success
      ? { rules: parsed.data }
      : { error: provinceMessages.invalidRules(file, z.prettifyError(parsed.error)) };
  } catch (error) {
    return {
      error: provinceMessages.invalidRules(file, error instanceof Error ? error.message : String(error)),
    };
  }
}
