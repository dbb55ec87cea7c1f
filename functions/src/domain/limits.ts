/**
 * The request limits the server enforces by default (docs/design.md §7) and the Apps Script splits
 * its sends by: one definition, so the script never builds a body the server refuses. A deployment
 * that sets TDKT_MAX_BODY_BYTES or TDKT_MAX_ROWS should only raise them: the script keeps to these.
 */
export const REQUEST_LIMITS = {
  /** Bytes of one JSON request body. */
  maxBodyBytes: 5 * 1024 * 1024,
  /** Sheet rows in one ingest request. */
  maxRows: 5_000,
} as const;

export type RequestLimits = { readonly [key in keyof typeof REQUEST_LIMITS]: number };
