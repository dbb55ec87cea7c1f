/**
 * Tuyên truyền, quán triệt (docs/duties.md): the Department's register of the year's legal documents
 * and guidance, each unit's Hội nghị quán triệt and its staff's acknowledgements, and the coverage
 * report computed from them — per unit and document, the share of staff who acknowledged it, whether a
 * session was held, and whether it is overdue. Pure.
 */
import { z } from "zod";
import { IsoDate, NaturalKey } from "./model.js";
import { SchoolYear } from "./school-year.js";

/** What a document changes in the year's emulation: individual criteria, collective ones, rights. */
export const LEGAL_CHANGES = ["INDIVIDUAL", "COLLECTIVE", "RIGHTS"] as const;
export const LegalChange = z.enum(LEGAL_CHANGES);
export type LegalChange = z.infer<typeof LegalChange>;

/** An http(s) address, as a portal page or a published document has. */
const WebLink = z.string().regex(/^https?:\/\/[^\s]+$/u, { message: "invalid-link" });

/**
 * UNCONFIRMED (docs/duties.md): no text fixes when a unit must hold its Hội nghị quán triệt; the
 * default gives it 30 days from the document's date, and the register may set a date per document.
 */
export const DEFAULT_BRIEFING_DEADLINE_DAYS = 30;

/** years/{year}/legalDocuments/{code}: one row of the Department's register (tab "Văn bản pháp lý"). */
export const LegalDocument = z.object({
  code: NaturalKey,
  year: SchoolYear,
  /** Số, ký hiệu as issued, e.g. "06/2022/QH15". */
  number: z.string().min(1),
  date: IsoDate,
  issuer: z.string().min(1),
  summary: z.string().min(1),
  link: WebLink.optional(),
  /** What is new, in the Department's words. */
  news: z.string().optional(),
  changes: z.array(LegalChange).default([]),
  /** Whether every unit must hold a session on it (a new document of the year); default yes. */
  requiresBriefing: z.boolean().default(true),
  deadline: IsoDate.optional(),
});
export type LegalDocument = z.infer<typeof LegalDocument>;

/** years/{year}/briefingSessions/{unit}_{code}: a unit's Hội nghị quán triệt. */
export const BriefingSession = z.object({
  unitId: NaturalKey,
  year: SchoolYear,
  code: NaturalKey,
  date: IsoDate,
  attendees: z.number().int().min(0),
  documentCodes: z.array(NaturalKey).min(1),
  /** Where the unit published the documents on its portal. */
  portalLink: WebLink.optional(),
});
export type BriefingSession = z.infer<typeof BriefingSession>;

/**
 * years/{year}/acknowledgements/{unit}_{person}: one staff member's acknowledgements of the year —
 * the register codes read, and those of the session attended (which counts as read).
 */
export const Acknowledgement = z
  .object({
    unitId: NaturalKey,
    year: SchoolYear,
    personId: NaturalKey,
    read: z.array(NaturalKey).default([]),
    attended: z.array(NaturalKey).default([]),
    date: IsoDate.optional(),
  })
  .refine((ack) => ack.read.length + ack.attended.length > 0, { path: ["read"], message: "empty" });
export type Acknowledgement = z.infer<typeof Acknowledgement>;

/** `date` plus `days`, ISO in and out. */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T00:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** The day a unit's session on `document` is due. */
const briefingDeadline = (document: LegalDocument, deadlineDays: number): string =>
  document.deadline ?? addDays(document.date, deadlineDays);

export interface DisseminationUnitInput {
  unit: { id: string; name: string };
  /** The ids of the unit's current staff (the roster without former staff). */
  staffIds: readonly string[];
  sessions: readonly BriefingSession[];
  acknowledgements: readonly Acknowledgement[];
}

export interface DisseminationOptions {
  year: string;
  /** The day the report is made: a session not held by a deadline before it is overdue. */
  asOf: string;
  deadlineDays: number;
}

/** HELD: on time; HELD_LATE: after the deadline; PENDING: not yet, not yet due; OVERDUE: not held, due. */
export type BriefingStatus = "HELD" | "HELD_LATE" | "PENDING" | "OVERDUE";

interface UnitDocumentCoverage {
  code: string;
  /** Current staff who read it or attended a session on it. */
  acknowledged: number;
  read: number;
  attended: number;
  share: number;
  /** The first session that covered it; null when none did. */
  sessionDate: string | null;
  status: BriefingStatus;
  portalLink: string | null;
}

interface UnitDissemination {
  unitId: string;
  unitName: string;
  staff: number;
  documents: UnitDocumentCoverage[];
  /** Codes of the new documents the unit has held no session for. */
  withoutSession: string[];
  overdue: string[];
}

export interface DisseminationReport {
  year: string;
  asOf: string;
  deadlineDays: number;
  documents: {
    code: string;
    number: string;
    date: string;
    issuer: string;
    summary: string;
    changes: LegalChange[];
    deadline: string;
    /** Units that held a session on it, and the share of the province's staff who acknowledged it. */
    unitsHeld: number;
    share: number;
  }[];
  units: UnitDissemination[];
  overdueUnits: { unitId: string; unitName: string; documents: string[] }[];
}

const shareOf = (count: number, total: number): number => (total === 0 ? 0 : count / total);

function unitCoverage(
  input: DisseminationUnitInput,
  documents: readonly { document: LegalDocument; deadline: string }[],
  asOf: string,
): UnitDissemination {
  const staff = new Set(input.staffIds);
  const acknowledgements = input.acknowledgements.filter((ack) => staff.has(ack.personId));
  const sessions = [...input.sessions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const coverage = documents.map(({ document, deadline }): UnitDocumentCoverage => {
    const read = acknowledgements.filter((ack) => ack.read.includes(document.code)).length;
    const attended = acknowledgements.filter((ack) => ack.attended.includes(document.code)).length;
    const acknowledged = acknowledgements.filter(
      (ack) => ack.read.includes(document.code) || ack.attended.includes(document.code),
    ).length;
    const covering = sessions.filter((session) => session.documentCodes.includes(document.code));
    const sessionDate = covering[0]?.date ?? null;
    const status: BriefingStatus =
      sessionDate === null
        ? asOf > deadline
          ? "OVERDUE"
          : "PENDING"
        : sessionDate > deadline
          ? "HELD_LATE"
          : "HELD";
    return {
      code: document.code,
      acknowledged,
      read,
      attended,
      share: shareOf(acknowledged, staff.size),
      sessionDate,
      status,
      portalLink: covering.find((session) => session.portalLink)?.portalLink ?? null,
    };
  });
  return {
    unitId: input.unit.id,
    unitName: input.unit.name,
    staff: staff.size,
    documents: coverage,
    withoutSession: coverage.filter((entry) => entry.sessionDate === null).map((entry) => entry.code),
    overdue: coverage.filter((entry) => entry.status === "OVERDUE").map((entry) => entry.code),
  };
}

/**
 * The coverage of the year's new documents (those the register marks for a session) in each unit,
 * in the order given; documents by date, then code.
 */
export function disseminationReport(
  register: readonly LegalDocument[],
  units: readonly DisseminationUnitInput[],
  options: DisseminationOptions,
): DisseminationReport {
  const documents = register
    .filter((document) => document.year === options.year && document.requiresBriefing)
    .sort((a, b) => (a.date === b.date ? (a.code < b.code ? -1 : 1) : a.date < b.date ? -1 : 1))
    .map((document) => ({ document, deadline: briefingDeadline(document, options.deadlineDays) }));
  const unitReports = units.map((unit) => unitCoverage(unit, documents, options.asOf));
  const totalStaff = unitReports.reduce((sum, unit) => sum + unit.staff, 0);
  return {
    year: options.year,
    asOf: options.asOf,
    deadlineDays: options.deadlineDays,
    documents: documents.map(({ document, deadline }, index) => {
      const entries = unitReports.map((unit) => unit.documents[index]);
      return {
        code: document.code,
        number: document.number,
        date: document.date,
        issuer: document.issuer,
        summary: document.summary,
        changes: document.changes,
        deadline,
        unitsHeld: entries.filter((entry) => entry?.sessionDate !== null).length,
        share: shareOf(
          entries.reduce((sum, entry) => sum + (entry?.acknowledged ?? 0), 0),
          totalStaff,
        ),
      };
    }),
    units: unitReports,
    overdueUnits: unitReports
      .filter((unit) => unit.overdue.length > 0)
      .map((unit) => ({ unitId: unit.unitId, unitName: unit.unitName, documents: unit.overdue })),
  };
}
