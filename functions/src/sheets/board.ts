/**
 * The public board as rows of the school's "Bảng công khai" tab: one row per subject and title or
 * form, every text escaped so that a name beginning with "=" stays a name.
 */
import { boardText } from "../domain/messages/index.js";
import type { PublicBoard } from "../domain/public-board.js";
import { escapeSheetText, type SheetCell } from "./render.js";

export interface BoardSheet {
  tab: string;
  headers: string[];
  rows: SheetCell[][];
}

export function boardSheet(board: PublicBoard): BoardSheet {
  const { columns } = boardText;
  let number = 0;
  return {
    tab: boardText.tabName,
    headers: [columns.number, columns.award, columns.name, columns.position],
    rows: board.groups.flatMap((group) =>
      group.lines.map((line) => [
        ++number,
        escapeSheetText(group.label),
        escapeSheetText(line.name),
        escapeSheetText(
          line.subjectKind === "collective" ? boardText.collectivePosition : (line.position ?? ""),
        ),
      ]),
    ),
  };
}
