/**
 * Use case "build a unit's dossier for a school year" (docs/design.md §6, §8): loads the unit's
 * stored data, judges its proposals, renders every document once with provisional numbers to
 * surface missing data before any number is taken (a refused dossier never leaves a gap in the
 * numbering), then takes the numbers, stores the files and records their sha256 in
 * dossiers/{unit}_{year}. A dossier is (re)built only while the school holds it (DRAFT,
 * RETURNED); a repeated request with the same Idempotency-Key gets the first build's answer
 * instead of a second set of numbers.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import type { RenderOptions } from "../../documents/layout.js";
import { type AdHocLine, adHocSettings, proposeAdHoc } from "../../domain/ad-hoc.js";
import { DossierState } from "../../domain/codes.js";
import { adHocDossierId } from "../../domain/document-ids.js";
import type { Dossier, DossierDocument } from "../../domain/dossier.js";
import { legalBasisVersionOn } from "../../domain/eligibility/index.js";
import { AppError } from "../../domain/errors.js";
import {
  adHocMessages,
  documentMessages,
  dossierStateLabels,
  eligibilityServiceMessages,
  workflowMessages,
} from "../../domain/messages/index.js";
import type { Unit } from "../../domain/model.js";
import { SchoolYear } from "../../domain/school-year.js";
import { isRebuildable, rebuildableStates } from "../../domain/workflow.js";
import { allocateDocumentNumber } from "../../store/counters.js";
import { COLLECTIONS } from "../../store/firestore.js";
import { fingerprintOf, withIdempotency } from "../../store/idempotency.js";
import { dossierStateOf } from "../../store/readers.js";
import { updateDocument } from "../../store/writes.js";
import type { FileStore } from "../files.js";
import { evaluateUnitProposals } from "../unit-eligibility.js";
import { type DossierEntry, dossierEntries, type ExcludedProposal } from "./channels.js";
import { type DossierData, dossierContext } from "./context.js";
import { loadDossierData } from "./load.js";
import { NumberBook, numberingYearOf } from "./numbering.js";
import { type ParsedDossierOptions, parseDossierOptions } from "./options.js";
import { type PlannedDocument, planDossier } from "./plan.js";

export interface BuildDossierRequest {
  db: Firestore;
  unitId: string;
  year: string;
  /** The caller's options (DossierOptions), checked here: a fault names its field as `body.<path>`. */
  options: unknown;
  files: FileStore;
  actor: string;
  /** The request behind the build, for the audit log. */
  requestId?: string;
  /** Idempotency-Key of the request: a repeat returns the first build's answer, numbers and all. */
  idempotencyKey?: string | undefined;
  render?: RenderOptions;
}

export interface BuiltDossier {
  id: string;
  legalBasisVersion: string;
  /** Each file as the file store names it (relative to its folder, or a Drive id), never a server path. */
  documents: DossierDocument[];
  /** Proposals left out because the law's conditions are not met, with the failed rules. */
  excluded: ExcludedProposal[];
}

export async function buildDossier(request: BuildDossierRequest): Promise<BuiltDossier> {
  const { db, unitId, year } = request;
  const options = parseDossierOptions(request.options);
  requireSchoolYear(year);
  if (!request.idempotencyKey) return build(request, options);
  const stored = await withIdempotency(
    db,
    { key: request.idempotencyKey, scope: `dossier:${unitId}:${year}`, fingerprint: fingerprintOf(options) },
    () => build(request, options),
  );
  return stored.value;
}

/** INVALID_ARGUMENT (`path.year`) for a year that is not "YYYY-YYYY". */
export function requireSchoolYear(year: string): void {
  if (!SchoolYear.safeParse(year).success)
    throw new AppError(
      "INVALID_ARGUMENT",
      eligibilityServiceMessages.invalidYear(year),
      undefined,
      "path.year",
    );
}

/** Refuses (CONFLICT) a build over a dossier the school no longer holds: its documents are under review or decided. */
export function requireRebuildable(stored: string | undefined): void {
  const state = DossierState.safeParse(stored ?? "DRAFT");
  if (state.success && isRebuildable(state.data)) return;
  throw new AppError(
    "CONFLICT",
    workflowMessages.rebuildNotAllowed(
      state.success ? dossierStateLabels[state.data] : String(stored),
      rebuildableStates().map((allowed) => dossierStateLabels[allowed]),
    ),
  );
}

async function build(request: BuildDossierRequest, options: ParsedDossierOptions): Promise<BuiltDossier> {
  const { db, unitId, year } = request;
  const id = options.simplified ? adHocDossierId(unitId, year) : `${unitId}_${year}`;
  requireRebuildable(await dossierStateOf(db, id));
  const data = await loadDossierData(db, unitId, year, options.registerYears);
  const context = dossierContext(year, data, options.signer);
  // The simplified dossier carries what the đột xuất table proposes; the engine's công trạng rules do not apply.
  const adHoc = options.simplified ? adHocLinesOf(data) : undefined;
  if (adHoc?.length === 0)
    throw new AppError(
      "MISSING_DATA",
      adHocMessages.noCases(unitId, year),
      { missing: ["achievements"] },
      "path.year",
    );
  if (!adHoc && data.proposals.length === 0 && data.achievements.length === 0)
    throw new AppError(
      "MISSING_DATA",
      documentMessages.noProposals(unitId, year),
      { missing: ["proposals"] },
      "path.year",
    );
  const excluded = adHoc || options.includeIneligible ? [] : await ineligibleProposals(db, data.unit, year);
  const entries = adHoc?.map(adHocEntry) ?? dossierEntries(context, data.proposals, excluded);
  const plan = planDossier(context, entries, options, request.render);
  await requireComplete(plan, context.issuer.abbreviation);

  // Each build has a folder of its own: files of the stored dossier are never overwritten by a build
  // that is then refused, so the recorded sha256 always matches.
  const folder = `${unitId}/${year}/${randomUUID().slice(0, 8)}`;
  const book = new NumberBook(context.issuer.abbreviation);
  const documents: DossierDocument[] = [];
  for (const planned of plan) {
    if (planned.kindCode)
      book.record(
        planned.ref,
        await allocateDocumentNumber(db, {
          issuerId: unitId,
          year: numberingYearOf(options.date),
          type: planned.kindCode,
        }),
      );
    const bytes = await planned.render(book);
    const location = await request.files.put(`${folder}/${planned.file}`, bytes, "application/pdf");
    documents.push({
      type: planned.type,
      ...(planned.kindCode ? { number: book.formatted(planned.ref, planned.kindCode) } : {}),
      file: location,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      bytes: bytes.length,
    });
  }

  const legalBasisVersion = legalBasisVersionOn(options.date);
  // The record keeps its workflow state and history across rebuilds; the change goes to the audit log.
  // The state is checked again in the write's transaction: a step taken during the build wins.
  await updateDocument<Dossier>(
    db,
    `${COLLECTIONS.dossiers}/${id}`,
    (existing) => {
      requireRebuildable(existing?.state);
      return {
        ...existing,
        id,
        unitId,
        year,
        state: existing?.state ?? "DRAFT",
        legalBasisVersion,
        documents,
        ...(adHoc
          ? {
              procedure: "DON_GIAN" as const,
              adHocProposals: adHoc.map(({ subjectId, name, target }) => {
                const student = data.achievements.find((achievement) => achievement.id === subjectId);
                const position = student ? adHocMessages.studentPosition(student.className) : undefined;
                return { subjectId, name, target, ...(position ? { position } : {}) };
              }),
            }
          : {}),
        history: existing?.history ?? [
          { from: null, to: "DRAFT", actor: request.actor, at: new Date().toISOString(), legalBasisVersion },
        ],
      };
    },
    { actor: request.actor, requestId: request.requestId ?? `dossier:${id}` },
  );
  return { id, legalBasisVersion, documents, excluded };
}

/** The đột xuất table's proposals of the unit's achievements (domain/ad-hoc.ts). */
const adHocLinesOf = (data: DossierData): AdHocLine[] =>
  proposeAdHoc({
    achievements: data.achievements,
    people: data.people,
    managingAuthority: data.unit.managingAuthority,
    settings: adHocSettings(data.yearConfig?.adHoc),
  });

const adHocEntry = (line: AdHocLine): DossierEntry => ({
  code: line.target,
  subjectKind: "individual",
  subjectId: line.subjectId,
  name: line.name,
  summary: line.reason,
});

/** The proposals the eligibility engine judges ineligible, with the rules they fail. */
async function ineligibleProposals(db: Firestore, unit: Unit, year: string): Promise<ExcludedProposal[]> {
  return (await evaluateUnitProposals(db, unit.id, year, { unit })).results
    .filter((verdict) => verdict.status === "ineligible")
    .map((verdict) => ({
      subjectId: verdict.subjectId,
      name: verdict.subjectName,
      target: verdict.target,
      failed: verdict.failed,
    }));
}

/** The dry run: every missing item of every document (MISSING_DATA), before a single number is taken. */
export async function requireComplete(plan: readonly PlannedDocument[], abbreviation: string): Promise<void> {
  const provisional = new NumberBook(abbreviation);
  const missing: string[] = [];
  for (const planned of plan)
    await planned.render(provisional).catch((error: unknown) => {
      if (!(error instanceof AppError && error.code === "MISSING_DATA")) throw error;
      missing.push(...missingItemsOf(error.details).map((item) => `${planned.type}: ${item}`));
    });
  if (missing.length > 0)
    throw new AppError("MISSING_DATA", documentMessages.missingData("hồ sơ", missing), { missing }, "body");
}

const missingItemsOf = (details: unknown): string[] =>
  typeof details === "object" && details !== null && "missing" in details && Array.isArray(details.missing)
    ? details.missing.map(String)
    : [];
