/** What a route group file exports. Paths use docs/design.md §5.3 templates: "/v1/sheets/{tab}:ingest". */
import type { Firestore } from "@google-cloud/firestore";
import type { User } from "../domain/model.js";
import type { AudienceSource } from "../services/auth-config.js";
import type { AppConfig } from "../services/config.js";

export interface AppDeps {
  db: Firestore;
  config: AppConfig;
  /** The accepted ID-token audiences, which the token verifier reads and the config route resets. */
  audiences: AudienceSource;
}

export interface RequestContext {
  requestId: string;
  /** The verified caller; routes marked `public` get none. */
  user: User;
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON body (undefined for GET), or a workbook's bytes. Validate it in the handler. */
  body: unknown;
  /** Idempotency-Key header, when the client sent one. */
  idempotencyKey: string | undefined;
}

/** A document answered as it is instead of JSON (an .xlsx export, a PDF, an HTML page), with its own headers. */
export interface FileResponse {
  contentType: string;
  content: Uint8Array | string;
  /** Extra headers, e.g. content-disposition (an ASCII file name: it goes in unencoded) or content-security-policy. */
  headers?: Record<string, string>;
}

interface RouteResponse {
  status?: number;
  body?: unknown;
  /** Extra response headers (Location of a 202's job). */
  headers?: Record<string, string>;
  file?: FileResponse;
}

export interface Route {
  method: "GET" | "POST";
  path: string;
  /** What a POST carries: JSON (the default), or an .xlsx workbook as its bytes (a Buffer in `body`). */
  bodyType?: "json" | "xlsx";
  handle: (ctx: RequestContext, deps: AppDeps) => Promise<RouteResponse>;
}
