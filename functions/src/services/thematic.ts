/**
 * Use case "khen thưởng chuyên đề" (docs/domain.md §19): the year's selection of typical collectives
 * per field from stored registrations and inspection results (domain/thematic.ts), as the caller may
 * see it; and the selection turned into proposals of kind CHUYEN_DE that the existing decision
 * recording (services/decisions.ts) approves.
 *
 * Where the proposals live: decisions.ts approves the proposals a dossier's own unit holds, and the
 * ledger entry it writes is that unit's (the public board, the sổ theo dõi and next year's eligibility
 * read a unit's own entries). So each proposed unit's proposal is stored as the unit's own
 * (collective, the unit itself) in a dossier of its own, dossiers/{unit}_{year}_chuyen-de, which the
 * Department creates APPROVED: its council's selection is the appraisal. The Department then records
 * one decision naming those dossiers and proposals (the `decision` this returns).
 */
import type { Firestore } from "@google-cloud/firestore";
import { canAccessUnit, isDepartmentRole, mayAggregateProvince } from "../domain/access.js";
import { dateInVietnam } from "../domain/calendar.js";
import { COLLECTIONS, documentPath } from "../domain/collections.js";
import { proposalId, thematicDossierId } from "../domain/document-ids.js";
import type { Dossier } from "../domain/dossier.js";
import { legalBasisVersionOn } from "../domain/eligibility/index.js";
import { AppError } from "../domain/errors.js";
import { awardCodeLabels, sheetMessages, thematicMessages } from "../domain/messages/index.js";
import type { Proposal, Unit, User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import {
  proposedUnits,
  selectTypicalCollectives,
  type ThematicForm,
  type ThematicSelection,
  type ThematicUnit,
} from "../domain/thematic.js";
import { indexedUnitsDocuments } from "../store/readers.js";
import { loadUnits } from "../store/registry.js";
import { yearThematic } from "../store/thematic.js";
import { updateDocuments } from "../store/writes.js";
import { loadYearConfig } from "../store/years.js";
import { unitScopeOf } from "./unit-access.js";

/** A well-formed year the Department has configured (years/{year}). */
async function requireThematicYear(db: Firestore, year: string): Promise<void> {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, "path.year");
  if (!(await loadYearConfig(db, year)))
    throw new AppError("NOT_FOUND", sheetMessages.yearMissing(year), undefined, "path.year");
}

/** The province's whole selection of the year (the Department's view, the CLI). */
export async function thematicSelection(db: Firestore, year: string): Promise<ThematicSelection> {
  await requireThematicYear(db, year);
  const stored = await yearThematic(db, year);
  const unitIds = [
    ...new Set([...stored.registrations, ...stored.results].map((entry) => entry.unitId)),
  ].sort();
  return selectTypicalCollectives({
    year,
    storedFields: stored.fields,
    registrations: stored.registrations,
    results: stored.results,
    units: await thematicUnits(db, unitIds, year),
  });
}

/** Names and G-06 shares of the units named (their rosters read by id through the units' index). */
async function thematicUnits(
  db: Firestore,
  unitIds: readonly string[],
  year: string,
): Promise<ThematicUnit[]> {
  const [units, people] = await Promise.all([
    loadUnits(db, unitIds),
    indexedUnitsDocuments(db, unitIds, "people", year),
  ]);
  return unitIds.map((id) => {
    const unit = units.get(id);
    const roster = people.get(id) ?? [];
    const women = roster.filter((person) => person.gender === "F").length;
    return {
      id,
      name: unit && !(unit instanceof Error) ? unit.name : id,
      womenShare: roster.length === 0 ? null : women / roster.length,
    };
  });
}

/**
 * GET /v1/years/{year}/thematic: Department roles and council members see every unit; a commune
 * specialist the schools its UBND xã manages; a school its own registrations and results (positions
 * are the whole field's, as in the ranking). Other units' lines are left out, not masked.
 */
export async function thematicSelectionFor(
  db: Firestore,
  user: User,
  year: string,
): Promise<ThematicSelection> {
  const selection = await thematicSelection(db, year);
  if (mayAggregateProvince(user)) return selection;
  const named = [
    ...new Set([
      ...selection.fields.flatMap((field) => [
        ...field.entries.map((entry) => entry.unitId),
        ...field.unregisteredResults.map((entry) => entry.unitId),
      ]),
      ...selection.outsideFields.map((entry) => entry.unitId),
    ]),
  ];
  const units = await loadUnits(db, named);
  const visible = new Set(
    named.filter((id) => {
      const unit = units.get(id);
      return unit !== undefined && !(unit instanceof Error) && canAccessUnit(user, unitScopeOf(unit), "read");
    }),
  );
  return {
    ...selection,
    fields: selection.fields.map((field) => ({
      ...field,
      entries: field.entries.filter((entry) => visible.has(entry.unitId)),
      unregisteredResults: field.unregisteredResults.filter((entry) => visible.has(entry.unitId)),
    })),
    outsideFields: selection.outsideFields.filter((entry) => visible.has(entry.unitId)),
  };
}

export interface ThematicProposals {
  selection: ThematicSelection;
  /** The proposals stored (or already stored), one per unit and form, with their dossiers. */
  proposals: { dossierId: string; subjectId: string; target: ThematicForm; fields: string[] }[];
  /** Units whose proposal of the form already exists with another kind: left as they are, named. */
  skipped: { unitId: string; target: ThematicForm; reason: string }[];
}

/**
 * Stores the selection's proposals (kind CHUYEN_DE) and their approved dossiers, in one audited
 * transaction; a rerun with the same selection changes nothing. Department roles only.
 */
export async function proposeThematicAwards(
  db: Firestore,
  user: User,
  year: string,
  requestId: string,
): Promise<ThematicProposals> {
  if (!isDepartmentRole(user.role)) throw new AppError("PERMISSION_DENIED", thematicMessages.departmentOnly);
  const selection = await thematicSelection(db, year);
  const wanted = proposedUnits(selection);
  if (wanted.length === 0)
    throw new AppError("UNPROCESSABLE", thematicMessages.nothingProposed(year), undefined, "path.year");
  const units = await loadUnits(db, [...new Set(wanted.map((entry) => entry.unitId))]);
  const unitOf = (id: string): Unit => {
    const unit = units.get(id);
    if (unit === undefined || unit instanceof Error) throw unit ?? new AppError("NOT_FOUND", id);
    return unit;
  };
  const proposals: Proposal[] = wanted.map((entry) => ({
    year,
    unitId: entry.unitId,
    subjectKind: "collective",
    subjectId: entry.unitId,
    target: entry.form,
    kind: "CHUYEN_DE",
    summary: thematicMessages.proposalSummary(entry.fields),
  }));
  const dossierIds = [...new Set(wanted.map((entry) => thematicDossierId(entry.unitId, year)))];
  const paths = [
    ...proposals.map((proposal) => documentPath("proposals", proposalId(proposal), year)),
    ...dossierIds.map((id) => `${COLLECTIONS.dossiers}/${id}`),
  ];
  let skipped: ThematicProposals["skipped"] = [];
  await updateDocuments(
    db,
    paths,
    (stored) => {
      skipped = [];
      const kept = new Set<string>();
      const nextProposals = proposals.map((proposal, index) => {
        const before = stored[index] as Partial<Proposal & { withdrawn: boolean }> | undefined;
        if (before && before.withdrawn !== true && before.kind !== "CHUYEN_DE") {
          const unit = unitOf(proposal.unitId);
          skipped.push({
            unitId: proposal.unitId,
            target: proposal.target as ThematicForm,
            reason: thematicMessages.otherKindProposal(unit.name, awardCodeLabels[proposal.target]),
          });
          return undefined;
        }
        kept.add(proposal.unitId);
        return proposal;
      });
      const nextDossiers = dossierIds.map((id, index) => {
        const before = stored[proposals.length + index];
        const unitId = wanted.find((entry) => thematicDossierId(entry.unitId, year) === id)?.unitId ?? "";
        if (before || !kept.has(unitId)) return undefined;
        return newApprovedDossier(id, unitId, year, user);
      });
      return [...nextProposals, ...nextDossiers];
    },
    { actor: user.email, requestId },
  );
  const skippedKeys = new Set(skipped.map((entry) => `${entry.unitId}\u0000${entry.target}`));
  return {
    selection,
    proposals: wanted
      .filter((entry) => !skippedKeys.has(`${entry.unitId}\u0000${entry.form}`))
      .map((entry) => ({
        dossierId: thematicDossierId(entry.unitId, year),
        subjectId: entry.unitId,
        target: entry.form,
        fields: entry.fields,
      })),
    skipped,
  };
}

/** A dossier the Department's council approved by its selection: its first step says so. */
function newApprovedDossier(id: string, unitId: string, year: string, user: User): Dossier {
  const legalBasisVersion = legalBasisVersionOn(dateInVietnam(new Date()));
  return {
    id,
    unitId,
    year,
    state: "APPROVED",
    legalBasisVersion,
    documents: [],
    history: [
      {
        from: null,
        to: "APPROVED",
        actor: user.email,
        role: user.role,
        level: "SO",
        unitId: user.unitId,
        at: new Date().toISOString(),
        legalBasisVersion,
        note: thematicMessages.dossierNote,
      },
    ],
  };
}
