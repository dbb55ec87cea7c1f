/** GET /v1/years/{year}/rankings[?cluster=…]: the cụm/khối ranking, as the caller may see it. */
import { rankingsFor } from "../../services/rankings.js";
import type { Route } from "../route.js";

export const rankingRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/rankings",
    handle: async (ctx, deps) => ({
      body: await rankingsFor(deps.db, ctx.user, ctx.params.year ?? "", {
        clusterId: ctx.query.get("cluster") ?? undefined,
      }),
    }),
  },
];
