/**
 * `tdkt aggregate --year Y [--json] [--job ID]`: the year-end aggregation against the configured
 * store, as the API and the scheduled job run it. A progress bar on a terminal's stderr (none with
 * --json or when stderr is not a terminal); with --json, the job and the run's timings on stdout.
 */
import { parseArgs } from "node:util";
import { aggregateMessages as msg } from "../../domain/messages/index.js";
import { runAggregation, startAggregation } from "../../services/aggregate/run.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

export const aggregateCommand: CliCommand = {
  name: "aggregate",
  summary: msg.summary,
  usage: msg.usage,
  run: async (args, io) => {
    let values: { year?: string; json?: boolean; job?: string };
    try {
      ({ values } = parseArgs({
        args,
        options: { year: { type: "string" }, json: { type: "boolean" }, job: { type: "string" } },
      }));
    } catch {
      io.stderr(msg.usage);
      return 2;
    }
    const { year, json = false } = values;
    if (!year) {
      io.stderr(msg.usage);
      return 2;
    }
    const drawBar = !json && io.stderrIsTty === true;
    const started = performance.now();
    const outcome = await withFirestore(async (db) => {
      const jobId = values.job ?? (await startAggregation(db, year, { actor: "cli" })).job.jobId;
      return runAggregation(db, year, jobId, {
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
    });
    if (drawBar) io.stderr("\n");
    const { job, timings } = outcome;
    if (json) {
      const rounded = Object.fromEntries(Object.entries(timings).map(([step, ms]) => [step, Math.round(ms)]));
      io.stdout(`${JSON.stringify({ job, timingsMs: rounded }, null, 2)}\n`);
    } else {
      const seconds = Math.round((performance.now() - started) / 100) / 10;
      io.stdout(`${msg.done({ jobId: job.jobId, year, state: msg.stateLabels[job.state], seconds })}\n`);
      io.stdout(`${msg.counts(job.counts)}\n`);
    }
    return 0;
  },
};
