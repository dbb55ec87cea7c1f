/** Vietnamese text of the history import (`tdkt history import`, POST /v1/history:import). */
import type { AwardCode, SubjectKind } from "../codes.js";
import { awardCodeLabels } from "./vocabulary.js";

const kindWord: Record<SubjectKind, string> = { individual: "cá nhân", collective: "tập thể" };

export const historyMessages = {
  nameMissing: () => "Thiếu họ và tên / tên tập thể.",
  kindMissing: () => "Không rõ dòng này khen thưởng cá nhân hay tập thể (cột Phân loại khen thưởng).",
  kindUnknown: (text: string) => `Không nhận ra phân loại khen thưởng "${text}".`,
  kindUnsupported: (name: string) => `"${name}" không phải đối tượng của TĐKT (chỉ cá nhân và tập thể).`,
  unitNotFound: (text: string) => `Không tìm thấy đơn vị "${text}" trong danh mục đơn vị.`,
  unitAmbiguous: (text: string) => `Có nhiều đơn vị ứng với "${text}"; ghi mã đơn vị để phân biệt.`,
  subjectIdNotFound: (id: string) => `Không có cán bộ mã "${id}".`,
  personNotFound: (name: string) => `Không tìm thấy cán bộ "${name}".`,
  personNotInUnit: (name: string, unit: string) =>
    `Không có cán bộ "${name}" ở ${unit}; có người trùng tên ở đơn vị khác (xem danh sách).`,
  personBirthDateMismatch: (name: string, birthDate: string) =>
    `Có cán bộ "${name}" nhưng không ai sinh ngày ${birthDate} (xem danh sách).`,
  personAmbiguous: (name: string, count: number) =>
    `Có ${count} cán bộ "${name}" khớp dòng này; ghi thêm ngày sinh hoặc đơn vị để phân biệt (xem danh sách).`,
  collectiveNotFound: (name: string) => `Không tìm thấy tập thể "${name}" trong danh mục đơn vị.`,
  awardMissing: () => "Thiếu danh hiệu thi đua / hình thức khen thưởng.",
  awardUnknown: (text: string) =>
    `Không nhận ra danh hiệu / hình thức khen thưởng "${text}" (không có trong danh mục của tỉnh).`,
  awardUnmapped: (name: string) =>
    `"${name}" chưa có trong sổ khen thưởng của TĐKT; Sở có thể thêm ánh xạ mã (config/province-codes).`,
  awardWrongSubject: (code: AwardCode, kind: SubjectKind) =>
    `"${awardCodeLabels[code]}" không tặng cho ${kindWord[kind]}.`,
  subjectClassUnknown: (text: string) => `Không nhận ra mã phân loại đối tượng "${text}".`,
  awardKindUnknown: (text: string) => `Không nhận ra loại hình khen thưởng "${text}".`,
  yearMissing: () => "Thiếu năm học (cột Năm học hoặc --year).",
  yearInvalid: (text: string) => `Năm học "${text}" không đúng dạng 2023-2024.`,
  decisionMissing: () => "Thiếu số quyết định (cột Số quyết định hoặc --decision).",
  dateInvalid: (header: string, text: string) => `Cột "${header}": "${text}" không phải ngày (dd/mm/yyyy).`,
  duplicateRow: (row: number) => `Trùng với dòng ${row} của tệp (cùng đối tượng, danh hiệu, năm học).`,
  ledgerConflict: (code: AwardCode, year: string, decisionNo: string) =>
    `Sổ đã ghi "${awardCodeLabels[code]}" năm học ${year} theo quyết định số ${decisionNo}; không ghi đè.`,
  noSheet: (format: string) =>
    format === "tdkt"
      ? 'Tệp không có trang tính "Lịch sử khen thưởng".'
      : 'Tệp không có trang tính DANHSACH hay "file nhận" của mẫu tỉnh.',
  noHeader: (sheet: string) => `Trang tính "${sheet}": không tìm thấy dòng tiêu đề (Họ và tên, Tên đơn vị…).`,
  statusNew: "Mới",
  statusUnchanged: "Đã có (không đổi)",
  statusRejected: (reason: string) => `Không nhận: ${reason}`,
  candidateLine: (id: string, name: string, unit: string, birthDate: string | undefined) =>
    `    - ${name} (${id}, ${unit}${birthDate ? `, sinh ${birthDate}` : ""})`,
  rowLine: (sheet: string, row: number, status: string) => `${sheet}, dòng ${row}: ${status}`,
  wouldWrite: (subject: string, code: AwardCode, year: string, decisionNo: string) =>
    `  sẽ ghi: ${subject} — ${awardCodeLabels[code]} — năm học ${year} — QĐ số ${decisionNo}`,
  dryRun: "Chạy thử (--dry-run): không ghi gì vào cơ sở dữ liệu.",
  summary: (fresh: number, unchanged: number, rejected: number) =>
    `Mới ${fresh} dòng, không đổi ${unchanged} dòng, không nhận ${rejected} dòng.`,
  wrote: (file: string) => `Đã ghi bản có cột "Trạng thái" vào ${file}.`,
  commandSummary: "Nhập lịch sử khen thưởng từ danh sách Excel của hệ thống TĐKT tỉnh vào sổ khen thưởng.",
  usage: [
    "Cách dùng: tdkt history import TỆP.xlsx [--format province|tdkt] [--year YYYY-YYYY]",
    "           [--decision SỐ_QĐ] [--decision-date dd/mm/yyyy] [--issuer CƠ_QUAN] [--dry-run] [--json] [--out TỆP_KẾT_QUẢ.xlsx]",
    "  --format         province: mẫu của tỉnh (DANHSACH, file nhận; mặc định); tdkt: tab Lịch sử khen thưởng",
    "  --year           năm học của các dòng không có cột Năm học",
    "  --decision       số quyết định của các dòng không có cột Số quyết định",
    "  --decision-date  ngày quyết định; --issuer  cơ quan ban hành quyết định",
    "  --dry-run        chỉ in những gì sẽ ghi và các dòng không nhận, không ghi gì",
    "  --json           in mỗi dòng dữ liệu một đối tượng JSON",
    "  --out            nơi ghi bản sao có cột Trạng thái (mặc định: TỆP.ket-qua.xlsx)",
    "Mã thoát 1 khi có dòng không nhận.",
  ].join("\n"),
  departmentOnly: () => "Chỉ Sở Giáo dục và Đào tạo được nhập lịch sử khen thưởng.",
  notWorkbook: () => "Tệp gửi lên không phải bảng tính .xlsx đọc được.",
  badFormat: (text: string) => `Định dạng "${text}" không có; dùng province hoặc tdkt.`,
  badQueryText: (name: string) => `Tham số "${name}" không hợp lệ.`,
  unpackedTooLarge: () => "Bảng tính gửi lên quá lớn khi giải nén (tối đa 100 MB).",
  badQueryDate: (text: string) => `Ngày quyết định "${text}" không phải ngày (dd/mm/yyyy).`,
  codesMalformed: () =>
    "Bảng ánh xạ mã của Sở (config/province-codes) không hợp lệ; sửa lại trước khi nhập lịch sử.",
  codesInvalid: () =>
    "Danh sách ánh xạ mã không hợp lệ: mỗi mục cần table (award, subjectClass, collectiveClass), code hoặc name, và value là mã của TĐKT.",
};
