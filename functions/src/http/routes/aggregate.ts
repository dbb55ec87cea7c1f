/**
 * POST /v1/years/{year}:aggregate: starts the province's year-end aggregation (Department roles;
 * 202 with the job and its Location). GET /v1/years/{year}/aggregations/{jobId}: the job's state;
 * …/results: a succeeded job's rankings, flags, consolidated lists and dossier (Department roles).
 */
import {
  aggregationResultsFor,
  aggregationStatus,
  requestAggregation,
} from "../../services/aggregate/run.js";
import type { Route } from "../route.js";

export const aggregateRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/years/{year}:aggregate",
    handle: async (ctx, deps) => {
      const year = ctx.params.year ?? "";
      const job = await requestAggregation(deps.db, ctx.user, year, {
        requestId: ctx.requestId,
        idempotencyKey: ctx.idempotencyKey,
      });
      return {
        status: 202,
        body: job,
        headers: { location: `/v1/years/${encodeURIComponent(year)}/aggregations/${job.jobId}` },
      };
    },
  },
  {
    method: "GET",
    path: "/v1/years/{year}/aggregations/{jobId}",
    handle: async (ctx, deps) => ({
      body: await aggregationStatus(deps.db, ctx.user, ctx.params.year ?? "", ctx.params.jobId ?? ""),
    }),
  },
  {
    method: "GET",
    path: "/v1/years/{year}/aggregations/{jobId}/results",
    handle: async (ctx, deps) => ({
      body: await aggregationResultsFor(deps.db, ctx.user, ctx.params.year ?? "", ctx.params.jobId ?? ""),
    }),
  },
];
