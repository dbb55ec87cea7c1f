/**
 * Which units get which reminder on a given day (pure): from the year's deadlines
 * (registrationDeadline, submissionDeadline of years/{year}), each unit's registrations and the
 * state of its dossier. A reminder is due in the last REMINDER_WINDOW_DAYS days before its
 * deadline and on the deadline day itself; a unit that has done the step gets none.
 */
import type { DossierState } from "./codes.js";
import { reminderMessages } from "./messages/index.js";
import type { YearConfig } from "./model.js";

/** AD_HOC_OVERDUE: đột xuất cases past their target with no decision (domain/ad-hoc.ts), to the unit and the Department. */
const REMINDER_KINDS = ["REGISTRATION", "SUBMISSION", "CORRECTION", "AD_HOC_OVERDUE"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** How many days before a deadline the reminders begin. */
const REMINDER_WINDOW_DAYS = 7;

/** What the rule needs to know of one unit. */
export interface UnitStanding {
  unitId: string;
  unitName: string;
  /** The unit has at least one registration (of a person or a collective) stored for the year. */
  registered: boolean;
  /** The state of the unit's dossier of the year; undefined when none was built. */
  dossierState: DossierState | undefined;
}

export interface DueReminder {
  unitId: string;
  kind: ReminderKind;
  deadline: string;
  /** 0 on the deadline day. */
  daysLeft: number;
  subject: string;
  text: string;
}

const DAY_MS = 86_400_000;
/** Whole days from ISO day `from` to ISO day `to` (both calendar days, so no time zone enters). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The step each kind waits for, and whether the unit still owes it. */
type DeadlineKind = Exclude<ReminderKind, "AD_HOC_OVERDUE">;
const OWES: Record<DeadlineKind, (unit: UnitStanding) => boolean> = {
  REGISTRATION: (unit) => !unit.registered,
  // No dossier yet, or one the school still holds as a draft.
  SUBMISSION: (unit) => unit.dossierState === undefined || unit.dossierState === "DRAFT",
  CORRECTION: (unit) => unit.dossierState === "RETURNED",
};

export function dueReminders(
  config: YearConfig,
  today: string,
  units: readonly UnitStanding[],
): DueReminder[] {
  const deadlines: [DeadlineKind, string | undefined][] = [
    ["REGISTRATION", config.registrationRequired ? config.registrationDeadline : undefined],
    ["SUBMISSION", config.submissionDeadline],
    ["CORRECTION", config.submissionDeadline],
  ];
  return units.flatMap((unit) =>
    deadlines.flatMap(([kind, deadline]) => {
      if (deadline === undefined) return [];
      const daysLeft = daysBetween(today, deadline);
      if (daysLeft < 0 || daysLeft > REMINDER_WINDOW_DAYS || !OWES[kind](unit)) return [];
      const message = reminderMessages.message(kind, {
        unitName: unit.unitName,
        year: config.year,
        today,
        deadline,
        daysLeft,
      });
      return [{ unitId: unit.unitId, kind, deadline, daysLeft, ...message }];
    }),
  );
}
