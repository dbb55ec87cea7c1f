/**
 * Collective emulation titles: TTLĐTT (§4.1), TTLĐXS (§4.2), Cờ thi đua cấp tỉnh (§4.3) and Cờ thi
 * đua của Chính phủ (§4.4). Member rules are computed from `members[]` (the target year).
 */
import type { DisciplineLevel, Rating } from "../codes.js";
import { eligibilityMessages as msg } from "../messages/index.js";
import { type EvalContext, pass, suspensionCheck, undecided, verdict, voteChecks } from "./context.js";
import { checkHtxsCap } from "./htxs-cap.js";
import { cite } from "./legal-basis.js";
import type { HistoryRecord, MemberRecord } from "./schema.js";
import type { Check } from "./types.js";

type CollectiveFlag = "movement" | "solidarity" | "leadsCluster";

/** A yes/no fact about the collective's year, attested by the council (missing → incomplete). */
export function flagCheck(
  ctx: EvalContext,
  rule: string,
  basis: string,
  field: CollectiveFlag,
  what: string,
): Check {
  const value: HistoryRecord[CollectiveFlag] = ctx.record[field];
  return value === undefined
    ? undecided(rule, basis, msg.collectiveFlagMissing(what, field, ctx.year), [field])
    : verdict(rule, value, basis, msg.collectiveFlag(value, what, ctx.year));
}

function ratingCheck(
  ctx: EvalContext,
  rule: string,
  basis: string,
  accepted: ReadonlySet<Rating>,
  required: string,
) {
  const ok = accepted.has(ctx.record.rating);
  return verdict(rule, ok, basis, msg.ratingAtLeast(ok, ctx.record.rating, ctx.year, required));
}

const HTT_UP: ReadonlySet<Rating> = new Set(["HTXS", "HTT"]);
const HTXS_ONLY: ReadonlySet<Rating> = new Set(["HTXS"]);
const COMPLETED: ReadonlySet<Rating> = new Set(["HTXS", "HTT", "HT"]);
const WARNING_OR_ABOVE: ReadonlySet<DisciplineLevel> = new Set([
  "CANH_CAO",
  "HA_BAC_LUONG",
  "CACH_CHUC",
  "BUOC_THOI_VIEC",
]);

/** Members counted in the "% of individuals" rules (TTTT-03, TTXS-03). */
const memberBase = (ctx: EvalContext, members: readonly MemberRecord[]): MemberRecord[] =>
  ctx.config.collectiveMemberBase === "RATED_ONLY"
    ? members.filter((m) => m.rating !== "NONE")
    : [...members];

function ldttShareCheck(
  ctx: EvalContext,
  rule: string,
  basis: string,
  members: readonly MemberRecord[],
): Check {
  const base = memberBase(ctx, members);
  const count = base.filter((member) => member.titles.includes("LDTT")).length;
  const share = base.length === 0 ? 0 : count / base.length;
  const required = ctx.config.collectiveLdttShare;
  const ok = base.length > 0 && share >= required - 1e-9;
  return verdict(rule, ok, basis, msg.ldttShare(ok, count, base.length, share, required));
}

/**
 * RT-05 is a condition on the rating decisions, not one of the title's conditions (Luật Đ27, Đ28):
 * an exceeded cap is shown as a warning to fix the ratings, and does not by itself refuse the title.
 */
function capCheck(ctx: EvalContext, members: readonly MemberRecord[]): Check {
  const cap = checkHtxsCap({ year: ctx.year, unitRating: ctx.record.rating, members }, ctx.config);
  const check = verdict(cap.rule, cap.ok, cap.basis, cap.message);
  return cap.ok ? check : { ...check, warning: true };
}

/** The member rules need members[]; without them these rules are undecided. */
function withMembers(
  ctx: EvalContext,
  rules: readonly [string, string][],
  build: (members: MemberRecord[]) => Check[],
) {
  const members = ctx.input.members;
  if (members === undefined || members.length === 0)
    return rules.map(([rule, basis]) => undecided(rule, basis, msg.membersMissing, ["members"]));
  return build(members);
}

export function ttldttChecks(ctx: EvalContext): Check[] {
  const v = ctx.basis;
  const shareBasis = cite.law(v, 28, 1, "c");
  return [
    suspensionCheck(ctx),
    ratingCheck(ctx, "TTTT-01", cite.law(v, 28, 1, "a"), HTT_UP, '"Hoàn thành tốt nhiệm vụ" trở lên'),
    flagCheck(
      ctx,
      "TTTT-02",
      cite.law(v, 28, 1, "b"),
      "movement",
      "tham gia phong trào thi đua thường xuyên, hiệu quả",
    ),
    ...withMembers(
      ctx,
      [
        ["TTTT-03", shareBasis],
        ["TTTT-04", shareBasis],
      ],
      (members) => {
        const offenders = members.flatMap((member, index) =>
          member.discipline
            .filter((discipline) => WARNING_OR_ABOVE.has(discipline.level))
            .map((discipline) => msg.disciplineName(member.id, index, discipline.level)),
        );
        return [
          ldttShareCheck(ctx, "TTTT-03", shareBasis, members),
          verdict(
            "TTTT-04",
            offenders.length === 0,
            shareBasis,
            msg.memberDiscipline(offenders.length === 0, offenders),
          ),
          capCheck(ctx, members),
        ];
      },
    ),
    flagCheck(
      ctx,
      "TTTT-05",
      cite.law(v, 28, 1, "d"),
      "solidarity",
      "nội bộ đoàn kết, chấp hành tốt pháp luật",
    ),
  ];
}

export function ttldxsChecks(ctx: EvalContext): Check[] {
  const v = ctx.basis;
  const membersBasis = cite.law(v, 27, 1, "c");
  const cstdcsBasis = cite.law(v, 27, 1, "d");
  return [
    suspensionCheck(ctx),
    ratingCheck(ctx, "TTXS-01", cite.law(v, 27, 1, "a"), HTXS_ONLY, '"Hoàn thành xuất sắc nhiệm vụ"'),
    flagCheck(
      ctx,
      "TTXS-02",
      cite.law(v, 27, 1, "b"),
      "movement",
      "tích cực tham gia phong trào thi đua thường xuyên",
    ),
    ...withMembers(
      ctx,
      [
        ["TTXS-03", membersBasis],
        ["TTXS-04", cstdcsBasis],
        ["TTXS-06", membersBasis],
      ],
      (members) => {
        const base = memberBase(ctx, members);
        const failing = base
          .map((member, index) => ({ member, index }))
          .filter(({ member }) => !COMPLETED.has(member.rating))
          .map(({ member, index }) => msg.memberName(member.id, index, member.rating));
        const cstdcs = members.filter((member) => member.titles.includes("CSTD_CS")).length;
        const dutyOffenders = members.flatMap((member, index) =>
          member.discipline
            .filter((discipline) => discipline.dutyRelated)
            .map((discipline) => msg.disciplineName(member.id, index, discipline.level)),
        );
        return [
          verdict(
            "TTXS-03",
            base.length > 0 && failing.length === 0,
            membersBasis,
            msg.membersAllComplete(failing.length === 0, failing, base.length),
          ),
          ldttShareCheck(ctx, "TTXS-03", membersBasis, members),
          verdict("TTXS-04", cstdcs > 0, cstdcsBasis, msg.memberCstdcs(cstdcs)),
          verdict(
            "TTXS-06",
            dutyOffenders.length === 0,
            cite.rating(ctx.year, 14, 3),
            msg.memberDutyDiscipline(dutyOffenders.length === 0, dutyOffenders),
          ),
          capCheck(ctx, members),
        ];
      },
    ),
    flagCheck(
      ctx,
      "TTXS-05",
      cite.law(v, 27, 1, "đ"),
      "solidarity",
      "nội bộ đoàn kết, gương mẫu chấp hành pháp luật",
    ),
    pass("TTXS-09", cite.law(v, 27), msg.noCap),
  ];
}

/** Cờ thi đua: leads its cụm/khối, outstanding (HTXS when configured), solidarity; plus the vote. */
function flagTitleChecks(
  ctx: EvalContext,
  rules: { leads: string; excellent: string; solidarity: string; vote: string },
  article: number,
  threshold: number,
): Check[] {
  const v = ctx.basis;
  const checks = [
    suspensionCheck(ctx),
    flagCheck(ctx, rules.leads, cite.law(v, article, 1), "leadsCluster", "dẫn đầu cụm, khối thi đua"),
  ];
  if (ctx.config.coThiDuaRequiresHtxs)
    checks.push(
      ratingCheck(
        ctx,
        rules.excellent,
        cite.law(v, article, 1, "a"),
        HTXS_ONLY,
        '"Hoàn thành xuất sắc nhiệm vụ" (vượt chỉ tiêu, tiêu biểu xuất sắc — tham số cấu hình)',
      ),
    );
  checks.push(
    flagCheck(
      ctx,
      rules.solidarity,
      cite.law(v, article, 1, "b"),
      "solidarity",
      "nội bộ đoàn kết, tổ chức đảng, đoàn thể vững mạnh",
    ),
  );
  return [...checks, ...voteChecks(ctx, rules.vote, threshold)];
}

export function coThiDuaTinhChecks(ctx: EvalContext): Check[] {
  return [
    ...flagTitleChecks(
      ctx,
      { leads: "COTINH-01", excellent: "COTINH-01", solidarity: "COTINH-01", vote: "COTINH-04" },
      26,
      ctx.config.voteThreshold.CO_TD_TINH,
    ),
    pass("COTINH-02", cite.law(ctx.basis, 26, 2), msg.thematicRouteNote),
  ];
}

/** docs/domain.md §4.4 gives Cờ thi đua của Chính phủ no rule IDs; COCP-01…03 are the engine's (rules.ts). */
export function coThiDuaChinhPhuChecks(ctx: EvalContext): Check[] {
  return flagTitleChecks(
    ctx,
    { leads: "COCP-01", excellent: "COCP-02", solidarity: "COCP-03", vote: "V-03" },
    25,
    ctx.config.voteThreshold.CO_TD_CP,
  );
}
