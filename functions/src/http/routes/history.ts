/**
 * POST /v1/history:import (an .xlsx body: the province's lists into the awards ledger) and
 * GET / POST /v1/config/province-codes (the Department's own code mappings). Department roles only.
 */
import { importHistoryUpload, readProvinceCodes, setProvinceCodes } from "../../services/history-import.js";
import type { Route } from "../route.js";

export const historyRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/history:import",
    bodyType: "xlsx",
    handle: async (ctx, deps) => {
      const result = await importHistoryUpload(deps.db, ctx.user, ctx.body, ctx.query, ctx.requestId);
      // The rows without the entries they stand for: the caller sent the rows, the ledger has the entries.
      const rows = result.rows.map(({ awards: _awards, ...row }) => row);
      return { body: { dryRun: result.dryRun, written: result.written, rows } };
    },
  },
  {
    method: "GET",
    path: "/v1/config/province-codes",
    handle: async (ctx, deps) => ({ body: await readProvinceCodes(deps.db, ctx.user) }),
  },
  {
    method: "POST",
    path: "/v1/config/province-codes",
    handle: async (ctx, deps) => ({
      body: await setProvinceCodes(deps.db, ctx.user, ctx.body, ctx.requestId),
    }),
  },
];
