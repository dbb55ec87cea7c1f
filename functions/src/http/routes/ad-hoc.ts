/**
 * GET /v1/years/{year}/ad-hoc[?unit=ID]: the year's đột xuất cases — proposed forms, DOT_XUAT
 * proposals, clocks (a unit role sees its own unit, a Department role every unit).
 * POST /v1/units/{unit}/years/{year}/ad-hoc/dossier: the unit's simplified dossier (Luật 2022 Đ85),
 * built by its writer; Idempotency-Key makes a repeated click harmless.
 */
import { adHocReport, buildAdHocDossier } from "../../services/ad-hoc.js";
import type { Route } from "../route.js";
import { dossierBuildRoute } from "./dossiers.js";

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
  dossierBuildRoute("/v1/units/{unit}/years/{year}/ad-hoc/dossier", buildAdHocDossier),
];
