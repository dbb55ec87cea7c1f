/** The year-end selection of typical collectives per thematic field (docs/domain.md §19). */
import { describe, expect, it } from "vitest";
import {
  DEFAULT_THEMATIC_CONFIG,
  DEFAULT_THEMATIC_FIELDS,
  fieldsOfYear,
  proposedUnits,
  ratingOf,
  selectTypicalCollectives,
  type ThematicField,
  type ThematicInput,
  type ThematicRegistration,
  type ThematicResult,
} from "../../../functions/src/domain/thematic.js";

const YEAR = "2025-2026";
const field = (code: string, extra: Partial<ThematicField> = {}): ThematicField => ({
  year: YEAR,
  code,
  name: `Lĩnh vực ${code}`,
  registrationDeadline: "2025-10-15",
  ...extra,
});
const registration = (
  unitId: string,
  fieldCode = "cntt",
  registeredOn = "2025-09-20",
): ThematicRegistration => ({
  year: YEAR,
  unitId,
  field: fieldCode,
  registeredOn,
});
const result = (unitId: string, values: Partial<ThematicResult>, fieldCode = "cntt"): ThematicResult => ({
  year: YEAR,
  unitId,
  field: fieldCode,
  ...values,
});
const units = ["a", "b", "c", "d", "e", "f"].map((id) => ({
  id,
  name: `Trường ${id.toUpperCase()}`,
  womenShare: 0.5,
}));
const select = (input: Partial<ThematicInput>) =>
  selectTypicalCollectives({
    year: YEAR,
    storedFields: [field("cntt")],
    registrations: [],
    results: [],
    units,
    ...input,
  });
const only = (input: Partial<ThematicInput>) => {
  const [selection] = select(input).fields;
  if (!selection) throw new Error("no field");
  return selection;
};

describe("the year's fields", () => {
  it("the guidance's defaults apply when the Department sent none, with the default deadline; its own replace them", () => {
    const defaults = fieldsOfYear(YEAR, []);
    expect(defaults.map((entry) => entry.name)).toEqual(DEFAULT_THEMATIC_FIELDS.map((entry) => entry.name));
    expect(defaults).toHaveLength(11);
    expect(defaults.every((entry) => entry.registrationDeadline === "2025-10-31")).toBe(true);
    expect(select({ storedFields: [] }).fieldsSource).toBe("DEFAULT");
    expect(fieldsOfYear(YEAR, [field("z"), field("cntt")]).map((entry) => entry.code)).toEqual(["cntt", "z"]);
    expect(select({}).fieldsSource).toBe("DEPARTMENT");
  });
});

describe("ordering, ties, threshold and cap", () => {
  it("orders by rating, then score; a score without a rating takes its band", () => {
    expect(ratingOf(result("a", { score: 90 }), DEFAULT_THEMATIC_CONFIG)).toBe("XUAT_SAC");
    expect(ratingOf(result("a", { score: 89.5 }), DEFAULT_THEMATIC_CONFIG)).toBe("TOT");
    expect(ratingOf(result("a", { score: 49 }), DEFAULT_THEMATIC_CONFIG)).toBe("CHUA_DAT");
    expect(ratingOf(result("a", { score: 20, rating: "TOT" }), DEFAULT_THEMATIC_CONFIG)).toBe("TOT");
    const selection = only({
      registrations: ["a", "b", "c", "d"].map((id) => registration(id)),
      results: [
        result("a", { rating: "TOT", score: 99 }),
        result("b", { score: 95 }),
        result("c", { rating: "XUAT_SAC" }),
        result("d", { rating: "XUAT_SAC", score: 92 }),
      ],
    });
    // Xuất sắc before Tốt whatever the score; among Xuất sắc, a score before none.
    expect(selection.entries.map((entry) => entry.unitId)).toEqual(["b", "d", "c", "a"]);
    expect(selection.entries.map((entry) => entry.position)).toEqual([1, 2, 3, 4]);
    expect(selection.entries.map((entry) => entry.status)).toEqual([
      "PROPOSED",
      "PROPOSED",
      "PROPOSED",
      "BELOW_THRESHOLD",
    ]);
    expect(selection.entries[0]?.reason).toBe(
      "Kết quả kiểm tra Xuất sắc (95 điểm): đề nghị công nhận tập thể điển hình lĩnh vực Lĩnh vực cntt.",
    );
    expect(selection.entries[3]?.reason).toContain("dưới mức đề nghị (từ Xuất sắc trở lên)");
  });

  it("breaks ties by G-06, then the earlier registration, then the unit id, and says which key decided", () => {
    const women = units.map((unit) => (unit.id === "c" ? { ...unit, womenShare: 0.75 } : unit));
    const selection = only({
      units: women,
      registrations: [
        registration("a", "cntt", "2025-09-10"),
        registration("b", "cntt", "2025-09-01"),
        registration("c"),
        registration("d", "cntt", "2025-09-10"),
      ],
      results: ["a", "b", "c", "d"].map((id) => result(id, { rating: "XUAT_SAC", score: 93 })),
    });
    expect(selection.entries.map((entry) => entry.unitId)).toEqual(["c", "b", "a", "d"]);
    expect(selection.entries.map((entry) => entry.tieBreak)).toEqual([
      undefined,
      "Bằng kết quả với đơn vị xếp ngay trên; xếp sau theo G-06: ưu tiên tập thể có từ 70% nữ trở lên.",
      "Bằng kết quả với đơn vị xếp ngay trên; xếp sau theo đăng ký sớm hơn.",
      "Bằng kết quả với đơn vị xếp ngay trên; xếp sau theo mã đơn vị (thứ tự cố định).",
    ]);
    // The same data in another order gives the same order.
    const shuffled = only({
      units: [...women].reverse(),
      registrations: [
        registration("d", "cntt", "2025-09-10"),
        registration("c"),
        registration("b", "cntt", "2025-09-01"),
        registration("a", "cntt", "2025-09-10"),
      ],
      results: ["d", "c", "b", "a"].map((id) => result(id, { rating: "XUAT_SAC", score: 93 })),
    });
    expect(shuffled.entries.map((entry) => entry.unitId)).toEqual(["c", "b", "a", "d"]);
  });

  it("proposes up to the cap (the field's own, else the default 3); the rest are named over the cap", () => {
    const input = {
      registrations: ["a", "b", "c", "d", "e"].map((id) => registration(id)),
      results: ["a", "b", "c", "d", "e"].map((id, index) => result(id, { score: 99 - index })),
    };
    expect(only(input).cap).toBe(3);
    expect(only(input).entries.map((entry) => entry.status)).toEqual([
      "PROPOSED",
      "PROPOSED",
      "PROPOSED",
      "OVER_CAP",
      "OVER_CAP",
    ]);
    const capped = only({ ...input, storedFields: [field("cntt", { cap: 1 })] });
    expect(
      capped.entries.filter((entry) => entry.status === "PROPOSED").map((entry) => entry.unitId),
    ).toEqual(["a"]);
    expect(capped.entries[1]?.reason).toContain("đã đủ 1 tập thể được đề nghị");
  });

  it("the field's own threshold and form win over the defaults", () => {
    const selection = only({
      storedFields: [field("cntt", { minRating: "TOT", form: "BK_CT_UBND_TINH" })],
      registrations: [registration("a"), registration("b")],
      results: [result("a", { rating: "TOT" }), result("b", { rating: "DAT" })],
    });
    expect(selection.form).toBe("BK_CT_UBND_TINH");
    expect(selection.entries.map((entry) => entry.status)).toEqual(["PROPOSED", "BELOW_THRESHOLD"]);
  });
});

describe("late and missing are named, never dropped", () => {
  it("a late registration is ranked and flagged, not proposed and not counted against the cap; one without a result is listed", () => {
    const selection = only({
      storedFields: [field("cntt", { cap: 1 })],
      registrations: [
        registration("a", "cntt", "2025-10-16"),
        registration("b", "cntt", "2025-10-15"),
        registration("c"),
      ],
      results: [result("a", { score: 99 }), result("b", { score: 91 }), result("e", { score: 100 })],
    });
    expect(selection.entries.map((entry) => [entry.unitId, entry.status, entry.late])).toEqual([
      ["a", "LATE", true],
      ["b", "PROPOSED", false],
      ["c", "NO_RESULT", false],
    ]);
    expect(selection.entries[0]?.reason).toBe(
      'Đăng ký ngày 16/10/2025, sau hạn 15/10/2025 của lĩnh vực: không đề nghị (Sở có thể gia hạn ở tab "Lĩnh vực chuyên đề").',
    );
    expect(selection.entries[2]).toMatchObject({ position: null, rating: null });
    expect(selection.entries[2]?.reason).toContain("chưa có kết quả kiểm tra");
    // A result of a unit that never registered is named apart.
    expect(selection.unregisteredResults).toEqual([{ unitId: "e", unitName: "Trường E" }]);
  });

  it("registrations and results of a field the year no longer has are named, not dropped", () => {
    const selection = select({
      registrations: [registration("a"), registration("b", "cu")],
      results: [result("a", { score: 95 }), result("b", { rating: "TOT" }, "cu")],
    });
    expect(selection.fields.map((entry) => entry.field.code)).toEqual(["cntt"]);
    expect(selection.outsideFields).toEqual([
      { unitId: "b", unitName: "Trường B", field: "cu", entry: "registration" },
      { unitId: "b", unitName: "Trường B", field: "cu", entry: "result" },
    ]);
  });
});

describe("proposals", () => {
  it("one proposal per unit and form, naming every field the unit is typical in", () => {
    const selection = select({
      storedFields: [field("cntt"), field("xanh"), field("tai-chinh", { form: "BK_CT_UBND_TINH" })],
      registrations: [
        registration("a"),
        registration("a", "xanh"),
        registration("a", "tai-chinh"),
        registration("b", "xanh"),
      ],
      results: [
        result("a", { score: 95 }),
        result("a", { score: 96 }, "xanh"),
        result("a", { score: 97 }, "tai-chinh"),
        result("b", { score: 70 }, "xanh"),
      ],
    });
    expect(proposedUnits(selection)).toEqual([
      { unitId: "a", form: "BK_CT_UBND_TINH", fields: ["Lĩnh vực tai-chinh"] },
      { unitId: "a", form: "GK_GD_SO", fields: ["Lĩnh vực cntt", "Lĩnh vực xanh"] },
    ]);
  });
});
