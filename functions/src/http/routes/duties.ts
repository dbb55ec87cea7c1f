/**
 * The reports of the guidance's other duties (docs/duties.md), each `?unit=` for one unit's view:
 * GET /v1/years/{year}/dissemination[?asOf=&deadlineDays=], /emulation-officers[?trainedYears=],
 * /training-plan[?asOf=]. A school reads its own unit, a commune the schools it manages, the
 * Department every unit.
 */
import { disseminationFor } from "../../services/dissemination.js";
import { officersFor, trainingPlanFor } from "../../services/emulation-officers.js";
import type { RequestContext, Route } from "../route.js";

const param = (ctx: RequestContext, name: string): string | undefined => ctx.query.get(name) ?? undefined;

export const dutyRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/dissemination",
    handle: async (ctx, deps) => ({
      body: await disseminationFor(deps.db, ctx.user, ctx.params.year ?? "", {
        unit: param(ctx, "unit"),
        asOf: param(ctx, "asOf"),
        deadlineDays: param(ctx, "deadlineDays"),
      }),
    }),
  },
  {
    method: "GET",
    path: "/v1/years/{year}/emulation-officers",
    handle: async (ctx, deps) => ({
      body: await officersFor(deps.db, ctx.user, ctx.params.year ?? "", {
        unit: param(ctx, "unit"),
        trainedYears: param(ctx, "trainedYears"),
      }),
    }),
  },
  {
    method: "GET",
    path: "/v1/years/{year}/training-plan",
    handle: async (ctx, deps) => ({
      body: await trainingPlanFor(deps.db, ctx.user, ctx.params.year ?? "", {
        unit: param(ctx, "unit"),
        asOf: param(ctx, "asOf"),
      }),
    }),
  },
];
