/** The ranking's cells: achieved values paired with targets, criteria groups and manual scores. */
import { describe, expect, it } from "vitest";
import { parseTabRows } from "../../../functions/src/sheets/parse.js";
import { findTab } from "../../../functions/src/sheets/tabs/index.js";

const context = { unitId: "thcs-a", year: "2025-2026" };
const parse = (tabId: string, values: Record<string, unknown>) => {
  const tab = findTab(tabId);
  if (!tab) throw new Error(tabId);
  const [row] = parseTabRows(tab, [{ row: 2, values }], context).rows;
  if (!row) throw new Error("no row");
  return row;
};

describe("Đăng ký thi đua: Kết quả đạt được", () => {
  const registration = {
    "Loại đối tượng": "Tập thể",
    "Mã cán bộ / Mã tập thể": "thcs-a",
    "Chỉ tiêu cam kết": "Duy trì sĩ số (%): 98; Kiểm định chất lượng: Cấp độ 2; Học sinh giỏi: 5",
  };

  it("stores each achieved value next to its target, matched by key whatever the case or diacritics", () => {
    const row = parse("dang-ky", {
      ...registration,
      "Kết quả đạt được": "duy tri si so (%): 98,5; KIỂM ĐỊNH CHẤT LƯỢNG: Cấp độ 2",
    });
    expect(row.errors).toEqual([]);
    expect(row.documents[0]?.data.commitments).toEqual([
      { key: "Duy trì sĩ số (%)", target: 98, achieved: 98.5 },
      { key: "Kiểm định chất lượng", target: "Cấp độ 2", achieved: "Cấp độ 2" },
      { key: "Học sinh giỏi", target: 5 },
    ]);
  });

  it("refuses an achieved value whose key has no target, in Vietnamese, on its cell", () => {
    const row = parse("dang-ky", { ...registration, "Kết quả đạt được": "Sáng kiến: 2; Học sinh giỏi: 6" });
    expect(row.errors).toHaveLength(1);
    expect(row.errors[0]).toMatchObject({ column: "Kết quả đạt được", code: "ACHIEVED_WITHOUT_TARGET" });
    expect(row.errors[0]?.message).toContain('chỉ tiêu "Sáng kiến" không có trong cột "Chỉ tiêu cam kết"');
  });
});

describe("Tiêu chí thi đua and Chấm điểm thi đua", () => {
  it("stores a criteria group per cluster (or for all) under the request's year", () => {
    const row = parse("tieu-chi", {
      "Mã nhóm tiêu chí": "cam-ket",
      "Tên nhóm tiêu chí": "Thực hiện cam kết chất lượng",
      "Nguồn dữ liệu": "Cam kết chất lượng",
      "Điểm tối đa": 30,
    });
    expect(row.errors).toEqual([]);
    expect(row.documents[0]).toMatchObject({
      collection: "criteria",
      id: "all_cam-ket",
      data: { year: "2025-2026", code: "cam-ket", source: "COMMITMENTS", maxScore: 30 },
    });
  });

  it("stores the Thường trực's score of a unit in a group, keyed by the unit", () => {
    const row = parse("cham-diem", { "Mã đơn vị": "thcs-b", "Mã nhóm tiêu chí": "thuong-truc", Điểm: "8,5" });
    expect(row.errors).toEqual([]);
    expect(row.documents[0]).toMatchObject({
      collection: "scores",
      id: "thcs-b_thuong-truc",
      data: { unitId: "thcs-b", group: "thuong-truc", score: 8.5, year: "2025-2026" },
    });
  });
});
