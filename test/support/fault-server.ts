/**
 * The API as its own process, for the fault tests: the real handler and routes, configured from
 * the environment like `tdkt serve`, on the emulator named by FIRESTORE_EMULATOR_HOST and the
 * project FAULT_PROJECT_ID. With FAULT_PAUSE_AFTER_CHUNK=N the first ingest stops after committing
 * chunk N, prints "paused N" and waits for a line on stdin — the moment the test kills this
 * process or the emulator. Prints "listening URL" when ready.
 *
 * Run with `node --import tsx` (one process, so kill -9 kills the server itself).
 */
import { createInterface } from "node:readline";
import { createApi } from "../../functions/src/http/api.js";
import type { Route } from "../../functions/src/http/route.js";
import { allRoutes } from "../../functions/src/http/routes/index.js";
import { listen } from "../../functions/src/http/server.js";
import { loadConfig } from "../../functions/src/services/config.js";
import { ingestTab } from "../../functions/src/services/ingest.js";
import { createFirestore } from "../../functions/src/store/firestore.js";

const config = loadConfig();
const db = createFirestore(process.env.FAULT_PROJECT_ID, { callDeadlineMs: config.firestoreCallDeadlineMs });
const pauseAfter = process.env.FAULT_PAUSE_AFTER_CHUNK;
const stdin = createInterface({ input: process.stdin });
let paused = false;

async function pause(chunk: number): Promise<void> {
  if (paused || String(chunk) !== pauseAfter) return;
  paused = true;
  process.stdout.write(`paused ${chunk}\n`);
  await new Promise<void>((resolve) => stdin.once("line", () => resolve()));
}

const INGEST_PATH = "/v1/sheets/{tab}:ingest";
/** The production ingest route, with the pause between chunks. */
const pausingIngest: Route = {
  method: "POST",
  path: INGEST_PATH,
  handle: async (ctx, deps) => {
    const result = await ingestTab(deps.db, ctx.user, ctx.params.tab ?? "", ctx.body, {
      requestId: ctx.requestId,
      maxRows: deps.config.maxRows,
      idempotencyKey: ctx.idempotencyKey,
      afterChunk: pause,
    });
    return { status: result.status, body: result.body };
  },
};

const routes = allRoutes.map((route) => (route.path === INGEST_PATH ? pausingIngest : route));
const server = await listen(createApi({ db, config, routes, logger: () => {} }));
process.stdout.write(`listening ${server.url}\n`);
