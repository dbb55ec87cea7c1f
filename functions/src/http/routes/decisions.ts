/**
 * The deciding level's decisions (services/decisions.ts): POST /v1/decisions records one,
 * GET /v1/decisions/{id} reads it, :publish freezes it, :revoke cancels it (G-10, reason required),
 * :document renders the quyết định and its annex list from the stored decision into the file store.
 */
import { AppError } from "../../domain/errors.js";
import { decisionMessages } from "../../domain/messages/index.js";
import { renderStoredDecision } from "../../services/decision-document.js";
import { getDecision, publishDecision, recordDecision, revokeDecision } from "../../services/decisions.js";
import { fileStoreFor } from "../../services/files.js";
import type { Route } from "../route.js";

const requireObject = (body: unknown, message: string): void => {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("INVALID_ARGUMENT", message, undefined, "body");
};

export const decisionRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/decisions",
    handle: async (ctx, deps) => {
      requireObject(ctx.body, decisionMessages.invalidBody());
      return { status: 201, body: await recordDecision(deps.db, ctx.user, ctx.body, ctx.requestId) };
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
      body: await publishDecision(deps.db, ctx.user, ctx.params.id ?? "", ctx.requestId),
    }),
  },
  {
    method: "POST",
    path: "/v1/decisions/{id}:revoke",
    handle: async (ctx, deps) => {
      requireObject(ctx.body, decisionMessages.invalidRevokeBody());
      return { body: await revokeDecision(deps.db, ctx.user, ctx.params.id ?? "", ctx.body, ctx.requestId) };
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
