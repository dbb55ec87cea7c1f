import type { Firestore } from "@google-cloud/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { AppError } from "../../../functions/src/domain/errors.js";
import type { User } from "../../../functions/src/domain/model.js";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { unitSummary } from "../../../functions/src/services/summary.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import { DOCUMENTS_PER_CHUNK } from "../../../functions/src/store/writes.js";
import {
  ingestBody,
  OTHER_UNIT,
  officer,
  otherOfficer,
  seedProvince,
  specialist,
  staffRow,
  UNIT,
  YEAR,
} from "../../fixtures/sheets/rows.js";
import { testFirestore } from "../../support/firestore.js";

const options = (extra: Partial<Parameters<typeof ingestTab>[4]> = {}) => ({
  requestId: "req-1",
  maxRows: 5000,
  ...extra,
});

const auditCount = async (db: Firestore) =>
  (await db.collection(COLLECTIONS.audit).count().get()).data().count;

let db: Firestore;
beforeEach(async () => {
  db = testFirestore("ingest");
  await seedProvince(db);
});

describe("ingestTab: rows in, clean data stored", () => {
  it("stores good rows, reports bad ones per row and column (422), and stores names NFC", async () => {
    const decomposed = "Nguye\u0302\u0303n Thi\u0323 Lan";
    const body = ingestBody("can-bo", [
      staffRow(1, { fullName: decomposed }),
      staffRow(2, { gender: "không rõ", birthDate: "31/02/1990" }),
      staffRow(3, { fullName: '=HYPERLINK("http://x","y")' }),
    ]);
    const result = await ingestTab(db, officer, "can-bo", body, options());
    expect(result.status).toBe(422);
    expect(result.body).toMatchObject({ accepted: 2, rejected: 1, withdrawn: 0 });
    const bad = result.body.rows.find((row) => row.row === 3);
    expect(bad?.status).toBe("rejected");
    expect(bad?.errors.map((error) => [error.column, error.code])).toEqual([
      ["Giới tính", "INVALID_ENUM"],
      ["Ngày sinh", "INVALID_DATE"],
    ]);
    const stored = (await db.doc("people/GV0001").get()).data();
    expect(stored?.fullName).toBe("Nguyễn Thị Lan".normalize("NFC"));
    expect(stored?.fullName).toBe(decomposed.normalize("NFC"));
    expect((await db.doc("people/GV0003").get()).get("fullName")).toBe('=HYPERLINK("http://x","y")');
    const audit = (await db.collection(COLLECTIONS.audit).where("path", "==", "people/GV0001").get()).docs[0];
    expect(audit?.get("source")).toEqual({ spreadsheetId: "sheet-1", sheet: "Cán bộ", revision: 1, row: 2 });
  });

  it("changes nothing when the same payload comes twice (no new audit entries)", async () => {
    const body = ingestBody("can-bo", [staffRow(1), staffRow(2)]);
    const first = await ingestTab(db, officer, "can-bo", body, options());
    expect(first.body.rows.map((row) => row.change)).toEqual(["created", "created"]);
    const audits = await auditCount(db);
    const second = await ingestTab(db, officer, "can-bo", body, options({ requestId: "req-2" }));
    expect(second.body.rows.map((row) => row.change)).toEqual(["unchanged", "unchanged"]);
    expect(await auditCount(db)).toBe(audits);
  });

  it("replays the response for a retried idempotency key, and refuses the key with another payload", async () => {
    const body = ingestBody("can-bo", [staffRow(1)]);
    const first = await ingestTab(db, officer, "can-bo", body, options({ idempotencyKey: "k-1" }));
    const retry = await ingestTab(db, officer, "can-bo", body, options({ idempotencyKey: "k-1" }));
    expect(retry.replayed).toBe(true);
    expect(retry.body).toEqual(first.body);
    const other = ingestBody("can-bo", [staffRow(2)]);
    await expect(
      ingestTab(db, officer, "can-bo", other, options({ idempotencyKey: "k-1" })),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("replays an answer too large to keep by running the request again", async () => {
    const bad = Array.from({ length: 3000 }, (_, i) =>
      staffRow(i, { gender: "không rõ", birthDate: "32/13/1990", email: "không phải email" }),
    );
    const body = ingestBody("can-bo", bad);
    const first = await ingestTab(db, officer, "can-bo", body, options({ idempotencyKey: "k-big" }));
    expect(Buffer.byteLength(JSON.stringify(first.body))).toBeGreaterThan(1024 * 1024);
    const retry = await ingestTab(db, officer, "can-bo", body, options({ idempotencyKey: "k-big" }));
    expect(retry.replayed).toBe(true);
    expect(retry.body).toEqual(first.body);
  });

  it("converges when a request crashed after its first chunk and is retried with the same key", async () => {
    const rows = Array.from({ length: DOCUMENTS_PER_CHUNK + 40 }, (_, i) => staffRow(i));
    const body = ingestBody("can-bo", rows);
    const crash = options({
      idempotencyKey: "k-crash",
      afterChunk: (chunk: number) => {
        if (chunk === 0) throw new Error("simulated crash");
      },
    });
    await expect(ingestTab(db, officer, "can-bo", body, crash)).rejects.toThrow("simulated crash");
    expect((await db.collection(COLLECTIONS.people).count().get()).data().count).toBe(DOCUMENTS_PER_CHUNK);

    const retry = await ingestTab(db, officer, "can-bo", body, options({ idempotencyKey: "k-crash" }));
    expect(retry.replayed).toBe(false);
    expect(retry.body.accepted).toBe(rows.length);
    expect((await db.collection(COLLECTIONS.people).count().get()).data().count).toBe(rows.length);
    expect(await auditCount(db)).toBe(rows.length);
    const again = await ingestTab(db, officer, "can-bo", body, options({ idempotencyKey: "k-crash" }));
    expect(again.replayed).toBe(true);
  });

  it("marks rows missing from a full-tab send withdrawn, audits it, and brings them back when they return", async () => {
    await ingestTab(
      db,
      officer,
      "can-bo",
      ingestBody("can-bo", [staffRow(1), staffRow(2), staffRow(3)]),
      options(),
    );
    const full = ingestBody("can-bo", [staffRow(1), staffRow(3, { gender: "?" })], { mode: "full" });
    const result = await ingestTab(db, officer, "can-bo", full, options());
    expect(result.body.withdrawn).toBe(1);
    expect((await db.doc("people/GV0002").get()).get("withdrawn")).toBe(true);
    // Row 3 had an error but is still in the sheet: not withdrawn.
    expect((await db.doc("people/GV0003").get()).get("withdrawn")).toBeUndefined();
    const withdrawals = await db.collection(COLLECTIONS.audit).where("action", "==", "withdraw").get();
    expect(withdrawals.docs.map((doc) => doc.get("path"))).toEqual(["people/GV0002"]);

    const again = await ingestTab(db, officer, "can-bo", full, options());
    expect(again.body.withdrawn).toBe(0);
    await ingestTab(db, officer, "can-bo", ingestBody("can-bo", [staffRow(2)]), options());
    expect((await db.doc("people/GV0002").get()).get("withdrawn")).toBeUndefined();
  });

  it("stores the Department council's votes (Biểu quyết Hội đồng Sở) under the Department's unit only", async () => {
    const vote = (agree: number, members?: number) => ({
      subjectId: "GV0001",
      target: "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
      ...(members === undefined ? {} : { members }),
      agree,
    });
    const body = ingestBody("bieu-quyet-so", [vote(8, 9), vote(7)], { unit: specialist.unitId });
    const result = await ingestTab(db, specialist, "bieu-quyet-so", body, options());
    expect(result.body.rows.map((row) => row.errors.map((error) => error.code))).toEqual([
      ["DUPLICATE_ROW"],
      ["REQUIRED", "DUPLICATE_ROW"],
    ]);
    const good = await ingestTab(
      db,
      specialist,
      "bieu-quyet-so",
      ingestBody("bieu-quyet-so", [vote(8, 9)], { unit: specialist.unitId }),
      options(),
    );
    expect(good.status).toBe(200);
    expect(
      (await db.doc(`years/${YEAR}/votes/${specialist.unitId}_GV0001_BK_CT_UBND_TINH`).get()).data(),
    ).toMatchObject({ unitId: specialist.unitId, subjectId: "GV0001", members: 9, agree: 8 });
    // A school cannot enter the Department council's votes.
    await expect(
      ingestTab(db, officer, "bieu-quyet-so", ingestBody("bieu-quyet-so", [vote(9, 9)]), options()),
    ).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
  });

  it("checks proposals against the roster and the council size", async () => {
    await ingestTab(db, officer, "can-bo", ingestBody("can-bo", [staffRow(1)]), options());
    const proposal = (subjectId: string, agree: number) => ({
      subjectKind: "Cá nhân",
      subjectId,
      target: "Chiến sĩ thi đua cơ sở",
      members: 11,
      agree,
    });
    const body = ingestBody("de-nghi", [
      proposal("GV0001", 10),
      proposal("GV9999", 10),
      proposal("GV0001", 12),
    ]);
    const result = await ingestTab(db, officer, "de-nghi", body, options());
    const codes = result.body.rows.map((row) => row.errors.map((error) => error.code));
    // Rows 2 and 4 name the same person and title: both are reported.
    expect(codes).toEqual([["DUPLICATE_ROW"], ["UNKNOWN_PERSON"], ["VOTE_EXCEEDS_MEMBERS", "DUPLICATE_ROW"]]);

    const good = await ingestTab(
      db,
      officer,
      "de-nghi",
      ingestBody("de-nghi", [proposal("GV0001", 10)]),
      options(),
    );
    expect(good.status).toBe(200);
    const id = `${UNIT}_GV0001_CSTD_CS`;
    expect((await db.doc(`years/${YEAR}/proposals/${id}`).get()).data()).toMatchObject({
      target: "CSTD_CS",
      kind: "CONG_TRANG",
    });
    expect((await db.doc(`years/${YEAR}/votes/${id}`).get()).data()).toMatchObject({
      agree: 10,
      members: 11,
    });
  });

  it("withdraws a proposal and its council vote together when a full send no longer lists it", async () => {
    await ingestTab(db, officer, "can-bo", ingestBody("can-bo", [staffRow(1), staffRow(2)]), options());
    const proposal = (subjectId: string) => ({
      subjectKind: "Cá nhân",
      subjectId,
      target: "CSTĐCS",
      members: 11,
      agree: 10,
    });
    await ingestTab(
      db,
      officer,
      "de-nghi",
      ingestBody("de-nghi", [proposal("GV0001"), proposal("GV0002")]),
      options(),
    );
    const full = ingestBody("de-nghi", [proposal("GV0001")], { mode: "full" });
    expect((await ingestTab(db, officer, "de-nghi", full, options())).body.withdrawn).toBe(1);
    const id = `${UNIT}_GV0002_CSTD_CS`;
    expect((await db.doc(`years/${YEAR}/proposals/${id}`).get()).get("withdrawn")).toBe(true);
    expect((await db.doc(`years/${YEAR}/votes/${id}`).get()).get("withdrawn")).toBe(true);
    expect(
      (await db.doc(`years/${YEAR}/votes/${UNIT}_GV0001_CSTD_CS`).get()).get("withdrawn"),
    ).toBeUndefined();
  });

  it("refuses a person already on another school's roster", async () => {
    await ingestTab(db, officer, "can-bo", ingestBody("can-bo", [staffRow(1)]), options());
    const body = { ...ingestBody("can-bo", [staffRow(1), staffRow(7)]), unit: OTHER_UNIT };
    const result = await ingestTab(db, otherOfficer, "can-bo", body, options());
    expect(result.body.rows[0]?.errors[0]).toMatchObject({ column: "Mã cán bộ", code: "OTHER_UNIT" });
    // Which school holds the id is not told to another school.
    expect(result.body.rows[0]?.errors[0]?.message).not.toContain(UNIT);
    expect(result.body.rows[1]?.status).toBe("accepted");
    expect((await db.doc("people/GV0001").get()).get("unitId")).toBe(UNIT);
  });

  it("authorizes by unit and role", async () => {
    const body = ingestBody("can-bo", [staffRow(1)]);
    await expect(ingestTab(db, otherOfficer, "can-bo", body, options())).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
    });
    const asDepartment = await ingestTab(db, specialist, "can-bo", body, options());
    expect(asDepartment.status).toBe(200);
    const units = ingestBody("don-vi", [{ id: "x" }]);
    await expect(ingestTab(db, officer, "don-vi", units, options())).rejects.toMatchObject({
      code: "PERMISSION_DENIED",
    });
  });

  it("explains a school year that is not configured or malformed", async () => {
    const body = { ...ingestBody("ket-qua", [{ subjectKind: "Tập thể", subjectId: UNIT, rating: "HTXS" }]) };
    const missing = ingestTab(db, officer, "ket-qua", { ...body, year: "2030-2031" }, options());
    await expect(missing).rejects.toMatchObject({ code: "MISSING_DATA" });
    await expect(missing).rejects.toThrow(/2030-2031 chưa được Sở cấu hình/);
    await db.doc("years/2029-2030").set({ year: "2029-2030" });
    await expect(
      ingestTab(db, officer, "ket-qua", { ...body, year: "2029-2030" }, options()),
    ).rejects.toThrow(/không hợp lệ/);
    await expect(
      ingestTab(db, officer, "ket-qua", { ...body, year: "2025-2027" }, options()),
    ).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    const ok = await ingestTab(db, officer, "ket-qua", body, options());
    expect(ok.status).toBe(200);
  });

  it("refuses more rows than the limit and malformed bodies", async () => {
    const body = ingestBody("can-bo", [staffRow(1), staffRow(2), staffRow(3)]);
    const tooMany = ingestTab(db, officer, "can-bo", body, options({ maxRows: 2 }));
    await expect(tooMany).rejects.toBeInstanceOf(AppError);
    await expect(tooMany).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await expect(ingestTab(db, officer, "can-bo", { unit: UNIT }, options())).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    await expect(ingestTab(db, officer, "khong-co", body, options())).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("unitSummary access", () => {
  it("lets the commune that manages a school read its summary, set through the Đơn vị tab", async () => {
    const commune: User = {
      email: "chuyenvien@xa-hoa-binh.gov.vn",
      role: "COMMUNE_SPECIALIST",
      unitId: "xa-hoa-binh",
    };
    await expect(unitSummary(db, commune, UNIT, YEAR)).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
    const unit = (await db.doc(`units/${UNIT}`).get()).data() ?? {};
    const row = { ...unit, level: "THPT", managingAuthority: "UBND_XA", communeUnitId: "xa-hoa-binh" };
    const result = await ingestTab(db, specialist, "don-vi", ingestBody("don-vi", [row]), options());
    expect(result.status).toBe(200);
    expect((await unitSummary(db, commune, UNIT, YEAR)).unit.id).toBe(UNIT);
  });
});
