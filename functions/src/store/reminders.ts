/**
 * The store side of the reminders: what the rule needs of every unit (its registrations of the
 * year, its dossier's state, its school accounts) and the per-day record that makes a rerun send
 * nothing twice. Only ids, counts and states are read here; e-mail addresses are read for sending
 * and never stored with a reminder.
 */
import { randomUUID } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import { DossierState } from "../domain/codes.js";
import { COLLECTIONS, collectionPath } from "../domain/collections.js";
import { reminderId } from "../domain/document-ids.js";
import { Unit, User } from "../domain/model.js";
import type { ReminderKind } from "../domain/reminders.js";
import { updateDocument, type WriteMeta } from "./writes.js";

export interface ReminderInputs {
  units: Unit[];
  /** Units with at least one registration of the year that is not withdrawn. */
  registered: ReadonlySet<string>;
  dossierStates: ReadonlyMap<string, DossierState>;
  /** The school accounts (officers and principals) of each unit. */
  recipients: ReadonlyMap<string, string[]>;
  /** The Department's specialists (the đột xuất quá hạn reminder goes to them too). */
  departmentRecipients: string[];
}

const SCHOOL_ROLES = ["SCHOOL_OFFICER", "PRINCIPAL"];

export async function reminderInputs(db: Firestore, year: string): Promise<ReminderInputs> {
  const [units, registrations, dossiers, users, departmentUsers] = await Promise.all([
    db.collection(COLLECTIONS.units).get(),
    db.collection(collectionPath("registrations", year)).select("unitId", "withdrawn").get(),
    db
      .collection(COLLECTIONS.dossiers)
      .where("year", "==", year)
      .select("unitId", "state", "procedure")
      .get(),
    db.collection(COLLECTIONS.users).where("role", "in", SCHOOL_ROLES).get(),
    db.collection(COLLECTIONS.users).where("role", "==", "DEPT_SPECIALIST").select().get(),
  ]);
  const registered = new Set<string>();
  for (const doc of registrations.docs)
    if (doc.get("withdrawn") !== true && typeof doc.get("unitId") === "string")
      registered.add(doc.get("unitId"));
  const dossierStates = new Map<string, DossierState>();
  for (const doc of dossiers.docs) {
    // The đột xuất dossier (thủ tục đơn giản) is not the one the deadlines wait for.
    if (doc.get("procedure") === "DON_GIAN") continue;
    const state = DossierState.safeParse(doc.get("state"));
    if (state.success && typeof doc.get("unitId") === "string")
      dossierStates.set(doc.get("unitId"), state.data);
  }
  const recipients = new Map<string, string[]>();
  for (const doc of users.docs) {
    const user = User.safeParse({ ...doc.data(), email: doc.id });
    if (!user.success) continue;
    recipients.set(user.data.unitId, [...(recipients.get(user.data.unitId) ?? []), user.data.email]);
  }
  return {
    units: units.docs.flatMap((doc) => {
      const unit = Unit.safeParse(doc.data());
      return unit.success && unit.data.id === doc.id ? [unit.data] : [];
    }),
    registered,
    dossierStates,
    recipients,
    departmentRecipients: departmentUsers.docs.map((doc) => doc.id),
  };
}

type ReminderRecord = {
  year: string;
  unitId: string;
  kind: ReminderKind;
  date: string;
  deadline: string;
  channel: string;
  recipients: number;
  status: "sending" | "sent" | "failed";
  claim: string;
};

type ReminderKey = Pick<ReminderRecord, "year" | "unitId" | "kind" | "date">;
const recordPath = (key: ReminderKey) => `${COLLECTIONS.reminders}/${reminderId(key)}`;

/**
 * Takes today's record of one reminder (in a transaction, audited): true when this run is to send
 * it, false when a run already sent or is sending it. A failed send may be taken again.
 */
export async function claimReminder(
  db: Firestore,
  record: Omit<ReminderRecord, "status" | "claim">,
  meta: WriteMeta,
): Promise<{ claimed: boolean; claim: string }> {
  const claim = randomUUID();
  const after = await updateDocument<ReminderRecord>(
    db,
    recordPath(record),
    (current) => (current && current.status !== "failed" ? current : { ...record, status: "sending", claim }),
    meta,
  );
  return { claimed: after.claim === claim, claim };
}

/** Records how the claimed send ended. */
export async function settleReminder(
  db: Firestore,
  key: ReminderKey,
  claim: string,
  status: "sent" | "failed",
  meta: WriteMeta,
): Promise<void> {
  await updateDocument<ReminderRecord>(
    db,
    recordPath(key),
    (current) => (current && current.claim === claim ? { ...current, status } : (current as ReminderRecord)),
    meta,
  );
}
