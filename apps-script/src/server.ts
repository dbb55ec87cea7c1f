/**
 * The one door from the script to the server's code (the layering test holds every other module of
 * apps-script/src to it): the tab definitions, how the server reads headers and renders replies, the
 * Vietnamese messages and the request limits. All of it is pure; esbuild bundles it into Code.js.
 */
export { REQUEST_LIMITS, type RequestLimits } from "../../functions/src/domain/limits.js";
export {
  appsScriptMessages,
  booleanLabels,
  type CellErrorCode,
  sheetMessages,
} from "../../functions/src/domain/messages/index.js";
export type { DossierDocument } from "../../functions/src/domain/model.js";
export { resolveHeader } from "../../functions/src/sheets/parse.js";
export {
  type EligibilityReport,
  escapeSheetText,
  type RowStatus,
  renderEligibility,
  renderSummary,
  statusText,
  type UnitSummary,
} from "../../functions/src/sheets/render.js";
export { type Column, TABS, type TabDefinition, tabsFor } from "../../functions/src/sheets/tabs/index.js";
