/** The one place where typed errors become HTTP statuses and the JSON error body of docs/design.md §5.3. */
import { AppError, type ErrorCode } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import { isStoreUnavailable } from "../services/runtime.js";

const STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  MISSING_DATA: 422,
  METHOD_NOT_ALLOWED: 405,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

const statusOf = (code: ErrorCode): number => STATUS[code];

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

/**
 * Unknown errors are reported as INTERNAL with the request id; their text never reaches the client.
 * A store that did not answer in time (a Firestore deadline or unavailability, the request budget)
 * is UNAVAILABLE: 503 with Retry-After, `storeRetryAfterSeconds` being when a retry can take over the
 * abandoned request's idempotency lease. Errors that carry `details.retryAfterSeconds` get the header.
 */
export function toErrorResponse(
  error: unknown,
  requestId: string,
  options: { storeRetryAfterSeconds: number },
): { status: number; body: ErrorBody; headers: Record<string, string> } {
  const appError =
    error instanceof AppError
      ? error
      : isStoreUnavailable(error)
        ? new AppError("UNAVAILABLE", httpMessages.storeUnavailable(options.storeRetryAfterSeconds), {
            retryAfterSeconds: options.storeRetryAfterSeconds,
          })
        : new AppError("INTERNAL", httpMessages.internal(requestId));
  const body: ErrorBody = { error: { code: appError.code, message: appError.message } };
  if (appError.field !== undefined) body.error.field = appError.field;
  if (appError.details !== undefined) body.error.details = appError.details;
  const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  const headers: Record<string, string> =
    typeof retryAfter === "number" ? { "retry-after": String(retryAfter) } : {};
  return { status: statusOf(appError.code), body, headers };
}
