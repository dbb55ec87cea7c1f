/** Every route group of the API (docs/design.md §5.3). */
import type { Route } from "../route.js";
import { boardRoutes } from "./board.js";
import { configRoutes } from "./config.js";
import { dossierRoutes } from "./dossiers.js";
import { eligibilityRoutes } from "./eligibility.js";
import { sheetRoutes } from "./sheets.js";
import { summaryRoutes } from "./summary.js";
import { unitEligibilityRoutes } from "./unit-eligibility.js";

export const allRoutes: readonly Route[] = [
  ...eligibilityRoutes,
  ...sheetRoutes,
  ...summaryRoutes,
  ...dossierRoutes,
  ...unitEligibilityRoutes,
  ...configRoutes,
  ...boardRoutes,
];
