/**
 * The deciding level's decisions (services/decisions.ts): POST /v1/decisions records one,
 * GET /v1/decisions/{id} reads it, :publish freezes it, :revoke cancels it (G-10, reason required),
 * :document renders the quyết định and its annex list from the stored decision into the file store.
 * The three POSTs that change a decision take an Idempotency-Key.
 */
import { AppError } from "../../domain/errors.js";
import { decisionMessages } from "../../domain/messages/index.js";
import { renderStoredDecision } from "../../services/decision-document.js";
import {
  type DecisionRequest,
  getDecision,
  publishDecision,
  recordDecision,
  revokeDecision,
} from "../../services/decisions.js";
import { fileStoreFor } from "../../services/files.js";
import type { RequestContext, Route } from "../route.js";

const requireObject = (body: unknown, message: string): void => {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("INVALID_ARGUMENT", message, undefined, "body");
};

/** The request's id and its Idempotency-Key: a retry with the key replays the first answer. */
const requestOf = (ctx: RequestContext): DecisionRequest => ({
  requestId: ctx.requestId,
  idempotencyKey: ctx.idempotencyKey,
});

export const decisionRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/decisions",
    handle: async (ctx, deps) => {
      requireObject(ctx.body, decisionMessages.invalidBody());
      return { status: 201, body: await recordDecision(deps.db, ctx.user, ctx.body, requestOf(ctx)) };
    },
  },
  {
    method: "GET",
    path: "/v1/decisions/{id}",
    handle: async (ctx, deps) => ({ body: await getDecision(deps.db, ctx.user, ctx.params.id ?? "") }),
  },
  {
    method: "POST",
    path: "/v1/decisions/{id}:publish",
    handle: async (ctx, deps) => ({
      body: await publishDecision(deps.db, ctx.user, ctx.params.id ?? "", requestOf(ctx)),
    }),
  },
  {
    method: "POST",
    path: "/v1/decisions/{id}:revoke",
    handle: async (ctx, deps) => {
      requireObject(ctx.body, decisionMessages.invalidRevokeBody());
      return { body: await revokeDecision(deps.db, ctx.user, ctx.params.id ?? "", ctx.body, requestOf(ctx)) };
    },
  },
  {
    method: "POST",
    path: "/v1/decisions/{id}:document",
    handle: async (ctx, deps) => ({
      status: 201,
      body: await renderStoredDecision(deps.db, ctx.user, ctx.params.id ?? "", {
        files: fileStoreFor(deps.config),
        baseSalary: deps.config.baseSalary,
      }),
    }),
  },
];
