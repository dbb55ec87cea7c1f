/** Every `tdkt` command, in the order `tdkt --help` lists them. */
import type { CliCommand } from "../command.js";
import { demoCommand } from "./demo.js";
import { dossierCommand } from "./dossier.js";
import { eligibilityCommand } from "./eligibility.js";
import { importCommand } from "./import.js";
import { serveCommand } from "./serve.js";
import { templateCommand } from "./template.js";
import { tokenCommand } from "./token.js";

export const commands: readonly CliCommand[] = [
  serveCommand,
  eligibilityCommand,
  templateCommand,
  importCommand,
  dossierCommand,
  demoCommand,
  tokenCommand,
];
