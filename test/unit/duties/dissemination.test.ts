/** domain/dissemination.ts: coverage, session status and deadlines from hand-made records. */
import { describe, expect, it } from "vitest";
import {
  addDays,
  type BriefingSession,
  disseminationReport,
  type LegalDocument,
} from "../../../functions/src/domain/dissemination.js";

const YEAR = "2025-2026";
const doc = (code: string, date: string, extra: Partial<LegalDocument> = {}): LegalDocument => ({
  code,
  year: YEAR,
  number: `${code}/QĐ`,
  date,
  issuer: "Sở",
  summary: `Văn bản ${code}`,
  changes: [],
  requiresBriefing: true,
  ...extra,
});
const session = (unitId: string, code: string, date: string, documentCodes: string[], portalLink?: string) =>
  ({
    unitId,
    year: YEAR,
    code,
    date,
    attendees: 2,
    documentCodes,
    ...(portalLink ? { portalLink } : {}),
  }) satisfies BriefingSession;
const ack = (unitId: string, personId: string, read: string[], attended: string[] = []) => ({
  unitId,
  year: YEAR,
  personId,
  read,
  attended,
});

const register = [
  doc("A", "2025-09-01"),
  doc("B", "2025-09-10", { deadline: "2025-12-31" }),
  doc("OLD", "2022-06-15", { requiresBriefing: false }),
  doc("NEXT", "2024-09-01", { year: "2024-2025" }),
];

const report = disseminationReport(
  register,
  [
    {
      unit: { id: "u1", name: "Trường Một" },
      staffIds: ["p1", "p2", "p3", "p4"],
      sessions: [
        session("u1", "HN-2", "2025-11-20", ["B"]),
        session("u1", "HN-1", "2025-09-25", ["A", "B"], "https://u1.example/vb"),
      ],
      acknowledgements: [
        ack("u1", "p1", ["A"], ["B"]),
        ack("u1", "p2", [], ["A", "B"]),
        ack("u1", "p3", ["B"]),
        // A former member of staff: not on the roster any more, not counted.
        ack("u1", "gone", ["A", "B"]),
      ],
    },
    {
      unit: { id: "u2", name: "Trường Hai" },
      staffIds: ["q1", "q2"],
      sessions: [session("u2", "HN-1", "2025-10-20", ["A"])],
      acknowledgements: [ack("u2", "q1", ["A"])],
    },
    { unit: { id: "u3", name: "Trường Ba" }, staffIds: [], sessions: [], acknowledgements: [] },
  ],
  { year: YEAR, asOf: "2025-11-01", deadlineDays: 30 },
);

describe("disseminationReport", () => {
  it("lists the year's documents that need a session, by date, each with its deadline", () => {
    expect(report.documents.map((entry) => [entry.code, entry.deadline])).toEqual([
      ["A", "2025-10-01"],
      ["B", "2025-12-31"],
    ]);
    expect(addDays("2025-12-15", 30)).toBe("2026-01-14");
  });

  it("counts each current staff member once per document, read or attended", () => {
    const [a, b] = report.units[0]?.documents ?? [];
    expect([a?.acknowledged, a?.read, a?.attended, a?.share]).toEqual([2, 1, 1, 0.5]);
    expect([b?.acknowledged, b?.read, b?.attended, b?.share]).toEqual([3, 1, 2, 0.75]);
    expect(report.units[2]?.documents.map((entry) => entry.share)).toEqual([0, 0]);
  });

  it("dates a document's session by the first that covered it, and tells on time, late, pending, overdue", () => {
    expect(
      report.units.map((unit) => unit.documents.map((entry) => [entry.sessionDate, entry.status])),
    ).toEqual([
      [
        ["2025-09-25", "HELD"],
        ["2025-09-25", "HELD"],
      ],
      [
        ["2025-10-20", "HELD_LATE"],
        [null, "PENDING"],
      ],
      [
        [null, "OVERDUE"],
        [null, "PENDING"],
      ],
    ]);
    expect(report.units[0]?.documents.map((entry) => entry.portalLink)).toEqual([
      "https://u1.example/vb",
      "https://u1.example/vb",
    ]);
  });

  it("lists the documents without a session per unit, and the overdue units", () => {
    expect(report.units.map((unit) => unit.withoutSession)).toEqual([[], ["B"], ["A", "B"]]);
    expect(report.overdueUnits).toEqual([{ unitId: "u3", unitName: "Trường Ba", documents: ["A"] }]);
  });

  it("sums each document over the province: units that held it, share of all staff", () => {
    expect(report.documents.map((entry) => [entry.unitsHeld, entry.share])).toEqual([
      [2, 3 / 6],
      [1, 3 / 6],
    ]);
  });
});
