/** The Firestore client and the collection names of DESIGN.md §6. */
import { Firestore } from "@google-cloud/firestore";

export const COLLECTIONS = {
  units: "units",
  people: "people",
  years: "years",
  registrations: "registrations",
  records: "records",
  initiatives: "initiatives",
  awards: "awards",
  votes: "votes",
  achievements: "achievements",
  proposals: "proposals",
  dossiers: "dossiers",
  audit: "audit",
  users: "users",
  counters: "counters",
  idempotency: "idempotency",
} as const;

/**
 * A client for the configured project. FIRESTORE_EMULATOR_HOST (set by the launcher) points it at
 * the emulator; in production it uses the service account of the Cloud Run function.
 */
export function createFirestore(
  projectId = process.env.GCLOUD_PROJECT ?? process.env.GOOGLE_CLOUD_PROJECT ?? "tdkt-local",
): Firestore {
  return new Firestore({ projectId, ignoreUndefinedProperties: true, preferRest: false });
}
