/** The seeded sample province as one unit sees it: its staff, records, votes and ledger. */

import type { Agency, Signer } from "../src/documents/inputs.js";
import type { AwardCode } from "../src/domain/codes.js";
import type { Person, Unit } from "../src/domain/model.js";
import { formatDateVi } from "../src/domain/text.js";
import type { Province } from "./province.js";

export const previousYear = (year: string): string => `${Number(year.slice(0, 4)) - 1}-${year.slice(0, 4)}`;

/** A school's staff, records and ledger, as the store holds them. */
export class UnitView {
  readonly staff: Person[];
  constructor(
    readonly province: Province,
    readonly unit: Unit,
    readonly year: string,
  ) {
    this.staff = province.people.filter((person) => person.unitId === unit.id && !person.withdrawn);
  }

  get agency(): Agency {
    const { unit } = this;
    return {
      parentName: unit.managingBodyName,
      name: unit.name,
      abbreviation: unit.abbreviation,
      place: unit.place,
    };
  }

  get principal(): Signer {
    return {
      title: "Hiệu trưởng",
      name: this.unit.principalName ?? this.byPosition("Hiệu trưởng")[0]?.fullName ?? "",
    };
  }

  byPosition(position: string): Person[] {
    return this.staff.filter((person) => person.position === position);
  }

  ratingOf(subjectId: string, year = this.year) {
    return this.province.records.find((record) => record.year === year && record.subjectId === subjectId)
      ?.rating;
  }

  awardsOf(subjectId: string) {
    return this.province.awards
      .filter((award) => award.subjectId === subjectId && award.unitId === this.unit.id)
      .sort((a, b) => a.year.localeCompare(b.year));
  }

  votesFor(target: AwardCode) {
    return this.province.votes.filter(
      (vote) => vote.year === this.year && vote.unitId === this.unit.id && vote.target === target,
    );
  }

  proposalsFor(target: AwardCode) {
    return this.province.proposals.filter(
      (proposal) =>
        proposal.year === this.year && proposal.unitId === this.unit.id && proposal.target === target,
    );
  }

  person(id: string): Person | undefined {
    return this.staff.find((person) => person.id === id);
  }

  /** "Tổ trưởng Tổ Toán - Tin", "Giáo viên Tổ Ngữ văn", "Hiệu trưởng". */
  positionOf(person: Person): string {
    const position = person.position ?? "Giáo viên";
    return person.group && person.group !== "Ban Giám hiệu" ? `${position} ${person.group}` : position;
  }

  ratingCounts(): string {
    const counts = new Map<string, number>();
    for (const person of this.staff) {
      const rating = this.ratingOf(person.id);
      if (rating) counts.set(rating, (counts.get(rating) ?? 0) + 1);
    }
    return ["HTXS", "HTT", "HT", "KHT"].map((rating) => `${rating} ${counts.get(rating) ?? 0}`).join(", ");
  }
}

export function unitOf(province: Province, unitId: string): Unit {
  const unit = province.units.find((candidate) => candidate.id === unitId);
  if (!unit) throw new Error(`the sample province has no unit ${unitId}`);
  return unit;
}

export const decisionLine = (award: {
  decisionNo?: string;
  decisionDate?: string;
  issuer?: string;
}): string =>
  [
    award.decisionNo ? `Số ${award.decisionNo}` : undefined,
    award.decisionDate ? `ngày ${formatDateVi(award.decisionDate)}` : undefined,
    award.issuer ? `của ${award.issuer}` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
