/**
 * RT-05 (NĐ 233/2026 Đ12 k6): the number rated HTXS may not exceed 20% of those rated HTT — 25% when
 * the unit itself is rated HTXS — within the unit and within each group of similar duties. A unit-level
 * check: it says, per scope, by how many people the cap is exceeded.
 */
import type { Rating } from "../codes.js";
import { eligibilityMessages as msg } from "../messages/index.js";
import type { EligibilityConfig } from "./config.js";
import { cite } from "./legal-basis.js";

export interface RatedMember {
  rating: Rating;
  /** Tổ chuyên môn / tổ văn phòng; members without one count only in the unit total. */
  group?: string | undefined;
}

interface HtxsCapScope {
  /** null for the whole unit. */
  group: string | null;
  htxs: number;
  denominator: number;
  max: number;
  /** How many HTXS ratings are over the cap (0 when within it). */
  excess: number;
  message: string;
}

export interface HtxsCapResult {
  rule: "RT-05";
  ok: boolean;
  basis: string;
  share: number;
  scopes: HtxsCapScope[];
  message: string;
}

export function checkHtxsCap(
  input: { year: string; unitRating: Rating; members: readonly RatedMember[] },
  config: EligibilityConfig,
): HtxsCapResult {
  const share = input.unitRating === "HTXS" ? config.htxsCapShareWhenUnitHtxs : config.htxsCapShare;
  const counts = new Map<string | null, { htxs: number; htt: number }>([[null, { htxs: 0, htt: 0 }]]);
  const tally = (key: string | null, rating: Rating) => {
    let count = counts.get(key);
    if (count === undefined) {
      count = { htxs: 0, htt: 0 };
      counts.set(key, count);
    }
    if (rating === "HTXS") count.htxs++;
    if (rating === "HTT") count.htt++;
  };
  for (const member of input.members) {
    tally(null, member.rating);
    if (member.group !== undefined) tally(member.group, member.rating);
  }
  const scopes: HtxsCapScope[] = [];
  for (const [group, count] of counts) {
    const denominator = config.htxsCapDenominator === "HTT_ONLY" ? count.htt : count.htt + count.htxs;
    // The cap is a ceiling on people: round down (1e-9 absorbs 0.2 × 5 = 1.0000000000000002).
    const max = Math.floor(share * denominator + 1e-9);
    const scopeName = group === null ? msg.htxsCapUnit : msg.htxsCapGroup(group);
    scopes.push({
      group,
      htxs: count.htxs,
      denominator,
      max,
      excess: Math.max(0, count.htxs - max),
      message: msg.htxsCap(
        scopeName,
        count.htxs,
        denominator,
        msg.htxsDenominator[config.htxsCapDenominator],
        share,
        max,
      ),
    });
  }
  const ok = scopes.every((scope) => scope.excess === 0);
  return {
    rule: "RT-05",
    ok,
    basis: cite.rating(input.year, 12, 6),
    share,
    scopes,
    message: scopes
      .filter((scope) => scope.group === null || scope.excess > 0)
      .map((scope) => scope.message)
      .join(" "),
  };
}
