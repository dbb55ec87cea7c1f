/** Người dùng: the Google accounts that use the system, with their role and unit. */
import { User } from "../../domain/model.js";
import { emailKey } from "../../domain/text.js";
import { defineTab } from "../definition.js";
import { textColumn } from "./columns.js";
import { OPTIONS } from "./options.js";

export const users = defineTab({
  id: "nguoi-dung",
  title: "Người dùng",
  audience: "department",
  scope: "global",
  needsYear: false,
  description: "Tài khoản Google được dùng hệ thống: vai trò và đơn vị.",
  columns: [
    textColumn("email", "Email", "Tài khoản Google đăng nhập bảng tính.", 30, true),
    {
      key: "role",
      header: "Vai trò",
      type: "enum",
      options: OPTIONS.role,
      required: true,
      help: "",
      width: 30,
    },
    textColumn("unitId", "Mã đơn vị", "Mã ở tab Đơn vị.", 14, true),
    textColumn("displayName", "Họ và tên", "", 24),
  ],
  naturalKey: ["email"],
  primary: "users",
  keyKind: "email",
  toDocuments: (row) => {
    const email = row.email === undefined ? undefined : emailKey(row.email);
    return [{ collection: "users", id: email ?? "", data: { ...row, email }, schema: User }];
  },
});
