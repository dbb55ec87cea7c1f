/**
 * POST /v1/units/{unit}/years/{year}/dossiers: builds and stores the unit's dossier for the year.
 * POST /v1/dossiers/{id}:transition: moves a dossier along its workflow ({ "to": "SUBMITTED" }).
 * The builder is the unit's writer (access.ts); Idempotency-Key makes a repeated click harmless.
 */

import { z } from "zod";
import { AppError, bodyField } from "../../domain/errors.js";
import { workflowMessages } from "../../domain/messages/index.js";
import { buildDossier } from "../../services/dossier/build.js";
import { transitionDossier } from "../../services/dossier-workflow.js";
import { fileStoreFor } from "../../services/files.js";
import { requireUnitAccess } from "../../services/unit-access.js";
import type { Route } from "../route.js";

/** A route that builds a unit's dossier (the annual one, or the đột xuất one): the unit's writers only. */
export const dossierBuildRoute = (path: string, build: typeof buildDossier): Route => ({
  method: "POST",
  path,
  handle: async (ctx, deps) => {
    const unitId = ctx.params.unit ?? "";
    await requireUnitAccess(deps.db, ctx.user, unitId, "write");
    const dossier = await build({
      db: deps.db,
      unitId,
      year: ctx.params.year ?? "",
      options: ctx.body ?? {},
      files: fileStoreFor(deps.config),
      actor: ctx.user.email,
      requestId: ctx.requestId,
      idempotencyKey: ctx.idempotencyKey,
    });
    return { status: 201, body: dossier };
  },
});

export const dossierRoutes: Route[] = [
  dossierBuildRoute("/v1/units/{unit}/years/{year}/dossiers", buildDossier),
  {
    method: "POST",
    path: "/v1/dossiers/{id}:transition",
    handle: async (ctx, deps) => {
      const body = TransitionBody.safeParse(ctx.body);
      if (!body.success)
        throw new AppError(
          "INVALID_ARGUMENT",
          workflowMessages.invalidBody(),
          undefined,
          bodyField(body.error.issues[0]?.path),
        );
      const dossier = await transitionDossier(deps.db, ctx.user, {
        dossierId: ctx.params.id ?? "",
        to: body.data.to,
        note: body.data.note,
        requestId: ctx.requestId,
      });
      return { body: dossier };
    },
  },
];

const TransitionBody = z.object({ to: z.string().min(1), note: z.string().max(2000).optional() });
