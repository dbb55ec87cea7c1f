/**
 * The one place that holds user-facing Vietnamese text. Each area keeps its strings in its own file
 * here; everything else imports them from this index.
 */

export { adHocMessages, adHocRoleLabels, clockStateLabels } from "./ad-hoc.js";
export { aggregateMessages } from "./aggregate.js";
export * from "./apps-script.js";
export { boardCliMessages, boardText } from "./board.js";
export { cliMessages } from "./cli.js";
export { deciderLabels, decisionCliMessages, decisionLevelLabels, decisionMessages } from "./decisions.js";
export * from "./documents.js";
export {
  briefingStatusLabels,
  dutyDocumentKinds,
  dutyMessages,
  legalChangeLabels,
  trainingResultLabels,
  visitScopeLabels,
} from "./duties.js";
export * from "./eligibility.js";
export { historyMessages } from "./history.js";
export { httpMessages } from "./http.js";
export * from "./inspection.js";
export { levelingFlagLabels, levelingMessages } from "./leveling.js";
export { provinceMessages } from "./province.js";
export { rankingMessages } from "./ranking.js";
export {
  evidenceAudienceLabels,
  evidenceCliMessages,
  evidenceFieldLabels,
  evidenceText,
  recordDocumentLabels,
  recordKindLabels,
  recordsCliMessages,
  recordsText,
} from "./records.js";
export { reminderMessages } from "./reminders.js";
export * from "./sheets.js";
export { systemMessages } from "./system.js";
export { thematicMessages, thematicRatingLabels } from "./thematic.js";
export { eligibilityServiceMessages } from "./unit-eligibility.js";
export * from "./vocabulary.js";
export {
  workflowActionLabels,
  workflowActorLabels,
  workflowMessages,
  workflowPartyLabels,
} from "./workflow.js";
