/**
 * Reading and judging eligibility cases. Each case is read on its own: a case that cannot be read
 * gets status "error" and the others are still judged. One SubjectHistory index is built per case
 * (or per subject when several targets are judged for the same person).
 */
import type { z } from "zod";
import { isCollectiveTitle, isIndividualTitle, Target } from "../codes.js";
import { AppError, bodyField } from "../errors.js";
import { eligibilityMessages as msg } from "../messages/index.js";
import { SchoolYear, startYearOf } from "../school-year.js";
import {
  coThiDuaChinhPhuChecks,
  coThiDuaTinhChecks,
  ttldttChecks,
  ttldxsChecks,
} from "./collective-titles.js";
import { afterAwardChecks, bangKhenBoChecks, bangKhenTinhChecks, giayKhenChecks } from "./commendations.js";
import { type EligibilityConfig, resolveConfig } from "./config.js";
import { commonChecksFor, type EvalContext } from "./context.js";
import { cstdCoSoChecks, cstdTinhChecks, cstdToanQuocChecks, ldttChecks } from "./individual-titles.js";
import { legalBasisOn } from "./legal-basis.js";
import { CaseFile, EligibilityCase } from "./schema.js";
import type { CaseError, CaseResult, Check } from "./types.js";
import { SubjectHistory } from "./windows.js";

const RULES_BY_TARGET: Record<Target, (ctx: EvalContext) => Check[]> = {
  // A copy: the LĐTT checks are shared with CSTĐCS within one subject.
  LDTT: (ctx) => [...ldttChecks(ctx)],
  CSTD_CS: cstdCoSoChecks,
  CSTD_TINH: cstdTinhChecks,
  CSTD_TQ: cstdToanQuocChecks,
  TTLDTT: ttldttChecks,
  TTLDXS: ttldxsChecks,
  CO_TD_TINH: coThiDuaTinhChecks,
  CO_TD_CP: coThiDuaChinhPhuChecks,
  GK_HIEU_TRUONG: (ctx) => giayKhenChecks(ctx, "GK_HIEU_TRUONG"),
  GK_GD_SO: (ctx) => giayKhenChecks(ctx, "GK_GD_SO"),
  GK_CT_UBND_XA: (ctx) => giayKhenChecks(ctx, "GK_CT_UBND_XA"),
  BK_CT_UBND_TINH: bangKhenTinhChecks,
  BK_BO_TRUONG_GDDT: bangKhenBoChecks,
  BK_TTG: (ctx) => afterAwardChecks(ctx, "BK_TTG"),
  HCLD_3: (ctx) => afterAwardChecks(ctx, "HCLD_3"),
  HCLD_2: (ctx) => afterAwardChecks(ctx, "HCLD_2"),
  HCLD_1: (ctx) => afterAwardChecks(ctx, "HCLD_1"),
};

export interface EligibilityOutput {
  results: CaseResult[];
}

/** The whole case file. A malformed envelope or config is the caller's error (AppError). */
export function evaluateCaseFile(input: unknown): EligibilityOutput {
  const parsed = CaseFile.safeParse(input);
  if (!parsed.success)
    throw new AppError(
      "INVALID_ARGUMENT",
      msg.invalidFile(describeIssues(parsed.error.issues)),
      parsed.error.issues,
      bodyField(parsed.error.issues[0]?.path),
    );
  const config = resolveConfig(parsed.data.config);
  return { results: parsed.data.cases.map((raw, index) => evaluateCase(raw, index, config)) };
}

/** One raw case: read it, then judge it. */
function evaluateCase(raw: unknown, index: number, config: EligibilityConfig): CaseResult {
  const read = readCase(raw, index);
  if ("error" in read) return read.error;
  return evaluateTargets(read.case, [read.case.target], config)[0] as CaseResult;
}

/**
 * Judges one validated subject for several targets, building its history index once (the year-end
 * job and the benchmark judge every target for every person). `subjectCase.target` is ignored.
 */
export function evaluateTargets(
  subjectCase: EligibilityCase,
  targets: readonly Target[],
  config: EligibilityConfig,
): CaseResult[] {
  const { id, year, subject } = subjectCase;
  const errorFor = (target: string, error: CaseError): CaseResult => errorResult(id, target, error, year);
  const start = startYearOf(year);
  const record = subjectCase.history.find((h) => h.year === year);
  const proposalDate = subjectCase.proposalDate ?? `${start + 1}-${config.defaultProposalMonthDay}`;
  const basis = legalBasisOn(proposalDate);
  // Target-independent, so built once for the subject: the context (its history index on first
  // use) and the legal-basis record, which the subject's results share as they share checks.
  let ctx: EvalContext | undefined;
  let legalBasis: CaseResult["legalBasis"];
  const results: CaseResult[] = [];
  for (const target of targets) {
    const wrongKind = subject.kind === "individual" ? isCollectiveTitle(target) : isIndividualTitle(target);
    if (wrongKind)
      results.push(
        errorFor(target, { code: "INVALID_CASE", message: msg.subjectMismatch(target, subject.kind) }),
      );
    else if (record === undefined)
      results.push(errorFor(target, { code: "MISSING_TARGET_YEAR", message: msg.missingTargetYear(year) }));
    else if (basis === undefined)
      results.push(errorFor(target, { code: "NO_LEGAL_BASIS", message: msg.noLegalBasis(proposalDate) }));
    else {
      ctx ??= {
        input: subjectCase,
        config,
        basis,
        history: new SubjectHistory(subjectCase.history, config),
        start,
        year,
        record,
        proposalYear: Number(proposalDate.slice(0, 4)),
        shared: {},
        common: commonChecksFor(config, basis, year),
      };
      legalBasis ??= {
        version: basis.version,
        label: basis.label,
        effectiveFrom: basis.effectiveFrom,
        effectiveUntil: basis.effectiveUntil,
        documents: basis.documents,
        proposalDate,
        proposalDateSource: subjectCase.proposalDate === undefined ? "default" : "case",
      };
      results.push(judged(id, target, year, RULES_BY_TARGET[target](ctx), legalBasis));
    }
  }
  return results;
}

/** A result from its checks: failed rules (warnings aside) make it ineligible, missing inputs incomplete. */
function judged(
  id: string,
  target: Target,
  year: string,
  checks: Check[],
  legalBasis: CaseResult["legalBasis"],
): CaseResult {
  const failed: string[] = [];
  const missing: string[] = [];
  for (const check of checks) {
    if (check.missing !== undefined) {
      for (const input of check.missing) if (!missing.includes(input)) missing.push(input);
    } else if (!check.ok && check.warning !== true && !failed.includes(check.rule)) failed.push(check.rule);
  }
  return {
    id,
    target,
    year,
    status: failed.length > 0 ? "ineligible" : missing.length > 0 ? "incomplete" : "eligible",
    failed,
    missing,
    checks,
    legalBasis,
  };
}

type ReadResult = { case: EligibilityCase } | { error: CaseResult };

/** Validates one case, naming the first thing wrong: the target, the year, or any other field. */
export function readCase(raw: unknown, index: number): ReadResult {
  const fields = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : undefined;
  const id = typeof fields?.id === "string" && fields.id !== "" ? fields.id : `#${index + 1}`;
  const target = typeof fields?.target === "string" ? fields.target : "";
  const fail = (error: CaseError): ReadResult => ({ error: errorResult(id, target, error) });
  if (fields === undefined) return fail({ code: "INVALID_CASE", message: msg.caseInvalid(msg.notAnObject) });
  if (!Target.safeParse(fields.target).success)
    return fail({ code: "UNKNOWN_TARGET", message: msg.unknownTarget(fields.target) });
  if (!SchoolYear.safeParse(fields.year).success)
    return fail({ code: "INVALID_YEAR", message: msg.invalidYear(fields.year) });
  const parsed = EligibilityCase.safeParse(raw);
  if (!parsed.success) {
    const yearIssue = parsed.error.issues.find((issue) => issue.path.at(-1) === "year");
    return fail(
      yearIssue === undefined
        ? { code: "INVALID_CASE", message: msg.caseInvalid(describeIssues(parsed.error.issues)) }
        : { code: "INVALID_YEAR", message: msg.caseInvalid(describeIssues([yearIssue])) },
    );
  }
  const seen = new Set<string>();
  for (const record of parsed.data.history) {
    if (seen.has(record.year))
      return fail({ code: "INVALID_CASE", message: msg.caseInvalid(msg.duplicateYear(record.year)) });
    seen.add(record.year);
  }
  return { case: parsed.data };
}

function errorResult(id: string, target: string, error: CaseError, year?: string): CaseResult {
  return {
    id,
    target,
    ...(year === undefined ? {} : { year }),
    status: "error",
    failed: [],
    missing: [],
    checks: [],
    error,
  };
}

const describeIssues = (issues: readonly z.core.$ZodIssue[]): string =>
  issues
    .slice(0, 5)
    .map((issue) => `${issue.path.map(String).join(".") || "(gốc)"}: ${issue.message}`)
    .join("; ");
