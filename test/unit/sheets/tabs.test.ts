import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { matchKey } from "../../../functions/src/sheets/cells.js";
import { optionsOf } from "../../../functions/src/sheets/definition.js";
import { tabsReference } from "../../../functions/src/sheets/reference.js";
import { escapeSheetText, renderSummary, statusText } from "../../../functions/src/sheets/render.js";
import { findTab, TABS } from "../../../functions/src/sheets/tabs/index.js";
import { buildTemplate, readWorkbook, tabOfSheet } from "../../../functions/src/sheets/xlsx.js";

describe("tab definitions", () => {
  it("have the tabs of the issue, with stable ids", () => {
    expect(TABS.map((tab) => [tab.id, tab.title])).toEqual([
      ["can-bo", "Cán bộ"],
      ["dang-ky", "Đăng ký thi đua"],
      ["ket-qua", "Kết quả cuối năm"],
      ["sang-kien", "Sáng kiến - Đề tài"],
      ["de-nghi", "Đề nghị khen thưởng"],
      ["dot-xuat", "Thành tích đột xuất"],
      ["minh-chung", "Minh chứng hiệu quả công việc"],
      ["lich-su", "Lịch sử khen thưởng"],
      ["don-vi", "Đơn vị"],
      ["nguoi-dung", "Người dùng"],
      ["cau-hinh", "Cấu hình"],
      ["tieu-chi", "Tiêu chí thi đua"],
      ["cham-diem", "Chấm điểm thi đua"],
      ["bieu-quyet-so", "Biểu quyết Hội đồng Sở"],
      ["van-ban-phap-ly", "Văn bản pháp lý"],
      ["hoi-nghi-quan-triet", "Hội nghị quán triệt"],
      ["xac-nhan-quan-triet", "Xác nhận quán triệt"],
      ["can-bo-thi-dua", "Cán bộ làm công tác thi đua"],
      ["tap-huan-so", "Tập huấn của Sở"],
      ["tap-huan", "Tập huấn"],
      ["tham-du-tap-huan", "Tham dự tập huấn"],
      ["giao-luu", "Giao lưu học hỏi"],
      ["dang-ky-chuyen-de", "Đăng ký chuyên đề"],
      ["linh-vuc-chuyen-de", "Lĩnh vực chuyên đề"],
      ["ket-qua-chuyen-de", "Kết quả chuyên đề"],
      ["quyet-dinh", "Quyết định khen thưởng"],
      ["doan-kiem-tra", "Đoàn kiểm tra"],
      ["ke-hoach-kiem-tra", "Kế hoạch kiểm tra"],
      ["ket-qua-kiem-tra", "Kết quả kiểm tra"],
    ]);
    for (const tab of TABS) expect(tab.title.length).toBeLessThanOrEqual(31); // Excel's sheet-name limit
  });

  it("have headers and keys that stay distinct once folded, and natural keys among the columns", () => {
    for (const tab of TABS) {
      const folded = tab.columns.flatMap((column) => [matchKey(column.header), matchKey(column.key)]);
      const byColumn = new Set(tab.columns.map((column) => matchKey(column.header)));
      expect(byColumn.size, tab.id).toBe(tab.columns.length);
      expect(new Set(folded).size, tab.id).toBeGreaterThanOrEqual(tab.columns.length);
      for (const key of tab.naturalKey)
        expect(
          tab.columns.some((column) => column.key === key),
          `${tab.id}.${key}`,
        ).toBe(true);
    }
  });

  it("mark every column of a school tab that names a person or collective, so ingest checks it", () => {
    // A "Mã cán bộ" anywhere but the roster's own id column refers to someone on the roster.
    const naming = TABS.filter((tab) => tab.audience === "school").flatMap((tab) =>
      tab.columns
        .filter((column) => /mã cán bộ/i.test(column.header) && !(tab.id === "can-bo" && column.key === "id"))
        .map((column) => `${tab.id}.${column.key}:${column.names ?? "unchecked"}`),
    );
    expect(naming).toEqual([
      "dang-ky.subjectId:subject",
      "ket-qua.subjectId:subject",
      "sang-kien.ownerIds:person",
      "de-nghi.subjectId:subject",
      "dot-xuat.personId:person",
      "dot-xuat.coachIds:person",
      "minh-chung.subjectId:subject",
      "lich-su.subjectId:subject",
      "xac-nhan-quan-triet.personId:person",
      "can-bo-thi-dua.personId:person",
      "tham-du-tap-huan.personId:person",
      "giao-luu.participantIds:person",
    ]);
  });

  it("have enum choices whose labels and codes never fold to another choice's", () => {
    for (const tab of TABS)
      for (const column of tab.columns) {
        const options = optionsOf(column) ?? [];
        const owners = new Map<string, string>();
        for (const option of options)
          for (const key of [matchKey(option.label), matchKey(option.code)]) {
            expect(owners.get(key) ?? option.code, `${tab.id}.${column.key}: ${key}`).toBe(option.code);
            owners.set(key, option.code);
          }
      }
  });
});

describe("render", () => {
  it("escapes values that would run as formulas", () => {
    for (const formula of ['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)"])
      expect(escapeSheetText(formula)).toBe(`'${formula}`);
    expect(escapeSheetText("Nguyễn Thị Lan")).toBe("Nguyễn Thị Lan");
    const status = statusText({
      status: "rejected",
      errors: [{ column: "A", code: "REQUIRED", message: "=x" }],
    });
    expect(status.startsWith("Lỗi")).toBe(true);
  });

  it("renders the summary tab with escaped names", () => {
    const rows = renderSummary({
      unit: { id: "u", name: "Trường A" },
      year: "2025-2026",
      people: 1,
      ratings: {},
      counts: [{ code: "LDTT", label: "Lao động tiên tiến", registered: 2, proposed: 1, recognized: 0 }],
      proposals: [
        {
          code: "LDTT",
          label: "Lao động tiên tiến",
          subjectKind: "individual",
          subjectId: "GV1",
          name: "=cmd",
          rating: "HTT",
          agree: null,
          members: null,
        },
      ],
      achievements: [
        {
          fullName: "Võ Minh Khoa",
          role: "STUDENT",
          contest: "HSG quốc gia",
          subject: "Toán",
          prize: "NHI",
          clock: { state: "OVERDUE", days: 35, deadline: "2026-03-15" },
        },
      ],
      adHocOverdue: 1,
    });
    expect(rows).toContainEqual([
      "Võ Minh Khoa",
      "Học sinh",
      "HSG quốc gia",
      "Toán",
      "Giải Nhì",
      "Quá hạn — 35 ngày (hạn 15/03/2026)",
    ]);
    expect(rows).toContainEqual(["Lao động tiên tiến", 2, 1, 0]);
    expect(rows).toContainEqual(["Lao động tiên tiến", "GV1", "'=cmd", "Hoàn thành tốt nhiệm vụ", null]);
  });
});

describe("workbook template", () => {
  it("has every tab with headers, notes, widths, a frozen header row and dropdowns", async () => {
    const buffer = await buildTemplate().xlsx.writeBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as ArrayBuffer);
    for (const tab of TABS) {
      const sheet = workbook.getWorksheet(tab.title);
      expect(sheet, tab.title).toBeDefined();
      if (!sheet) continue;
      expect(sheet.getRow(1).values).toEqual([undefined, ...tab.columns.map((column) => column.header)]);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      tab.columns.forEach((column, index) => {
        expect(sheet.getColumn(index + 1).width).toBe(column.width);
        expect(JSON.stringify(sheet.getRow(1).getCell(index + 1).note)).toContain(
          column.help.slice(0, 20).replace(/"/g, '\\"'),
        );
      });
    }
    const gender = workbook.getWorksheet("Cán bộ")?.getCell("C2").dataValidation;
    expect(gender).toMatchObject({ type: "list", formulae: ["'Danh mục'!$A$1:$A$2"] });
  });

  it("reads back the sheets it knows, by title or id, whatever their case", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("CAN BO");
    sheet.addRow(["DANH SÁCH CÁN BỘ"]);
    sheet.addRow(["STT", "Mã cán bộ", "Họ và tên", "Giới tính"]);
    sheet.addRow([1, "GV1", { richText: [{ text: "Lê " }, { text: "Văn A" }] }, "Nam"]);
    sheet.addRow([]);
    sheet.addRow([2, "GV2", { formula: 'CONCAT("B")', result: "B" }, "Nữ"]);
    workbook.addWorksheet("Ghi chú");
    const { tabs, ignored } = readWorkbook(workbook);
    expect(ignored).toEqual(["Ghi chú"]);
    expect(tabs[0]?.headerRow).toBe(2);
    expect(tabs[0]?.rows.map((row) => [row.row, row.values["Họ và tên"]])).toEqual([
      [3, "Lê Văn A"],
      [5, "B"],
    ]);
    expect(tabOfSheet("dang-ky")).toBe(findTab("dang-ky"));
  });
});

describe("docs/sheets.md", () => {
  it("is the reference generated from the definitions", async () => {
    await expect(tabsReference()).toMatchFileSnapshot("../../../docs/sheets.md");
  });
});
