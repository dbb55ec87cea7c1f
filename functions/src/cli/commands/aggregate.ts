/**
 * `tdkt aggregate --year Y [--json] [--job ID] [--department ID --options FILE --out DIR]`: the
 * year-end aggregation against the configured store, as the API and the scheduled job run it. With
 * --department, the documents phase builds the Department's dossier (the options as for `tdkt
 * dossier --department`) into DIR. A progress bar on a terminal's stderr (none with --json or when
 * stderr is not a terminal); then the results: with --json, the job, its timings, the rankings of
 * every cụm/khối, the bình xét flags, the consolidated lists and the dossier's files on stdout;
 * without, a short Vietnamese summary.
 */
import { join } from "node:path";
import { aggregateMessages as msg } from "../../domain/messages/index.js";
import { aggregationResults, resultsSummary } from "../../services/aggregate/results.js";
import { runAggregation, startAggregation } from "../../services/aggregate/run.js";
import { localFileStore } from "../../services/files.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";
import { readOptionsFile } from "../options-file.js";

export const aggregateCommand: CliCommand = {
  name: "aggregate",
  summary: msg.summary,
  usage: msg.usage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        year: { type: "string" },
        json: { type: "boolean" },
        job: { type: "string" },
        department: { type: "string" },
        options: { type: "string" },
        out: { type: "string" },
      },
      msg.usage,
      io,
    );
    if (!values) return 2;
    const { year, json = false, department, out } = values;
    if (!year || (department !== undefined) !== (out !== undefined)) {
      io.stderr(msg.usage);
      return 2;
    }
    const read = department ? await readOptionsFile(values.options, io) : { options: undefined };
    if (!read) return 2;
    const drawBar = !json && io.stderrIsTty === true;
    const started = performance.now();
    const run = async () =>
      withFirestore(async (db) => {
        const jobId = values.job ?? (await startAggregation(db, year, { actor: "cli" })).job.jobId;
        const outcome = await runAggregation(db, year, jobId, {
          ...(department && out
            ? { departmentDossier: { unitId: department, options: read.options, files: localFileStore(out) } }
            : {}),
          ...(drawBar
            ? {
                progress: (event) =>
                  io.stderr(
                    msg.progress(
                      msg.phaseLabels[event.phase] ?? event.phase,
                      event.chunksDone,
                      event.chunksTotal,
                    ),
                  ),
              }
            : {}),
        });
        return { ...outcome, results: await aggregationResults(db, year, jobId) };
      });
    // A refusal (a malformed year, a job not found) is thrown to main, which tells it and exits 1.
    const outcome = await run().finally(() => {
      if (drawBar) io.stderr("\n");
    });
    const { job, timings, results } = outcome;
    const summary = resultsSummary(results);
    // The dossier's files as paths under --out (the store's references are relative to it).
    const files = summary.dossier.documents.map((document) =>
      out ? join(out, document.file) : document.file,
    );
    const shown = { ...summary, dossier: { ...summary.dossier, files } };
    if (json) {
      const rounded = Object.fromEntries(Object.entries(timings).map(([step, ms]) => [step, Math.round(ms)]));
      io.stdout(`${JSON.stringify({ job, timingsMs: rounded, ...shown }, null, 2)}\n`);
    } else {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      io.stdout(`${msg.done({ jobId: job.jobId, year, state: msg.stateLabels[job.state], seconds })}\n`);
      io.stdout(`${msg.counts(job.counts)}\n`);
      io.stdout(
        `${msg.results({
          clusters: shown.rankings.length,
          flaggedUnits: shown.flags.length,
          included: results.consolidation.included.length,
          excluded: results.consolidation.excluded.length,
          lists: shown.lists.length,
          documents: shown.dossier.files.length,
          dossierSkipped: shown.dossier.skipped,
          sheet: shown.summarySheet.spreadsheetId,
          sheetSkipped: shown.summarySheet.skipped,
        })}\n`,
      );
      for (const file of shown.dossier.files) io.stdout(`  ${file}\n`);
    }
    return 0;
  },
};
