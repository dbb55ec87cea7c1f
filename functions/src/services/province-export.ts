/**
 * Use case "speak the province's formats" (tdkt export --format province, GET
 * /v1/years/{year}/exports/province): the Department's proposals of the year as the provincial TĐKT
 * system's individual and collective lists, in its own templates with its own codes, ready to upload.
 */
import { readFile } from "node:fs/promises";
import type { Firestore } from "@google-cloud/firestore";
import { type DecidingLevel, deciderOf } from "../domain/authority.js";
import { TARGETS, TITLES } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { provinceMessages } from "../domain/messages/index.js";
import type { Person, Proposal, Unit } from "../domain/model.js";
import {
  DEFAULT_SUBJECT_CLASS_RULES,
  type ProvinceCodeTable,
  provinceCodeTable,
  type SubjectClassRule,
  subjectClassOf,
} from "../domain/province-codes.js";
import { compareVietnamese, compareVietnameseNames, formatDateVi } from "../domain/text.js";
import { fillProvinceList, type ProvinceListRow, type ProvinceTemplates } from "../sheets/province.js";
import { loadProvinceCodes } from "../store/history.js";
import { allUnits, unitDocuments, unitYearDocuments } from "../store/readers.js";
import { evaluateUnitProposals } from "./unit-eligibility.js";

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
 * The year's proposals the Department decides or forwards: every unit's stored proposals judged
 * eligible (services/unit-eligibility.ts) whose decider is the Sở or above. The one place the
 * consolidation by deciding level (domain/consolidation.ts) is to replace.
 */
async function departmentProposals(db: Firestore, year: string): Promise<DepartmentProposal[]> {
  const found: DepartmentProposal[] = [];
  // One unit at a time: each judgement reads ten years of its records, and a province's units at
  // once would crowd the store's call deadline.
  for (const unit of await allUnits(db)) {
    const [eligibility, proposals, people] = await Promise.all([
      evaluateUnitProposals(db, unit.id, year),
      unitYearDocuments(db, unit.id, year, "proposals"),
      unitDocuments(db, unit.id, "people"),
    ]);
    const eligible = new Set(
      eligibility.results
        .filter((result) => result.status === "eligible")
        .map((result) => `${result.subjectId}\u0000${result.target}`),
    );
    const personById = new Map(people.map((person) => [person.id, person]));
    for (const proposal of proposals) {
      const decider = deciderOf(proposal.target, unit.managingAuthority);
      if (
        !eligible.has(`${proposal.subjectId}\u0000${proposal.target}`) ||
        !DEPARTMENT_AND_ABOVE.has(decider)
      )
        continue;
      const person = proposal.subjectKind === "individual" ? personById.get(proposal.subjectId) : undefined;
      found.push({ unit, proposal, person, decider });
    }
  }
  const codeRank = (entry: DepartmentProposal) => TARGETS.indexOf(entry.proposal.target);
  const nameOf = (entry: DepartmentProposal) => entry.person?.fullName ?? entry.unit.name;
  return found.sort(
    (a, b) =>
      codeRank(a) - codeRank(b) ||
      compareVietnamese(a.unit.name, b.unit.name) ||
      compareVietnameseNames(nameOf(a), nameOf(b)),
  );
}

export interface ProvinceExport {
  kind: ProvinceListKind;
  /** A file name of ASCII only, for Content-Disposition and any file system. */
  fileName: string;
  bytes: Buffer;
  rows: number;
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
  const [codes, proposals] = await Promise.all([loadProvinceCodes(db), departmentProposals(db, year)]);
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
      };
    }),
  );
}
