/**
 * POST /v1/years/{year}/department-dossier: builds and stores the Department's dossier of the year
 * (services/department-dossier.ts) under the caller's own unit — Department roles only; a school or
 * commune account is refused before anything is read. The body is DepartmentDossierOptions.
 */
import { isDepartmentRole } from "../../domain/access.js";
import { AppError } from "../../domain/errors.js";
import { documentMessages } from "../../domain/messages/index.js";
import { buildDepartmentDossierFromStore } from "../../services/department-dossier.js";
import { fileStoreFor } from "../../services/files.js";
import type { Route } from "../route.js";

export const departmentDossierRoutes: Route[] = [
  {
    method: "POST",
    path: "/v1/years/{year}/department-dossier",
    handle: async (ctx, deps) => {
      if (!isDepartmentRole(ctx.user.role))
        throw new AppError("PERMISSION_DENIED", documentMessages.departmentDossierOnly);
      const dossier = await buildDepartmentDossierFromStore(deps.db, ctx.params.year ?? "", {
        departmentUnitId: ctx.user.unitId,
        options: ctx.body ?? {},
        files: fileStoreFor(deps.config),
        actor: ctx.user.email,
        requestId: ctx.requestId,
      });
      return { status: 201, body: dossier };
    },
  },
];
