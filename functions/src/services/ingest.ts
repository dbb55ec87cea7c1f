/**
 * Ingest of one tab (docs/design.md §4 step 3, §5.3): authorize, parse and validate the rows (sheets/),
 * check them against stored data (the unit's own people and collectives, other units), upsert the
 * good rows by natural key with an audit entry per change (store/), report the bad ones per cell.
 * Replays under an idempotency key; a full-tab send withdraws the stored rows the sheet no longer has.
 */
import type { Firestore } from "@google-cloud/firestore";
import { z } from "zod";
import { isDepartmentRole } from "../domain/access.js";
import { documentPath, YEAR_COLLECTIONS } from "../domain/collections.js";
import { AppError, bodyField } from "../domain/errors.js";
import { sheetMessages } from "../domain/messages/index.js";
import { NaturalKey, type User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import {
  type CellError,
  cellError,
  findTab,
  type ParsedSheetRow,
  parseTabRows,
  type TabDefinition,
} from "../sheets/index.js";
import { registerCodes } from "../store/duties.js";
import { fingerprintOf, withIdempotency } from "../store/idempotency.js";
import { activeHolders, decidedDocuments, presentDocuments, unitDocuments } from "../store/readers.js";
import {
  type ChangeKind,
  DOCUMENTS_PER_CHUNK,
  type DocumentWrite,
  type FullSend,
  type RowSource,
  type UpsertOptions,
  upsertDocuments,
  withdrawMissing,
} from "../store/writes.js";
import { loadYearConfig } from "../store/years.js";
import { ingestDecisionRows } from "./decision-tab.js";
import { reviewThematicRows } from "./thematic-ingest.js";
import { requireUnitAccess } from "./unit-access.js";

export const IngestBody = z.object({
  unit: NaturalKey,
  year: z.string(),
  source: z
    .object({
      spreadsheetId: z.string().max(200).optional(),
      sheet: z.string().max(200).optional(),
      revision: z.union([z.string().max(200), z.number()]).optional(),
      file: z.string().max(500).optional(),
    })
    .default({}),
  rows: z.array(
    z.object({
      row: z.number().int().min(1),
      values: z.record(z.string(), z.unknown()),
    }),
  ),
  mode: z.enum(["partial", "full"]).default("partial"),
});
export type IngestBody = z.input<typeof IngestBody>;

interface IngestRowResult {
  row: number;
  status: "accepted" | "rejected";
  /** For accepted rows: what the store did with the row's documents. */
  change?: ChangeKind;
  errors: CellError[];
  /** Accepted rows the store kept with a warning (a registration after its deadline). */
  notes?: string[];
}

export interface IngestResponse {
  tab: string;
  accepted: number;
  rejected: number;
  /** Stored rows marked withdrawn by a full-tab send. */
  withdrawn: number;
  rows: IngestRowResult[];
}

export interface IngestResult {
  /** 200 when every row was accepted, 422 when some were rejected (the good ones are stored). */
  status: 200 | 422;
  body: IngestResponse;
  replayed: boolean;
}

export interface IngestOptions {
  requestId: string;
  maxRows: number;
  idempotencyKey?: string | undefined;
  /** Passed to the store; tests use it to simulate a crash between chunks. */
  afterChunk?: UpsertOptions["afterChunk"];
}

export async function ingestTab(
  db: Firestore,
  user: User,
  tabId: string,
  body: unknown,
  options: IngestOptions,
): Promise<IngestResult> {
  const tab = findTab(tabId);
  if (!tab) throw new AppError("NOT_FOUND", sheetMessages.unknownTab(tabId));
  const rowCount = (body as { rows?: unknown } | null)?.rows;
  if (Array.isArray(rowCount) && rowCount.length > options.maxRows)
    throw new AppError("PAYLOAD_TOO_LARGE", sheetMessages.tooManyRows(rowCount.length, options.maxRows));
  const parsed = IngestBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError(
      "INVALID_ARGUMENT",
      sheetMessages.invalidBody(`${issue?.path.join(".") ?? ""}: ${issue?.message ?? ""}`),
      parsed.error.issues.slice(0, 10).map(({ path, message }) => ({ path, message })),
      bodyField(issue?.path),
    );
  }
  const request = parsed.data;
  if (!isSchoolYear(request.year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(request.year), undefined, "body.year");
  if (request.mode === "full" && tab.scope === "global")
    throw new AppError(
      "INVALID_ARGUMENT",
      sheetMessages.fullModeSchoolTabsOnly(tab.title),
      undefined,
      "body.mode",
    );
  await authorize(db, user, tab, request.unit);
  if (tab.needsYear) await requireYear(db, request.year);

  // Decision rows are not documents of their own: the decisions service records them (decision-tab.ts).
  const run = () =>
    tab.primary === "decisions"
      ? ingestDecisionRows(db, user, tab, request, options.requestId)
      : ingestRows(db, user, tab, request, options);
  if (!options.idempotencyKey) return { ...(await run()), replayed: false };
  let fresh: IngestRowsResult | undefined;
  const stored = await withIdempotency(
    db,
    {
      key: options.idempotencyKey,
      scope: `ingest:${tab.id}:${request.unit}:${request.year}`,
      fingerprint: fingerprintOf(request),
    },
    async () => {
      fresh = await run();
      return Buffer.byteLength(JSON.stringify(fresh)) <= MAX_STORED_RESPONSE_BYTES ? fresh : OVERSIZED;
    },
  );
  if (fresh !== undefined) return { ...fresh, replayed: false };
  // A replay of an answer too large to keep runs again: the writes converge, nothing changes.
  return { ...(stored.value === OVERSIZED ? await run() : stored.value), replayed: true };
}

/**
 * Responses kept for replay live in one Firestore document (≤ 1 MiB); a 5,000-row answer full of
 * errors can exceed that, so it is not kept and a replay recomputes it.
 */
const MAX_STORED_RESPONSE_BYTES = 900_000;
const OVERSIZED = "oversized" as const;

/**
 * School tabs: the caller's own unit (Department roles: any unit). Department tabs: Department
 * roles. The deciders' tab: a commune's specialist or Department roles, under their own unit (what
 * each may decide, and for which schools, the decisions service checks decision by decision).
 */
async function authorize(db: Firestore, user: User, tab: TabDefinition, unitId: string): Promise<void> {
  const department = isDepartmentRole(user.role);
  if (tab.audience === "decider") {
    if (!department && user.role !== "COMMUNE_SPECIALIST")
      throw new AppError("PERMISSION_DENIED", sheetMessages.decidersOnly(tab.title));
    if (unitId !== user.unitId) throw new AppError("PERMISSION_DENIED", sheetMessages.otherUnit(unitId));
    return;
  }
  if (tab.audience === "department") {
    if (!department) throw new AppError("PERMISSION_DENIED", sheetMessages.departmentOnly(tab.title));
    return;
  }
  if (!department && unitId !== user.unitId)
    throw new AppError("PERMISSION_DENIED", sheetMessages.otherUnit(unitId));
  await requireUnitAccess(db, user, unitId, "write");
}

/** Rows of a school year need its configuration (years/{year}), written by the Department. */
async function requireYear(db: Firestore, year: string): Promise<void> {
  if (!(await loadYearConfig(db, year)))
    throw new AppError("MISSING_DATA", sheetMessages.yearMissing(year), undefined, "body.year");
}

export type IngestRequestBody = z.output<typeof IngestBody>;
type IngestRequest = IngestRequestBody;
export type IngestRowsResult = Omit<IngestResult, "replayed">;

async function ingestRows(
  db: Firestore,
  user: User,
  tab: TabDefinition,
  request: IngestRequest,
  options: IngestOptions,
): Promise<IngestRowsResult> {
  const context = { unitId: request.unit, year: request.year };
  const { rows } = parseTabRows(tab, request.rows, context);
  await checkSubjects(db, tab, rows, request.unit);
  await checkRegisters(db, tab, rows, request);
  const notes = await reviewThematicRows(db, tab, rows, request.year);
  await checkStoredReferences(db, tab, rows, request.year);
  if (tab.scope !== "global") await checkOwnership(db, tab, rows, request);

  const meta = { actor: user.email, requestId: options.requestId };
  const writes: DocumentWrite[] = [];
  const owners: ParsedSheetRow[] = [];
  for (const row of rows) {
    if (row.errors.length > 0) continue;
    const source: RowSource = { ...request.source, row: row.row };
    for (const document of row.documents) {
      writes.push({
        path: documentPath(document.collection, document.id, request.year),
        data: document.data,
        source,
      });
      owners.push(row);
    }
  }
  const outcomes = await upsertDocuments(db, writes, meta, { afterChunk: options.afterChunk });
  const changes = new Map<ParsedSheetRow, ChangeKind>();
  outcomes.forEach((outcome, index) => {
    const row = owners[index];
    if (row) changes.set(row, strongerChange(changes.get(row), outcome.change));
  });

  const withdrawn =
    request.mode === "full"
      ? await withdrawMissing(db, fullSendOf(tab, rows, request), meta, { ...request.source })
      : 0;
  const results: IngestRowResult[] = rows
    .map(
      (row): IngestRowResult =>
        row.errors.length > 0
          ? { row: row.row, status: "rejected", errors: row.errors }
          : {
              row: row.row,
              status: "accepted",
              change: changes.get(row) ?? "unchanged",
              errors: [],
              ...(notes.has(row) ? { notes: notes.get(row) } : {}),
            },
    )
    .sort((a, b) => a.row - b.row);
  const rejected = results.filter((row) => row.status === "rejected").length;
  return {
    status: rejected > 0 ? 422 : 200,
    body: { tab: tab.id, accepted: results.length - rejected, rejected, withdrawn, rows: results },
  };
}

const CHANGE_RANK: Record<ChangeKind, number> = { unchanged: 0, updated: 1, created: 2 };
const strongerChange = (current: ChangeKind | undefined, next: ChangeKind): ChangeKind =>
  current === undefined || CHANGE_RANK[next] > CHANGE_RANK[current] ? next : current;

const reject = (row: ParsedSheetRow, error: CellError): void => {
  row.errors.push(error);
  row.documents = [];
};

/**
 * Every person or collective a row names must be the sending unit's own (docs/design.md §11): a person
 * on its roster (tab "Cán bộ"; not withdrawn, unless the tab takes former staff); a collective that
 * is the unit itself or one of its tổ (a "Tổ chuyên môn" of that roster). One school's rows can
 * never be about another school's people.
 */
async function checkSubjects(
  db: Firestore,
  tab: TabDefinition,
  rows: ParsedSheetRow[],
  unitId: string,
): Promise<void> {
  const referencing = rows.filter((row) => row.errors.length === 0 && row.subjectReferences.length > 0);
  if (referencing.length === 0) return;
  const members = await unitDocuments(db, unitId, "people", { includeWithdrawn: tab.namesFormerStaff });
  const known = {
    individual: new Set(members.map((person) => person.id)),
    collective: new Set([unitId, ...members.flatMap((person) => (person.group ? [person.group] : []))]),
  };
  for (const row of referencing) {
    for (const reference of row.subjectReferences) {
      const unknown = reference.ids.find((id) => !known[reference.kind].has(id));
      if (unknown !== undefined)
        reject(
          row,
          cellError(
            tab,
            reference.column,
            reference.kind === "individual" ? "UNKNOWN_PERSON" : "UNKNOWN_COLLECTIVE",
            { value: unknown },
          ),
        );
    }
  }
}

/** Every id a row gives of another stored document (a visit of the plan, a unit) must exist. */
async function checkStoredReferences(
  db: Firestore,
  tab: TabDefinition,
  rows: ParsedSheetRow[],
  year: string,
): Promise<void> {
  const references = rows.flatMap((row) =>
    row.errors.length === 0 ? row.storedReferences.map((reference) => ({ row, reference })) : [],
  );
  const paths = [
    ...new Set(references.map(({ reference }) => documentPath(reference.collection, reference.id, year))),
  ];
  const present = new Map<string, boolean>();
  for (let start = 0; start < paths.length; start += DOCUMENTS_PER_CHUNK) {
    const slice = paths.slice(start, start + DOCUMENTS_PER_CHUNK);
    const exists = await presentDocuments(db, slice);
    slice.forEach((path, index) => {
      present.set(path, exists[index] === true);
    });
  }
  for (const { row, reference } of references)
    if (!present.get(documentPath(reference.collection, reference.id, year)))
      reject(row, cellError(tab, reference.column, "UNKNOWN_REFERENCE", { value: reference.id }));
}

/**
 * Every code a row takes from a register (a document of "Văn bản pháp lý", a course of "Tập huấn")
 * must be on it for the request's year: an unknown code is an error on its cell.
 */
async function checkRegisters(
  db: Firestore,
  tab: TabDefinition,
  rows: ParsedSheetRow[],
  request: IngestRequest,
): Promise<void> {
  const registers = new Set(
    rows.flatMap((row) => (row.errors.length === 0 ? row.registerReferences : [])).map((ref) => ref.register),
  );
  for (const register of registers) {
    const known = await registerCodes(db, register, request.year, request.unit);
    for (const row of rows) {
      if (row.errors.length > 0) continue;
      for (const reference of row.registerReferences) {
        if (reference.register !== register) continue;
        const unknown = reference.codes.find((code) => !known.has(code));
        if (unknown !== undefined)
          reject(
            row,
            cellError(
              tab,
              reference.column,
              register === "legalDocument" ? "UNKNOWN_DOCUMENT" : "UNKNOWN_COURSE",
              { value: unknown },
            ),
          );
      }
    }
  }
}

/**
 * A document another unit holds (a teacher on two schools' rosters; other documents are keyed by
 * unit) is not overwritten: the row is rejected until the other unit withdraws it. The message
 * does not say which unit holds it. Nor is an awards entry a recorded decision wrote: a sheet row
 * could otherwise erase its decision, or bring back an award revoked under G-10.
 */
async function checkOwnership(
  db: Firestore,
  tab: TabDefinition,
  rows: ParsedSheetRow[],
  request: IngestRequest,
): Promise<void> {
  const candidates = rows.flatMap((row) =>
    row.errors.length === 0
      ? row.documents.map((document) => ({
          row,
          path: documentPath(document.collection, document.id, request.year),
        }))
      : [],
  );
  const slices: (typeof candidates)[] = [];
  for (let start = 0; start < candidates.length; start += DOCUMENTS_PER_CHUNK)
    slices.push(candidates.slice(start, start + DOCUMENTS_PER_CHUNK));
  await Promise.all(
    slices.map(async (slice) => {
      const paths = slice.map(({ path }) => path);
      const [holders, decided] = await Promise.all([activeHolders(db, paths), decidedDocuments(db, paths)]);
      slice.forEach(({ row }, index) => {
        const holder = holders[index];
        if (holder !== undefined && holder !== request.unit && row.errors.length === 0)
          reject(row, cellError(tab, tab.naturalKey[0] ?? "", "OTHER_UNIT", { value: row.keyLabel }));
        // A ledger entry of a recorded decision (or of a revoked one, G-10) is the decision's to change.
        if (decided[index] && row.errors.length === 0)
          reject(row, cellError(tab, tab.naturalKey[0] ?? "", "DECIDED", { value: row.keyLabel }));
      });
    }),
  );
}

/**
 * A full-tab send lists every row the sheet has: stored rows of the same unit (and year) that it no
 * longer lists are marked withdrawn, never deleted, with an audit entry each, together with their
 * companion documents (a proposal's council vote). Rows sent with errors still count as present.
 */
function fullSendOf(tab: TabDefinition, rows: readonly ParsedSheetRow[], request: IngestRequest): FullSend {
  return {
    unitId: request.unit,
    year: request.year,
    collection: tab.primary,
    byYearField: tab.scope === "unit-year" && !YEAR_COLLECTIONS.has(tab.primary),
    present: new Set(rows.flatMap((row) => (row.primaryId === undefined ? [] : [row.primaryId]))),
    companions: tab.companions ?? [],
  };
}
