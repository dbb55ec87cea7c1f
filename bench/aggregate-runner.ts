/**
 * One measured pass of the aggregation benchmark, in a process of its own so that its peak memory
 * is its own (not the generator's): `AGG_MODE=floor` streams the documents the aggregation reads
 * without parsing them; `AGG_MODE=aggregate` runs the whole aggregation. Started with IPC by
 * aggregate.bench.ts; sends `{ ms, timings, phaseTimings, maxRssBytes, state }` and exits.
 */
import { COLLECTIONS, collectionPath } from "../functions/src/domain/collections.js";
import { runAggregation, startAggregation } from "../functions/src/services/aggregate/run.js";
import { createFirestore } from "../functions/src/store/firestore.js";

const project = process.env.AGG_PROJECT;
const year = process.env.AGG_YEAR;
const years = (process.env.AGG_YEARS ?? "").split(",");
if (!project || !year || !process.send) throw new Error("start aggregate-runner.ts from aggregate.bench.ts");

const db = createFirestore(project, { callDeadlineMs: 120_000 });
const started = performance.now();
let timings: Record<string, number> = {};
let phaseTimings: Record<string, number> = {};
let state = "SUCCEEDED";
if (process.env.AGG_MODE === "floor") {
  // The same collections, read whole and kept as the client hands them over: no schema, no judging.
  const paths = [
    collectionPath("proposals", year),
    collectionPath("votes", year),
    COLLECTIONS.units,
    COLLECTIONS.people,
    COLLECTIONS.awards,
    COLLECTIONS.initiatives,
    ...years.map((each) => collectionPath("records", each)),
  ];
  let documents = 0;
  await Promise.all(
    paths.map(async (path) => {
      for await (const _doc of db.collection(path).stream()) documents++;
    }),
  );
  timings = { documents };
} else {
  const { job } = await startAggregation(db, year, { actor: "bench" });
  const outcome = await runAggregation(db, year, job.jobId);
  ({ timings, phaseTimings } = outcome);
  state = outcome.job.state;
}
const ms = performance.now() - started;
await db.terminate();
process.send({ ms, timings, phaseTimings, state, maxRssBytes: process.resourceUsage().maxRSS * 1024 }, () =>
  process.exit(0),
);
