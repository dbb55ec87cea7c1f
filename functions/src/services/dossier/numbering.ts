/**
 * The numbers of a dossier's documents (NĐ 30/2020 Điều 15: from 01 each 1 January, per issuer and
 * ký hiệu). Documents cite each other's numbers — the tờ trình its biên bản họp, each danh sách its
 * tờ trình — so the book records each number as it is taken, and gives 1 to a citation of a
 * number not yet taken: the dry run, which renders every document before any number is taken.
 */
import { formatDocumentNumber } from "../../domain/document-number.js";
import type { IsoDate } from "../../domain/model.js";

/** Numbering restarts on 1 January: the series of the calendar year of the dossier's date. */
export const numberingYearOf = (date: IsoDate): number => Number(date.slice(0, 4));

export class NumberBook {
  private readonly taken = new Map<string, number>();

  constructor(private readonly abbreviation: string) {}

  record(ref: string, number: number): void {
    this.taken.set(ref, number);
  }

  /** The number taken under `ref`, or 1 before it is taken. */
  numberOf(ref: string): number {
    return this.taken.get(ref) ?? 1;
  }

  /** "02/BB-THCSND": the number taken under `ref` with its ký hiệu. */
  formatted(ref: string, kindCode: string): string {
    return formatDocumentNumber(this.numberOf(ref), kindCode, this.abbreviation);
  }
}
