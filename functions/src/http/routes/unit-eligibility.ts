/** GET /v1/units/{unit}/years/{year}/eligibility: every stored proposal of the unit, judged, with its merit evidence. */
import { AppError } from "../../domain/errors.js";
import { eligibilityServiceMessages } from "../../domain/messages/index.js";
import { isSchoolYear } from "../../domain/school-year.js";
import { withMeritEvidence } from "../../services/merit-evidence.js";
import { requireUnitAccess } from "../../services/unit-access.js";
import { evaluateUnitProposals } from "../../services/unit-eligibility.js";
import type { Route } from "../route.js";

export const unitEligibilityRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/units/{unit}/years/{year}/eligibility",
    handle: async (ctx, deps) => {
      const unitId = ctx.params.unit ?? "";
      const year = ctx.params.year ?? "";
      const unit = await requireUnitAccess(deps.db, ctx.user, unitId, "read");
      if (!isSchoolYear(year))
        throw new AppError(
          "INVALID_ARGUMENT",
          eligibilityServiceMessages.invalidYear(year),
          undefined,
          "path.year",
        );
      // Beside each verdict, its merit evidence and a warning when it lacks some (never a new verdict).
      const eligibility = await evaluateUnitProposals(deps.db, unitId, year, { unit });
      return { body: await withMeritEvidence(deps.db, unit, eligibility) };
    },
  },
];
