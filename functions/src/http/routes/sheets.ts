/** POST /v1/sheets/{tab}:ingest (docs/design.md §5.3): one tab's rows from a school's or the Department's sheet. */
import { ingestTab } from "../../services/ingest.js";
import type { Route } from "../route.js";

export const sheetRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/sheets/{tab}:ingest",
    handle: async (ctx, deps) => {
      const result = await ingestTab(deps.db, ctx.user, ctx.params.tab ?? "", ctx.body, {
        requestId: ctx.requestId,
        maxRows: deps.config.maxRows,
        idempotencyKey: ctx.idempotencyKey,
      });
      return { status: result.status, body: result.body };
    },
  },
];
