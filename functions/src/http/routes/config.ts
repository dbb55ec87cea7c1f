/** GET / POST /v1/config/auth: the ID-token audiences stored in Firestore (administrator only). */
import { readAuthConfig, setAuthConfig } from "../../services/auth-config.js";
import type { Route } from "../route.js";

export const configRoutes: Route[] = [
  {
    method: "GET",
    path: "/v1/config/auth",
    handle: async (ctx, deps) => ({ body: await readAuthConfig(deps.db, ctx.user) }),
  },
  {
    method: "POST",
    path: "/v1/config/auth",
    handle: async (ctx, deps) => {
      const config = await setAuthConfig(deps.db, ctx.user, ctx.body, ctx.requestId);
      deps.audiences.invalidate();
      return { body: config };
    },
  },
];
