/**
 * The bảng công khai thi đua of one unit and school year: the titles and forms the ledger records
 * for the unit and its people, with the public part of each subject only — name and position, never
 * a birth date nor a rating. The PDF, the sheet tab and the HTML page all print this one shape.
 */
import { z } from "zod";
import { AwardCode, SubjectKind } from "./codes.js";
import { IsoDate } from "./model.js";
import { SchoolYear } from "./school-year.js";

const BoardLine = z
  .object({
    subjectKind: SubjectKind,
    name: z.string().min(1),
    position: z.string().optional(),
  })
  .strict();
export type BoardLine = z.infer<typeof BoardLine>;

const BoardGroup = z
  .object({ code: AwardCode, label: z.string().min(1), lines: z.array(BoardLine).min(1) })
  .strict();

export const PublicBoard = z
  .object({
    unit: z
      .object({
        id: z.string().min(1),
        name: z.string().min(1),
        managingBodyName: z.string().min(1),
        place: z.string().min(1),
        principalName: z.string().optional(),
      })
      .strict(),
    year: SchoolYear,
    /** The day the board is published (Asia/Ho_Chi_Minh). */
    date: IsoDate,
    /** Titles first, then forms, in the legal order; names in Vietnamese order within each. */
    groups: z.array(BoardGroup),
  })
  .strict();
export type PublicBoard = z.infer<typeof PublicBoard>;
