/** `POST /v1/eligibility`: the case file of docs/design.md §5.2 in, one result per case out. */
import { evaluateCases } from "../../services/eligibility.js";
import type { Route } from "../route.js";

export const eligibilityRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/eligibility",
    // A malformed body makes the service throw AppError(INVALID_ARGUMENT) → 400; bad cases are per-case errors.
    handle: async (ctx) => ({ status: 200, body: evaluateCases(ctx.body) }),
  },
];
