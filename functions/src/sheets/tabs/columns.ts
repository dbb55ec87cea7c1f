/**
 * Columns shared by several tabs, one definition each, and the builders of the common column
 * shapes. Each keeps its literal key and type, so a tab's row is typed from its columns.
 */
import type { Column } from "../definition.js";
import { OPTIONS } from "./options.js";

/** A column of one type, with its key kept as a literal. */
type ColumnOf<K extends string, T extends Column["type"]> = Extract<Column<K>, { type: T }>;

export const textColumn = <K extends string>(
  key: K,
  header: string,
  help: string,
  width = 20,
  required = false,
): ColumnOf<K, "text"> => ({ key, header, type: "text", required, help, width });

export const booleanColumn = <K extends string>(
  key: K,
  header: string,
  help: string,
): ColumnOf<K, "boolean"> => ({
  key,
  header,
  type: "boolean",
  required: false,
  help: `${help} Ghi Có hoặc Không.`,
  width: 12,
});

export const dateColumn = <K extends string>(
  key: K,
  header: string,
  help = "dd/MM/yyyy.",
  width = 12,
): ColumnOf<K, "date"> => ({ key, header, type: "date", required: false, help, width });

/** Who a row is about: a person of the roster or a collective (the unit, or one of its tổ). */
export const subjectColumns = [
  {
    key: "subjectKind",
    header: "Loại đối tượng",
    type: "enum",
    options: OPTIONS.subjectKind,
    required: true,
    help: "Cá nhân hoặc Tập thể.",
    width: 12,
  },
  {
    key: "subjectId",
    header: "Mã cán bộ / Mã tập thể",
    type: "text",
    required: true,
    help: "Cá nhân: Mã cán bộ ở tab Cán bộ. Tập thể: mã đơn vị mình, hoặc tên tổ đúng như cột Tổ chuyên môn ở tab Cán bộ.",
    width: 16,
    names: "subject",
  },
  textColumn("subjectName", "Họ và tên / Tên tập thể", "Để đối chiếu khi đọc; hệ thống dùng cột mã.", 28),
] as const satisfies readonly Column[];

/** Loại hình khen thưởng (G-03: đột xuất and chuyên đề never count toward công trạng). */
export const awardKindColumn = {
  key: "kind",
  header: "Loại hình khen thưởng",
  type: "enum",
  options: OPTIONS.awardKind,
  required: false,
  help: "Mặc định Công trạng.",
  width: 14,
} as const satisfies Column;

export const decisionNoColumn = textColumn("decisionNo", "Số quyết định", "Ví dụ 125/QĐ-SGDĐT.", 16);

export const decisionDateColumn = dateColumn("decisionDate", "Ngày quyết định", "dd/MM/yyyy.", 14);

export const birthDateColumn = dateColumn("birthDate", "Ngày sinh");
