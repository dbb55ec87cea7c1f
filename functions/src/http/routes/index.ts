/** Every route group of the API (DESIGN.md §5.3). */
import type { Route } from "../route.js";

export const allRoutes: readonly Route[] = [];
