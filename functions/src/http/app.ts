/**
 * The `api` request handler: request id → address rate limit → route and path parameters →
 * authentication → user rate limit → body → handler, with every failure mapped to the JSON error
 * format in one place (errors.ts) and one log line per request. The address limit comes before
 * anything that costs (token verification, Firestore), so unauthenticated floods are cut there.
 * The same handler serves the functions framework (Cloud Run) and the local server.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import type { Firestore } from "@google-cloud/firestore";
import { AppError } from "../domain/errors.js";
import { httpMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { loadUser, withinDeadline } from "../services/runtime.js";
import { type ApiRequest, readJsonBody, readWorkbookBody } from "./body.js";
import { toErrorResponse } from "./errors.js";
import { callerHash, errorTrace, jsonLogger, type Logger } from "./log.js";
import { clientAddress, RateLimiter } from "./rate-limit.js";
import type { AppDeps, FileResponse, Route } from "./route.js";
import { compileRoute, matchRoute } from "./router.js";
import { TokenError, type TokenVerifier } from "./tokens.js";

export interface ApiOptions {
  deps: AppDeps;
  routes: readonly Route[];
  verifier: TokenVerifier;
  logger?: Logger;
}

export type ApiHandler = (req: ApiRequest, res: ServerResponse) => Promise<void>;

const USER_CACHE_MS = 30_000;

export function createApiHandler(options: ApiOptions): ApiHandler {
  const { deps, verifier } = options;
  const logger = options.logger ?? jsonLogger;
  const routes = options.routes.map(compileRoute);
  const userLimiter = new RateLimiter(deps.config.rateLimitPerMinute);
  const addressLimiter = new RateLimiter(deps.config.addressRateLimitPerMinute);
  const users = new UserDirectory(deps.db);
  // A request abandoned at its deadline may linger one Firestore call; then its lease can be taken over.
  const storeRetryAfterSeconds = Math.ceil(deps.config.firestoreCallDeadlineMs / 1000);

  return async (req, res) => {
    const started = performance.now();
    const requestId = validRequestId(req.headers["x-request-id"]) ?? randomUUID();
    const method = (req.method ?? "GET").toUpperCase();
    const log = { requestId, method, route: "" } as Parameters<Logger>[0];
    let status = 200;
    let body: unknown;
    let file: FileResponse | undefined;
    const headers: Record<string, string> = {};
    const deadline = {
      at: Date.now() + deps.config.requestBudgetMs,
      graceMs: deps.config.firestoreCallDeadlineMs,
    };
    try {
      const url = requestTarget(req.url);
      log.route = url.pathname;
      if (method === "GET" && url.pathname === "/healthz") {
        body = { status: "ok", requestId };
      } else {
        limit(addressLimiter, clientAddress(req, deps.config.clientAddress), headers);
        const match = matchRoute(routes, method, url.pathname);
        if (match.kind === "none")
          throw new AppError("NOT_FOUND", httpMessages.notFound(method, url.pathname));
        if (match.kind === "wrong-method") {
          headers.allow = match.allowed.join(", ");
          throw new AppError("METHOD_NOT_ALLOWED", httpMessages.methodNotAllowed(method, url.pathname));
        }
        log.route = match.route.path;
        const user = await withinDeadline(deadline, () => authenticate(req, verifier, users));
        log.caller = callerHash(user.email, deps.config.logHashKey);
        log.role = user.role;
        limit(userLimiter, user.email, headers);
        const requestBody =
          method !== "POST"
            ? undefined
            : match.route.bodyType === "xlsx"
              ? await readWorkbookBody(req, deps.config.maxBodyBytes)
              : await readJsonBody(req, deps.config.maxBodyBytes);
        const idempotencyKey = req.headers["idempotency-key"];
        const response = await withinDeadline(deadline, () =>
          match.route.handle(
            {
              requestId,
              user,
              params: match.params,
              query: url.searchParams,
              body: requestBody,
              idempotencyKey:
                typeof idempotencyKey === "string" && idempotencyKey ? idempotencyKey : undefined,
            },
            deps,
          ),
        );
        status = response.status ?? 200;
        body = response.body;
        Object.assign(headers, response.headers);
        file = response.file;
      }
    } catch (error) {
      const mapped = toErrorResponse(error, requestId, { storeRetryAfterSeconds });
      Object.assign(headers, mapped.headers);
      status = mapped.status;
      body = mapped.body;
      log.errorCode = mapped.body.error.code;
      if (status >= 500) Object.assign(log, errorTrace(error));
    }
    if (file) sendFile(res, status, file, { ...headers, "x-request-id": requestId });
    else send(res, status, body, { ...headers, "x-request-id": requestId });
    logger({
      ...log,
      status,
      durationMs: Math.round(performance.now() - started),
      severity: status >= 500 ? "ERROR" : status >= 400 ? "WARNING" : "INFO",
    });
  };
}

async function authenticate(req: ApiRequest, verifier: TokenVerifier, users: UserDirectory): Promise<User> {
  const header = req.headers.authorization ?? "";
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (!token) throw new AppError("UNAUTHENTICATED", httpMessages.missingToken());
  let email: string;
  try {
    email = (await verifier(token)).email;
  } catch (error) {
    if (error instanceof TokenError) throw new AppError("UNAUTHENTICATED", httpMessages.invalidToken());
    throw error;
  }
  const user = await users.find(email);
  if (!user) throw new AppError("PERMISSION_DENIED", httpMessages.unknownUser());
  return user;
}

/** users/{email} → role and unit, cached briefly so a burst of requests costs one read. */
class UserDirectory {
  private readonly cache = new Map<string, { user: User | undefined; until: number }>();
  constructor(private readonly db: Firestore) {}

  async find(email: string): Promise<User | undefined> {
    const cached = this.cache.get(email);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = await loadUser(this.db, email);
    this.cache.set(email, { user, until: Date.now() + USER_CACHE_MS });
    return user;
  }
}

function limit(limiter: RateLimiter, key: string, headers: Record<string, string>): void {
  const allowance = limiter.take(key);
  if (allowance.allowed) return;
  headers["retry-after"] = String(allowance.retryAfterSeconds);
  throw new AppError("RATE_LIMITED", httpMessages.rateLimited(allowance.retryAfterSeconds));
}

function validRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" && /^[\w-]{8,64}$/.test(value) ? value : undefined;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = JSON.stringify(body ?? null);
  res.writeHead(status, {
    ...headers,
    "content-type": "application/json; charset=utf-8",
    "content-length": String(Buffer.byteLength(text)),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(text);
}

function sendFile(
  res: ServerResponse,
  status: number,
  file: FileResponse,
  headers: Record<string, string>,
): void {
  res.writeHead(status, {
    ...headers,
    ...file.headers,
    "content-type": file.contentType,
    "content-length": String(Buffer.byteLength(file.content)),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  res.end(file.content);
}

/**
 * The path and query of the request target, read as text: `new URL` would take a path beginning with
 * "//" for a host (and throw on "//%"), while a route only ever matches an origin-form path.
 */
function requestTarget(target: string | undefined): { pathname: string; searchParams: URLSearchParams } {
  const raw = target ?? "/";
  const queryAt = raw.indexOf("?");
  const pathname = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const query = queryAt === -1 ? "" : raw.slice(queryAt + 1).split("#", 1)[0];
  return { pathname: pathname || "/", searchParams: new URLSearchParams(query) };
}
