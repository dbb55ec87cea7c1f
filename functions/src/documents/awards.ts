/** How titles and forms are named and counted in documents: "danh hiệu “Lao động tiên tiến”", "3 tập thể, 25 cá nhân". */
import { AWARD_FORMS, type AwardCode, isTitle, type SubjectKind, TITLES } from "../domain/codes.js";
import { awardCodeLabels } from "../domain/messages/index.js";

const ORDER: readonly AwardCode[] = [...TITLES, ...AWARD_FORMS];

/** Titles are quoted after "danh hiệu"; forms are named as they are. */
export const awardPhrase = (code: AwardCode): string =>
  isTitle(code) ? `danh hiệu “${awardCodeLabels[code]}”` : awardCodeLabels[code];

export const capitalise = (value: string): string => value.charAt(0).toLocaleUpperCase("vi") + value.slice(1);

export const subjectCountText = (individuals: number, collectives: number): string =>
  [collectives > 0 ? `${collectives} tập thể` : "", individuals > 0 ? `${individuals} cá nhân` : ""]
    .filter(Boolean)
    .join(", ");

export interface CodeGroup<T> {
  code: AwardCode;
  items: T[];
  individuals: number;
  collectives: number;
}

/** Groups entries by title/form in the legal order (titles first, then forms). */
export function groupByCode<T extends { code: AwardCode; subjectKind: SubjectKind }>(
  entries: readonly T[],
): CodeGroup<T>[] {
  return ORDER.map((code) => {
    const items = entries.filter((entry) => entry.code === code);
    return {
      code,
      items,
      individuals: items.filter((entry) => entry.subjectKind === "individual").length,
      collectives: items.filter((entry) => entry.subjectKind === "collective").length,
    };
  }).filter((group) => group.items.length > 0);
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];
export const roman = (index: number): string => ROMAN[index] ?? String(index + 1);

/** Trích yếu wording: recognising titles, awarding forms, or both. */
export function proposalTopic(codes: readonly AwardCode[]): string {
  const titles = codes.some(isTitle);
  const forms = codes.some((code) => !isTitle(code));
  if (titles && forms) return "danh hiệu thi đua và hình thức khen thưởng";
  return titles ? "danh hiệu thi đua" : "hình thức khen thưởng";
}
