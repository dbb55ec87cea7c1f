/** Every `tdkt` command, in the order `tdkt --help` lists them. */
import { cliMessages, documentCliMessages } from "../../domain/messages/index.js";
import type { CliCommand } from "../command.js";
import { developmentCommand } from "../development.js";
import { adHocCommand } from "./adhoc.js";
import { aggregateCommand } from "./aggregate.js";
import { boardCommand } from "./board.js";
import { decisionCommand } from "./decision.js";
import { dossierCommand } from "./dossier.js";
import { disseminationCommand, officersCommand, trainingPlanCommand } from "./duties.js";
import { eligibilityCommand } from "./eligibility.js";
import { exportCommand } from "./export.js";
import { historyCommand } from "./history.js";
import { importCommand } from "./import.js";
import { inspectionCommand } from "./inspection.js";
import { levelingCommand } from "./leveling.js";
import { rankCommand } from "./rank.js";
import { evidenceCommand, recordsCommand } from "./records.js";
import { reindexCommand } from "./reindex.js";
import { remindCommand } from "./remind.js";
import { statsCommand } from "./stats.js";
import { templateCommand } from "./template.js";
import { thematicCommand } from "./thematic.js";
import { tokenCommand } from "./token.js";

/** serve.ts and demo.ts import functions/sample/: loaded only when run (see ../development.ts). */
const serveCommand = developmentCommand({
  name: "serve",
  summary: cliMessages.serveSummary,
  usage: cliMessages.serveUsage,
  module: "./commands/serve",
  exported: "serveCommand",
});
const demoCommand = developmentCommand({
  name: "demo",
  summary: documentCliMessages.demoSummary,
  usage: documentCliMessages.demoUsage,
  module: "./commands/demo",
  exported: "demoCommand",
});

export const commands: readonly CliCommand[] = [
  serveCommand,
  eligibilityCommand,
  templateCommand,
  importCommand,
  historyCommand,
  dossierCommand,
  rankCommand,
  inspectionCommand,
  levelingCommand,
  thematicCommand,
  aggregateCommand,
  decisionCommand,
  exportCommand,
  statsCommand,
  boardCommand,
  recordsCommand,
  evidenceCommand,
  adHocCommand,
  remindCommand,
  disseminationCommand,
  officersCommand,
  trainingPlanCommand,
  reindexCommand,
  demoCommand,
  tokenCommand,
];
