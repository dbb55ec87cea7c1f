/**
 * Hồ sơ thi đua: GET /v1/years/{year}/records-index, every unit the caller may read with its counts per
 * set (so that units compare); of one unit's year, GET …/records-index (JSON) and …/records-index.pdf (the Mục lục),
 * GET …/so-theo-doi.pdf?years=5|10 (the register over the period ending with the year), and the merit
 * evidence beside each proposal, GET …/merit-evidence (JSON) and …/merit-evidence.pdf (the council's
 * working list). Readers of the unit only: its own roles, its commune, the Department.
 */
import { evidenceFileName, unitMeritEvidence } from "../../services/merit-evidence.js";
import {
  recordsComparison,
  recordsFileName,
  registerFileName,
  registerPeriodOf,
  unitRecordsIndex,
  unitRegisterPdf,
} from "../../services/records-index.js";
import type { Route } from "../route.js";

const UNIT_YEAR = "/v1/units/{unit}/years/{year}";

const pdfFile = (content: Buffer, name: string) => ({
  file: {
    contentType: "application/pdf",
    content,
    headers: { "content-disposition": `inline; filename="${name}"` },
  },
});

export const recordsRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/years/{year}/records-index",
    handle: async (ctx, deps) => {
      const year = ctx.params.year ?? "";
      return { body: { year, units: await recordsComparison(deps.db, ctx.user, year) } };
    },
  },
  {
    method: "GET",
    path: `${UNIT_YEAR}/records-index`,
    handle: async (ctx, deps) => {
      const { index } = await unitRecordsIndex(
        deps.db,
        ctx.user,
        ctx.params.unit ?? "",
        ctx.params.year ?? "",
      );
      return { body: index };
    },
  },
  {
    method: "GET",
    path: `${UNIT_YEAR}/records-index.pdf`,
    handle: async (ctx, deps) => {
      const { index, pdf } = await unitRecordsIndex(
        deps.db,
        ctx.user,
        ctx.params.unit ?? "",
        ctx.params.year ?? "",
      );
      return pdfFile(await pdf(), recordsFileName(index.unitId, index.year));
    },
  },
  {
    method: "GET",
    path: `${UNIT_YEAR}/so-theo-doi.pdf`,
    handle: async (ctx, deps) => {
      const unitId = ctx.params.unit ?? "";
      const year = ctx.params.year ?? "";
      const period = registerPeriodOf(ctx.query.get("years") ?? undefined, "query.years");
      const content = await unitRegisterPdf(deps.db, ctx.user, unitId, year, period);
      return pdfFile(content, registerFileName(unitId, year, period));
    },
  },
  {
    method: "GET",
    path: `${UNIT_YEAR}/merit-evidence`,
    handle: async (ctx, deps) => {
      const { report } = await unitMeritEvidence(
        deps.db,
        ctx.user,
        ctx.params.unit ?? "",
        ctx.params.year ?? "",
      );
      return { body: report };
    },
  },
  {
    method: "GET",
    path: `${UNIT_YEAR}/merit-evidence.pdf`,
    handle: async (ctx, deps) => {
      const { report, pdf } = await unitMeritEvidence(
        deps.db,
        ctx.user,
        ctx.params.unit ?? "",
        ctx.params.year ?? "",
      );
      return pdfFile(await pdf(), evidenceFileName(report.unitId, report.year));
    },
  },
];
