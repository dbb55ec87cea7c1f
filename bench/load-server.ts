/**
 * The `api` on 127.0.0.1 in a process of its own, for the load benchmark: its memory is measured
 * apart from the client's. Started with IPC by load.bench.ts; sends `{ url }` when listening, and
 * `{ maxRssBytes }` (peak resident memory) when asked to stop, then exits.
 */
import { createApi } from "../functions/src/http/api.js";
import { listen } from "../functions/src/http/server.js";
import { loadConfig } from "../functions/src/services/config.js";
import { createFirestore } from "../functions/src/store/firestore.js";

const project = process.env.LOAD_PROJECT;
const secret = process.env.LOAD_SECRET;
if (!project || !secret || !process.send) throw new Error("start load-server.ts from load.bench.ts");

const db = createFirestore(project);
const config = loadConfig({
  TDKT_ENV: "test",
  TDKT_DEV_AUTH_SECRET: secret,
  TDKT_RATE_LIMIT_PER_MINUTE: "100000",
});
const server = await listen(createApi({ db, config, logger: () => {} }));
process.send({ url: server.url });
// The parent's death ends this process too: a benchmark never leaves a server behind.
process.on("disconnect", () => process.exit(1));
process.on("message", async (message) => {
  if (message !== "stop") return;
  await server.close();
  await db.terminate();
  process.send?.({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }, () => process.exit(0));
});
