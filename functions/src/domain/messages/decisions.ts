/** Messages of recorded decisions (services/decisions.ts) and of `tdkt decision`. */
import type { DecidingLevel } from "../authority.js";
import type { DecisionLevel } from "../decision.js";

/** Who decides, as a refusal names it. */
export const deciderLabels: Record<DecidingLevel, string> = {
  TRUONG: "Hiệu trưởng",
  XA: "Chủ tịch Ủy ban nhân dân xã",
  SO: "Giám đốc Sở Giáo dục và Đào tạo",
  TINH: "Chủ tịch Ủy ban nhân dân tỉnh",
  BO: "Bộ trưởng Bộ Giáo dục và Đào tạo",
  TTG: "Thủ tướng Chính phủ",
  CTN: "Chủ tịch nước",
};

/** The "Cấp quyết định" dropdown of the tab "Quyết định khen thưởng". */
export const decisionLevelLabels: Record<DecisionLevel, string> = {
  XA: "Chủ tịch UBND xã",
  SO: "Giám đốc Sở GD&ĐT",
  TINH: "Chủ tịch UBND tỉnh",
};

export const decisionMessages = {
  invalidInput: (problem: string) => `Dữ liệu quyết định không hợp lệ: ${problem}.`,
  notFound: (id: string) => `Không có quyết định "${id}".`,
  malformed: (path: string) => `Quyết định đã lưu tại "${path}" bị hỏng; cần quản trị viên kiểm tra.`,
  dossierNotFound: (id: string) => `Không có hồ sơ "${id}" để ghi nhận quyết định.`,
  notDecidingLevel: () =>
    "Chỉ cấp có thẩm quyền quyết định được ghi nhận quyết định: chuyên viên UBND xã cho quyết định của Chủ tịch UBND xã; chuyên viên Sở cho quyết định của Giám đốc Sở và (thay mặt tỉnh) của Chủ tịch UBND tỉnh.",
  notManagingCommune: (unitName: string) =>
    `${unitName} không do xã của tài khoản này quản lý; xã không ra quyết định khen thưởng cho trường này.`,
  otherDecider: (subject: string, target: string, decider: string) =>
    `${subject} – "${target}": thẩm quyền quyết định thuộc ${decider}, không phải cấp ghi trong quyết định này.`,
  wrongYear: (dossierId: string, year: string) =>
    `Hồ sơ "${dossierId}" là của năm học ${year}, không phải năm học của quyết định.`,
  dossierNotApproved: (dossierId: string, state: string) =>
    `Hồ sơ "${dossierId}" đang ở trạng thái "${state}": chỉ ghi nhận quyết định cho hồ sơ đã được phê duyệt.`,
  dossierNotListed: (dossierId: string) =>
    `Đề nghị thuộc hồ sơ "${dossierId}" nhưng hồ sơ này không có trong danh sách hồ sơ của quyết định (dossierIds).`,
  proposalNotInDossier: (dossierId: string, subjectId: string, target: string) =>
    `Hồ sơ "${dossierId}" không có đề nghị "${target}" cho "${subjectId}".`,
  notEligible: (subject: string, target: string, rules: readonly string[]) =>
    `${subject} – "${target}" chưa đủ điều kiện${rules.length > 0 ? ` (${rules.join(", ")})` : " (còn thiếu dữ liệu)"}: không được đưa vào quyết định.`,
  nothingToDecide: () =>
    "Không còn đề nghị nào đủ điều kiện, thuộc thẩm quyền của cấp này và chưa có quyết định trong các hồ sơ đã nêu.",
  alreadyDecided: (subject: string, target: string, other: string) =>
    `${subject} – "${target}" đã được khen thưởng theo quyết định "${other}".`,
  alreadyRecorded: (id: string) =>
    `Quyết định "${id}" (cùng cấp, số và ngày) đã được ghi nhận với nội dung khác; quyết định đã ban hành không sửa được, nếu sai phải hủy bỏ (G-10) rồi ghi nhận quyết định mới.`,
  published: (id: string) => `Quyết định "${id}" đã công bố: không thay đổi được nội dung.`,
  revoked: (id: string) => `Quyết định "${id}" đã bị hủy bỏ (G-10).`,
  reasonRequired: () => "Hủy bỏ quyết định (G-10) cần ghi rõ lý do (reason).",
  invalidBody: () =>
    'Nội dung yêu cầu phải là quyết định { "level", "number", "date", "year", "issuer", "signer", "dossierIds", … }.',
  invalidRevokeBody: () => 'Nội dung yêu cầu phải có dạng { "reason": "…" }.',
} as const;

export const decisionCliMessages = {
  summary: "Ghi nhận, công bố, hủy bỏ quyết định khen thưởng; in quyết định ra PDF",
  usage: `Cách dùng:
  tdkt decision record FILE.json --as EMAIL        ghi nhận quyết định (nội dung như POST /v1/decisions)
  tdkt decision publish ID --as EMAIL              công bố quyết định (sau đó không sửa được)
  tdkt decision revoke ID --reason "…" --as EMAIL  hủy bỏ quyết định (G-10), giữ lịch sử
  tdkt decision pdf ID --as EMAIL --out FILE.pdf   quyết định và danh sách kèm theo, từ dữ liệu đã lưu
EMAIL là tài khoản đã có trong users/ (vai trò và đơn vị của người ghi nhận).
`,
  unknownUser: (email: string) => `Không có tài khoản "${email}" trong danh sách người dùng (users).`,
  readFailed: (file: string, reason: string) => `Không đọc được "${file}": ${reason}`,
  done: (id: string, state: string, subjects: number) => `Quyết định ${id}: ${state}, ${subjects} đối tượng.`,
  written: (file: string) => `Đã ghi ${file}`,
} as const;
