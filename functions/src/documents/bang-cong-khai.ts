/**
 * Bảng công khai thi đua (the public board) in the NĐ 30/2020 layout: the unit's titles and forms of
 * the year, one section per title or form, each subject with its name and position only.
 */
import { boardText, documentText } from "../domain/messages/index.js";
import type { PublicBoard } from "../domain/public-board.js";
import { formatPlaceDate } from "../domain/text.js";
import { roman, subjectCountText } from "./awards.js";
import { OfficialPdf, type RenderOptions } from "./layout.js";
import { drawTable, type TableRow } from "./table.js";

/** "3 tập thể, 25 cá nhân" of one group. */
export const boardGroupCount = (group: PublicBoard["groups"][number]): string =>
  subjectCountText(
    group.lines.filter((line) => line.subjectKind === "individual").length,
    group.lines.filter((line) => line.subjectKind === "collective").length,
  );

export async function renderBangCongKhai(board: PublicBoard, options: RenderOptions = {}): Promise<Buffer> {
  const pdf = new OfficialPdf(
    { title: `${boardText.name} năm học ${board.year} — ${board.unit.name}`, subject: boardText.name },
    "portrait",
    options,
  );
  pdf.header({
    parentAgency: board.unit.managingBodyName,
    agency: board.unit.name,
    placeDate: formatPlaceDate(board.unit.place, board.date),
  });
  pdf.title(boardText.kind, [boardText.summary(board.year)]);
  pdf.paragraph(
    board.groups.length > 0 ? boardText.intro(board.unit.name, board.year) : boardText.empty(board.year),
  );

  if (board.groups.length > 0) {
    const rows: TableRow[] = board.groups.flatMap((group, index) => [
      { section: boardText.groupHeading(roman(index), group.label, boardGroupCount(group)) },
      ...group.lines.map((line, lineIndex) => ({
        cells: [
          String(lineIndex + 1),
          line.name,
          line.subjectKind === "collective" ? boardText.collectivePosition : (line.position ?? ""),
        ],
      })),
    ]);
    drawTable(pdf, {
      columns: [
        { header: boardText.columns.number, weight: 0, align: "center", keepWhole: true },
        { header: boardText.columns.name, weight: 3, keepWhole: true },
        { header: boardText.columns.position, weight: 2 },
      ],
      rows,
    });
  }
  if (board.unit.principalName)
    pdf.closing({ signatures: [{ lines: [documentText.principalTitle], name: board.unit.principalName }] });
  return pdf.finish();
}
