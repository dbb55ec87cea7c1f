/**
 * The time limit of one request. The HTTP layer runs each request's work inside a deadline; past it
 * the caller is answered (503) and the store's checkpoints — before each chunk, at the start of each
 * transaction attempt — stop the abandoned work, so it does not keep writing after its caller gave up.
 * Firestore's client takes no AbortSignal, hence a request scope rather than a parameter threaded
 * through every use case.
 */
import { AsyncLocalStorage } from "node:async_hooks";

export interface Deadline {
  /** Epoch milliseconds after which the request's work must stop. */
  readonly at: number;
  /**
   * How long abandoned work may still linger after `at`: the one store call in flight, bounded by
   * the per-call deadline. An idempotency lease taken under this deadline lasts until at + graceMs.
   */
  readonly graceMs: number;
}

/** The request's time is up (or its work was abandoned); the HTTP layer answers 503 with Retry-After. */
export class DeadlineExceededError extends Error {
  override name = "DeadlineExceededError";
  constructor(readonly deadline: Deadline) {
    super("request deadline exceeded");
  }
}

const scope = new AsyncLocalStorage<Deadline>();

export const currentDeadline = (): Deadline | undefined => scope.getStore();

/**
 * Runs `work` outside any request's deadline: work a request starts but does not wait for (the
 * aggregation behind a 202) must not stop when the request's budget ends.
 */
export const outsideDeadline = <T>(work: () => T): T => scope.exit(work);

/** Throws when the current request's deadline has passed; a no-op outside a request (CLI, jobs). */
export function checkDeadline(): void {
  const deadline = scope.getStore();
  if (deadline && Date.now() >= deadline.at) throw new DeadlineExceededError(deadline);
}

/**
 * Runs `work` under `deadline`: resolves with its result, or rejects with DeadlineExceededError when
 * the deadline comes first. The abandoned work then stops at its next checkpoint; its late outcome
 * is dropped.
 */
export async function withinDeadline<T>(deadline: Deadline, work: () => Promise<T>): Promise<T> {
  const running = scope.run(deadline, work);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new DeadlineExceededError(deadline)),
      Math.max(0, deadline.at - Date.now()),
    );
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
    running.catch(() => {});
  }
}
