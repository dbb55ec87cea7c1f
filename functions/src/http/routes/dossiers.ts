/** POST /v1/units/{unit}/years/{year}/dossiers: builds and stores the unit's dossier for the year. */

import { AppError } from "../../domain/errors.js";
import { documentMessages } from "../../domain/messages/index.js";
import { buildDossier, DossierOptions } from "../../services/dossier.js";
import { fileStoreFor } from "../../services/files.js";
import { requireUnitAccess } from "../../services/unit-access.js";
import type { Route } from "../route.js";

export const dossierRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/units/{unit}/years/{year}/dossiers",
    handle: async (ctx, deps) => {
      const unitId = ctx.params.unit ?? "";
      await requireUnitAccess(deps.db, ctx.user, unitId, "write");
      const options = DossierOptions.safeParse(ctx.body ?? {});
      if (!options.success)
        throw new AppError(
          "INVALID_ARGUMENT",
          documentMessages.invalidInput(
            "hồ sơ",
            options.error.issues.map((issue) => issue.path.join(".")).join(", "),
          ),
          { issues: options.error.issues },
        );
      const dossier = await buildDossier({
        db: deps.db,
        unitId,
        year: ctx.params.year ?? "",
        options: options.data,
        files: fileStoreFor(deps.config),
        actor: ctx.user.email,
      });
      return { status: 201, body: dossier };
    },
  },
];
