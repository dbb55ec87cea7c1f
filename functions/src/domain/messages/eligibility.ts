/** Vietnamese texts of the eligibility engine: every check message names the data behind it. */
import type { AwardCode, AwardKind, DisciplineLevel, Rating } from "../codes.js";
import { awardCodeLabels, awardKindLabels, disciplineLevelLabels, ratingLabels } from "./vocabulary.js";

/** "86,7%": one decimal, Vietnamese decimal comma (plain string work: Intl is slow on hot paths). */
const formatPercent = (value: number): string =>
  `${String(Math.round(value * 1000) / 10).replace(".", ",")}%`;
/** The same few thresholds and vote ratios recur for every subject: each is formatted once (bounded). */
const percentTexts = new Map<number, string>();
export function pct(value: number): string {
  let text = percentTexts.get(value);
  if (text === undefined) {
    if (percentTexts.size >= 4096) percentTexts.clear();
    text = formatPercent(value);
    percentTexts.set(value, text);
  }
  return text;
}
const list = (items: readonly string[]): string => (items.length === 0 ? "không có" : items.join(", "));
const yearsText = (years: string): string => (years === "" ? "không có năm nào" : years);
const label = (code: AwardCode): string => awardCodeLabels[code];

export const eligibilityMessages = {
  // Errors of one case
  caseInvalid: (detail: string) => `Hồ sơ xét không đọc được: ${detail}.`,
  unknownTarget: (value: unknown) =>
    `Mã danh hiệu/hình thức khen thưởng không hợp lệ: ${JSON.stringify(value)}.`,
  invalidYear: (value: unknown) =>
    `Năm học không hợp lệ: ${JSON.stringify(value)} (cần dạng YYYY-YYYY, năm sau = năm trước + 1).`,
  missingTargetYear: (year: string) => `Thiếu dữ liệu năm học ${year} (năm xét) trong "history".`,
  subjectMismatch: (target: string, kind: string) =>
    `${target} không xét cho đối tượng loại "${kind === "individual" ? "cá nhân" : "tập thể"}".`,
  noLegalBasis: (date: string) =>
    `Ngày đề nghị ${date} trước 01/01/2024: Luật Thi đua, khen thưởng 2022 chưa có hiệu lực; hệ thống không xét theo quy định cũ.`,
  invalidFile: (detail: string) => `Tệp hồ sơ xét không hợp lệ: ${detail}`,
  notAnObject: "cần một đối tượng JSON",
  duplicateYear: (year: string) => `năm học ${year} có hai bản ghi trong "history"`,

  // Guards
  suspended: (year: string) =>
    `Năm ${year} đang bị xem xét kỷ luật, điều tra, thanh tra hoặc khiếu nại: tạm chưa xét.`,
  disciplineRestart: (restartYear: string) =>
    `Đang trong thời gian kỷ luật: thành tích chỉ được tính từ năm học ${restartYear}.`,
  noSuspension: (year: string) => `Năm ${year} không bị tạm dừng xét, không trong thời gian kỷ luật.`,
  dutyDiscipline: (year: string, level: string) =>
    `Năm ${year} bị kỷ luật ${level.toLowerCase()} do vi phạm liên quan đến nhiệm vụ: xếp loại "Không hoàn thành nhiệm vụ".`,
  noDutyDiscipline: (year: string) => `Năm ${year} không bị kỷ luật do vi phạm liên quan đến nhiệm vụ.`,
  excludedAwards: (items: readonly string[]) =>
    items.length === 0
      ? "Không có khen thưởng đột xuất/chuyên đề/phong trào nào phải loại khỏi việc tính công trạng."
      : `Không tính vào công trạng ${items.length} khen thưởng đột xuất/chuyên đề/phong trào: ${items.join("; ")}.`,
  excludedAward: (form: AwardCode, kind: AwardKind, year: string) =>
    `${label(form)} (${awardKindLabels[kind].toLowerCase()}, ${year})`,
  maternity: (months: number, year: string) =>
    `Năm ${year} có ${months} tháng nghỉ thai sản, được tính là thời gian công tác.`,

  // LĐTT
  monthsWorked: (ok: boolean, months: number, min: number, year: string) =>
    ok
      ? `Năm ${year} công tác ${months} tháng (≥ ${min} tháng).`
      : `Năm ${year} chỉ công tác ${months} tháng; cần từ ${min} tháng trở lên.`,
  monthsFromRating: (rating: Rating, year: string) =>
    `Không có số tháng công tác năm ${year}; đã được xếp loại "${ratingLabels[rating]}" nên coi như đủ thời gian.`,
  monthsNotRated: (year: string) => `Năm ${year} không được xếp loại (không đủ thời gian công tác).`,
  ratingAtLeast: (ok: boolean, rating: Rating, year: string, required: string) =>
    `Năm ${year} xếp loại "${ratingLabels[rating]}"; ${ok ? "đạt" : "không đạt"} yêu cầu ${required}.`,
  spirit: (ok: boolean, year: string) =>
    ok
      ? `Năm ${year} được xác nhận có tinh thần tự lực, đoàn kết, tích cực tham gia phong trào thi đua.`
      : `Năm ${year} không được xác nhận về tinh thần tự lực, đoàn kết, tham gia phong trào thi đua.`,
  spiritMissing: (year: string) => `Thiếu xác nhận tinh thần thi đua năm ${year} ("spirit").`,

  // CSTĐCS
  ldttMet: (ok: boolean, year: string) =>
    ok
      ? `Đạt tiêu chuẩn "Lao động tiên tiến" năm ${year}.`
      : `Chưa đạt tiêu chuẩn "Lao động tiên tiến" năm ${year}.`,
  ldttUndecided: (year: string) => `Chưa đủ dữ liệu để kết luận tiêu chuẩn "Lao động tiên tiến" năm ${year}.`,
  cstdcsAlternatives: (ok: boolean, rating: Rating, initiatives: number, research: number, years: string) =>
    `${ok ? "Đạt" : "Không đạt"}: xếp loại "${ratingLabels[rating]}", ${initiatives} sáng kiến được công nhận và ${research} đề tài đã nghiệm thu trong ${years}; cần HTXS hoặc sáng kiến hoặc đề tài.`,
  cstdcsBothRequired: (enabled: boolean, ok: boolean, htxs: boolean, innovations: number) =>
    enabled
      ? `Theo cấu hình phải có cả HTXS và sáng kiến/đề tài: ${htxs ? "có" : "không có"} HTXS, ${innovations} sáng kiến/đề tài — ${ok ? "đạt" : "không đạt"}.`
      : "Chưa áp dụng yêu cầu phải có cả HTXS và sáng kiến (dự thảo sửa Luật, chưa xác minh; tham số cấu hình).",
  cstdcsCap: (share: number | null) =>
    share === null
      ? "Không giới hạn tỷ lệ CSTĐCS (quy định 15% của NĐ 91/2017 đã hết hiệu lực)."
      : `Tỉnh giới hạn CSTĐCS ở ${pct(share)} số LĐTT của đơn vị: kiểm tra ở cấp đơn vị khi tổng hợp.`,
  initiativeReused: (level: string, year: string, usedFor: string) =>
    `Cảnh báo: sáng kiến/đề tài cấp ${level} năm ${year} đã dùng cho "${usedFor}"; mỗi sáng kiến chỉ nên dùng một lần (CV 5007/BNV-TĐKT).`,

  // Votes
  voteMissing: 'Thiếu kết quả bỏ phiếu của Hội đồng Thi đua - Khen thưởng ("vote").',
  votePresent: (agree: number, members: number) =>
    `Có kết quả bỏ phiếu: ${agree}/${members} thành viên đồng ý.`,
  voteRatio: (ok: boolean, agree: number, members: number, threshold: number) =>
    `${agree}/${members} thành viên Hội đồng đồng ý (${pct(agree / members)}) ${ok ? "≥" : "<"} ${pct(threshold)} tổng số thành viên${ok ? "" : `; cần ít nhất ${Math.ceil(threshold * members - 1e-9)} phiếu`}.`,
  voteNotDecided: (threshold: number) =>
    `Cần tỷ lệ đồng ý từ ${pct(threshold)} tổng số thành viên Hội đồng; chưa có kết quả bỏ phiếu.`,

  // Streaks
  streak: (ok: boolean, count: number, what: string, years: string, required: number, stop: string) =>
    ok
      ? `Có ${count} năm liên tục ${what} (${years}); cần ${required}.`
      : `Chỉ có ${count} năm liên tục ${what} (${yearsText(years)}); cần ${required}. ${stop}`,
  stop: {
    missing: (year: string) => `Chuỗi dừng ở năm ${year}: không có dữ liệu năm này.`,
    "not-rated": (year: string) => `Chuỗi dừng ở năm ${year}: năm không được xếp loại.`,
    predicate: (year: string) => `Chuỗi dừng ở năm ${year}: năm không đạt.`,
    discipline: (year: string) => `Chuỗi dừng ở năm ${year}: thành tích chỉ tính từ sau thời gian kỷ luật.`,
    "prior-award": (year: string) => `Chuỗi chỉ tính các năm sau năm ${year} (năm được khen lần trước).`,
  },
  cstdTinhWindow: (endOffset: number, newStreak: boolean, priorYear: string | undefined) =>
    `Cách tính: 3 năm CSTĐCS liên tục kết thúc ở ${endOffset === 0 ? "năm đề nghị" : "năm liền trước năm đề nghị"}; ${
      newStreak
        ? priorYear === undefined
          ? "chưa từng được tặng CSTĐ cấp tỉnh"
          : `chỉ tính các năm sau lần được tặng CSTĐ cấp tỉnh năm ${priorYear}`
        : "được tính cả các năm trước lần tặng CSTĐ cấp tỉnh gần nhất"
    } (tham số cấu hình, chưa xác minh).`,
  scopedInnovation: (ok: boolean, scope: string, found: readonly string[], years: string) =>
    ok
      ? `Có sáng kiến/đề tài ${scope}: ${found.join(", ")}.`
      : `Không có sáng kiến/đề tài ${scope} trong ${years}.`,
  cstdTqAwards: (ok: boolean, years: readonly string[], gap: readonly string[], mode: "AWARDS" | "YEARS") =>
    mode === "YEARS"
      ? `${ok ? "Có" : "Không có"} 2 năm liền nhau được tặng CSTĐ cấp tỉnh (các năm được tặng: ${list(years)}).`
      : ok
        ? `Có 2 lần liên tục được tặng CSTĐ cấp tỉnh (${years.join(", ")}), các năm giữa hai lần đều đạt CSTĐCS.`
        : years.length < 2
          ? `Chỉ có ${years.length} lần được tặng CSTĐ cấp tỉnh tính được (${list(years)}); cần 2 lần liên tục.`
          : `Hai lần tặng CSTĐ cấp tỉnh gần nhất (${years.join(", ")}) không liên tục: năm ${gap.join(", ")} không đạt CSTĐCS.`,

  // Collectives
  collectiveFlag: (ok: boolean, what: string, year: string) => `Năm ${year}: ${ok ? "" : "không "}${what}.`,
  collectiveFlagMissing: (what: string, field: string, year: string) =>
    `Thiếu xác nhận "${what}" năm ${year} ("${field}").`,
  membersMissing: 'Thiếu danh sách thành viên của tập thể ("members").',
  ldttShare: (ok: boolean, count: number, base: number, share: number, required: number) =>
    `${count}/${base} cá nhân đạt "Lao động tiên tiến" (${pct(share)}) ${ok ? "≥" : "<"} ${pct(required)}.`,
  memberDiscipline: (ok: boolean, offenders: readonly string[]) =>
    ok
      ? "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên."
      : `Có cá nhân bị kỷ luật từ cảnh cáo trở lên: ${offenders.join(", ")}.`,
  membersAllComplete: (ok: boolean, failing: readonly string[], base: number) =>
    ok
      ? `100% cá nhân (${base}) hoàn thành nhiệm vụ trở lên.`
      : `Không đạt 100% cá nhân hoàn thành nhiệm vụ: ${failing.join(", ")}.`,
  memberCstdcs: (count: number) =>
    count > 0
      ? `Có ${count} cá nhân đạt "Chiến sĩ thi đua cơ sở".`
      : 'Không có cá nhân nào đạt "Chiến sĩ thi đua cơ sở".',
  memberDutyDiscipline: (ok: boolean, offenders: readonly string[]) =>
    ok
      ? "Không có cá nhân bị kỷ luật do vi phạm liên quan đến nhiệm vụ."
      : `Có cá nhân bị kỷ luật do vi phạm liên quan đến nhiệm vụ (xếp loại KHT): ${offenders.join(", ")}.`,
  memberName: (id: string | undefined, index: number, rating: Rating) =>
    `${id ?? `#${index + 1}`} (${rating})`,
  disciplineName: (id: string | undefined, index: number, level: DisciplineLevel) =>
    `${id ?? `#${index + 1}`} (${disciplineLevelLabels[level].toLowerCase()})`,
  noCap:
    "Pháp luật không giới hạn tỷ lệ danh hiệu này (xếp loại HTXS của đơn vị đã bị giới hạn theo NĐ 233/2026).",
  thematicRouteNote:
    "Tuyến phong trào chuyên đề từ 3 năm (Đ26 k2) cần hồ sơ tổng kết phong trào, không xét từ dữ liệu.",

  // RT-05
  htxsCap: (
    scope: string,
    htxs: number,
    denominator: number,
    denominatorLabel: string,
    share: number,
    max: number,
  ) =>
    htxs <= max
      ? `${scope}: ${htxs} HTXS ≤ tối đa ${max} (${pct(share)} của ${denominator} ${denominatorLabel}).`
      : `${scope}: ${htxs} HTXS vượt tối đa ${max} (${pct(share)} của ${denominator} ${denominatorLabel}) là ${htxs - max} người.`,
  htxsCapUnit: "Toàn đơn vị",
  htxsCapGroup: (group: string) => `Nhóm "${group}"`,
  htxsDenominator: { HTT_ONLY: "người xếp loại HTT", HTT_AND_ABOVE: "người xếp loại HTT trở lên" },

  // Commendations
  giayKhenIssuer: (form: AwardCode) => `Hình thức đề nghị: ${label(form)}.`,
  ratingName: (rating: Rating) => ratingLabels[rating],
  bkBoProposer:
    "Khen thưởng công trạng cho trường thuộc Sở/xã do Chủ tịch UBND tỉnh đề nghị; Giám đốc Sở chỉ đề nghị Bằng khen Bộ trưởng không thuộc khen thưởng công trạng.",
  giayKhenNote:
    "Thành tích cụ thể trong phong trào thi đua do Hội đồng xét; dữ liệu chỉ xét được mức xếp loại.",
  routeD: (ok: boolean, branches: readonly string[]) =>
    `Điểm d ${ok ? "đạt" : "không đạt"}: ${branches.join("; ")}.${ok ? "" : " Các điểm a, b, c, đ cần hồ sơ thành tích, không xét được từ dữ liệu."}`,
  htxsInnovations: (htxsCount: number, years: string, initiatives: number, research: number) =>
    `${htxsCount} năm HTXS liên tục (${yearsText(years)}) với ${initiatives} sáng kiến cơ sở và ${research} đề tài cơ sở trong thời gian đó (cần 2 năm và 2 sáng kiến hoặc 2 đề tài)`,
  consecutiveShort: (count: number, what: string, years: string) =>
    `${count} năm liên tục ${what} (${yearsText(years)})`,
  bkRouteDWindow:
    "Cách tính: các năm liên tục kết thúc ở năm đề nghị; sáng kiến/đề tài phải thuộc các năm HTXS đó (cách hiểu chưa xác minh).",
  collectiveRouteD: (ok: boolean, count: number, years: string) =>
    `Điểm d ${ok ? "đạt" : "không đạt"}: ${count} năm liên tục HTXS hoặc TTLĐXS (${yearsText(years)}); cần 2.${ok ? "" : " Các điểm a, b, c cần hồ sơ thành tích, không xét được từ dữ liệu."}`,
  noPriorAward: (prior: string) => `Chưa được tặng ${prior} (công trạng) trước năm đề nghị.`,
  /** `toProposal`: the run is counted to the proposal, not necessarily after the prior award (Đ73 k1 b). */
  afterAward: (
    ok: boolean,
    prior: string,
    priorYear: string,
    toProposal: boolean,
    count: number,
    what: string,
    years: string,
    required: number,
    details: readonly string[],
  ) =>
    `Đã được tặng ${prior} năm ${priorYear}; ${toProposal ? "" : "sau đó "}${count} năm liên tục ${what}${toProposal ? " đến năm đề nghị" : ""} (${yearsText(years)}), cần ${required}; ${details.join("; ")} — ${ok ? "đạt" : "không đạt"}.`,
  /** The reading applied where a clause's wording differs (docs/domain.md §5.4, §5.5). */
  runReading: {
    AFTER_AWARD_TO_PROPOSAL:
      "cách hiểu áp dụng: các năm liên tục tính sau khi được khen và kết thúc ở năm đề nghị",
    TO_PROPOSAL:
      'cách hiểu áp dụng: theo văn bản (Điều 73 khoản 1 điểm b không có "sau đó") — các năm liên tục kết thúc ở năm đề nghị, không cần bắt đầu sau bằng khen',
    ANY_AFTER_AWARD:
      'cách hiểu áp dụng: theo văn bản (Điều 43 khoản 1 điểm đ không có "đến thời điểm đề nghị") — bất kỳ chuỗi năm liên tục nào sau khi được tặng Huân chương hạng Ba',
  },
  countIn: (count: number, what: string, required: number) => `${count} lần ${what} (cần ${required})`,
  yearsRatedIn: (count: number, required: number) => `${count} năm HTXS (cần ${required})`,
  anyOf: (options: readonly string[]) => `một trong: ${options.join(" hoặc ")}`,
  founded: (ok: boolean, foundedYear: number, years: number) =>
    `Thành lập năm ${foundedYear}: ${years} năm xây dựng, phát triển ${ok ? "≥" : "<"} 10 năm.`,
  foundedMissing: 'Thiếu năm thành lập của tập thể ("subject.foundedYear").',
  whatRating: {
    HTT_UP: "hoàn thành tốt nhiệm vụ trở lên",
    HTXS_OR_TTLDXS: "HTXS hoặc đạt TTLĐXS",
    CSTD_CS: "đạt CSTĐCS",
  },
  codeLabel: label,

  // `tdkt eligibility`
  cliSummary: "Xét điều kiện danh hiệu thi đua, hình thức khen thưởng từ tệp hồ sơ xét (JSON)",
  cliUsage: [
    "Cách dùng: tdkt eligibility TỆP|- [--json]",
    "  TỆP   tệp JSON dạng { config?, cases: [...] } (docs/design.md §5.2); '-' đọc từ đầu vào chuẩn.",
    "  --json in kết quả dạng JSON thay cho bản tóm tắt.",
    "Mã thoát: 0 mọi hồ sơ đọc được; 1 có hồ sơ lỗi hoặc tệp không hợp lệ; 2 sai cách dùng.",
    "",
  ].join("\n"),
  cliReadFailed: (path: string, reason: string) => `Không đọc được tệp ${path}: ${reason}\n`,
  cliInvalidJson: (reason: string) => `Tệp hồ sơ xét không phải JSON hợp lệ: ${reason}\n`,
  statusLabels: {
    eligible: "ĐỦ ĐIỀU KIỆN",
    ineligible: "KHÔNG ĐỦ ĐIỀU KIỆN",
    incomplete: "CHƯA ĐỦ DỮ LIỆU",
    error: "LỖI HỒ SƠ",
  },
  caseHeader: (id: string, target: string, year: string | undefined, status: string) =>
    `${id} · ${target}${year === undefined ? "" : ` · năm học ${year}`} — ${status}`,
  checkLine: (mark: string, rule: string, message: string, basis: string) =>
    `  ${mark} ${rule}: ${message}\n      (${basis})`,
  failedLine: (rules: readonly string[]) => `  Không đạt: ${rules.join(", ")}`,
  missingLine: (inputs: readonly string[]) => `  Cần bổ sung: ${inputs.join(", ")}`,
  errorLine: (code: string, message: string) => `  Lỗi ${code}: ${message}`,
  basisLine: (label: string, version: string, date: string, isDefault: boolean) =>
    `  Căn cứ: ${label} (phiên bản ${version}; ngày đề nghị ${date}${isDefault ? ", mặc định cuối năm học" : ""})`,
  totals: (counts: Readonly<Record<string, number>>) =>
    `Tổng: ${counts.eligible ?? 0} đủ điều kiện, ${counts.ineligible ?? 0} không đủ, ${counts.incomplete ?? 0} chưa đủ dữ liệu, ${counts.error ?? 0} lỗi.`,
} as const;
