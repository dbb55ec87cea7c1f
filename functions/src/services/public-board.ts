/**
 * The bảng công khai thi đua of one unit and year (docs/design.md §5.3), from the awards ledger:
 * every entry of the year for the unit and its people, revoked ones left out. Only the name and
 * position of a person reach the board; the roster is read with former staff, who keep the titles
 * of the years they served.
 */
import type { Firestore } from "@google-cloud/firestore";
import { renderBangCongKhai } from "../documents/bang-cong-khai.js";
import { BOARD_PAGE_POLICY, renderBoardHtml } from "../documents/bang-cong-khai-html.js";
import type { RenderOptions } from "../documents/layout.js";
import { dateInVietnam } from "../domain/calendar.js";
import { AWARD_FORMS, TITLES } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { adHocMessages, awardCodeLabels, sheetMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { type BoardLine, PublicBoard } from "../domain/public-board.js";
import { isSchoolYear } from "../domain/school-year.js";
import { compareVietnameseNames, normalizeText } from "../domain/text.js";
import { type BoardSheet, boardSheet } from "../sheets/board.js";
import { unitDocuments, unitYearAwards, unitYearDocuments } from "../store/readers.js";
import { requireUnitAccess } from "./unit-access.js";

const ORDER = [...TITLES, ...AWARD_FORMS];

export interface BoardFiles {
  board: PublicBoard;
  /** The rows of the school's "Bảng công khai" tab. */
  sheet: BoardSheet;
  pdf: (options?: RenderOptions) => Promise<Buffer>;
  html: () => string;
  /** The Content-Security-Policy the page is served with (the one its own meta tag states). */
  policy: string;
}

/** The board of `unitId` for `year` dated the day it is in Vietnam at `at`, and its three forms. */
export async function publicBoardFiles(
  db: Firestore,
  user: User,
  unitId: string,
  year: string,
  at: Date = new Date(),
): Promise<BoardFiles> {
  const board = await publicBoard(db, user, unitId, year, dateInVietnam(at));
  return {
    board,
    sheet: boardSheet(board),
    pdf: (options) => renderBangCongKhai(board, options),
    html: () => renderBoardHtml(board),
    policy: BOARD_PAGE_POLICY,
  };
}

/** The file names of the board's forms: "bang-cong-khai-thcs-nguyen-du-2025-2026.pdf". */
export const boardFileName = (board: PublicBoard, extension: "pdf" | "html" | "json"): string =>
  `bang-cong-khai-${board.unit.id}-${board.year}.${extension}`;

async function publicBoard(
  db: Firestore,
  user: User,
  unitId: string,
  year: string,
  date: string,
): Promise<PublicBoard> {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, "path.year");
  const unit = await requireUnitAccess(db, user, unitId, "read");
  const [awards, people, achievements] = await Promise.all([
    unitYearAwards(db, unitId, year),
    unitDocuments(db, unitId, "people", { includeWithdrawn: true }),
    unitYearDocuments(db, unitId, year, "achievements"),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  // A student's đột xuất award is held by their row of "Thành tích đột xuất" (services/ad-hoc.ts).
  const studentById = new Map(
    achievements.filter((row) => row.role === "STUDENT").map((row) => [row.id, row]),
  );

  const lineOf = (subjectKind: BoardLine["subjectKind"], subjectId: string): BoardLine | undefined => {
    if (subjectKind === "collective")
      return { subjectKind, name: normalizeText(subjectId === unitId ? unit.name : subjectId) };
    const person = personById.get(subjectId);
    const student = person ? undefined : studentById.get(subjectId);
    if (student)
      return {
        subjectKind,
        name: normalizeText(student.fullName),
        position: normalizeText(adHocMessages.studentPosition(student.className)),
      };
    // A ledger entry of someone neither on the roster nor a prize-winning student has no name to publish.
    if (!person) return undefined;
    const position = person.position ? normalizeText(person.position) : "";
    return { subjectKind, name: normalizeText(person.fullName), ...(position ? { position } : {}) };
  };

  const groups = ORDER.flatMap((code) => {
    const seen = new Set<string>();
    const lines: BoardLine[] = [];
    for (const award of awards) {
      if (award.code !== code || award.revoked === true) continue;
      const key = `${award.subjectKind}/${award.subjectId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const line = lineOf(award.subjectKind, award.subjectId);
      if (line) lines.push(line);
    }
    lines.sort(
      (a, b) =>
        Number(a.subjectKind === "individual") - Number(b.subjectKind === "individual") ||
        compareVietnameseNames(a.name, b.name),
    );
    return lines.length > 0 ? [{ code, label: awardCodeLabels[code], lines }] : [];
  });

  return PublicBoard.parse({
    unit: {
      id: unit.id,
      name: unit.name,
      managingBodyName: unit.managingBodyName,
      place: unit.place,
      ...(unit.principalName ? { principalName: unit.principalName } : {}),
    },
    year,
    date,
    groups,
  });
}
