/**
 * `tdkt dossier --unit ID --year Y --out DIR [--options FILE]`: the dossier service, files in DIR.
 * `--department ID` instead of `--unit`: the Department's dossier to the Chủ tịch UBND tỉnh, from the
 * consolidation of the year's latest succeeded aggregation, else the units it manages judged now
 * (services/department-dossier.ts).
 */
import { join } from "node:path";
import { documentCliMessages as msg } from "../../domain/messages/index.js";
import { buildDepartmentDossierFromStore } from "../../services/department-dossier.js";
import { buildDossier } from "../../services/dossier/build.js";
import { localFileStore } from "../../services/files.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";
import { readOptionsFile } from "../options-file.js";

export const dossierCommand: CliCommand = {
  name: "dossier",
  summary: msg.dossierSummary,
  usage: msg.dossierUsage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      {
        unit: { type: "string" },
        department: { type: "string" },
        year: { type: "string" },
        out: { type: "string" },
        options: { type: "string" },
      },
      msg.dossierUsage,
      io,
    );
    if (!values) return 2;
    const { unit, department, year, out } = values;
    if (!(unit || department) || (unit && department) || !year || !out) {
      io.stderr(msg.dossierUsage);
      return 2;
    }
    const read = await readOptionsFile(values.options, io);
    if (!read) return 2;
    const { options } = read;
    const files = localFileStore(out);
    const dossier = await withFirestore((db) =>
      department
        ? buildDepartmentDossierFromStore(db, year, {
            departmentUnitId: department,
            options,
            files,
            actor: "cli",
          })
        : buildDossier({ db, unitId: unit ?? "", year, options, files, actor: "cli" }),
    );
    for (const document of dossier.documents)
      io.stdout(`${msg.written(join(out, document.file), document.sha256)}\n`);
    for (const left of dossier.excluded) io.stdout(msg.excluded(left));
    io.stdout(`${msg.dossierDone(dossier.id, dossier.documents.length)}\n`);
    return 0;
  },
};
