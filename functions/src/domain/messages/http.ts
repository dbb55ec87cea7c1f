/** Messages of the HTTP API (errors the caller sees). */
import { idRule } from "./sheets.js";

const PATH_PARAM_LABELS: Record<string, string> = {
  unit: "Mã đơn vị",
  year: "Năm học",
  id: "Mã hồ sơ",
  tab: "Tên tab",
};
const pathParamLabel = (name: string): string => PATH_PARAM_LABELS[name] ?? `Tham số "${name}"`;

export const httpMessages = {
  notFound: (method: string, path: string) => `Không có đường dẫn ${method} ${path}.`,
  methodNotAllowed: (method: string, path: string) => `Đường dẫn ${path} không nhận phương thức ${method}.`,
  bodyTooLarge: (limitBytes: number) =>
    `Dữ liệu gửi lên quá lớn: tối đa ${Math.round(limitBytes / 1024 / 1024)} MB mỗi lần gửi. Hãy chia nhỏ rồi gửi lại.`,
  invalidJson: (line: number, column: number) =>
    `Dữ liệu gửi lên không phải JSON hợp lệ: lỗi cú pháp ở dòng ${line}, cột ${column}.`,
  jsonTooDeep: (limit: number, line: number, column: number) =>
    `Dữ liệu gửi lên lồng nhau quá ${limit} cấp (dòng ${line}, cột ${column}); dữ liệu của hệ thống không sâu như vậy.`,
  malformedRequest: () =>
    "Yêu cầu HTTP không đúng định dạng (dòng yêu cầu, tiêu đề hoặc độ dài dữ liệu). Hãy gửi lại bằng ứng dụng hoặc bảng tính.",
  invalidUtf8: () => "Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ. Hãy gửi JSON mã hóa UTF-8.",
  illFormedText: () =>
    "Dữ liệu gửi lên có ký tự không hợp lệ (ký tự điều khiển, ký tự đảo chiều hiển thị hoặc mã Unicode hỏng). Hãy xóa ký tự đó trong ô tương ứng rồi gửi lại.",
  unsupportedWorkbookType: () =>
    "Tệp gửi lên phải có Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (.xlsx).",
  unsupportedMediaType: () => "Dữ liệu gửi lên phải có Content-Type: application/json (mã hóa UTF-8).",
  malformedPathParam: (name: string) =>
    `${pathParamLabel(name)} trong đường dẫn có mã hóa phần trăm (%) không hợp lệ.`,
  invalidPathParam: (name: string) => `${pathParamLabel(name)} trong đường dẫn không hợp lệ: ${idRule}.`,
  missingToken: () =>
    "Thiếu mã xác thực: hãy đăng nhập bằng tài khoản Google của đơn vị (Authorization: Bearer …).",
  invalidToken: () => "Mã xác thực không hợp lệ hoặc đã hết hạn. Hãy tải lại bảng tính và thử lại.",
  unknownUser: () =>
    "Tài khoản này chưa được cấp quyền trong hệ thống TĐKT. Liên hệ chuyên viên Sở để được thêm vào danh sách người dùng.",
  unitNotFound: (unitId: string) => `Không có đơn vị "${unitId}" trong hệ thống (tab Đơn vị của Sở).`,
  unitMalformed: (unitId: string) =>
    `Dữ liệu đơn vị "${unitId}" trong hệ thống không hợp lệ; Sở cần gửi lại dòng của đơn vị ở tab Đơn vị.`,
  forbiddenUnit: (unitId: string) => `Tài khoản của bạn không có quyền với dữ liệu của đơn vị ${unitId}.`,
  forbiddenRole: () => "Vai trò của tài khoản này không được thực hiện thao tác này.",
  authConfigAdminOnly: () =>
    "Chỉ quản trị viên của Sở (vai trò ADMIN) được thay đổi danh sách ứng dụng được phép đăng nhập.",
  authAudiencesInvalid: () =>
    'Danh sách "audiences" phải gồm tối đa 100 mã OAuth client dạng <số dự án>-<mã>.apps.googleusercontent.com.',
  rateLimited: (seconds: number) => `Gửi quá nhiều yêu cầu. Hãy thử lại sau ${seconds} giây.`,
  idempotencyKeyReused: () =>
    "Mã chống gửi trùng (Idempotency-Key) đã dùng cho một nội dung khác. Hãy tạo mã mới cho lần gửi này.",
  storeUnavailable: (seconds: number) =>
    `Máy chủ dữ liệu không phản hồi kịp nên yêu cầu chưa hoàn tất. Vui lòng gửi lại sau ${seconds} giây; dữ liệu đã gửi sẽ không bị trùng lặp.`,
  requestInProgress: (seconds: number) =>
    `Lần gửi trước với cùng nội dung (cùng Idempotency-Key) đang được xử lý. Vui lòng gửi lại sau ${seconds} giây để nhận kết quả; dữ liệu sẽ không bị ghi hai lần.`,
  invalidBody: () => "Nội dung yêu cầu không đúng định dạng.",
  internal: (requestId: string) =>
    `Lỗi hệ thống. Mã yêu cầu: ${requestId}. Hãy báo mã này cho quản trị viên.`,
} as const;
