/**
 * Structured request logs (Cloud Logging reads JSON lines). They carry IDs and outcomes only: no
 * names, no e-mails, no bodies, no error messages — the caller is identified by a short keyed hash
 * (an unkeyed hash of a guessable address is reversed by hashing the guesses).
 */
import { createHmac } from "node:crypto";

export const callerHash = (email: string, key: string): string =>
  createHmac("sha256", key).update(email).digest("hex").slice(0, 12);

interface RequestLog {
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  caller?: string;
  role?: string;
  errorCode?: string;
  /** Unexpected errors (500): the trace of errorTrace. */
  errorType?: string;
  frames?: string[];
  grpcCode?: number;
  grpcStatus?: string;
}

export type Logger = (entry: RequestLog & { severity: "INFO" | "WARNING" | "ERROR" }) => void;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ message: "request", ...entry })}\n`);
};

/** gRPC status names by code (grpc/status.proto), as Firestore errors carry them in `code`. */
const GRPC_STATUS = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

export interface ErrorTrace {
  errorType: string;
  frames: string[];
  grpcCode?: number;
  grpcStatus?: string;
}

/**
 * What an unexpected error may put in the logs: its type, where it was thrown and, for Firestore
 * (gRPC) errors, the status code that says which fault it was. Its message is left out, since
 * messages can quote the data that caused them (names, ratings, document paths).
 */
export function errorTrace(error: unknown): ErrorTrace {
  if (!(error instanceof Error)) return { errorType: typeof error, frames: [] };
  const frames = (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
  const trace: ErrorTrace = { errorType: error.name, frames: frames.slice(0, 12).map((line) => line.trim()) };
  const code = (error as { code?: unknown }).code;
  const status = typeof code === "number" ? GRPC_STATUS[code] : undefined;
  if (status !== undefined) {
    trace.grpcCode = code as number;
    trace.grpcStatus = status;
  }
  return trace;
}
