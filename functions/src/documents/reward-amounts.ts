/**
 * Reward amounts (docs/domain.md §14, NĐ 152/2025 Đ50–54): coefficient × lương cơ sở in force at the
 * decision date, rounded up to the ten thousand đồng. Both tables are defaults a caller may replace.
 */
import type { AwardCode, SubjectKind } from "../domain/codes.js";

export interface BaseSalaryStep {
  /** First day in force, ISO. */
  from: string;
  amount: number;
}

export const DEFAULT_BASE_SALARY: readonly BaseSalaryStep[] = [
  { from: "2024-07-01", amount: 2_340_000 },
  { from: "2026-07-01", amount: 2_530_000 },
];

export type CoefficientTable = Partial<Record<AwardCode, Partial<Record<SubjectKind, number>>>>;

/** Individual Bằng khen/Giấy khen coefficients are derived (half the collective's), docs/domain.md §14 [U]. */
export const DEFAULT_COEFFICIENTS: CoefficientTable = {
  CSTD_TQ: { individual: 4.5 },
  CSTD_TINH: { individual: 3 },
  CSTD_CS: { individual: 1 },
  LDTT: { individual: 0.3 },
  TTLDXS: { collective: 1.5 },
  TTLDTT: { collective: 0.8 },
  CO_TD_CP: { collective: 12 },
  CO_TD_TINH: { collective: 8 },
  BK_TTG: { collective: 7, individual: 3.5 },
  BK_CT_UBND_TINH: { collective: 3, individual: 1.5 },
  BK_BO_TRUONG_GDDT: { collective: 3, individual: 1.5 },
  GK_HIEU_TRUONG: { collective: 0.6, individual: 0.3 },
  GK_GD_SO: { collective: 0.6, individual: 0.3 },
  GK_CT_UBND_XA: { collective: 0.6, individual: 0.3 },
  HCLD_3: { collective: 9 },
  HCLD_2: { collective: 15 },
  HCLD_1: { collective: 18 },
};

/** The lương cơ sở in force on `date`, or undefined before the first step. */
export function baseSalaryOn(date: string, table: readonly BaseSalaryStep[] = DEFAULT_BASE_SALARY) {
  return [...table].sort((a, b) => a.from.localeCompare(b.from)).findLast((step) => step.from <= date)
    ?.amount;
}

export const rewardAmount = (coefficient: number, baseSalary: number): number =>
  Math.ceil((coefficient * baseSalary) / 10_000 - 1e-9) * 10_000;
