/**
 * The one door from the script to the server's code (the layering test holds every other module of
 * apps-script/src to it): the tab definitions, how the server reads headers and renders replies, the
 * Vietnamese messages and the request limits. All of it is pure; esbuild bundles it into Code.js,
 * the tab definitions as plain data, without zod (validation stays on the server).
 */

export type { DossierDocument } from "../../functions/src/domain/dossier.js";
export { REQUEST_LIMITS, type RequestLimits } from "../../functions/src/domain/limits.js";
export {
  appsScriptMessages,
  booleanLabels,
  type CellErrorCode,
  sheetMessages,
} from "../../functions/src/domain/messages/index.js";
export type { BoardSheet } from "../../functions/src/sheets/board.js";

import type { TabData, Workbook } from "../../functions/src/sheets/definition.js";
import { TABS as DEFINITIONS, tabsFor as definitionsFor } from "../../functions/src/sheets/tabs/index.js";

export type { Column, TabData as TabDefinition, Workbook } from "../../functions/src/sheets/definition.js";
export { resolveHeader } from "../../functions/src/sheets/headers.js";
export {
  type EligibilityReport,
  escapeSheetText,
  type RowStatus,
  renderEligibility,
  renderSummary,
  statusText,
  type UnitSummary,
} from "../../functions/src/sheets/render.js";

/**
 * The tabs, seen as plain data: in Code.js the tab definitions module is replaced by their JSON
 * (apps-script/build.ts), so the script must not reach for a tab's mappings.
 */
export const TABS: readonly TabData[] = DEFINITIONS;
export const tabsFor: (workbook: Workbook | "all") => TabData[] = definitionsFor;
