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
  /** Parsed JSON body (undefined for GET). Validate it with zod in the handler. */
  body: unknown;
  /** Idempotency-Key header, when the client sent one. */
  idempotencyKey: string | undefined;
}

type RouteResponse =
  | { status?: number; body: unknown; file?: undefined }
  /** A document sent as it is (a PDF, an HTML page) instead of JSON, with its own headers. */
  | { status?: number; body?: undefined; file: SentFile };

export interface SentFile {
  contentType: string;
  content: Buffer | string;
  /** Extra headers, e.g. content-disposition or content-security-policy. */
  headers?: Record<string, string>;
}

export interface Route {
  method: "GET" | "POST";
  path: string;
  handle: (ctx: RequestContext, deps: AppDeps) => Promise<RouteResponse>;
}
