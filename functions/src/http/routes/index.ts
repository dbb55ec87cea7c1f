/** Every route group of the API (docs/design.md §5.3). */
import type { Route } from "../route.js";
import { adHocRoutes } from "./ad-hoc.js";
import { aggregateRoutes } from "./aggregate.js";
import { boardRoutes } from "./board.js";
import { configRoutes } from "./config.js";
import { decisionRoutes } from "./decisions.js";
import { departmentDossierRoutes } from "./department-dossier.js";
import { dossierRoutes } from "./dossiers.js";
import { dutyRoutes } from "./duties.js";
import { eligibilityRoutes } from "./eligibility.js";
import { historyRoutes } from "./history.js";
import { inspectionRoutes } from "./inspections.js";
import { levelingRoutes } from "./leveling.js";
import { provinceRoutes } from "./province.js";
import { rankingRoutes } from "./rankings.js";
import { recordsRoutes } from "./records.js";
import { sheetRoutes } from "./sheets.js";
import { summaryRoutes } from "./summary.js";
import { thematicRoutes } from "./thematic.js";
import { unitEligibilityRoutes } from "./unit-eligibility.js";

export const allRoutes: readonly Route[] = [
  ...eligibilityRoutes,
  ...sheetRoutes,
  ...summaryRoutes,
  ...dossierRoutes,
  ...decisionRoutes,
  ...departmentDossierRoutes,
  ...unitEligibilityRoutes,
  ...configRoutes,
  ...rankingRoutes,
  ...levelingRoutes,
  ...aggregateRoutes,
  ...historyRoutes,
  ...provinceRoutes,
  ...boardRoutes,
  ...dutyRoutes,
  ...recordsRoutes,
  ...thematicRoutes,
  ...adHocRoutes,
  ...inspectionRoutes,
];
