/**
 * Use case "khen thưởng đột xuất" (docs/domain.md §11.3): from the year's achievements (tab "Thành
 * tích đột xuất"), the forms proposed for each student, coach and manager (domain/ad-hoc.ts), the
 * clock of each case from the result's date to its recorded decision, and the simplified dossier
 * (Luật 2022 Đ85) built by services/dossier with its `simplified` option.
 */
import type { Firestore } from "@google-cloud/firestore";
import { z } from "zod";
import { isDepartmentRole } from "../domain/access.js";
import {
  type AdHocClock,
  type AdHocLine,
  type AdHocSettings,
  adHocClock,
  adHocProposals,
  adHocSettings,
  proposeAdHoc,
} from "../domain/ad-hoc.js";
import { dateInVietnam } from "../domain/calendar.js";
import { Target } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { isValidId } from "../domain/ids.js";
import { adHocMessages, sheetMessages } from "../domain/messages/index.js";
import { type Achievement, NaturalKey, type Proposal, type Unit, type User } from "../domain/model.js";
import { isSchoolYear } from "../domain/school-year.js";
import { provinceDocuments, unitDocuments, unitYearDocuments } from "../store/readers.js";
import { loadUnit } from "../store/registry.js";
import { loadYearConfig } from "../store/years.js";
import { type BuildDossierRequest, type BuiltDossier, buildDossier } from "./dossier/build.js";
import type { StoredDossier } from "./dossier-workflow.js";
import { requireUnitAccess } from "./unit-access.js";

/** One case on the clock: an achievement row, from its prize decision to the first decision recorded for it. */
export interface AdHocCase {
  achievementId: string;
  name: string;
  role: Achievement["role"];
  contest: string;
  subject: string;
  prize: Achievement["prize"];
  /** Absent while the row has no prize decision's date (Ngày QĐ công nhận giải). */
  clock?: AdHocClock;
  decisionId?: string;
}

interface UnitAdHoc {
  unit: { id: string; name: string };
  lines: AdHocLine[];
  /** The lines as proposals of kind DOT_XUAT, as the simplified dossier carries them. */
  proposals: Proposal[];
  cases: AdHocCase[];
  overdue: number;
}

export interface AdHocReport {
  year: string;
  /** The Vietnamese day the clocks are read on. */
  today: string;
  targetDays: number;
  units: UnitAdHoc[];
}

const requireYear = (year: string, field: string) => {
  if (!isSchoolYear(year))
    throw new AppError("INVALID_ARGUMENT", sheetMessages.invalidYear(year), undefined, field);
};

/**
 * The year's đột xuất cases: a Department role sees every unit with achievements (or the one named),
 * any other role its own unit, or one it may read.
 */
export async function adHocReport(
  db: Firestore,
  user: User,
  year: string,
  options: { unitId?: string | undefined; at?: Date } = {},
): Promise<AdHocReport> {
  requireYear(year, "path.year");
  const settings = adHocSettings((await loadYearConfig(db, year))?.adHoc);
  const today = dateInVietnam(options.at ?? new Date());
  if (options.unitId !== undefined && !isValidId(options.unitId))
    throw new AppError(
      "INVALID_ARGUMENT",
      adHocMessages.invalidUnit(options.unitId),
      undefined,
      "query.unit",
    );
  let units: Unit[];
  if (options.unitId !== undefined) units = [await requireUnitAccess(db, user, options.unitId, "read")];
  else if (isDepartmentRole(user.role)) {
    const holders = [...(await provinceDocuments(db, "achievements", year)).keys()].sort();
    units = await Promise.all(holders.map((unitId) => loadUnit(db, unitId)));
  } else units = [await requireUnitAccess(db, user, user.unitId, "read")];
  return {
    year,
    today,
    targetDays: settings.targetDays,
    units: await Promise.all(units.map((unit) => unitAdHoc(db, unit, year, today, settings))),
  };
}

/** One unit's lines and clocks (no access check: the callers make it). */
async function unitAdHoc(
  db: Firestore,
  unit: Unit,
  year: string,
  today: string,
  settings: AdHocSettings,
): Promise<UnitAdHoc> {
  const [achievements, people, awards] = await Promise.all([
    unitYearDocuments(db, unit.id, year, "achievements"),
    unitDocuments(db, unit.id, "people"),
    unitDocuments(db, unit.id, "awards"),
  ]);
  const lines = proposeAdHoc({ achievements, people, managingAuthority: unit.managingAuthority, settings });
  // The first standing decision of the case stops its clock (revoked entries are not read).
  const firstDecision = (subjectId: string) =>
    awards
      .filter(
        (award) =>
          award.kind === "DOT_XUAT" &&
          award.year === year &&
          award.subjectId === subjectId &&
          award.decisionId &&
          award.decisionDate,
      )
      .sort((a, b) => (a.decisionDate ?? "").localeCompare(b.decisionDate ?? ""))[0];
  const cases = achievements.map((achievement): AdHocCase => {
    const decided = firstDecision(
      achievement.role === "STUDENT" ? achievement.id : (achievement.personId ?? achievement.id),
    );
    return {
      achievementId: achievement.id,
      name: achievement.fullName,
      role: achievement.role,
      contest: achievement.contest,
      subject: achievement.subject,
      prize: achievement.prize,
      ...(achievement.decisionDate
        ? { clock: adHocClock(achievement.decisionDate, decided?.decisionDate, today, settings) }
        : {}),
      ...(decided?.decisionId ? { decisionId: decided.decisionId } : {}),
    };
  });
  return {
    unit: { id: unit.id, name: unit.name },
    lines,
    proposals: adHocProposals(lines, unit.id, year),
    cases,
    overdue: cases.filter((item) => item.clock?.state === "OVERDUE").length,
  };
}

/** The unit's cases on the clock, for the summary of one unit and year (access checked by the caller). */
export async function unitAdHocCases(
  db: Firestore,
  unit: Unit,
  year: string,
  at: Date,
): Promise<AdHocCase[]> {
  const settings = adHocSettings((await loadYearConfig(db, year))?.adHoc);
  return (await unitAdHoc(db, unit, year, dateInVietnam(at), settings)).cases;
}

/** Every unit's cases still undecided past the target on `today`, for the reminders (no user: the job's). */
export async function overdueAdHocCases(
  db: Firestore,
  year: string,
  today: string,
): Promise<{ unit: Unit; cases: (AdHocCase & { clock: AdHocClock })[] }[]> {
  const settings = adHocSettings((await loadYearConfig(db, year))?.adHoc);
  const holders = [...(await provinceDocuments(db, "achievements", year)).keys()].sort();
  const found = await Promise.all(
    holders.map(async (unitId) => {
      const unit = await loadUnit(db, unitId);
      const { cases } = await unitAdHoc(db, unit, year, today, settings);
      return {
        unit,
        cases: cases.filter(
          (item): item is AdHocCase & { clock: AdHocClock } =>
            item.clock?.state === "OVERDUE" && item.clock.decidedOn === undefined,
        ),
      };
    }),
  );
  return found.filter((entry) => entry.cases.length > 0);
}

/** The unit's simplified dossier (tờ trình + danh sách, Luật 2022 Đ85), built as any dossier is. */
export function buildAdHocDossier(request: BuildDossierRequest): Promise<BuiltDossier> {
  const options = typeof request.options === "object" && request.options !== null ? request.options : {};
  return buildDossier({ ...request, options: { ...options, simplified: true } });
}

const StoredAdHocProposals = z.array(
  z.object({
    subjectId: NaturalKey,
    name: z.string().min(1),
    target: Target,
    position: z.string().optional(),
  }),
);

/**
 * The proposals a simplified dossier carries, as services/decisions.ts decides them: kind DOT_XUAT,
 * judged by the đột xuất table when the dossier was built; undefined for any other dossier.
 */
export function simplifiedProposals(stored: StoredDossier, unitId: string, year: string) {
  if (stored.procedure !== "DON_GIAN") return undefined;
  // A malformed stored list carries nothing to decide (the decision is then refused as empty).
  const parsed = StoredAdHocProposals.safeParse(stored.adHocProposals ?? []);
  const lines = parsed.success ? parsed.data : [];
  return {
    proposals: lines.map(
      (line): Proposal => ({
        year,
        unitId,
        subjectKind: "individual",
        subjectId: line.subjectId,
        target: line.target,
        kind: "DOT_XUAT",
      }),
    ),
    names: new Map(lines.map((line) => [line.subjectId, line.name])),
    positions: new Map(lines.flatMap((line) => (line.position ? [[line.subjectId, line.position]] : []))),
  };
}
