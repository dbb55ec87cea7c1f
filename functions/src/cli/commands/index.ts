/** Every `tdkt` command, in the order `tdkt --help` lists them. */
import type { CliCommand } from "../command.js";
import { tokenCommand } from "./token.js";

export const commands: readonly CliCommand[] = [tokenCommand];
