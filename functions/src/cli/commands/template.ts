/** `tdkt template --out FILE.xlsx`: the sheet template as a workbook, built from the tab definitions. */
import { parseArgs } from "node:util";
import { sheetMessages } from "../../domain/messages/index.js";
import { tabsFor } from "../../sheets/tabs/index.js";
import { buildTemplate } from "../../sheets/xlsx.js";
import type { CliCommand } from "../command.js";

const AUDIENCES = ["school", "department", "commune", "all"] as const;
type Audience = (typeof AUDIENCES)[number];
const isAudience = (value: string): value is Audience => (AUDIENCES as readonly string[]).includes(value);

export const templateCommand: CliCommand = {
  name: "template",
  summary: sheetMessages.templateSummary,
  usage: sheetMessages.templateUsage,
  run: async (args, io) => {
    const { values } = parseArgs({
      args,
      options: { out: { type: "string" }, tabs: { type: "string", default: "all" } },
    });
    const audience = values.tabs ?? "all";
    if (!values.out || !isAudience(audience)) {
      io.stderr(sheetMessages.usageError(sheetMessages.templateUsage));
      return 2;
    }
    const tabs = tabsFor(audience);
    await buildTemplate(tabs).xlsx.writeFile(values.out);
    io.stdout(`${sheetMessages.templateWrote(values.out, tabs.length)}\n`);
    return 0;
  },
};
