/**
 * The store as the faces start and use it: the one door from http/, cli/ and the entry point into
 * store/ (they import no store module themselves). Bootstrapping only: the Firestore client, the
 * local emulator, the request budget, telling an unavailable store from other failures, and the
 * lookups the faces need before any use case runs.
 */
export { clearCounters } from "../store/counters.js";
export { withinDeadline } from "../store/deadline.js";
export { ensureEmulator, type RunningEmulator } from "../store/emulator.js";
export { createFirestore, isStoreUnavailable } from "../store/firestore.js";
export { loadUser } from "../store/registry.js";
export { rebuildUnitIndexes } from "../store/unit-index.js";
