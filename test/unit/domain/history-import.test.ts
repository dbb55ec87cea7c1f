/** The matching half of the history import, without a store: rows in, plans out. */
import { describe, expect, it } from "vitest";
import {
  type HistoryRow,
  planHistoryRows,
  unitsNamedBy,
} from "../../../functions/src/domain/history-import.js";
import { provinceCodeTable } from "../../../functions/src/domain/province-codes.js";
import { smallProvince } from "../../fixtures/province/lists.js";

const province = smallProvince("u");
const directory = { units: [province.school, province.primary], people: Object.values(province.people) };
const table = provinceCodeTable();
const defaults = { year: "2023-2024", decisionNo: "5/QĐ-UBND" };

const row = (number: number, fields: Partial<HistoryRow>): HistoryRow => ({
  sheet: "DANHSACH",
  row: number,
  layoutKind: "individual",
  awards: ["1647933042"],
  ...fields,
});

describe("planHistoryRows", () => {
  it("rejects a second row naming the same ledger entry as an earlier one", () => {
    const thuy = { name: province.people.thuy.fullName, unit: province.school.id };
    const plans = planHistoryRows([row(4, thuy), row(5, thuy)], directory, table, defaults);
    expect(plans[0]).toMatchObject({ status: "planned" });
    expect(plans[1]).toEqual({
      sheet: "DANHSACH",
      row: 5,
      status: "rejected",
      reason: "Trùng với dòng 4 của tệp (cùng đối tượng, danh hiệu, năm học).",
    });
  });

  it("needs a year and a decision number, from the row or the defaults", () => {
    const thuy = { name: province.people.thuy.fullName };
    const [noYear, noDecision, fromRow] = planHistoryRows(
      [
        row(4, thuy),
        row(5, { ...thuy, year: "2019-2020" }),
        row(6, { ...thuy, year: "2019-2020", decisionNo: "9/QĐ" }),
      ],
      directory,
      table,
      {},
    );
    expect(noYear).toMatchObject({ status: "rejected", reason: "Thiếu năm học (cột Năm học hoặc --year)." });
    expect(noDecision).toMatchObject({
      status: "rejected",
      reason: "Thiếu số quyết định (cột Số quyết định hoặc --decision).",
    });
    expect(fromRow).toMatchObject({ status: "planned", awards: [{ year: "2019-2020", decisionNo: "9/QĐ" }] });
  });

  it("keeps collective titles off people and asks the general list's rows for their kind", () => {
    const plans = planHistoryRows(
      [
        row(4, { name: province.people.duc.fullName, awards: ["Tập thể lao động xuất sắc"] }),
        row(5, { layoutKind: undefined, name: province.primary.name }),
        row(6, { layoutKind: undefined, name: province.primary.name, kind: "TAPTHE", awards: ["TTLDTT"] }),
        row(7, { name: province.people.duc.fullName, awardKind: "Đột xuất", awards: ["1650360491"] }),
      ],
      directory,
      table,
      defaults,
    );
    expect(plans.map((plan) => (plan.status === "rejected" ? plan.reason : plan.status))).toEqual([
      '"Tập thể lao động xuất sắc" không tặng cho cá nhân.',
      "Không rõ dòng này khen thưởng cá nhân hay tập thể (cột Phân loại khen thưởng).",
      "planned",
      "planned",
    ]);
    expect(plans[3]).toMatchObject({ awards: [{ code: "BK_CT_UBND_TINH", kind: "DOT_XUAT" }] });
  });

  it("reads only the people of the units the rows name", () => {
    const rows = [
      row(4, { unit: `THCS Nguyễn Du u` }),
      row(5, { layoutKind: "collective", name: province.primary.name }),
    ];
    expect(unitsNamedBy(rows, directory.units)).toEqual([province.school.id, province.primary.id]);
  });
});
