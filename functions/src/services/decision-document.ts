/** Use case "print a recorded decision": the quyết định and its annex, rendered from the stored decision. */
import { createHash } from "node:crypto";
import type { Firestore } from "@google-cloud/firestore";
import type { RenderOptions } from "../documents/layout.js";
import { type QuyetDinhInput, renderQuyetDinh } from "../documents/quyet-dinh.js";
import type { BaseSalaryStep } from "../documents/reward-amounts.js";
import type { Decision } from "../domain/decision.js";
import type { User } from "../domain/model.js";
import { loadYearConfig } from "../store/years.js";
import { getDecision } from "./decisions.js";
import type { FileStore } from "./files.js";

/** The quyết định as printed: the stored decision and the year's configured căn cứ, nothing else. */
async function quyetDinhInputOf(db: Firestore, decision: Decision, baseSalary: readonly BaseSalaryStep[]) {
  const yearConfig = await loadYearConfig(db, decision.year);
  const input: QuyetDinhInput = {
    issuer: decision.issuer,
    number: decision.number,
    date: decision.date,
    schoolYear: decision.year,
    issuerTitle: decision.issuerTitle,
    legalTexts: yearConfig?.legalTexts ?? [],
    proposalRef: decision.proposalRef,
    advisor: decision.advisor,
    fundSource: decision.fundSource,
    executors: decision.executors,
    entries: decision.subjects.map((subject) => ({
      code: subject.target,
      subjectKind: subject.subjectKind,
      name: subject.name,
      positionAndUnit: subject.positionAndUnit,
    })),
    baseSalary: [...baseSalary],
    signer: decision.signer,
    copies: decision.copies,
  };
  return input;
}

/** Renders the stored decision's quyết định and annex (amounts at its date's lương cơ sở) into the file store. */
export async function renderStoredDecision(
  db: Firestore,
  user: User,
  id: string,
  options: { files: FileStore; baseSalary: readonly BaseSalaryStep[]; render?: RenderOptions },
) {
  const decision = await getDecision(db, user, id);
  const bytes = await renderQuyetDinh(
    await quyetDinhInputOf(db, decision, options.baseSalary),
    options.render,
  );
  const file = await options.files.put(`quyet-dinh/${id}.pdf`, bytes, "application/pdf");
  return {
    id,
    number: decision.numberText,
    state: decision.state,
    file,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    bytes: bytes.length,
  };
}
