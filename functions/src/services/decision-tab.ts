/**
 * Ingest of the tab "Quyết định khen thưởng" (sheets/tabs/quyet-dinh.ts): its rows, grouped by
 * decision (the same "Số quyết định" and "Ngày quyết định"), each group recorded by the decisions
 * service exactly as POST /v1/decisions records it — same checks, same transaction, same audit.
 * A decision is one act: recorded with all its rows or not at all. A row with an error keeps its
 * whole decision out, and each of its other rows says which row to fix; the service's refusal is
 * written on the row and column it is about (the dossier, the subject) or on every row of the
 * decision. A resend of the same rows is a replay (nothing written); a published decision never
 * changes by a resend; "Công bố" publishes the decision once recorded.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { Decision } from "../domain/decision.js";
import { type AppError, isAppError } from "../domain/errors.js";
import type { User } from "../domain/model.js";
import { resolveHeader } from "../sheets/headers.js";
import {
  type CellError,
  cellError,
  type ParsedRow,
  type ParsedSheetRow,
  parseCell,
  parseTabRows,
  type SheetRowInput,
  type TabDefinition,
} from "../sheets/index.js";
import {
  DECISION_FIELDS,
  type DecisionField,
  decisionNumberOf,
  REQUIRED_DECISION_FIELDS,
} from "../sheets/tabs/quyet-dinh.js";
import { publishDecision, recordOrReplayDecision } from "./decisions.js";
import type { IngestRequestBody, IngestRowsResult } from "./ingest.js";

interface DecisionGroup {
  /** "512/QĐ-SGDĐT", as the rows write it. */
  label: string;
  rows: ParsedSheetRow[];
}

export async function ingestDecisionRows(
  db: Firestore,
  user: User,
  tab: TabDefinition,
  request: IngestRequestBody,
  requestId: string,
): Promise<IngestRowsResult> {
  const { rows } = parseTabRows(tab, request.rows, { unitId: request.unit, year: request.year });
  const groups = groupByDecision(tab, request.rows, rows);
  const changes = new Map<ParsedSheetRow, "created" | "updated" | "unchanged">();
  // One decision after the other: each is a transaction over its dossiers and ledger entries.
  for (const group of groups) {
    const failed = group.rows.find((row) => row.errors.length > 0);
    if (failed) {
      markNotRecorded(tab, group, failed);
      continue;
    }
    const fields = decisionFields(tab, group);
    if (!fields) continue;
    try {
      const input = decisionInput(group, fields, request.year);
      const recorded = await recordOrReplayDecision(db, user, input, requestId);
      const published = await publishIfAsked(db, user, recorded.decision, fields.publish === true, requestId);
      const change = recorded.replayed ? (published ? "updated" : "unchanged") : "created";
      for (const row of group.rows) changes.set(row, change);
    } catch (error) {
      if (!isAppError(error)) throw error;
      placeRefusal(tab, group, error);
    }
  }
  const results = rows
    .map((row) =>
      row.errors.length > 0
        ? { row: row.row, status: "rejected" as const, errors: row.errors }
        : { row: row.row, status: "accepted" as const, change: changes.get(row) ?? "unchanged", errors: [] },
    )
    .sort((a, b) => a.row - b.row);
  const rejected = results.filter((row) => row.status === "rejected").length;
  return {
    status: rejected > 0 ? 422 : 200,
    body: { tab: tab.id, accepted: results.length - rejected, rejected, withdrawn: 0, rows: results },
  };
}

/**
 * The rows of each decision, in the order of the sheet. A row whose number or date cannot be read
 * is a decision of its own (its cell errors say why).
 */
function groupByDecision(
  tab: TabDefinition,
  inputs: readonly SheetRowInput[],
  rows: readonly ParsedSheetRow[],
): DecisionGroup[] {
  const byRow = new Map(inputs.map((input) => [input.row, input]));
  const groups = new Map<string, DecisionGroup>();
  for (const row of rows) {
    const number = cellOf(tab, byRow.get(row.row), "decisionNo");
    const date = cellOf(tab, byRow.get(row.row), "decisionDate");
    const label = typeof number === "string" ? number : "";
    const key =
      typeof number === "string" && typeof date === "string" ? `${number}\u0000${date}` : `row:${row.row}`;
    const group = groups.get(key);
    if (group) group.rows.push(row);
    else groups.set(key, { label, rows: [row] });
  }
  return [...groups.values()];
}

/** One cell of a sent row, parsed by its column (undefined when absent or unreadable). */
function cellOf(tab: TabDefinition, input: SheetRowInput | undefined, key: string) {
  const column = tab.columns.find((candidate) => candidate.key === key);
  if (!input || !column) return undefined;
  const raw = Object.entries(input.values).find(([header]) => resolveHeader(tab, header) === column)?.[1];
  const parsed = parseCell(column, raw);
  return parsed.ok ? parsed.value : undefined;
}

const valuesOf = (row: ParsedSheetRow): ParsedRow => (row.documents[0]?.data ?? {}) as ParsedRow;

function reject(row: ParsedSheetRow, error: CellError): void {
  row.errors.push(error);
  row.documents = [];
}

function markNotRecorded(tab: TabDefinition, group: DecisionGroup, failed: ParsedSheetRow): void {
  for (const row of group.rows)
    if (row.errors.length === 0)
      reject(
        row,
        cellError(tab, "decisionNo", "DECISION_NOT_RECORDED", { value: group.label, otherRow: failed.row }),
      );
}

type Fields = Partial<Record<DecisionField, ParsedRow[string]>>;

/**
 * The decision-wide cells of the group: each from the first row that writes it; a row that writes
 * another value, or a required one no row writes, rejects the decision.
 */
function decisionFields(tab: TabDefinition, group: DecisionGroup): Fields | undefined {
  const fields: Fields = {};
  const firstRow = new Map<DecisionField, number>();
  const failures: { row: ParsedSheetRow; error: CellError }[] = [];
  for (const row of group.rows) {
    const values = valuesOf(row);
    for (const key of DECISION_FIELDS) {
      const value = values[key];
      if (value === undefined) continue;
      const seen = firstRow.get(key);
      if (seen === undefined) {
        fields[key] = value;
        firstRow.set(key, row.row);
      } else if (JSON.stringify(fields[key]) !== JSON.stringify(value))
        failures.push({
          row,
          error: cellError(tab, key, "DECISION_FIELD_CONFLICT", { value: String(value), otherRow: seen }),
        });
    }
  }
  const first = group.rows[0];
  for (const key of REQUIRED_DECISION_FIELDS)
    if (fields[key] === undefined && first)
      failures.push({ row: first, error: cellError(tab, key, "REQUIRED") });
  if (failures.length === 0) return fields;
  for (const { row, error } of failures) reject(row, error);
  const failed = failures[0]?.row;
  if (failed) markNotRecorded(tab, group, failed);
  return undefined;
}

const text = (value: ParsedRow[string]): string | undefined =>
  typeof value === "string" ? value : undefined;
const list = (value: ParsedRow[string]): string[] | undefined =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : undefined;

/** The body POST /v1/decisions would take for these rows (the service validates it). */
function decisionInput(group: DecisionGroup, fields: Fields, year: string): Record<string, unknown> {
  const rows = group.rows.map(valuesOf);
  const first = rows[0] ?? {};
  const number = decisionNumberOf(text(first.decisionNo));
  const optional = (key: string, value: unknown) => (value === undefined ? {} : { [key]: value });
  return {
    level: fields.level,
    number: number?.number,
    date: first.decisionDate,
    year,
    issuer: {
      ...optional("parentName", text(fields.issuerParent)),
      name: text(fields.issuerName),
      abbreviation: number?.abbreviation,
      place: text(fields.place),
    },
    issuerTitle: text(fields.issuerTitle),
    signer: {
      ...optional("capacity", text(fields.signerCapacity)),
      title: text(fields.signerTitle),
      name: text(fields.signerName),
    },
    ...optional("proposalRef", text(fields.proposalRef)),
    advisor: text(fields.advisor),
    fundSource: text(fields.fundSource),
    executors: list(fields.executors),
    copies: list(fields.copies) ?? [],
    dossierIds: [...new Set(rows.map((row) => text(row.dossierId) ?? ""))],
    proposals: rows.map((row) => ({
      dossierId: row.dossierId,
      subjectId: row.subjectId,
      target: row.target,
    })),
  };
}

/** "Công bố: Có" publishes a decision still only issued; true when it did. */
async function publishIfAsked(
  db: Firestore,
  user: User,
  decision: Decision,
  asked: boolean,
  requestId: string,
): Promise<boolean> {
  if (!asked || decision.state !== "ISSUED") return false;
  await publishDecision(db, user, decision.id, { requestId });
  return true;
}

/**
 * The service's refusal on the cell it is about: `body.proposals.N…` is the group's N-th row,
 * `body.dossierIds.N` the rows of the N-th dossier (their other rows say which row to fix);
 * `body.level` and `body.year` (a dossier of another year) are the decision's, on every row; the
 * rest (a number already used, a published decision) on every row's "Số quyết định".
 */
function placeRefusal(tab: TabDefinition, group: DecisionGroup, error: AppError): void {
  const refusal = (key: string) => cellError(tab, key, "DECISION_REFUSED", { value: error.message });
  const [, list, index, part] =
    /^body\.(proposals|dossierIds)\.(\d+)(?:\.(\w+))?/.exec(error.field ?? "") ?? [];
  const dossierOf = (row: ParsedSheetRow) => text(valuesOf(row).dossierId);
  const named =
    list === "proposals"
      ? group.rows.filter((_, position) => position === Number(index))
      : list === "dossierIds"
        ? group.rows.filter(
            (row) => dossierOf(row) === [...new Set(group.rows.map(dossierOf))][Number(index)],
          )
        : [];
  const column =
    list === "dossierIds" || part === "dossierId" || error.field === "body.year"
      ? "dossierId"
      : part === "target"
        ? "target"
        : list === "proposals"
          ? "subjectId"
          : error.field === "body.level"
            ? "level"
            : "decisionNo";
  for (const row of named.length > 0 ? named : group.rows) reject(row, refusal(column));
  const first = named[0];
  if (first) markNotRecorded(tab, group, first);
}
