/**
 * The configuration of the cụm/khối ranking (docs/domain.md §18). Quotas and the default criteria are
 * UNCONFIRMED provincial rules: the Department sets them per year (tab "Cấu hình", tab "Tiêu chí thi
 * đua"); these defaults apply where it has not.
 */
import type { CriteriaGroup, RankingQuotas } from "../model.js";

export type ResolvedQuotas = Required<RankingQuotas>;

/** One Cờ and one Bằng khen per cụm/khối; province-wide caps of 10 CSTĐ tỉnh and 30 Bằng khen tỉnh. */
export const DEFAULT_RANKING_QUOTAS: ResolvedQuotas = {
  flagPerCluster: 1,
  bkPerCluster: 1,
  cstdTinhCap: 10,
  bkTinhCap: 30,
};

export const resolveQuotas = (quotas: RankingQuotas): ResolvedQuotas => ({
  flagPerCluster: quotas.flagPerCluster ?? DEFAULT_RANKING_QUOTAS.flagPerCluster,
  bkPerCluster: quotas.bkPerCluster ?? DEFAULT_RANKING_QUOTAS.bkPerCluster,
  cstdTinhCap: quotas.cstdTinhCap ?? DEFAULT_RANKING_QUOTAS.cstdTinhCap,
  bkTinhCap: quotas.bkTinhCap ?? DEFAULT_RANKING_QUOTAS.bkTinhCap,
});

/** A criteria group as the ranking uses it (its year and cluster already chosen). */
export type Criterion = Pick<CriteriaGroup, "code" | "name" | "source" | "maxScore" | "weight">;

/** The groups of a year that configures none: 100 points over the data the system holds. */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  { code: "cam-ket", name: "Thực hiện cam kết chất lượng", source: "COMMITMENTS", maxScore: 30, weight: 1 },
  {
    code: "xep-loai",
    name: "Xếp loại, danh hiệu của đơn vị",
    source: "UNIT_TITLES",
    maxScore: 20,
    weight: 1,
  },
  {
    code: "ca-nhan",
    name: "Kết quả của cán bộ, giáo viên",
    source: "MEMBER_RESULTS",
    maxScore: 20,
    weight: 1,
  },
  { code: "phong-trao", name: "Phong trào thi đua, chuyên đề", source: "MOVEMENTS", maxScore: 10, weight: 1 },
  { code: "kiem-tra", name: "Kết quả thanh tra, kiểm tra", source: "INSPECTION", maxScore: 10, weight: 1 },
  { code: "thuong-truc", name: "Điểm của Thường trực Hội đồng", source: "MANUAL", maxScore: 10, weight: 1 },
];

/**
 * The groups that apply to a cluster: its own groups, and the year's groups for every cluster whose
 * code it does not define itself; the defaults when none applies (the year configures none for it).
 */
export function criteriaForCluster(groups: readonly CriteriaGroup[], clusterId: string): Criterion[] {
  const own = groups.filter((group) => group.clusterId === clusterId);
  const ownCodes = new Set(own.map((group) => group.code));
  const shared = groups.filter((group) => group.clusterId === undefined && !ownCodes.has(group.code));
  const applicable = [...shared, ...own];
  if (applicable.length === 0) return [...DEFAULT_CRITERIA];
  return applicable
    .map(({ code, name, source, maxScore, weight }) => ({ code, name, source, maxScore, weight }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** G-06 (NĐ 152/2025 Đ4 k6): a collective counts as women's when at least this share are women. */
export const G06_WOMEN_SHARE = 0.7;
