/**
 * Registers the Cloud Run functions with the functions framework. Only wiring lives here: the
 * handlers are built lazily on the first request so a cold start reads configuration once.
 */
import * as functions from "@google-cloud/functions-framework";
import { createApi } from "./http/api.js";
import type { ApiHandler } from "./http/app.js";
import { loadConfig } from "./services/config.js";
import { createFirestore } from "./services/runtime.js";
// The scheduled reminders register themselves as the `reminders` CloudEvent function.
import "./jobs/reminders.js";

let api: ApiHandler | undefined;

functions.http("api", (req, res) => {
  if (!api) {
    const config = loadConfig();
    api = createApi({
      db: createFirestore(undefined, { callDeadlineMs: config.firestoreCallDeadlineMs }),
      config,
    });
  }
  return api(req, res);
});
