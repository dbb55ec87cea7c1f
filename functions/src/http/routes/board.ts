/**
 * GET /v1/units/{unit}/years/{year}/board: the public board (JSON, with the rows of its sheet tab);
 * …/board.pdf the signed-off PDF; …/board.html the page a school posts on its portal. Readers of
 * the unit only: its own roles, its commune, the Department (services/unit-access.ts).
 */
import { boardFileName, publicBoardFiles } from "../../services/public-board.js";
import type { AppDeps, RequestContext, Route } from "../route.js";

const PATH = "/v1/units/{unit}/years/{year}/board";

const filesFor = (ctx: RequestContext, deps: AppDeps) =>
  publicBoardFiles(deps.db, ctx.user, ctx.params.unit ?? "", ctx.params.year ?? "");

export const boardRoutes: Route[] = [
  {
    method: "GET",
    path: PATH,
    handle: async (ctx, deps) => {
      const { board, sheet } = await filesFor(ctx, deps);
      return { body: { board, sheet } };
    },
  },
  {
    method: "GET",
    path: `${PATH}.pdf`,
    handle: async (ctx, deps) => {
      const { board, pdf } = await filesFor(ctx, deps);
      return {
        file: {
          contentType: "application/pdf",
          content: await pdf(),
          headers: { "content-disposition": `inline; filename="${boardFileName(board, "pdf")}"` },
        },
      };
    },
  },
  {
    method: "GET",
    path: `${PATH}.html`,
    handle: async (ctx, deps) => {
      const { html, policy } = await filesFor(ctx, deps);
      return {
        file: {
          contentType: "text/html; charset=utf-8",
          content: html(),
          headers: { "content-security-policy": policy },
        },
      };
    },
  },
];
