/** GET /v1/units/{unit}/years/{year}/summary: counts by title/form and the list of proposals. */
import { unitSummary } from "../../services/summary.js";
import type { Route } from "../route.js";

export const summaryRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/units/{unit}/years/{year}/summary",
    handle: async (ctx, deps) => ({
      body: await unitSummary(deps.db, ctx.user, ctx.params.unit ?? "", ctx.params.year ?? ""),
    }),
  },
];
