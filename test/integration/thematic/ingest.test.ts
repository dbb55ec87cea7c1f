/**
 * Ingest of the three chuyên đề tabs against the emulator (docs/domain.md §19): the Department's
 * fields and results, the school's registrations; bad rows named by row and column, good rows kept,
 * a late registration kept and flagged in its status, a resend changes nothing, every change audited.
 */
import type { Firestore } from "@google-cloud/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { statusText } from "../../../functions/src/sheets/render.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import {
  ingestBody,
  OTHER_UNIT,
  officer,
  seedProvince,
  specialist,
  UNIT,
  YEAR,
} from "../../fixtures/sheets/rows.js";
import { testFirestore } from "../../support/firestore.js";

const options = { requestId: "req-thematic", maxRows: 5000 };
const auditCount = async (db: Firestore) =>
  (await db.collection(COLLECTIONS.audit).count().get()).data().count;
const fieldsBody = () =>
  ingestBody("linh-vuc-chuyen-de", [
    {
      code: "cntt",
      name: "Công nghệ thông tin",
      guidanceNo: "1520/SGDĐT-VP",
      guidanceDate: "05/09/2025",
      registrationDeadline: "15/10/2025",
      division: "Phòng Kế hoạch - Tài chính",
      cap: 2,
    },
    { code: "xanh", name: "Xây dựng môi trường Xanh - Sạch - Đẹp", cap: 1.5, minRating: "Giỏi" },
    {
      code: "tai-chinh",
      name: "Công tác quản lý tài chính",
      minRating: "Tốt",
      form: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
    },
  ]);

let db: Firestore;
beforeEach(async () => {
  db = testFirestore("thematic-ingest");
  await seedProvince(db);
});

describe("tab Lĩnh vực chuyên đề (Department)", () => {
  it("stores the fields, names the bad row's columns, and refuses a school", async () => {
    const result = await ingestTab(db, specialist, "linh-vuc-chuyen-de", fieldsBody(), options);
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ accepted: 2, rejected: 1 });
    expect(result.body.rows[1]?.errors.map((error) => [error.column, error.code])).toEqual([
      ["Số tập thể điển hình tối đa", "NOT_INTEGER"],
      ["Mức đề nghị", "INVALID_ENUM"],
    ]);
    expect((await db.doc(`years/${YEAR}/thematicFields/cntt`).get()).data()).toMatchObject({
      year: YEAR,
      code: "cntt",
      registrationDeadline: "2025-10-15",
      guidanceDate: "2025-09-05",
      cap: 2,
    });
    expect((await db.doc(`years/${YEAR}/thematicFields/tai-chinh`).get()).data()).toMatchObject({
      minRating: "TOT",
      form: "BK_CT_UBND_TINH",
    });
    await expect(ingestTab(db, officer, "linh-vuc-chuyen-de", fieldsBody(), options)).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
    });
  });
});

describe("tab Đăng ký chuyên đề (school)", () => {
  it("without the Department's fields, the defaults apply; an unknown field is refused in its column", async () => {
    const body = ingestBody("dang-ky-chuyen-de", [
      { field: "cntt", registeredOn: "20/09/2025", content: "Số hóa hồ sơ" },
      { field: "khong-co", registeredOn: "20/09/2025" },
      { field: "tai-chinh", registeredOn: "31/10/2025" },
    ]);
    const result = await ingestTab(db, officer, "dang-ky-chuyen-de", body, options);
    expect(result.status).toBe(422);
    expect(result.body.rows.map((row) => row.status)).toEqual(["accepted", "rejected", "accepted"]);
    expect(result.body.rows[1]?.errors).toEqual([
      expect.objectContaining({ column: "Mã lĩnh vực", code: "UNKNOWN_FIELD" }),
    ]);
    // The default deadline, 31/10, is still on time.
    expect(result.body.rows[2]?.notes).toBeUndefined();
    expect((await db.doc(`years/${YEAR}/thematicRegistrations/${UNIT}_cntt`).get()).data()).toEqual(
      expect.objectContaining({
        unitId: UNIT,
        field: "cntt",
        registeredOn: "2025-09-20",
        content: "Số hóa hồ sơ",
      }),
    );
  });

  it("a registration after the field's deadline is stored and flagged in its status; a resend changes nothing", async () => {
    await ingestTab(db, specialist, "linh-vuc-chuyen-de", fieldsBody(), options);
    const body = ingestBody("dang-ky-chuyen-de", [
      { field: "cntt", registeredOn: "15/10/2025" },
      { field: "tai-chinh", registeredOn: "01/10/2025" },
      { field: "mam-non", registeredOn: "01/10/2025" },
      { field: "cntt", registeredOn: "16/10/2025" },
    ]);
    const first = await ingestTab(
      db,
      officer,
      "dang-ky-chuyen-de",
      { ...body, rows: body.rows.slice(0, 3) },
      options,
    );
    // The Department's fields replace the defaults: "mam-non" is not one of them.
    expect(first.body.rows.map((row) => row.errors.map((error) => error.code))).toEqual([
      [],
      [],
      ["UNKNOWN_FIELD"],
    ]);
    expect(first.body.rows[0]?.notes).toBeUndefined();
    const late = await ingestTab(
      db,
      officer,
      "dang-ky-chuyen-de",
      { ...body, rows: body.rows.slice(3) },
      options,
    );
    expect(late.status).toBe(200);
    const row = late.body.rows[0];
    expect(row).toMatchObject({ row: 5, status: "accepted", change: "updated" });
    expect(row?.notes).toEqual([
      "Đăng ký sau hạn 15/10/2025 của lĩnh vực Công nghệ thông tin; dòng được lưu nhưng đơn vị không được đề nghị khen thưởng lĩnh vực này trừ khi Sở gia hạn.",
    ]);
    expect(statusText(row ?? { status: "rejected", errors: [] })).toBe(`Đã nhận — Lưu ý: ${row?.notes?.[0]}`);
    const before = await auditCount(db);
    const again = await ingestTab(
      db,
      officer,
      "dang-ky-chuyen-de",
      { ...body, rows: body.rows.slice(3) },
      options,
    );
    expect(again.body.rows[0]).toMatchObject({ change: "unchanged", notes: row?.notes });
    expect(await auditCount(db)).toBe(before);
  });

  it("another school's registration cannot be written under this school's name", async () => {
    const body = {
      ...ingestBody("dang-ky-chuyen-de", [{ field: "cntt", registeredOn: "20/09/2025" }]),
      unit: OTHER_UNIT,
    };
    await expect(ingestTab(db, officer, "dang-ky-chuyen-de", body, options)).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
    });
    expect((await db.collection(`years/${YEAR}/thematicRegistrations`).get()).size).toBe(0);
  });
});

describe("tab Kết quả chuyên đề (Department)", () => {
  it("stores the results; a row without score or rating, an unknown unit or field are named", async () => {
    const body = ingestBody("ket-qua-chuyen-de", [
      { unitId: UNIT, field: "cntt", score: 96, inspectedOn: "12/03/2026", team: "Thường trực thi đua" },
      { unitId: OTHER_UNIT, field: "cntt", notes: "chưa chấm" },
      { unitId: "khong-co", field: "cntt", rating: "Tốt" },
      { unitId: OTHER_UNIT, field: "khong-co", rating: "Đạt" },
      { unitId: OTHER_UNIT, field: "tieu-hoc", rating: "Xuất sắc", score: 101 },
    ]);
    const before = await auditCount(db);
    const result = await ingestTab(db, specialist, "ket-qua-chuyen-de", body, options);
    expect(result.status).toBe(422);
    expect(
      result.body.rows.map((row) => [row.row, row.errors.map((error) => [error.column, error.code])]),
    ).toEqual([
      [2, []],
      [3, [["Điểm", "REQUIRED"]]],
      [4, [["Mã đơn vị", "UNKNOWN_UNIT"]]],
      [5, [["Mã lĩnh vực", "UNKNOWN_FIELD"]]],
      [6, [["Điểm", "OUT_OF_RANGE"]]],
    ]);
    expect((await db.doc(`years/${YEAR}/thematicResults/${UNIT}_cntt`).get()).data()).toMatchObject({
      unitId: UNIT,
      field: "cntt",
      score: 96,
      inspectedOn: "2026-03-12",
    });
    expect((await db.collection(`years/${YEAR}/thematicResults`).get()).size).toBe(1);
    expect((await auditCount(db)) - before).toBe(1);
  });
});
