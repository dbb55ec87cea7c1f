/**
 * Registers the Cloud Run functions with the functions framework. Only wiring lives here: the
 * handlers are built lazily on the first request so a cold start reads configuration once.
 */
import type { Firestore } from "@google-cloud/firestore";
import * as functions from "@google-cloud/functions-framework";
import { createApi } from "./http/api.js";
import type { ApiHandler } from "./http/app.js";
import { aggregateYear } from "./jobs/aggregate.js";
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

let jobStore: Firestore | undefined;

/** The scheduled year-end aggregation: Cloud Scheduler → Pub/Sub → this CloudEvent function. */
functions.cloudEvent("aggregateYear", (event: functions.CloudEvent<unknown>) => {
  jobStore ??= createFirestore();
  return aggregateYear(jobStore, event);
});
