/**
 * Use case "gắn xét thi đua với hiệu quả công việc": the evidence beside each of a unit's proposals
 * (domain/merit-evidence.ts) from tab "Minh chứng hiệu quả công việc" and the data the system holds,
 * the council's working list (PDF), and the warnings the unit eligibility answer carries beside its
 * verdicts — a flag, never a change of the verdict.
 */
import type { Firestore } from "@google-cloud/firestore";
import type { RenderOptions } from "../documents/layout.js";
import { renderDanhSachMinhChung } from "../documents/minh-chung.js";
import { dateInVietnam } from "../domain/calendar.js";
import { AppError } from "../domain/errors.js";
import { type EvidenceFlag, type ProposalEvidence, proposalEvidence } from "../domain/merit-evidence.js";
import { eligibilityServiceMessages, evidenceFieldLabels, evidenceText } from "../domain/messages/index.js";
import type { Unit, User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { unitDocuments, unitYearDocuments } from "../store/readers.js";
import { requireUnitAccess } from "./unit-access.js";
import type { UnitEligibility } from "./unit-eligibility.js";

/** A warning beside a proposal, with its Vietnamese text. */
interface EvidenceWarning {
  code: EvidenceFlag["code"];
  message: string;
  missing: EvidenceFlag["missing"];
}

interface ProposalEvidenceLine extends ProposalEvidence {
  subjectName: string;
  position: string | null;
  warning: EvidenceWarning | null;
}

export interface MeritEvidenceReport {
  unitId: string;
  unitName: string;
  year: string;
  proposals: ProposalEvidenceLine[];
  /** Proposals judged on their evidence (year-end công trạng), and those of them flagged. */
  required: number;
  flagged: number;
}

const warningOf = (flag: EvidenceFlag | null): EvidenceWarning | null =>
  flag === null
    ? null
    : {
        code: flag.code,
        missing: flag.missing,
        message:
          flag.code === "NO_EVIDENCE"
            ? evidenceText.noEvidence
            : evidenceText.incomplete(flag.missing.map((field) => evidenceFieldLabels[field])),
      };

async function meritEvidenceReport(db: Firestore, unit: Unit, year: string): Promise<MeritEvidenceReport> {
  const [proposals, people, evidence, registrations, initiatives, achievements] = await Promise.all([
    unitYearDocuments(db, unit.id, year, "proposals"),
    unitDocuments(db, unit.id, "people", { includeWithdrawn: true }),
    unitYearDocuments(db, unit.id, year, "evidence"),
    unitYearDocuments(db, unit.id, year, "registrations"),
    unitDocuments(db, unit.id, "initiatives"),
    unitYearDocuments(db, unit.id, year, "achievements"),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const lines = proposalEvidence({
    unitId: unit.id,
    year,
    proposals,
    people,
    evidence,
    registrations,
    initiatives,
    achievements,
  }).map((line): ProposalEvidenceLine => {
    const person = line.subjectKind === "individual" ? personById.get(line.subjectId) : undefined;
    return {
      ...line,
      subjectName:
        line.subjectKind === "collective"
          ? line.subjectId === unit.id
            ? unit.name
            : line.subjectId
          : (person?.fullName ?? line.subjectId),
      position: person?.position ?? null,
      warning: warningOf(line.flag),
    };
  });
  return {
    unitId: unit.id,
    unitName: unit.name,
    year,
    proposals: lines,
    required: lines.filter((line) => line.required).length,
    flagged: lines.filter((line) => line.flag !== null).length,
  };
}

export interface UnitMeritEvidence {
  report: MeritEvidenceReport;
  pdf: (options?: RenderOptions) => Promise<Buffer>;
}

/** The evidence report of `unitId`'s `year`, for a reader of the unit. */
export async function unitMeritEvidence(
  db: Firestore,
  user: User,
  unitId: string,
  year: string,
  at: Date = new Date(),
): Promise<UnitMeritEvidence> {
  const unit = await requireUnitAccess(db, user, unitId, "read");
  if (!isSchoolYear(year))
    throw new AppError(
      "INVALID_ARGUMENT",
      eligibilityServiceMessages.invalidYear(year),
      undefined,
      "path.year",
    );
  const report = await meritEvidenceReport(db, unit, year);
  return { report, pdf: (options) => renderDanhSachMinhChung(unit, report, dateInVietnam(at), options) };
}

export const evidenceFileName = (unitId: string, year: string): string => `minh-chung-${unitId}-${year}.pdf`;

/**
 * The unit eligibility answer with, beside each verdict, its proposal's evidence and the warning of a
 * flagged one. The verdicts are left exactly as the engine gave them.
 */
export async function withMeritEvidence(db: Firestore, unit: Unit, eligibility: UnitEligibility) {
  const { proposals } = await meritEvidenceReport(db, unit, eligibility.year);
  return {
    ...eligibility,
    results: eligibility.results.map((result) => {
      const line = proposals.find(
        (candidate) => candidate.subjectId === result.subjectId && candidate.target === result.target,
      );
      return {
        ...result,
        meritEvidence: line ? { audience: line.audience, values: line.values, held: line.held } : null,
        warnings: line?.warning ? [line.warning] : [],
      };
    }),
  };
}
