/**
 * GET /v1/years/{year}/inspections[?unit=…]: the findings dashboard of the year as the caller may see
 * it; POST /v1/years/{year}/inspections/{visit}/document: the visit's Biên bản kiểm tra (PDF),
 * Department roles only, the body the Department's signing agency (InspectionDocumentOptions).
 */
import { inspectionDocument, inspectionsFor } from "../../services/inspections.js";
import type { Route } from "../route.js";

export const inspectionRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/inspections",
    handle: async (ctx, deps) => ({
      body: await inspectionsFor(deps.db, ctx.user, ctx.params.year ?? "", {
        unitId: ctx.query.get("unit") ?? undefined,
      }),
    }),
  },
  {
    method: "POST",
    path: "/v1/years/{year}/inspections/{visit}/document",
    handle: async (ctx, deps) => {
      const document = await inspectionDocument(
        deps.db,
        ctx.user,
        ctx.params.year ?? "",
        ctx.params.visit ?? "",
        ctx.body,
      );
      return {
        file: {
          contentType: "application/pdf",
          content: document.pdf,
          headers: { "content-disposition": `inline; filename="${document.fileName}"` },
        },
      };
    },
  },
];
