/** `tdkt board --unit ID --year Y --out DIR`: the public board's PDF, HTML page and sheet rows in DIR. */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { boardCliMessages as msg } from "../../domain/messages/index.js";
import { boardFileName, publicBoardFiles } from "../../services/public-board.js";
import { commandOptions } from "../args.js";
import type { CliCommand } from "../command.js";
import { withFirestore } from "../firestore.js";
import { localOperator } from "./import.js";

export const boardCommand: CliCommand = {
  name: "board",
  summary: msg.summary,
  usage: msg.usage,
  run: async (args, io) => {
    const values = commandOptions(
      args,
      { unit: { type: "string" }, year: { type: "string" }, out: { type: "string" } },
      msg.usage,
      io,
    );
    if (!values) return 2;
    const { unit, year, out } = values;
    if (!unit || !year || !out) {
      io.stderr(msg.usage);
      return 2;
    }
    const files = await withFirestore((db) => publicBoardFiles(db, localOperator(unit), unit, year));
    const { board, sheet } = files;
    await mkdir(out, { recursive: true });
    const written: [string, Buffer | string][] = [
      [boardFileName(board, "pdf"), await files.pdf()],
      [boardFileName(board, "html"), files.html()],
      [boardFileName(board, "json"), `${JSON.stringify({ board, sheet }, null, 2)}\n`],
    ];
    for (const [name, content] of written) {
      await writeFile(join(out, name), content);
      io.stdout(`${msg.written(join(out, name))}\n`);
    }
    io.stdout(`${msg.done(sheet.rows.length)}\n`);
    return 0;
  },
};
