/**
 * The history import's pure half (docs/province-formats.md "Nhập lịch sử"): a row of a province list,
 * already read from its sheet, becomes ledger entries — its subject matched by name + birth date +
 * unit (none or several matches are reported with the candidates, never guessed), its forms and
 * titles by code or name through the province code table, its decision from the row or the defaults.
 */
import {
  type AwardCode,
  AwardKind,
  isCollectiveTitle,
  isIndividualTitle,
  type SubjectKind,
} from "./codes.js";
import { awardId } from "./document-ids.js";
import { awardKindLabels, historyMessages } from "./messages/index.js";
import { Award, type Person, type Unit } from "./model.js";
import type { ProvinceCodeTable, SubjectClass } from "./province-codes.js";
import { SchoolYear } from "./school-year.js";
import { foldForMatching, formatDateVi, normalizeText } from "./text.js";

/** A date cell as read: an ISO date, or the text that is not one. */
export type DateCell = { iso: string } | { invalid: string; header: string };

/** One data row of a list, its cells by meaning (the sheet reader finds the columns by their headers). */
export interface HistoryRow {
  sheet: string;
  row: number;
  /** The list's own subject kind (the individual or collective list); the general list says it per row. */
  layoutKind: SubjectKind | undefined;
  name?: string;
  subjectId?: string;
  kind?: string;
  unit?: string;
  birthDate?: DateCell;
  subjectClass?: string;
  collectiveClass?: string;
  /** Form and title cells (codes or names), in column order; several cells may name the same award. */
  awards: string[];
  year?: string;
  decisionNo?: string;
  decisionDate?: DateCell;
  issuer?: string;
  awardKind?: string;
  proposalNo?: string;
  proposalDate?: DateCell;
}

/** Values for the rows that leave a column out (one decision's annex: its number, date, issuer, year). */
export interface HistoryDefaults {
  year?: string | undefined;
  decisionNo?: string | undefined;
  decisionDate?: string | undefined;
  issuer?: string | undefined;
}

export interface HistoryCandidate {
  id: string;
  unitId: string;
  name: string;
  birthDate?: string;
}

export type RowPlan =
  | { sheet: string; row: number; status: "rejected"; reason: string; candidates?: HistoryCandidate[] }
  | { sheet: string; row: number; status: "planned"; subjectName: string; awards: Award[] };

/** Who can be named: the units and the people (former staff too: history names them). */
export interface HistoryDirectory {
  units: readonly Unit[];
  people: readonly Person[];
}

const personKey = (name: string): string => normalizeText(name).toLocaleLowerCase("vi");
const unitKey = (name: string): string =>
  foldForMatching(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const withoutSchoolWord = (key: string): string => key.replace(/^truong /, "");

class Rejection extends Error {
  constructor(
    readonly reason: string,
    readonly candidates?: HistoryCandidate[],
  ) {
    super(reason);
  }
}

const personCandidate = (person: Person): HistoryCandidate => ({
  id: person.id,
  unitId: person.unitId,
  name: person.fullName,
  ...(person.birthDate ? { birthDate: person.birthDate } : {}),
});
const unitCandidate = (unit: Unit): HistoryCandidate => ({ id: unit.id, unitId: unit.id, name: unit.name });

/** The ledger's subject: a person of a unit, or the unit itself as a collective. */
const personSubject = (person: Person) => ({ id: person.id, unitId: person.unitId, name: person.fullName });
const unitSubject = (unit: Unit) => ({ id: unit.id, unitId: unit.id, name: unit.name });

function findUnits(units: readonly Unit[], text: string): Unit[] {
  const key = unitKey(text);
  const exact = units.filter(
    (unit) =>
      unit.id === normalizeText(text) || unitKey(unit.name) === key || unitKey(unit.abbreviation) === key,
  );
  if (exact.length > 0) return exact;
  return units.filter((unit) => withoutSchoolWord(unitKey(unit.name)) === withoutSchoolWord(key));
}

function oneUnit(directory: HistoryDirectory, text: string): Unit {
  const units = findUnits(directory.units, text);
  if (units.length === 1 && units[0]) return units[0];
  if (units.length === 0) throw new Rejection(historyMessages.unitNotFound(text));
  throw new Rejection(historyMessages.unitAmbiguous(text), units.map(unitCandidate));
}

function matchPerson(row: HistoryRow, name: string, directory: HistoryDirectory): Person {
  const unit = row.unit ? oneUnit(directory, row.unit) : undefined;
  if (row.subjectId) {
    const person = directory.people.find(
      (candidate) => candidate.id === row.subjectId && (!unit || candidate.unitId === unit.id),
    );
    if (!person) throw new Rejection(historyMessages.subjectIdNotFound(row.subjectId));
    return person;
  }
  const key = personKey(name);
  const sameName = directory.people.filter((person) => personKey(person.fullName) === key);
  const inUnit = unit ? sameName.filter((person) => person.unitId === unit.id) : sameName;
  const birthDate = row.birthDate && "iso" in row.birthDate ? row.birthDate.iso : undefined;
  const matching = birthDate ? inUnit.filter((person) => person.birthDate === birthDate) : inUnit;
  if (matching.length === 1 && matching[0]) return matching[0];
  if (matching.length > 1)
    throw new Rejection(
      historyMessages.personAmbiguous(name, matching.length),
      matching.map(personCandidate),
    );
  if (birthDate && inUnit.length > 0)
    throw new Rejection(
      historyMessages.personBirthDateMismatch(name, formatDateVi(birthDate)),
      inUnit.map(personCandidate),
    );
  if (unit && sameName.length > 0)
    throw new Rejection(historyMessages.personNotInUnit(name, unit.name), sameName.map(personCandidate));
  throw new Rejection(historyMessages.personNotFound(name));
}

function matchCollective(row: HistoryRow, name: string, directory: HistoryDirectory): Unit {
  const units = findUnits(directory.units, row.subjectId ?? name);
  if (units.length === 1 && units[0]) return units[0];
  if (units.length > 1) throw new Rejection(historyMessages.unitAmbiguous(name), units.map(unitCandidate));
  // Near names, to show what the Department may have meant.
  const key = withoutSchoolWord(unitKey(name));
  const near = directory.units.filter((unit) => {
    const other = withoutSchoolWord(unitKey(unit.name));
    return key.length > 0 && (other.includes(key) || key.includes(other));
  });
  throw new Rejection(
    historyMessages.collectiveNotFound(name),
    near.length > 0 ? near.map(unitCandidate) : undefined,
  );
}

function subjectKindOf(row: HistoryRow, table: ProvinceCodeTable): SubjectKind {
  if (row.kind === undefined) {
    if (row.layoutKind) return row.layoutKind;
    throw new Rejection(historyMessages.kindMissing());
  }
  const resolved = table.commendationKind(row.kind);
  if (resolved.kind === "mapped") return resolved.value;
  if (resolved.kind === "unmapped") throw new Rejection(historyMessages.kindUnsupported(resolved.name));
  throw new Rejection(historyMessages.kindUnknown(row.kind));
}

function awardCodesOf(row: HistoryRow, subjectKind: SubjectKind, table: ProvinceCodeTable, issuer?: string) {
  if (row.awards.length === 0) throw new Rejection(historyMessages.awardMissing());
  const codes: AwardCode[] = [];
  for (const text of row.awards) {
    const resolved = table.award(text, issuer);
    if (resolved.kind === "unknown") throw new Rejection(historyMessages.awardUnknown(text));
    if (resolved.kind === "unmapped") throw new Rejection(historyMessages.awardUnmapped(resolved.name));
    const code = resolved.value;
    const wrongSubject = subjectKind === "individual" ? isCollectiveTitle(code) : isIndividualTitle(code);
    if (wrongSubject) throw new Rejection(historyMessages.awardWrongSubject(code, subjectKind));
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

function rowSubjectClass(row: HistoryRow, table: ProvinceCodeTable): SubjectClass | undefined {
  const [text, resolve] = row.collectiveClass
    ? [row.collectiveClass, table.collectiveClass]
    : [row.subjectClass, table.subjectClass];
  if (text === undefined) return undefined;
  const resolved = resolve(text);
  if (resolved.kind !== "mapped") throw new Rejection(historyMessages.subjectClassUnknown(text));
  return resolved.value;
}

function awardKindOf(text: string | undefined): AwardKind {
  if (text === undefined) return "CONG_TRANG";
  const key = foldForMatching(text);
  const kind = AwardKind.options.find(
    (option) => foldForMatching(option) === key || foldForMatching(awardKindLabels[option]) === key,
  );
  if (!kind) throw new Rejection(historyMessages.awardKindUnknown(text));
  return kind;
}

function dateOf(cell: DateCell | undefined): string | undefined {
  if (cell === undefined) return undefined;
  if ("invalid" in cell) throw new Rejection(historyMessages.dateInvalid(cell.header, cell.invalid));
  return cell.iso;
}

function yearOf(row: HistoryRow, defaults: HistoryDefaults): string {
  const text = row.year ?? defaults.year;
  if (text === undefined) throw new Rejection(historyMessages.yearMissing());
  const parsed = SchoolYear.safeParse(normalizeText(text));
  if (!parsed.success) throw new Rejection(historyMessages.yearInvalid(text));
  return parsed.data;
}

function planRow(
  row: HistoryRow,
  directory: HistoryDirectory,
  table: ProvinceCodeTable,
  defaults: HistoryDefaults,
): RowPlan {
  const name = row.name;
  if (!name && !row.subjectId) throw new Rejection(historyMessages.nameMissing());
  const subjectKind = subjectKindOf(row, table);
  const issuer = row.issuer ?? defaults.issuer;
  const codes = awardCodesOf(row, subjectKind, table, issuer);
  const year = yearOf(row, defaults);
  const decisionNo = row.decisionNo ?? defaults.decisionNo;
  if (!decisionNo) throw new Rejection(historyMessages.decisionMissing());
  const decisionDate = dateOf(row.decisionDate) ?? defaults.decisionDate;
  const proposalDate = dateOf(row.proposalDate);
  dateOf(row.birthDate);
  const kind = awardKindOf(row.awardKind);
  const subjectClass = rowSubjectClass(row, table);
  const subject =
    subjectKind === "individual"
      ? personSubject(matchPerson(row, name ?? "", directory))
      : unitSubject(matchCollective(row, name ?? "", directory));
  const awards = codes.map((code) =>
    Award.parse({
      id: awardId({ unitId: subject.unitId, subjectId: subject.id, year, code, kind }),
      subjectKind,
      subjectId: subject.id,
      unitId: subject.unitId,
      code,
      kind,
      year,
      decisionNo,
      ...(decisionDate ? { decisionDate } : {}),
      ...(issuer ? { issuer } : {}),
      ...(row.proposalNo ? { proposalNo: row.proposalNo } : {}),
      ...(proposalDate ? { proposalDate } : {}),
      ...(subjectClass ? { subjectClass } : {}),
    }),
  );
  return { sheet: row.sheet, row: row.row, status: "planned", subjectName: subject.name, awards };
}

/** The units the rows name (for reading only their people). */
export function unitsNamedBy(rows: readonly HistoryRow[], units: readonly Unit[]): string[] {
  const named = rows.flatMap((row) => [row.unit, row.layoutKind === "individual" ? undefined : row.name]);
  const ids = named.flatMap((text) => (text ? findUnits(units, text).map((unit) => unit.id) : []));
  return [...new Set(ids)];
}

/**
 * Every row's plan: its ledger entries, or why it is not taken. A row naming an entry an earlier row
 * of the file already names is a duplicate (the file would otherwise overwrite itself).
 */
export function planHistoryRows(
  rows: readonly HistoryRow[],
  directory: HistoryDirectory,
  table: ProvinceCodeTable,
  defaults: HistoryDefaults,
): RowPlan[] {
  const firstRowOf = new Map<string, number>();
  return rows.map((row) => {
    try {
      const plan = planRow(row, directory, table, defaults);
      if (plan.status !== "planned") return plan;
      const earlier = plan.awards.map((award) => firstRowOf.get(award.id)).find((n) => n !== undefined);
      if (earlier !== undefined)
        return {
          sheet: row.sheet,
          row: row.row,
          status: "rejected",
          reason: historyMessages.duplicateRow(earlier),
        };
      for (const award of plan.awards) firstRowOf.set(award.id, row.row);
      return plan;
    } catch (error) {
      if (!(error instanceof Rejection)) throw error;
      return {
        sheet: row.sheet,
        row: row.row,
        status: "rejected",
        reason: error.reason,
        ...(error.candidates ? { candidates: error.candidates } : {}),
      };
    }
  });
}
