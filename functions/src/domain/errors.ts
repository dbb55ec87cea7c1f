/**
 * Typed errors of the use cases. Every face maps them in one place: HTTP status (http/errors.ts),
 * CLI exit code (cli/main.ts). Messages are Vietnamese, from the messages module.
 */
const ERROR_CODES = [
  "INVALID_ARGUMENT",
  "UNAUTHENTICATED",
  "PERMISSION_DENIED",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "UNPROCESSABLE",
  "MISSING_DATA",
  "METHOD_NOT_ALLOWED",
  "RATE_LIMITED",
  "UNAVAILABLE",
  "INTERNAL",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /**
     * The input the error is about, as a dotted path from the request: "body.rows.3.values.hoTen",
     * "path.unit", "query.cluster", "header.content-type". Every 400/422 of the API names one.
     */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** The `field` of an error about the request body: "body.meeting.date"; "body" for the body as a whole. */
export const bodyField = (path: readonly PropertyKey[] = []): string =>
  ["body", ...path.map(String)].join(".");
