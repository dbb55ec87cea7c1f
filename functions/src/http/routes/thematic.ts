/**
 * Khen thưởng chuyên đề (services/thematic.ts): GET /v1/years/{year}/thematic, the year's selection of
 * typical collectives per field as the caller may see it; POST /v1/years/{year}/thematic:propose, the
 * selection's proposals (kind CHUYEN_DE) and their approved dossiers, for a decision (Department roles).
 */
import { proposeThematicAwards, thematicSelectionFor } from "../../services/thematic.js";
import type { Route } from "../route.js";

export const thematicRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/thematic",
    handle: async (ctx, deps) => ({
      body: await thematicSelectionFor(deps.db, ctx.user, ctx.params.year ?? ""),
    }),
  },
  {
    method: "POST",
    path: "/v1/years/{year}/thematic:propose",
    handle: async (ctx, deps) => ({
      status: 201,
      body: await proposeThematicAwards(deps.db, ctx.user, ctx.params.year ?? "", ctx.requestId),
    }),
  },
];
