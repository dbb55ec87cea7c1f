/**
 * GET /v1/years/{year}/ad-hoc[?unit=ID]: the year's đột xuất cases — proposed forms, DOT_XUAT
 * proposals, clocks (a unit role sees its own unit, a Department role every unit).
 * POST /v1/units/{unit}/years/{year}/ad-hoc/dossier: the unit's simplified dossier (Luật 2022 Đ85),
 * built by its writer; Idempotency-Key makes a repeated click harmless.
 */
import { adHocReport, buildAdHocDossier } from "../../services/ad-hoc.js";
import { fileStoreFor } from "../../services/files.js";
import { requireUnitAccess } from "../../services/unit-access.js";
import type { Route } from "../route.js";

export const adHocRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/ad-hoc",
    handle: async (ctx, deps) => ({
      body: await adHocReport(deps.db, ctx.user, ctx.params.year ?? "", {
        unitId: ctx.query.get("unit") ?? undefined,
      }),
    }),
  },
  {
    method: "POST",
    path: "/v1/units/{unit}/years/{year}/ad-hoc/dossier",
    handle: async (ctx, deps) => {
      const unitId = ctx.params.unit ?? "";
      await requireUnitAccess(deps.db, ctx.user, unitId, "write");
      const dossier = await buildAdHocDossier({
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
  },
];
