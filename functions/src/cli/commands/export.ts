/** `tdkt export --year Y --format province --out DIR [--classes FILE]`: the province's lists, one .xlsx each. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { provinceMessages as msg } from "../../domain/messages/index.js";
import { isSchoolYear } from "../../domain/school-year.js";
import { PROVINCE_LIST_KINDS, provinceExports } from "../../services/province-export.js";
import { commandOptions } from "../args.js";
import { readClassRules } from "../class-rules.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

export const exportCommand: CliCommand = {
  name: "export",
  summary: msg.exportSummary,
  usage: msg.exportUsage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        year: { type: "string" },
        format: { type: "string" },
        out: { type: "string" },
        classes: { type: "string" },
      },
      msg.exportUsage,
      io,
    );
    if (!values) return 2;
    const { year, format, out } = values;
    if (!year || !format || !out) {
      io.stderr(msg.exportUsage);
      return 2;
    }
    if (format !== "province") {
      io.stderr(msg.unknownFormat(format));
      return 2;
    }
    if (!isSchoolYear(year)) {
      io.stderr(`${msg.invalidYear(year)}\n`);
      return 2;
    }
    const classes = await readClassRules(values.classes);
    if ("error" in classes) {
      io.stderr(classes.error);
      return 2;
    }
    const exports = await withFirestore((db) =>
      provinceExports(db, year, PROVINCE_LIST_KINDS, { rules: classes.rules }),
    );
    await mkdir(out, { recursive: true });
    io.stdout(`${msg.exportSource(exports[0]?.aggregationJobId ?? null)}\n`);
    for (const exported of exports) {
      const file = join(out, exported.fileName);
      await writeFile(file, exported.bytes);
      io.stdout(`${msg.exportWritten(file, exported.rows)}\n`);
    }
    return 0;
  },
};
