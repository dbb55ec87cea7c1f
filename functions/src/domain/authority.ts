/**
 * The decider matrix after the 2025 reform (docs/domain.md §7): for a school's managing authority and a
 * title or form, the level that decides it; and the level that manages the school, which appraises
 * its dossier and forwards the proposals decided above it. Codes only; the Vietnamese titles of the
 * levels are in messages/documents.ts.
 */
import type { AwardCode, ManagingAuthority } from "./codes.js";

/**
 * TRUONG = Hiệu trưởng, XA = Chủ tịch UBND xã, SO = Giám đốc Sở GD&ĐT, TINH = Chủ tịch UBND tỉnh,
 * BO = Bộ trưởng Bộ GD&ĐT, TTG = Thủ tướng Chính phủ, CTN = Chủ tịch nước.
 */
export const DECIDING_LEVELS = ["TRUONG", "XA", "SO", "TINH", "BO", "TTG", "CTN"] as const;
export type DecidingLevel = (typeof DECIDING_LEVELS)[number];

/** The levels that manage schools: the commune (mầm non, tiểu học, THCS) or the Department (THPT, GDTX, …). */
export type ManagingLevel = Extract<DecidingLevel, "XA" | "SO">;

/** The levels above every school's managing level: a school proposes to them through its managing level. */
export const HIGHER_LEVELS = ["TINH", "BO", "TTG", "CTN"] as const satisfies readonly DecidingLevel[];
export type HigherLevel = (typeof HIGHER_LEVELS)[number];

const MANAGING_LEVEL: Record<ManagingAuthority, ManagingLevel> = { UBND_XA: "XA", SO_GDDT: "SO" };

/** The level that manages a school (TT 45/2026): it appraises the school's dossier and decides its base titles. */
export const managingLevelOf = (authority: ManagingAuthority): ManagingLevel => MANAGING_LEVEL[authority];

/** "MANAGING": whichever level manages the school decides. */
const DECIDER: Record<AwardCode, DecidingLevel | "MANAGING"> = {
  // NĐ 129/2025 Đ59; Luật Đ80 k1, Đ83 k1.
  LDTT: "MANAGING",
  CSTD_CS: "MANAGING",
  TTLDTT: "MANAGING",
  // Luật Đ75: each Giấy khen is its issuer's own.
  GK_HIEU_TRUONG: "TRUONG",
  GK_CT_UBND_XA: "XA",
  GK_GD_SO: "SO",
  // Luật Đ79 k4.
  TTLDXS: "TINH",
  CSTD_TINH: "TINH",
  CO_TD_TINH: "TINH",
  BK_CT_UBND_TINH: "TINH",
  // TT 29/2023 Đ12.
  BK_BO_TRUONG_GDDT: "BO",
  KNC_VSNGD: "BO",
  // Luật Đ78: the Thủ tướng decides its Bằng khen, CSTĐ toàn quốc and Cờ thi đua của Chính phủ.
  CSTD_TQ: "TTG",
  BK_TTG: "TTG",
  CO_TD_CP: "TTG",
  // Luật Đ77.
  HCLD_3: "CTN",
  HCLD_2: "CTN",
  HCLD_1: "CTN",
  NGUT: "CTN",
  NGND: "CTN",
};

/** The level that decides `code` for a school managed by `authority`. */
export function deciderOf(code: AwardCode, authority: ManagingAuthority): DecidingLevel {
  const decider = DECIDER[code];
  return decider === "MANAGING" ? managingLevelOf(authority) : decider;
}

const higherLevels: ReadonlySet<DecidingLevel> = new Set(HIGHER_LEVELS);
export const isHigherLevel = (level: DecidingLevel): level is HigherLevel => higherLevels.has(level);

/**
 * The level a school's proposal of `code` is addressed to, each in a tờ trình of its own: the
 * decider when it stands above the managing level (proposed through it, docs/domain.md §7 "Proposes"),
 * the managing level otherwise, which carries the school's own titles and Giấy khen.
 */
export function proposalChannelOf(
  code: AwardCode,
  authority: ManagingAuthority,
): ManagingLevel | HigherLevel {
  const decider = deciderOf(code, authority);
  return isHigherLevel(decider) ? decider : managingLevelOf(authority);
}
