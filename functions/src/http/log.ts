/**
 * Structured request logs (Cloud Logging reads JSON lines). They carry IDs and outcomes only: no
 * names, no e-mails, no bodies — the caller is identified by a short one-way hash.
 */
import { createHash } from "node:crypto";

export const callerHash = (email: string): string =>
  createHash("sha256").update(email).digest("hex").slice(0, 12);

export interface RequestLog {
  requestId: string;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  caller?: string;
  role?: string;
  errorCode?: string;
}

export type Logger = (entry: RequestLog & { severity: "INFO" | "WARNING" | "ERROR" }) => void;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ message: "request", ...entry })}\n`);
};
