/** Vietnamese text of inspection and consultation (kiểm tra, tư vấn): checklist, tabs, dashboard, Biên bản. */
import type { InspectionItem } from "../codes.js";
import type { Finding, TeamRole, VisitKind, VisitResult } from "../inspection.js";
import { formatDateVi } from "../text.js";

/** The checklist's items as the guidance words them. */
export const inspectionItemLabels: Record<InspectionItem, string> = {
  DANG_KY:
    "Tổ chức đăng ký thi đua đầu năm học, biểu quyết thông qua chỉ tiêu thi đua tại Hội nghị viên chức",
  DAN_CHU: "Thực hiện quy chế dân chủ ở cơ sở trong công tác thi đua, khen thưởng",
  CONG_DOAN: "Phối hợp với Công đoàn trong tổ chức phong trào thi đua",
  PHONG_TRAO: "Cụ thể hóa các phong trào thi đua của tỉnh, của ngành thành phong trào thi đua của đơn vị",
  VAN_BAN: "Phổ biến, quán triệt văn bản mới về thi đua, khen thưởng",
  HO_SO: "Hồ sơ, sổ sách thi đua, khen thưởng được lưu giữ",
  DIEN_HINH: "Phát hiện, bồi dưỡng, nhân rộng điển hình tiên tiến",
  CONG_KHAI: "Bảng công khai thi đua, khen thưởng",
  SANG_KIEN: "Viết, đánh giá, công nhận và áp dụng sáng kiến",
};

export const visitKindLabels: Record<VisitKind, string> = {
  DAU_NAM: "Đầu năm học",
  KET_HOP_KIEM_TRA: "Kết hợp kiểm tra",
  KET_HOP_CHUAN_QG: "Kết hợp đánh giá trường chuẩn quốc gia",
};

export const teamRoleLabels: Record<TeamRole, string> = {
  TRUONG_DOAN: "Trưởng đoàn",
  THANH_VIEN: "Thành viên",
  THU_KY: "Thư ký",
};

export const findingLabels: Record<Finding, string> = { DAT: "Đạt", CHUA_DAT: "Chưa đạt" };

const resultLabels: Record<VisitResult["result"], string> = {
  DAT: "Đạt",
  CHUA_DAT: "Chưa đạt",
  CHUA_KIEM_TRA: "Chưa có kết quả",
};

const percent = (rate: number | null): string =>
  rate === null ? "—" : `${(rate * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 })}%`;

export const inspectionMessages = {
  visitNotFound: (visitId: string) =>
    `Không có cuộc kiểm tra "${visitId}" trong kế hoạch kiểm tra của năm học.`,
  invalidVisit: (visitId: string) => `Mã cuộc kiểm tra "${visitId}" không hợp lệ.`,
  invalidUnit: (unitId: string) => `Mã đơn vị "${unitId}" không hợp lệ.`,
  yearNotConfigured: (year: string) =>
    `Năm học ${year} chưa được Sở cấu hình (tab Cấu hình); chưa có kế hoạch kiểm tra.`,
  // Biên bản kiểm tra
  documentName: "Biên bản kiểm tra công tác thi đua, khen thưởng",
  documentCode: "BB",
  documentTitle: "BIÊN BẢN",
  topic: (unitName: string, year: string) =>
    `Kiểm tra công tác thi đua, khen thưởng năm học ${year} tại ${unitName}`,
  missingTeam: (teamId: string) => `thành viên của đoàn kiểm tra "${teamId}" (tab Đoàn kiểm tra)`,
  missingLeader: (teamId: string) => `trưởng đoàn của đoàn kiểm tra "${teamId}"`,
  missingFindings: "kết quả kiểm tra từng nội dung (tab Kết quả kiểm tra)",
  missingNumber: "số biên bản (cột Số biên bản, tab Kế hoạch kiểm tra)",
  unitHeadDefault: "Thủ trưởng đơn vị",
  missingUnitHead: "thủ trưởng đơn vị (cột Thủ trưởng đơn vị, tab Kế hoạch kiểm tra)",
  // CLI
  summary: "Kiểm tra, tư vấn: kết quả kiểm tra theo đơn vị, nội dung; biên bản kiểm tra",
  usage:
    "Cách dùng: tdkt inspection --year 2025-2026 [--unit MÃ_ĐƠN_VỊ] [--visit MÃ_CUỘC --out THƯ_MỤC] [--json]\n",
  heading: (year: string, asOf: string) =>
    `Kết quả kiểm tra công tác thi đua, khen thưởng năm học ${year} (tính đến ngày ${formatDateVi(asOf)})`,
  visitLine: (name: string, visit: VisitResult) =>
    `${visit.visitId}  ${name}  ${formatDateVi(visit.date)}  ${visitKindLabels[visit.kind]}: ${visit.met}/${visit.checked} nội dung đạt — ${resultLabels[visit.result]}; ${visit.recommendations} kiến nghị${visit.overdue > 0 ? `, ${visit.overdue} quá hạn` : ""}${visit.rechecked ? "; đã kiểm tra lại" : ""}`,
  unitsHeading: "Theo đơn vị:",
  unitLine: (
    name: string,
    unit: {
      visits: number;
      met: number;
      checked: number;
      rate: number | null;
      overdue: number;
    },
  ) =>
    `  ${name}: ${unit.visits} cuộc, ${unit.met}/${unit.checked} nội dung đạt (${percent(unit.rate)})${unit.overdue > 0 ? `, ${unit.overdue} kiến nghị quá hạn` : ""}`,
  itemsHeading: "Theo nội dung:",
  itemLine: (item: InspectionItem, met: number, checked: number, rate: number | null) =>
    `  ${inspectionItemLabels[item]}: ${met}/${checked} (${percent(rate)})`,
  overdueHeading: "Kiến nghị quá hạn chưa khắc phục:",
  overdueLine: (name: string, entry: { visitId: string; item: InspectionItem; deadline: string }) =>
    `  ${name} (${entry.visitId}) — ${inspectionItemLabels[entry.item]}: hạn ${formatDateVi(entry.deadline)}`,
  noVisits: "Chưa có cuộc kiểm tra nào trong kế hoạch.",
  written: (path: string) => `Đã ghi ${path}\n`,
  visitNeedsOut: "Dùng --visit cùng --out THƯ_MỤC để ghi biên bản kiểm tra (PDF).\n",
};
