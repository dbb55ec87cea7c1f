/** The Firestore client, with a deadline on every call. */
import { Firestore } from "@google-cloud/firestore";
import { DeadlineExceededError } from "./deadline.js";

/** The collection names, defined with their paths in domain/collections.ts. */
export { COLLECTIONS } from "../domain/collections.js";

/** Each Firestore call (one RPC, with the client's own retries inside it) gives up after this long. */
export const DEFAULT_CALL_DEADLINE_MS = 10_000;

/**
 * The RPCs a request makes. Listen and Write (long-lived streams) are not used and stay unlimited.
 * Batch commits outside a transaction carry the library's own retry settings, which override these;
 * the request budget (store/deadline.ts) bounds them.
 */
const DEADLINED_METHODS = [
  "GetDocument",
  "ListDocuments",
  "CreateDocument",
  "UpdateDocument",
  "DeleteDocument",
  "BatchGetDocuments",
  "BeginTransaction",
  "Commit",
  "Rollback",
  "RunQuery",
  "RunAggregationQuery",
  "PartitionQuery",
  "ListCollectionIds",
  "BatchWrite",
] as const;

/**
 * A client for the configured project. FIRESTORE_EMULATOR_HOST (set by the launcher) points it at
 * the emulator; in production it uses the service account of the Cloud Run function. Every RPC has
 * a deadline: the GAPIC client's `clientConfig` override, whose per-method `timeout_millis` also caps
 * the total time of that call's retries.
 */
export function createFirestore(
  projectId = process.env.GCLOUD_PROJECT ?? process.env.GOOGLE_CLOUD_PROJECT ?? "tdkt-local",
  options: { callDeadlineMs?: number } = {},
): Firestore {
  const timeout = { timeout_millis: options.callDeadlineMs ?? DEFAULT_CALL_DEADLINE_MS };
  const methods = Object.fromEntries(DEADLINED_METHODS.map((method) => [method, timeout]));
  return new Firestore({
    projectId,
    ignoreUndefinedProperties: true,
    preferRest: false,
    clientConfig: { interfaces: { "google.firestore.v1.Firestore": { methods } } },
  });
}

/** gRPC DEADLINE_EXCEEDED and UNAVAILABLE: Firestore did not answer in time or cannot be reached. */
const UNAVAILABLE_GRPC_CODES = new Set([4, 14]);

/** The store did not answer in time (a Firestore deadline, or the request's own): worth a retry later. */
export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof DeadlineExceededError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "number" && UNAVAILABLE_GRPC_CODES.has(code);
}
