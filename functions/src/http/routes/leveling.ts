/** GET /v1/years/{year}/leveling[?unit=ID,…]: the anti-"cào bằng, nể nang" report (docs/leveling.md). */
import { levelingReportFor } from "../../services/leveling.js";
import type { Route } from "../route.js";

export const levelingRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/leveling",
    handle: async (ctx, deps) => {
      // ?unit=a&unit=b and ?unit=a,b both name units; none means every unit the caller may read.
      const named = ctx.query.getAll("unit").flatMap((value) => value.split(","));
      return {
        body: await levelingReportFor(
          deps.db,
          ctx.user,
          ctx.params.year ?? "",
          named.length > 0 ? named : undefined,
        ),
      };
    },
  },
];
