/**
 * The province's formats (docs/province-formats.md), Department roles only:
 * GET /v1/years/{year}/exports/province?kind=canhan|tapthe — the list as the provincial system's .xlsx;
 * GET /v1/years/{year}/statistics — the year's titles and forms by class of subject, and its table.
 */
import { AppError } from "../../domain/errors.js";
import { provinceMessages } from "../../domain/messages/index.js";
import { isProvinceListKind, provinceExport } from "../../services/province-export.js";
import { statisticsTable, yearStatistics } from "../../services/statistics.js";
import { requireDepartmentYear } from "../../services/unit-access.js";
import type { Route } from "../route.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const provinceRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/exports/province",
    handle: async (ctx, deps) => {
      const year = ctx.params.year ?? "";
      requireDepartmentYear(ctx.user, year);
      const kind = ctx.query.get("kind") ?? "";
      if (!isProvinceListKind(kind))
        throw new AppError("INVALID_ARGUMENT", provinceMessages.invalidKind(kind), undefined, "query.kind");
      const exported = await provinceExport(deps.db, year, kind);
      return {
        body: null,
        file: {
          contentType: XLSX_TYPE,
          content: exported.bytes,
          headers: { "content-disposition": `attachment; filename="${exported.fileName}"` },
        },
      };
    },
  },
  {
    method: "GET",
    path: "/v1/years/{year}/statistics",
    handle: async (ctx, deps) => {
      const year = ctx.params.year ?? "";
      requireDepartmentYear(ctx.user, year);
      const statistics = await yearStatistics(deps.db, year);
      return { body: { ...statistics, table: statisticsTable(statistics) } };
    },
  },
];
