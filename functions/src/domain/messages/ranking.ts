/** Vietnamese text of the cụm/khối ranking and the individual quotas (docs/domain.md §18). */
import type { CriteriaSource } from "../model.js";
import { awardCodeLabels, ratingLabels } from "./vocabulary.js";

const number = (value: number): string => value.toLocaleString("vi-VN", { maximumFractionDigits: 2 });

const sourceLabels: Record<CriteriaSource, string> = {
  COMMITMENTS: "kết quả thực hiện cam kết chất lượng",
  UNIT_TITLES: "xếp loại, danh hiệu của đơn vị",
  MEMBER_RESULTS: "kết quả xếp loại của cán bộ, giáo viên",
  MOVEMENTS: "phong trào thi đua, chuyên đề",
  INSPECTION: "kết quả kiểm tra công tác thi đua, khen thưởng: đơn vị chưa được kiểm tra trong năm học",
  MANUAL: "điểm chấm của Thường trực Hội đồng",
};

/** Which tie key (order.ts INDIVIDUAL_KEYS) separated two people at a quota's edge. */
const individualKeyTexts = [
  "điểm đánh giá",
  "xếp loại chất lượng",
  "G-06: ưu tiên cá nhân nữ khi bằng thành tích",
  "mã đơn vị và mã cán bộ (thứ tự cố định)",
];

const tiedWith = (isUpper: boolean, total: number): string =>
  `Bằng ${number(total)} điểm với đơn vị xếp ngay ${isUpper ? "sau" : "trước"}`;

export const rankingMessages = {
  missingDataRule:
    "Nhóm tiêu chí không có dữ liệu được tính 0 điểm và ghi rõ là thiếu dữ liệu; đơn vị vẫn được xếp hạng (không chia lại điểm trên các nhóm còn lại, để không đơn vị nào được lợi vì không báo cáo).",
  tieOrder:
    "Xếp theo tổng điểm có trọng số; bằng điểm thì ưu tiên tập thể có từ 70% nữ trở lên (G-06, Nghị định 152/2025/NĐ-CP Điều 4 khoản 6), rồi số chỉ tiêu cam kết đạt, rồi mã đơn vị. Cá nhân: điểm, xếp loại, cá nhân nữ (G-06), rồi mã.",
  commitmentsNote: (met: number, total: number) => `Đạt ${met}/${total} chỉ tiêu cam kết.`,
  unitTitlesNote: (rating: keyof typeof ratingLabels, titles: readonly string[]) =>
    `Đơn vị xếp loại ${ratingLabels[rating]}${titles.length > 0 ? `; danh hiệu: ${titles.map((code) => awardCodeLabels[code as keyof typeof awardCodeLabels] ?? code).join(", ")}` : ""}.`,
  memberResultsNote: (good: number, rated: number) =>
    `${good}/${rated} người được xếp loại Hoàn thành tốt nhiệm vụ trở lên.`,
  movementsNote: (movement: boolean | undefined, awards: number) =>
    `Phong trào thi đua: ${movement === true ? "có" : movement === false ? "không" : "chưa báo cáo"}; ${awards} khen thưởng phong trào, chuyên đề trong năm.`,
  manualNote: "Điểm do Thường trực Hội đồng chấm.",
  inspectionNote: (met: number, checked: number) =>
    `Kiểm tra: ${met}/${checked} nội dung đạt (kể cả nội dung đã khắc phục khi kiểm tra lại).`,
  missingNote: (source: CriteriaSource) => `Thiếu dữ liệu (${sourceLabels[source]}): tính 0 điểm.`,
  clampedNote: (raw: number, max: number) => `Điểm tính được ${number(raw)} vượt tối đa, lấy ${number(max)}.`,
  // The neighbour is named by its position, not its name: a school sees only its own row.
  tieG06: (isUpper: boolean, total: number) =>
    `${tiedWith(isUpper, total)}; xếp ${isUpper ? "trên" : "dưới"} theo G-06 (tập thể có từ 70% nữ trở lên được ưu tiên).`,
  tieCommitments: (isUpper: boolean, total: number) =>
    `${tiedWith(isUpper, total)}; xếp ${isUpper ? "trên" : "dưới"} theo số chỉ tiêu cam kết đạt.`,
  tieUnitId: (isUpper: boolean, total: number) =>
    `${tiedWith(isUpper, total)}, cùng các tiêu chí ưu tiên; xếp ${isUpper ? "trên" : "dưới"} theo mã đơn vị.`,
  notProposedMissing:
    "Không đề nghị khen thưởng theo thứ hạng: còn nhóm tiêu chí thiếu dữ liệu (vẫn được xếp hạng theo quy tắc thiếu dữ liệu).",
  provincialScope: (target: "CSTD_TINH" | "BK_CT_UBND_TINH") =>
    `chỉ tiêu ${awardCodeLabels[target]} của tỉnh`,
  htxsScope: (group: string | null) =>
    group === null
      ? "tỷ lệ Hoàn thành xuất sắc của đơn vị (RT-05)"
      : `tỷ lệ Hoàn thành xuất sắc của ${group} (RT-05)`,
  quotaReason: (p: {
    position: number;
    count: number;
    cap: number;
    scope: string;
    withinQuota: boolean;
    score: number | undefined;
    rating: keyof typeof ratingLabels;
    boundaryKey: number;
  }) =>
    `Vị trí ${p.position}/${p.count}, ${p.withinQuota ? "trong" : "ngoài"} ${p.scope} (${p.cap} người); ` +
    `${p.score === undefined ? "chưa có điểm" : `điểm ${number(p.score)}`}, ${ratingLabels[p.rating]}.` +
    (p.boundaryKey > 0 ? ` Ở ranh giới chỉ tiêu, phân định theo ${individualKeyTexts[p.boundaryKey]}.` : ""),
  clusterNotFound: (cluster: string) => `Không có cụm, khối thi đua "${cluster}" trong năm học này.`,
  invalidCluster: (cluster: string) => `Mã cụm, khối thi đua "${cluster}" không hợp lệ.`,
  otherCluster: (cluster: string) => `Tài khoản không được xem xếp hạng cụm, khối thi đua "${cluster}".`,
  yearNotConfigured: (year: string) =>
    `Năm học ${year} chưa được Sở cấu hình (tab "Cấu hình"): chưa thể xếp hạng thi đua.`,
  rankSummary: "Xếp hạng thi đua các cụm, khối và danh sách cá nhân theo chỉ tiêu của một năm học",
  rankUsage: [
    "Cách dùng: tdkt rank --year 2025-2026 [--cluster MÃ_CỤM] [--json]",
    "  --cluster  chỉ một cụm, khối thi đua (danh sách cá nhân theo chỉ tiêu vẫn tính trên toàn tỉnh)",
    "  --json     in kết quả dạng JSON (như GET /v1/years/{year}/rankings)",
    "",
  ].join("\n"),
  rankHeading: (year: string) => `XẾP HẠNG THI ĐUA NĂM HỌC ${year}`,
  clusterHeading: (clusterId: string, units: number) => `Cụm, khối ${clusterId} (${units} đơn vị)`,
  unitLine: (unit: {
    position: number;
    name: string;
    total: number;
    maxTotal: number;
    proposedFor: "CO_TD_TINH" | "BK_CT_UBND_TINH" | null;
    missing: readonly string[];
  }) =>
    `  ${String(unit.position).padStart(2)}. ${unit.name} — ${number(unit.total)}/${number(unit.maxTotal)} điểm` +
    (unit.proposedFor ? ` → đề nghị ${awardCodeLabels[unit.proposedFor]}` : "") +
    (unit.missing.length > 0 ? ` (thiếu dữ liệu: ${unit.missing.join(", ")})` : ""),
  tieLine: (note: string) => `      ${note}`,
  quotaHeading: (target: "CSTD_TINH" | "BK_CT_UBND_TINH", candidates: number, cap: number) =>
    `${awardCodeLabels[target]}: ${candidates} đề nghị, chỉ tiêu ${cap}`,
  quotaLine: (position: { position: number; name: string; withinQuota: boolean; reason: string }) =>
    `  ${position.withinQuota ? "✓" : "✗"} ${position.name}: ${position.reason}`,
  htxsOverLine: (unitId: string, message: string) => `  ${unitId}: ${message}`,
  htxsHeading: "Tỷ lệ Hoàn thành xuất sắc nhiệm vụ vượt giới hạn (RT-05):",
  htxsAllWithin: "Tỷ lệ Hoàn thành xuất sắc nhiệm vụ: mọi đơn vị và tổ trong giới hạn (RT-05).",
} as const;
