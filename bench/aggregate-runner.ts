/**
 * One measured pass of the aggregation benchmark, in a process of its own so that its peak memory
 * is its own (not the generator's): `AGG_MODE=floor` reads every document of the collections the
 * aggregation reads, by id through the units' index, without parsing them; `AGG_MODE=aggregate`
 * runs the whole aggregation. Started with IPC by aggregate.bench.ts; sends `{ ms, timings, phaseTimings, maxRssBytes, state }` and exits.
 */
import { COLLECTIONS, documentPath } from "../functions/src/domain/collections.js";
import { runAggregation, startAggregation } from "../functions/src/services/aggregate/run.js";
import { createFirestore } from "../functions/src/store/firestore.js";
import { type IndexedCollection, unitIndexes } from "../functions/src/store/unit-index.js";

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
  // The same collections, every unit's documents read by id through the units' index as the
  // aggregation reads them, kept as the client hands them over: no schema, no judging. (A stream of
  // each whole collection did not end within 20 minutes at 1,500 schools on the emulator.)
  const units = (await db.collection(COLLECTIONS.units).select().get()).docs.map((doc) => doc.id);
  const places: [IndexedCollection, string][] = [
    ["proposals", year],
    ["votes", year],
    ["people", year],
    ["awards", year],
    ["initiatives", year],
    ...years.map((each): [IndexedCollection, string] => ["records", each]),
  ];
  let documents = units.length;
  for (const [collection, placeYear] of places) {
    const indexes = await unitIndexes(db, units, collection, placeYear);
    const paths = [...indexes.values()].flat().map((entry) => documentPath(collection, entry.id, placeYear));
    for (let start = 0; start < paths.length; start += 5000)
      documents += (await db.getAll(...paths.slice(start, start + 5000).map((path) => db.doc(path)))).length;
  }
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
