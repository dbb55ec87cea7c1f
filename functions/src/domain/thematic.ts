/**
 * Khen thưởng chuyên đề (docs/domain.md §19, GK-06, G-03): the year's thematic fields the Department
 * declares, the units' registrations, the inspection results per unit and field, and the year-end
 * selection of the typical collectives ("tập thể điển hình") per field, each with its reason. Pure.
 * The fields and every figure of the selection are configuration with stated defaults (UNCONFIRMED
 * provincial practice: each year's Sở guidance sets them), never constants inside the rule.
 */
import { z } from "zod";
import type { Target } from "./codes.js";
import { thematicMessages as msg } from "./messages/thematic.js";
import { IsoDate, NaturalKey } from "./model.js";
import { G06_WOMEN_SHARE } from "./ranking/config.js";
import { SchoolYear, startYearOf } from "./school-year.js";

/** An inspection's rating, best first. */
export const THEMATIC_RATINGS = ["XUAT_SAC", "TOT", "DAT", "CHUA_DAT"] as const;
export const ThematicRating = z.enum(THEMATIC_RATINGS);
export type ThematicRating = z.infer<typeof ThematicRating>;

/**
 * The forms a chuyên đề award takes (GK-06): normally the Giám đốc Sở's Giấy khen; the Chủ tịch UBND
 * tỉnh's Bằng khen when the guidance proposes one upwards (decided at level TINH, entered by the Department).
 */
export const THEMATIC_FORMS = ["GK_GD_SO", "BK_CT_UBND_TINH"] as const satisfies readonly Target[];
export const ThematicForm = z.enum(THEMATIC_FORMS);
export type ThematicForm = z.infer<typeof ThematicForm>;

/** years/{year}/thematicFields/{code}: one field of the year (tab "Lĩnh vực chuyên đề"). */
export const ThematicField = z.object({
  year: SchoolYear,
  code: NaturalKey,
  name: z.string().min(1),
  guidanceNo: z.string().optional(),
  guidanceDate: IsoDate.optional(),
  registrationDeadline: IsoDate.optional(),
  /** The specialist division in charge (phòng chuyên môn). */
  division: z.string().optional(),
  /** How many typical collectives may be proposed; absent: the configured default. */
  cap: z.number().int().min(0).max(1000).optional(),
  /** The lowest rating proposed; absent: the configured default. */
  minRating: ThematicRating.optional(),
  /** The form proposed; absent: the configured default (Giấy khen của Giám đốc Sở). */
  form: ThematicForm.optional(),
});
export type ThematicField = z.infer<typeof ThematicField>;

/** years/{year}/thematicRegistrations/{unit}_{field}: a unit registers for a field (tab "Đăng ký chuyên đề"). */
export const ThematicRegistration = z.object({
  year: SchoolYear,
  unitId: NaturalKey,
  field: NaturalKey,
  registeredOn: IsoDate,
  content: z.string().optional(),
});
export type ThematicRegistration = z.infer<typeof ThematicRegistration>;

/** years/{year}/thematicResults/{unit}_{field}: the inspection's result (tab "Kết quả chuyên đề"). */
export const ThematicResult = z
  .object({
    year: SchoolYear,
    unitId: NaturalKey,
    field: NaturalKey,
    score: z.number().min(0).max(100).optional(),
    rating: ThematicRating.optional(),
    inspectedOn: IsoDate.optional(),
    team: z.string().optional(),
    notes: z.string().optional(),
  })
  .refine((result) => result.score !== undefined || result.rating !== undefined, {
    message: "score-or-rating",
    path: ["score"],
  });
export type ThematicResult = z.infer<typeof ThematicResult>;

/**
 * The selection's settings (UNCONFIRMED defaults): the rating a score stands for, the lowest rating
 * proposed, the cap per field when the field names none, and the form proposed — Giấy khen của
 * Giám đốc Sở (GK-06).
 */
export const ThematicConfig = z.object({
  /** Lowest score of each rating above "Chưa đạt" (a result with a score and no rating). */
  scoreBands: z.object({ XUAT_SAC: z.number(), TOT: z.number(), DAT: z.number() }),
  minRating: ThematicRating,
  defaultCap: z.number().int().min(0),
  form: ThematicForm,
});
export type ThematicConfig = z.infer<typeof ThematicConfig>;

export const DEFAULT_THEMATIC_CONFIG: ThematicConfig = {
  scoreBands: { XUAT_SAC: 90, TOT: 80, DAT: 50 },
  minRating: "XUAT_SAC",
  defaultCap: 3,
  form: "GK_GD_SO",
};

/** The guidance's fields, as the Department may edit them: code and name only. */
export const DEFAULT_THEMATIC_FIELDS: readonly { code: string; name: string }[] = [
  { code: "mam-non", name: "Giáo dục Mầm non" },
  { code: "tieu-hoc", name: "Giáo dục Tiểu học" },
  { code: "trung-hoc", name: "Giáo dục Trung học" },
  { code: "gdtx-cn", name: "Giáo dục Thường xuyên - Chuyên nghiệp" },
  { code: "dan-toc", name: "Giáo dục Dân tộc" },
  { code: "to-chuc-can-bo", name: "Công tác tổ chức cán bộ" },
  { code: "cntt", name: "Công nghệ thông tin" },
  { code: "thong-ke-ke-hoach", name: "Công tác thống kê kế hoạch" },
  { code: "xanh-sach-dep", name: "Xây dựng môi trường Xanh - Sạch - Đẹp" },
  { code: "on-thi-dai-hoc", name: "Công tác ôn thi đại học" },
  { code: "tai-chinh", name: "Công tác quản lý tài chính" },
];

/** Default registration deadline when the guidance gives none: 31 October of the year's start (UNCONFIRMED). */
const defaultDeadlineOf = (year: string): string => `${startYearOf(year)}-10-31`;

/** The year's fields: the Department's when it sent any, else the defaults with the default deadline. */
export function fieldsOfYear(year: string, stored: readonly ThematicField[]): ThematicField[] {
  if (stored.length > 0) return [...stored].sort((a, b) => compareText(a.code, b.code));
  return DEFAULT_THEMATIC_FIELDS.map((field) => ({
    year,
    ...field,
    registrationDeadline: defaultDeadlineOf(year),
  }));
}

/** A registration after its field's deadline (the day of the deadline is still on time). */
export const isLate = (registration: ThematicRegistration, field: ThematicField | undefined): boolean =>
  field?.registrationDeadline !== undefined && registration.registeredOn > field.registrationDeadline;

export type ThematicStatus = "PROPOSED" | "OVER_CAP" | "BELOW_THRESHOLD" | "LATE" | "NO_RESULT";

interface ThematicEntry {
  unitId: string;
  unitName: string;
  /** Position among the field's units with a result; null for those without. */
  position: number | null;
  registeredOn: string;
  late: boolean;
  rating: ThematicRating | null;
  score: number | null;
  inspectedOn: string | null;
  team: string | null;
  status: ThematicStatus;
  /** Vietnamese: why the unit is or is not proposed. */
  reason: string;
  /** Set when the unit ties with the one ranked just above: which key put it below. */
  tieBreak?: string;
}

interface FieldSelection {
  field: ThematicField;
  cap: number;
  minRating: ThematicRating;
  form: ThematicForm;
  entries: ThematicEntry[];
  /** Results of units that never registered for the field: named, never proposed. */
  unregisteredResults: { unitId: string; unitName: string }[];
}

export interface ThematicSelection {
  year: string;
  /** Whether the fields are the Department's own or the guidance's defaults. */
  fieldsSource: "DEPARTMENT" | "DEFAULT";
  fields: FieldSelection[];
  /**
   * Registrations and results naming a field the year no longer has (the Department removed or
   * renamed it after they were entered): named here, never proposed.
   */
  outsideFields: { unitId: string; unitName: string; field: string; entry: "registration" | "result" }[];
}

export interface ThematicUnit {
  id: string;
  name: string;
  /** Share of women on the roster (G-06); null without a roster. */
  womenShare: number | null;
}

export interface ThematicInput {
  year: string;
  storedFields: readonly ThematicField[];
  registrations: readonly ThematicRegistration[];
  results: readonly ThematicResult[];
  units: readonly ThematicUnit[];
  config?: ThematicConfig;
}

const RATING_RANK: Record<ThematicRating, number> = { XUAT_SAC: 3, TOT: 2, DAT: 1, CHUA_DAT: 0 };

/** The result's rating: as entered, else the band its score falls in. */
export function ratingOf(result: ThematicResult, config: ThematicConfig): ThematicRating {
  if (result.rating) return result.rating;
  const score = result.score ?? 0;
  const bands = config.scoreBands;
  if (score >= bands.XUAT_SAC) return "XUAT_SAC";
  if (score >= bands.TOT) return "TOT";
  return score >= bands.DAT ? "DAT" : "CHUA_DAT";
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Ranked {
  registration: ThematicRegistration;
  unit: ThematicUnit;
  result: ThematicResult;
  rating: ThematicRating;
}

/**
 * The order of a field's results, every key fixed so the same data gives the same order:
 * 1. rating, best first; 2. score, highest first (a result with a score before one without);
 * 3. G-06 (NĐ 152/2025 Đ4 k6): a collective with ≥ 70% women first; 4. the earlier registration;
 * 5. the unit id. Returns the key that separated them (0–4), or -1 when equal.
 */
function separatingKey(a: Ranked, b: Ranked): { key: number; order: number } {
  const women = (unit: ThematicUnit) => (unit.womenShare ?? 0) >= G06_WOMEN_SHARE;
  const keys = [
    RATING_RANK[b.rating] - RATING_RANK[a.rating],
    (b.result.score ?? -1) - (a.result.score ?? -1),
    Number(women(b.unit)) - Number(women(a.unit)),
    compareText(a.registration.registeredOn, b.registration.registeredOn),
    compareText(a.unit.id, b.unit.id),
  ];
  const key = keys.findIndex((value) => value !== 0);
  return { key, order: keys[key] ?? 0 };
}

/** Ties on rating and score: the reason names the key that decided (0 and 1 are not ties). */
const TIE_KEYS = [2, 3, 4] as const;

export function selectTypicalCollectives(input: ThematicInput): ThematicSelection {
  const config = input.config ?? DEFAULT_THEMATIC_CONFIG;
  const fields = fieldsOfYear(input.year, input.storedFields);
  const unitOf = (id: string): ThematicUnit =>
    input.units.find((unit) => unit.id === id) ?? { id, name: id, womenShare: null };
  const selections = fields.map((field): FieldSelection => {
    const cap = field.cap ?? config.defaultCap;
    const minRating = field.minRating ?? config.minRating;
    const form = field.form ?? config.form;
    const registrations = input.registrations
      .filter((registration) => registration.field === field.code)
      .sort((a, b) => compareText(a.unitId, b.unitId));
    const results = input.results.filter((result) => result.field === field.code);
    const resultOf = (unitId: string) => results.find((result) => result.unitId === unitId);
    const ranked: Ranked[] = registrations.flatMap((registration) => {
      const result = resultOf(registration.unitId);
      return result
        ? [{ registration, unit: unitOf(registration.unitId), result, rating: ratingOf(result, config) }]
        : [];
    });
    ranked.sort((a, b) => separatingKey(a, b).order);
    let proposed = 0;
    const entries: ThematicEntry[] = ranked.map((entry, index) => {
      const late = isLate(entry.registration, field);
      const above = RATING_RANK[entry.rating] >= RATING_RANK[minRating];
      const status: ThematicStatus = late
        ? "LATE"
        : !above
          ? "BELOW_THRESHOLD"
          : proposed < cap
            ? "PROPOSED"
            : "OVER_CAP";
      if (status === "PROPOSED") proposed++;
      const previous = ranked[index - 1];
      const separated = previous ? separatingKey(previous, entry).key : -1;
      const tie = TIE_KEYS.find((key) => key === separated);
      return {
        ...entryBase(entry.registration, entry.unit, late),
        position: index + 1,
        rating: entry.rating,
        score: entry.result.score ?? null,
        inspectedOn: entry.result.inspectedOn ?? null,
        team: entry.result.team ?? null,
        status,
        reason: reasonOf(status, { entry, field, cap, minRating }),
        ...(tie !== undefined ? { tieBreak: msg.tieBreak(tie) } : {}),
      };
    });
    const withoutResult = registrations
      .filter((registration) => !resultOf(registration.unitId))
      .map(
        (registration): ThematicEntry => ({
          ...entryBase(registration, unitOf(registration.unitId), isLate(registration, field)),
          position: null,
          rating: null,
          score: null,
          inspectedOn: null,
          team: null,
          status: "NO_RESULT",
          reason: msg.noResult,
        }),
      );
    const registered = new Set(registrations.map((registration) => registration.unitId));
    const unregisteredResults = results
      .filter((result) => !registered.has(result.unitId))
      .map((result) => ({ unitId: result.unitId, unitName: unitOf(result.unitId).name }))
      .sort((a, b) => compareText(a.unitId, b.unitId));
    return { field, cap, minRating, form, entries: [...entries, ...withoutResult], unregisteredResults };
  });
  const codes = new Set(fields.map((field) => field.code));
  const outside = (entry: "registration" | "result") => (item: { unitId: string; field: string }) =>
    codes.has(item.field)
      ? []
      : [{ unitId: item.unitId, unitName: unitOf(item.unitId).name, field: item.field, entry }];
  return {
    year: input.year,
    fieldsSource: input.storedFields.length > 0 ? "DEPARTMENT" : "DEFAULT",
    fields: selections,
    outsideFields: [
      ...input.registrations.flatMap(outside("registration")),
      ...input.results.flatMap(outside("result")),
    ].sort(
      (a, b) =>
        compareText(a.field, b.field) || compareText(a.unitId, b.unitId) || compareText(a.entry, b.entry),
    ),
  };
}

const entryBase = (registration: ThematicRegistration, unit: ThematicUnit, late: boolean) => ({
  unitId: unit.id,
  unitName: unit.name,
  registeredOn: registration.registeredOn,
  late,
});

function reasonOf(
  status: ThematicStatus,
  context: { entry: Ranked; field: ThematicField; cap: number; minRating: ThematicRating },
): string {
  const { entry, field, cap, minRating } = context;
  const result = msg.resultText(entry.rating, entry.result.score);
  switch (status) {
    case "PROPOSED":
      return msg.proposed(result, field.name);
    case "OVER_CAP":
      return msg.overCap(result, cap);
    case "BELOW_THRESHOLD":
      return msg.belowThreshold(result, minRating);
    default:
      return msg.late(entry.registration.registeredOn, field.registrationDeadline ?? "");
  }
}

/**
 * The proposals the selection makes: one per unit and form, naming every field the unit is typical
 * in (a proposal and its ledger entry are keyed by unit, subject and form, not by field: G-08, one
 * award for the year's chuyên đề achievements in that form).
 */
export function proposedUnits(
  selection: ThematicSelection,
): { unitId: string; form: ThematicForm; fields: string[] }[] {
  const byKey = new Map<string, { unitId: string; form: ThematicForm; fields: string[] }>();
  for (const { field, form, entries } of selection.fields)
    for (const entry of entries) {
      if (entry.status !== "PROPOSED") continue;
      const key = `${entry.unitId}\u0000${form}`;
      const proposal = byKey.get(key) ?? { unitId: entry.unitId, form, fields: [] };
      proposal.fields.push(field.name);
      byKey.set(key, proposal);
    }
  return [...byKey.values()].sort((a, b) => compareText(a.unitId, b.unitId) || compareText(a.form, b.form));
}
