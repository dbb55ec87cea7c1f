/**
 * Vietnamese texts of the guidance's other duties (docs/duties.md): tuyên truyền, quán triệt and the
 * đội ngũ làm công tác thi đua — labels of their codes, the reports' CLI lines and PDFs, errors.
 */
import type { BriefingStatus, LegalChange } from "../dissemination.js";
import type { CourseOrganiser, TrainingResult } from "../emulation-officers.js";
import { formatDateVi } from "../text.js";
import { pct } from "./eligibility.js";
import { idRule } from "./sheets.js";

export const legalChangeLabels: Record<LegalChange, string> = {
  INDIVIDUAL: "Tiêu chí cá nhân",
  COLLECTIVE: "Tiêu chí tập thể",
  RIGHTS: "Quyền lợi",
};

export const trainingResultLabels: Record<TrainingResult, string> = {
  DAT: "Đạt",
  KHONG_DAT: "Không đạt",
  VANG: "Vắng",
};

export const visitScopeLabels = { IN_PROVINCE: "Trong tỉnh", OUT_OF_PROVINCE: "Ngoài tỉnh" } as const;

const courseOrganiserLabels: Record<CourseOrganiser, string> = { SO: "Sở", DON_VI: "Đơn vị" };

export const briefingStatusLabels: Record<BriefingStatus, string> = {
  HELD: "Đã tổ chức đúng hạn",
  HELD_LATE: "Tổ chức sau hạn",
  PENDING: "Chưa tổ chức, chưa đến hạn",
  OVERDUE: "Quá hạn, chưa tổ chức",
};

const dateOrDash = (date: string | null): string => (date === null ? "—" : formatDateVi(date));

export const dutyDocumentKinds = {
  dissemination: {
    code: "BC",
    title: "BÁO CÁO",
    name: "Báo cáo công tác tuyên truyền, quán triệt",
  },
  officers: { code: "BC", title: "BÁO CÁO", name: "Báo cáo đội ngũ làm công tác thi đua" },
} as const;

export const dutyMessages = {
  percent: pct,
  date: dateOrDash,
  invalidUnit: `Tham số "unit" cần là một mã đơn vị (${idRule}).`,
  invalidAsOf: (value: string) => `Tham số "asOf" cần là một ngày dạng yyyy-MM-dd, không phải "${value}".`,
  invalidDays: (name: string, max: number) => `Tham số "${name}" cần là một số nguyên từ 1 đến ${max}.`,
  noReadableUnit: "Tài khoản này không xem được đơn vị nào.",
  unitRequired: 'Kế hoạch tập huấn là của một đơn vị: ghi tham số "unit" (mã đơn vị).',

  // Dissemination: CLI
  disseminationSummary: "Báo cáo tuyên truyền, quán triệt: tỷ lệ cán bộ xác nhận, hội nghị, đơn vị quá hạn",
  disseminationUsage:
    "Cách dùng: tdkt dissemination --year 2025-2026 [--unit ID] [--as-of yyyy-MM-dd] [--deadline-days 30] [--json] [--out THƯ_MỤC --options TỆP.json]\n" +
    "  Từng đơn vị, từng văn bản mới của năm học: tỷ lệ cán bộ đã đọc hoặc đã dự quán triệt, hội nghị đã tổ chức, quá hạn.\n" +
    "  --as-of          ngày lập báo cáo (mặc định hôm nay)\n" +
    "  --deadline-days  số ngày từ ngày ban hành đến hạn quán triệt khi văn bản không ghi hạn (mặc định 30)\n" +
    "  --json           in số liệu dạng JSON\n" +
    "  --out THƯ_MỤC    ghi báo cáo PDF (cơ quan, người ký lấy từ --options, ví dụ examples/duties/bao-cao.json)\n",
  cliDocumentLine: (
    code: string,
    number: string,
    deadline: string,
    held: number,
    units: number,
    share: number,
  ) =>
    `${code} (${number}), hạn ${formatDateVi(deadline)}: ${held}/${units} đơn vị đã tổ chức, ${pct(share)} cán bộ đã xác nhận`,
  cliUnitLine: (unitName: string, staff: number, overdue: readonly string[], without: readonly string[]) =>
    `${unitName}: ${staff} cán bộ; chưa tổ chức: ${without.length === 0 ? "không" : without.join(", ")}; quá hạn: ${overdue.length === 0 ? "không" : overdue.join(", ")}`,
  cliCoverageCell: (code: string, acknowledged: number, staff: number, share: number) =>
    `  ${code}: ${acknowledged}/${staff} (${pct(share)})`,
  cliPdfWritten: (file: string) => `Đã ghi báo cáo PDF: ${file}`,

  // Dissemination: PDF
  disseminationPdfSummary: (year: string) =>
    `Công tác tuyên truyền, quán triệt văn bản về thi đua, khen thưởng năm học ${year}`,
  disseminationPdfIntro: (documents: number, units: number, overdue: number, asOf: string, days: number) =>
    `Năm học có ${documents} văn bản mới phải quán triệt; ${units} đơn vị được tổng hợp, trong đó ${overdue} đơn vị còn văn bản quá hạn chưa tổ chức hội nghị quán triệt (tính đến ngày ${formatDateVi(asOf)}; văn bản không ghi hạn thì hạn là ${days} ngày kể từ ngày ban hành).`,
  disseminationDocumentsHeading: "I. Văn bản mới phải quán triệt",
  disseminationDocumentColumns: [
    "STT",
    "Mã",
    "Số, ký hiệu",
    "Ngày ban hành",
    "Trích yếu",
    "Hạn quán triệt",
    "Đơn vị đã tổ chức",
    "Cán bộ đã xác nhận",
  ],
  disseminationUnitsHeading: "II. Kết quả quán triệt của từng đơn vị",
  disseminationUnitColumns: [
    "STT",
    "Đơn vị",
    "Số cán bộ",
    "Văn bản",
    "Ngày hội nghị",
    "Tình trạng",
    "Đã xác nhận",
    "Đăng cổng thông tin",
  ],
  disseminationOverdueHeading: "III. Đơn vị quá hạn chưa tổ chức quán triệt",
  noOverdue: "Không có đơn vị nào quá hạn.",
  overdueLine: (unitName: string, codes: readonly string[]) => `${unitName}: ${codes.join(", ")}.`,
  ratio: (count: number, total: number, share: number) => `${count}/${total} (${pct(share)})`,
  yes: "Có",
  no: "Chưa",

  // Officers: CLI
  officersSummary:
    "Báo cáo đội ngũ làm công tác thi đua: cán bộ, tập huấn theo năm, đơn vị chưa có cán bộ được tập huấn",
  officersUsage:
    "Cách dùng: tdkt officers --year 2025-2026 [--unit ID] [--trained-years 3] [--json] [--out THƯ_MỤC --options TỆP.json]\n" +
    "  Cán bộ làm công tác thi đua từng đơn vị, lần tập huấn đạt gần nhất, tập huấn theo năm học, giao lưu học hỏi.\n" +
    "  --trained-years  được tính là đã tập huấn khi đạt một lớp trong số năm học này, kể cả năm báo cáo (mặc định 3)\n" +
    "  --json           in số liệu dạng JSON\n" +
    "  --out THƯ_MỤC    ghi báo cáo PDF (cơ quan, người ký lấy từ --options, ví dụ examples/duties/bao-cao.json)\n",
  cliOfficerUnitLine: (unitName: string, officers: number, trained: boolean) =>
    `${unitName}: ${officers} cán bộ làm công tác thi đua${officers === 0 ? "" : trained ? ", có người đã tập huấn" : ", chưa ai được tập huấn"}`,
  cliCoverageLine: (line: {
    year: string;
    departmentCourses: number;
    unitCourses: number;
    officersTrained: number;
    officers: number;
    unitsWithTrainedOfficer: number;
    units: number;
  }) =>
    `${line.year}: ${line.departmentCourses} lớp của Sở, ${line.unitCourses} lớp của đơn vị; ${line.officersTrained}/${line.officers} cán bộ thi đua đạt; ${line.unitsWithTrainedOfficer}/${line.units} đơn vị có cán bộ đạt`,
  cliUntrained: (names: readonly string[]) =>
    `Đơn vị chưa có cán bộ thi đua được tập huấn (${names.length}): ${names.length === 0 ? "không" : names.join("; ")}`,

  // Officers: PDF
  officersPdfSummary: (year: string) => `Đội ngũ làm công tác thi đua, khen thưởng năm học ${year}`,
  officersPdfIntro: (units: number, officers: number, untrained: number, window: readonly string[]) =>
    `${units} đơn vị được tổng hợp, có ${officers} cán bộ làm công tác thi đua; ${untrained} đơn vị chưa có cán bộ nào đạt một lớp tập huấn trong các năm học ${window.join(", ")}.`,
  officersHeading: "I. Cán bộ làm công tác thi đua của các đơn vị",
  officerColumns: [
    "STT",
    "Đơn vị",
    "Họ và tên",
    "Quyết định phân công",
    "Trình độ, bồi dưỡng",
    "Tập huấn đạt gần nhất",
  ],
  noOfficer: "Chưa phân công",
  notTrained: "Chưa tập huấn",
  decisionText: (number: string | null, date: string | null) =>
    number === null && date === null
      ? "—"
      : [number, date === null ? null : formatDateVi(date)].filter(Boolean).join(", "),
  trainingText: (title: string, date: string, organiser: CourseOrganiser) =>
    `${title} (${courseOrganiserLabels[organiser]}, ${formatDateVi(date)})`,
  untrainedHeading: "II. Đơn vị chưa có cán bộ được tập huấn",
  noUntrained: "Đơn vị nào cũng có cán bộ làm công tác thi đua đã được tập huấn.",
  untrainedLine: (unitName: string, officers: number) =>
    officers === 0
      ? `${unitName}: chưa phân công cán bộ làm công tác thi đua.`
      : `${unitName}: ${officers} cán bộ, chưa ai đạt lớp tập huấn.`,
  coverageHeading: "III. Tập huấn theo năm học",
  coverageColumns: [
    "Năm học",
    "Lớp của Sở",
    "Lớp của đơn vị",
    "Lượt tham dự",
    "Lượt đạt",
    "Cán bộ thi đua đạt",
    "Đơn vị có cán bộ đạt",
  ],
  visitsHeading: "IV. Giao lưu học hỏi kinh nghiệm",
  visitsLine: (inProvince: number, outOfProvince: number, units: number) =>
    `Trong năm học, ${units} đơn vị tổ chức ${inProvince} chuyến giao lưu trong tỉnh và ${outOfProvince} chuyến ngoài tỉnh.`,

  // Training plan: CLI
  planSummary: "Kế hoạch tập huấn của một đơn vị cho cán bộ của mình: các lớp, số người dự, đạt",
  planUsage:
    "Cách dùng: tdkt training-plan --year 2025-2026 --unit ID [--as-of yyyy-MM-dd] [--json]\n" +
    "  Các lớp tập huấn đơn vị tổ chức trong năm học và các lớp của Sở có cán bộ của đơn vị tham dự.\n",
  planHeader: (unitName: string, year: string, staff: number, attended: number, passed: number) =>
    `${unitName}, năm học ${year}: ${staff} cán bộ; ${attended} người đã tham dự tập huấn, ${passed} người đạt`,
  planCourseLine: (course: {
    code: string;
    title: string;
    date: string;
    organiser: CourseOrganiser;
    planned: number | null;
    attended: number;
    passed: number;
    status: "HELD" | "PLANNED";
  }) =>
    `  ${course.code} · ${course.title} (${courseOrganiserLabels[course.organiser]}, ${formatDateVi(course.date)}, ${course.status === "HELD" ? "đã tổ chức" : "kế hoạch"}): dự kiến ${course.planned ?? "—"}, tham dự ${course.attended}, đạt ${course.passed}`,
};
