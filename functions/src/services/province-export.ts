/**
 * Use case "speak the province's formats" (tdkt export --format province, GET
 * /v1/years/{year}/exports/province): the Department's proposals of the year as the provincial TĐKT
 * system's individual and collective lists, in its own templates with its own codes, ready to upload.
 */
import { readFile } from "node:fs/promises";
import type { Firestore } from "@google-cloud/firestore";
import type { DecidingLevel } from "../domain/authority.js";
import { TITLES } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { provinceMessages } from "../domain/messages/index.js";
import type { Person, Proposal, Unit } from "../domain/model.js";
import { type ProvinceCodeTable, provinceCodeTable } from "../domain/province-codes.js";
import {
  DEFAULT_SUBJECT_CLASS_RULES,
  type SubjectClassRule,
  subjectClassOf,
} from "../domain/subject-classes.js";
import { formatDateVi } from "../domain/text.js";
import { fillProvinceList, type ProvinceListRow, type ProvinceTemplates } from "../sheets/province.js";
import { loadProvinceCodes } from "../store/history.js";
import { unitDocuments, unitYearDocuments } from "../store/readers.js";
import { allUnits } from "../store/registry.js";
import { latestConsolidation } from "./aggregate/stored.js";
import { consolidateStoredYear } from "./year-consolidation.js";

/** The lists of the provincial system: individuals (canhan) and collectives (tapthe). */
export const PROVINCE_LIST_KINDS = ["canhan", "tapthe"] as const;
export type ProvinceListKind = (typeof PROVINCE_LIST_KINDS)[number];
export const isProvinceListKind = (kind: string): kind is ProvinceListKind =>
  (PROVINCE_LIST_KINDS as readonly string[]).includes(kind);

/** The templates shipped in functions/province/ (the same path from functions/src and functions/lib). */
const TEMPLATE_DIR = new URL("../../province/", import.meta.url);
const TEMPLATE_FILES: Record<keyof ProvinceTemplates, string> = {
  individuals: "province-import-canhan.xlsx",
  collectives: "province-import-tapthe.xlsx",
};

async function loadProvinceTemplates(): Promise<ProvinceTemplates> {
  const read = async (file: string) => {
    try {
      return await readFile(new URL(file, TEMPLATE_DIR));
    } catch {
      throw new AppError("MISSING_DATA", provinceMessages.missingTemplate(file));
    }
  };
  const [individuals, collectives] = await Promise.all([
    read(TEMPLATE_FILES.individuals),
    read(TEMPLATE_FILES.collectives),
  ]);
  return { individuals, collectives };
}

/** One proposal the Department carries: the unit, the subject (a person, or the unit itself), who decides. */
interface DepartmentProposal {
  unit: Unit;
  proposal: Proposal;
  person: Person | undefined;
  decider: DecidingLevel;
}

/** The levels whose decisions go through the Department: its own, and those it proposes to. */
const DEPARTMENT_AND_ABOVE: ReadonlySet<DecidingLevel> = new Set(["SO", "TINH", "BO", "TTG", "CTN"]);

/**
 * The year's proposals the Department decides or forwards: the eligible lines of the year's
 * consolidation whose decider is the Sở or above — the latest succeeded aggregation's (its job
 * named), else the year consolidated now by the same function (domain/consolidation.ts).
 */
async function departmentProposals(
  db: Firestore,
  year: string,
): Promise<{ proposals: DepartmentProposal[]; aggregationJobId: string | null }> {
  const latest = await latestConsolidation(db, year);
  const consolidation = latest?.consolidation ?? (await consolidateStoredYear(db, year));
  const lines = consolidation.included.filter((line) => DEPARTMENT_AND_ABOVE.has(line.decider));
  const units = new Map((await allUnits(db)).map((unit) => [unit.id, unit]));
  const stored = new Map<string, { proposals: Proposal[]; people: Map<string, Person> }>();
  // One unit at a time: a province's units at once would crowd the store's call deadline.
  for (const unitId of new Set(lines.map((line) => line.unitId))) {
    const [proposals, people] = await Promise.all([
      unitYearDocuments(db, unitId, year, "proposals"),
      unitDocuments(db, unitId, "people"),
    ]);
    stored.set(unitId, { proposals, people: new Map(people.map((person) => [person.id, person])) });
  }
  // In consolidation order: by title or form, unit, then name.
  const proposals = lines.flatMap((line) => {
    const unit = units.get(line.unitId);
    const held = stored.get(line.unitId);
    const proposal = held?.proposals.find(
      (candidate) => candidate.subjectId === line.subjectId && candidate.target === line.target,
    );
    if (!unit || !held || !proposal) return [];
    const person = line.subjectKind === "individual" ? held.people.get(line.subjectId) : undefined;
    return [{ unit, proposal, person, decider: line.decider }];
  });
  return { proposals, aggregationJobId: latest?.jobId ?? null };
}

export interface ProvinceExport {
  kind: ProvinceListKind;
  /** A file name of ASCII only, for Content-Disposition and any file system. */
  fileName: string;
  bytes: Buffer;
  rows: number;
  /** The aggregation whose consolidated lists the export took; null: the year consolidated now. */
  aggregationJobId: string | null;
}

interface ExportOptions {
  rules?: readonly SubjectClassRule[] | undefined;
  templates?: ProvinceTemplates | undefined;
}

const isTitle = (code: string): boolean => (TITLES as readonly string[]).includes(code);

/** The province's code of our title or form, in the column it belongs to. */
function awardCodes(table: ProvinceCodeTable, entry: DepartmentProposal) {
  const code = table.provinceAward(entry.proposal.target)?.code ?? "";
  const title = isTitle(entry.proposal.target);
  return { form: title ? "" : code, title: title ? code : "" };
}

const classCode = (
  table: ProvinceCodeTable,
  entry: DepartmentProposal,
  rules: readonly SubjectClassRule[],
) => {
  const subjectClass = subjectClassOf(
    {
      kind: entry.proposal.subjectKind,
      position: entry.person?.position,
      staffCategory: entry.person?.staffCategory,
    },
    rules,
  );
  const province =
    entry.proposal.subjectKind === "collective"
      ? table.provinceCollectiveClass(subjectClass)
      : table.provinceSubjectClass(subjectClass);
  return province?.code ?? "";
};

/** DANHSACH cá nhân: STT, Họ và tên, Giới tính, Ngày sinh, Chức vụ, Tổ, Đơn vị, Địa chỉ, and the three codes. */
function individualRow(
  table: ProvinceCodeTable,
  entry: DepartmentProposal,
  index: number,
  rules: readonly SubjectClassRule[],
): ProvinceListRow {
  const person = entry.person;
  const codes = awardCodes(table, entry);
  return [
    index + 1,
    person?.fullName ?? entry.proposal.subjectId,
    person ? (table.provinceGender(person.gender)?.code ?? "") : "",
    person?.birthDate ? formatDateVi(person.birthDate) : "",
    person?.position ?? "",
    person?.group ?? "",
    entry.unit.name,
    // Where a person lives is not recorded; the province's column stays empty.
    "",
    classCode(table, entry, rules),
    codes.form,
    codes.title,
  ];
}

/** DANHSACH tập thể: STT, Tên đơn vị / tập thể, and the three codes. */
function collectiveRow(
  table: ProvinceCodeTable,
  entry: DepartmentProposal,
  index: number,
  rules: readonly SubjectClassRule[],
): ProvinceListRow {
  const codes = awardCodes(table, entry);
  return [index + 1, entry.unit.name, classCode(table, entry, rules), codes.form, codes.title];
}

/** One list of the provincial system, for the route. */
export async function provinceExport(
  db: Firestore,
  year: string,
  kind: ProvinceListKind,
  options: ExportOptions = {},
): Promise<ProvinceExport> {
  const [exported] = await provinceExports(db, year, [kind], options);
  if (!exported) throw new Error(`no ${kind} list was built`);
  return exported;
}

/** The lists of `kinds` (both by default), from one reading of the year's proposals. */
export async function provinceExports(
  db: Firestore,
  year: string,
  kinds: readonly ProvinceListKind[] = PROVINCE_LIST_KINDS,
  options: ExportOptions = {},
): Promise<ProvinceExport[]> {
  const templates = options.templates ?? (await loadProvinceTemplates());
  const rules = options.rules ?? DEFAULT_SUBJECT_CLASS_RULES;
  const [codes, { proposals, aggregationJobId }] = await Promise.all([
    loadProvinceCodes(db),
    departmentProposals(db, year),
  ]);
  const table = provinceCodeTable(codes?.mappings);
  return Promise.all(
    kinds.map(async (kind) => {
      const subjectKind = kind === "canhan" ? "individual" : "collective";
      const entries = proposals.filter((entry) => entry.proposal.subjectKind === subjectKind);
      const rowOf = kind === "canhan" ? individualRow : collectiveRow;
      const rows = entries.map((entry, index) => rowOf(table, entry, index, rules));
      const template = kind === "canhan" ? templates.individuals : templates.collectives;
      return {
        kind,
        fileName: `tdkt-${kind}-${year}.xlsx`,
        bytes: await fillProvinceList(template, rows),
        rows: rows.length,
        aggregationJobId,
      };
    }),
  );
}
