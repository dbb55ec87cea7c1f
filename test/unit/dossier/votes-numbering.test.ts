import { describe, expect, it } from "vitest";
import { formatDocumentNumber } from "../../../functions/src/domain/document-number.js";
import { NumberBook, numberingYearOf } from "../../../functions/src/services/dossier/numbering.js";
import {
  ballotCandidates,
  ballotTypeOf,
  councilSizeOf,
  meetingOf,
  voteLines,
  voteShareOf,
} from "../../../functions/src/services/dossier/votes.js";
import { contextOf, MEETING, schoolData, vote } from "./fixture.js";

describe("dossier votes", () => {
  const votes = [
    vote("GV1", "CSTD_CS", 8),
    { ...vote("GV2", "CSTD_CS", 11, 12), ballotType: "GIO_TAY" as const },
  ];
  const context = contextOf(schoolData({ votes }));

  it("prints the share of all council members, the Vietnamese way", () => {
    expect(voteShareOf(votes[0])).toBe("8/9 (88,9%)");
    expect(voteShareOf({ ...vote("GV1", "CSTD_CS", 9) })).toBe("9/9 (100%)");
    expect(voteShareOf(undefined)).toBeUndefined();
  });

  it("takes the council's size from the votes unless the meeting names it", () => {
    expect(councilSizeOf(votes)).toBe(12);
    expect(councilSizeOf([])).toBe(0);
    const meeting = MEETING;
    expect(meetingOf(meeting, votes)?.members).toBe(12);
    expect(meetingOf({ ...meeting, members: 15 }, votes)?.members).toBe(15);
    expect(meetingOf(meeting, [])?.members).toBeUndefined();
    expect(meetingOf(undefined, votes)).toBeUndefined();
  });

  it("counts a show of hands in any vote as the council's way of voting", () => {
    expect(ballotTypeOf(votes)).toBe("GIO_TAY");
    expect(ballotTypeOf(votes.slice(0, 1))).toBe("KIN");
  });

  it("names the candidates, with the unit standing in for a missing position", () => {
    expect(voteLines(context, votes).map((line) => [line.name, line.agree])).toEqual([
      ["Nguyễn Thị Hoa", 8],
      ["Lê Văn Nam", 11],
    ]);
    expect(ballotCandidates(context, votes).map((candidate) => candidate.position)).toEqual([
      "Giáo viên",
      "Trường THCS Nguyễn Du",
    ]);
  });
});

describe("dossier numbering", () => {
  it("gives 1 before a number is taken, and formats it with its ký hiệu", () => {
    const book = new NumberBook("THCSND");
    expect(book.numberOf("bien-ban-hop")).toBe(1);
    book.record("bien-ban-hop", 2);
    book.record("to-trinh:XA", 12);
    expect(book.formatted("bien-ban-hop", "BB")).toBe("02/BB-THCSND");
    expect(book.formatted("to-trinh:XA", "TTr")).toBe("12/TTr-THCSND");
    expect(book.formatted("to-trinh:TINH", "TTr")).toBe("01/TTr-THCSND");
  });

  it("numbers in the series of the calendar year of the dossier's date", () => {
    expect(numberingYearOf("2026-05-20")).toBe(2026);
  });
});

describe("the one document-number formatter", () => {
  it("pads numbers below 10 and keeps the others as they are", () => {
    expect(formatDocumentNumber(5, "QĐ", "SGDĐT")).toBe("05/QĐ-SGDĐT");
    expect(formatDocumentNumber(123, "TTr", "THPTLQĐ")).toBe("123/TTr-THPTLQĐ");
  });
});
