/** `tdkt eligibility FILE|- [--json]`: judges a case file and prints one result per case. */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { CaseResult } from "../../domain/eligibility/index.js";
import { isAppError } from "../../domain/errors.js";
import { awardCodeLabels, eligibilityMessages as msg } from "../../domain/messages/index.js";
import { formatDateVi } from "../../domain/text.js";
import { evaluateCases } from "../../services/eligibility.js";
import type { CliCommand } from "../command.js";

export const eligibilityCommand: CliCommand = {
  name: "eligibility",
  summary: msg.cliSummary,
  usage: msg.cliUsage,
  run: async (args, io) => {
    let parsedArgs: ReturnType<typeof parseEligibilityArgs>;
    try {
      parsedArgs = parseEligibilityArgs(args);
    } catch {
      io.stderr(msg.cliUsage);
      return 2;
    }
    const { file, json } = parsedArgs;
    if (file === undefined) {
      io.stderr(msg.cliUsage);
      return 2;
    }
    let text: string;
    try {
      text = file === "-" ? await io.readStdin() : await readFile(file, "utf8");
    } catch (error) {
      io.stderr(msg.cliReadFailed(file, error instanceof Error ? error.message : String(error)));
      return 2;
    }
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (error) {
      io.stderr(msg.cliInvalidJson(error instanceof Error ? error.message : String(error)));
      return 1;
    }
    let results: CaseResult[];
    try {
      results = evaluateCases(input).results;
    } catch (error) {
      if (!isAppError(error)) throw error;
      io.stderr(`${error.message}\n`);
      return 1;
    }
    io.stdout(json ? `${JSON.stringify({ results }, null, 2)}\n` : formatSummary(results));
    return results.some((result) => result.status === "error") ? 1 : 0;
  },
};

function parseEligibilityArgs(args: string[]): { file: string | undefined; json: boolean } {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: "boolean", default: false } },
  });
  return { file: positionals.length === 1 ? positionals[0] : undefined, json: values.json };
}

const targetName = (target: string): string =>
  target in awardCodeLabels ? awardCodeLabels[target as keyof typeof awardCodeLabels] : target;

/** The readable Vietnamese summary: status, every check with its basis, what failed or is missing. */
function formatSummary(results: readonly CaseResult[]): string {
  const counts: Record<string, number> = {};
  const blocks = results.map((result) => {
    counts[result.status] = (counts[result.status] ?? 0) + 1;
    const lines = [
      msg.caseHeader(result.id, targetName(result.target), result.year, msg.statusLabels[result.status]),
    ];
    if (result.error !== undefined) lines.push(msg.errorLine(result.error.code, result.error.message));
    for (const check of result.checks) {
      const mark = check.missing !== undefined ? "?" : check.warning ? "!" : check.ok ? "✓" : "✗";
      lines.push(msg.checkLine(mark, check.rule, check.message, check.basis));
    }
    if (result.failed.length > 0) lines.push(msg.failedLine(result.failed));
    if (result.missing.length > 0) lines.push(msg.missingLine(result.missing));
    if (result.legalBasis !== undefined)
      lines.push(
        msg.basisLine(
          result.legalBasis.label,
          result.legalBasis.version,
          formatDateVi(result.legalBasis.proposalDate),
          result.legalBasis.proposalDateSource === "default",
        ),
      );
    return lines.join("\n");
  });
  return `${blocks.join("\n\n")}\n\n${msg.totals(counts)}\n`;
}
