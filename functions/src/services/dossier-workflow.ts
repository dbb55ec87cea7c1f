/**
 * Use case "move a dossier along its workflow" (DOMAIN.md §13): the school submits; the appraising
 * level (commune for commune-managed schools, the Department otherwise) returns, appraises, brings it
 * to the council, approves, records the decision, suspends (G-04) or revokes (G-10). Each step is
 * a read-modify-write in one transaction, recorded in the dossier's history and the audit log.
 */
import type { Firestore } from "@google-cloud/firestore";
import { isDepartmentRole } from "../domain/access.js";
import { type DossierState, DossierState as DossierStateSchema } from "../domain/codes.js";
import { AppError } from "../domain/errors.js";
import { dossierStateLabels, workflowMessages } from "../domain/messages/index.js";
import type { User } from "../domain/model.js";
import { canTransition, isSchoolStep, nextStates } from "../domain/workflow.js";
import { COLLECTIONS } from "../store/firestore.js";
import { updateDocument } from "../store/writes.js";
import { requireUnitAccess } from "./unit-access.js";

export interface TransitionRequest {
  dossierId: string;
  to: string;
  note?: string | undefined;
  requestId: string;
}

type StoredDossier = Record<string, unknown> & { state?: DossierState; history?: unknown[]; unitId?: string };

export async function transitionDossier(db: Firestore, user: User, request: TransitionRequest) {
  const to = DossierStateSchema.safeParse(request.to);
  if (!to.success) throw new AppError("INVALID_ARGUMENT", workflowMessages.unknownState(request.to));
  const path = `${COLLECTIONS.dossiers}/${request.dossierId}`;
  const current = (await db.doc(path).get()).data() as StoredDossier | undefined;
  if (!current?.unitId) throw new AppError("NOT_FOUND", workflowMessages.notFound(request.dossierId));
  const school = isSchoolStep(to.data);
  await requireUnitAccess(db, user, current.unitId, school ? "write" : "read");
  const appraiser = isDepartmentRole(user.role) || user.role === "COMMUNE_SPECIALIST";
  if (!school && !appraiser) throw new AppError("PERMISSION_DENIED", workflowMessages.appraisersOnly());

  return updateDocument<StoredDossier>(
    db,
    path,
    (stored) => {
      const from = stored?.state ?? "DRAFT";
      if (!canTransition(from, to.data)) {
        throw new AppError(
          "CONFLICT",
          workflowMessages.notAllowed(
            dossierStateLabels[from],
            dossierStateLabels[to.data],
            nextStates(from).map((state) => dossierStateLabels[state]),
          ),
        );
      }
      const step = {
        from,
        to: to.data,
        actor: user.email,
        at: new Date().toISOString(),
        ...(request.note ? { note: request.note } : {}),
      };
      return { ...stored, state: to.data, history: [...(stored?.history ?? []), step] };
    },
    { actor: user.email, requestId: request.requestId },
  );
}
