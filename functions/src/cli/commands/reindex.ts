/**
 * `tdkt reindex`: writes the units' document index (docs/design.md §6) for every stored document —
 * once, after upgrading a database whose documents were stored before the index existed.
 */
import { cliMessages as msg } from "../../domain/messages/index.js";
import { rebuildUnitIndexes } from "../../services/runtime.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";

export const reindexCommand: CliCommand = {
  name: "reindex",
  summary: msg.reindexSummary,
  usage: msg.reindexUsage,
  run: async (args, io) => {
    if (args.length > 0) {
      io.stderr(msg.reindexUsage);
      return 2;
    }
    const documents = await withFirestore((db) => rebuildUnitIndexes(db));
    io.stdout(msg.reindexDone(documents));
    return 0;
  },
};
