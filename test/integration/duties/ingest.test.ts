/**
 * Ingest of the duties' tabs (docs/duties.md) on the emulator: good rows stored with their audit,
 * bad ones refused per cell naming row and column — unknown people, unknown register codes (another
 * year's document, another school's course), malformed links and choices — and a retry changing nothing.
 */
import type { Firestore } from "@google-cloud/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import type { AppError } from "../../../functions/src/domain/errors.js";
import type { Unit } from "../../../functions/src/domain/model.js";
import { disseminationOf } from "../../../functions/src/services/dissemination.js";
import { officersOf } from "../../../functions/src/services/emulation-officers.js";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
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

const options = { requestId: "req-duties", maxRows: 5000 };
const auditCount = async (db: Firestore) =>
  (await db.collection(COLLECTIONS.audit).count().get()).data().count;
const errorsOf = (result: Awaited<ReturnType<typeof ingestTab>>) =>
  result.body.rows.map((row) => [row.row, row.status, row.errors.map((error) => [error.column, error.code])]);

const documentRow = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  number: `${code}/HD-SGDĐT`,
  date: "20/09/2025",
  issuer: "Sở Giáo dục và Đào tạo",
  summary: `Hướng dẫn ${code}`,
  ...extra,
});

let db: Firestore;
beforeEach(async () => {
  db = testFirestore("duties-ingest");
  await seedProvince(db);
  await ingestTab(
    db,
    officer,
    "can-bo",
    ingestBody("can-bo", [staffRow(1), staffRow(2), staffRow(3)]),
    options,
  );
  await ingestTab(
    db,
    otherOfficer,
    "can-bo",
    ingestBody("can-bo", [staffRow(9, { id: "ND-9" })], { unit: OTHER_UNIT }),
    options,
  );
  const register = await ingestTab(
    db,
    specialist,
    "van-ban-phap-ly",
    ingestBody("van-ban-phap-ly", [
      documentRow("VB-01", { changes: "Tiêu chí cá nhân; Quyền lợi", link: "https://vanban.example.vn/1" }),
      documentRow("VB-02", { requiresBriefing: "Không" }),
    ]),
    options,
  );
  expect(register.status).toBe(200);
});

describe("Văn bản pháp lý (Department)", () => {
  it("stores the register under the year; refuses a bad link and a missing summary per cell", async () => {
    const result = await ingestTab(
      db,
      specialist,
      "van-ban-phap-ly",
      ingestBody("van-ban-phap-ly", [
        documentRow("VB-03", { link: "javascript:alert(1)" }),
        documentRow("VB-04", { summary: "" }),
        documentRow("VB-05", { deadline: "31/10/2025" }),
      ]),
      options,
    );
    expect(errorsOf(result)).toEqual([
      [2, "rejected", [["Đường dẫn", "INVALID_VALUE"]]],
      [3, "rejected", [["Trích yếu", "REQUIRED"]]],
      [4, "accepted", []],
    ]);
    const stored = (await db.doc(`years/${YEAR}/legalDocuments/VB-01`).get()).data();
    expect(stored).toMatchObject({
      code: "VB-01",
      year: YEAR,
      date: "2025-09-20",
      changes: ["INDIVIDUAL", "RIGHTS"],
      requiresBriefing: true,
    });
    expect((await db.doc(`years/${YEAR}/legalDocuments/VB-05`).get()).get("deadline")).toBe("2025-10-31");
    const audit = await db
      .collection(COLLECTIONS.audit)
      .where("path", "==", `years/${YEAR}/legalDocuments/VB-05`)
      .get();
    expect(audit.size).toBe(1);
  });

  it("is the Department's: a school officer may not send it", async () => {
    await expect(
      ingestTab(
        db,
        officer,
        "van-ban-phap-ly",
        ingestBody("van-ban-phap-ly", [documentRow("VB-09")]),
        options,
      ),
    ).rejects.toMatchObject({ code: "PERMISSION_DENIED" } satisfies Partial<AppError>);
  });
});

describe("Hội nghị quán triệt and Xác nhận quán triệt (school)", () => {
  it("refuses a session naming a code not on the year's register, keeps the good one", async () => {
    const result = await ingestTab(
      db,
      officer,
      "hoi-nghi-quan-triet",
      ingestBody("hoi-nghi-quan-triet", [
        {
          code: "HN-01",
          date: "01/10/2025",
          attendees: 3,
          documentCodes: "VB-01; VB-02",
          portalLink: "https://t.vn/a",
        },
        { code: "HN-02", date: "02/10/2025", attendees: 3, documentCodes: "VB-01; VB-99" },
        { code: "HN-03", date: "02/10/2025", attendees: -1, documentCodes: "VB-01" },
      ]),
      options,
    );
    expect(errorsOf(result)).toEqual([
      [2, "accepted", []],
      [3, "rejected", [["Văn bản quán triệt", "UNKNOWN_DOCUMENT"]]],
      [4, "rejected", [["Số người dự", "OUT_OF_RANGE"]]],
    ]);
    expect(result.body.rows[1]?.errors[0]?.message).toContain('"VB-99"');
    expect((await db.doc(`years/${YEAR}/briefingSessions/${UNIT}_HN-01`).get()).data()).toMatchObject({
      unitId: UNIT,
      documentCodes: ["VB-01", "VB-02"],
      attendees: 3,
    });
  });

  it("refuses a code of another year's register", async () => {
    await db.doc("years/2024-2025").set({ year: "2024-2025", legalBasisVersion: "ND98-2023" });
    const last = await ingestTab(
      db,
      specialist,
      "van-ban-phap-ly",
      ingestBody("van-ban-phap-ly", [documentRow("VB-OLD", { date: "20/09/2024" })], { year: "2024-2025" }),
      options,
    );
    expect(last.status).toBe(200);
    const result = await ingestTab(
      db,
      officer,
      "hoi-nghi-quan-triet",
      ingestBody("hoi-nghi-quan-triet", [
        { code: "HN-01", date: "01/10/2025", attendees: 3, documentCodes: "VB-OLD" },
      ]),
      options,
    );
    expect(errorsOf(result)).toEqual([[2, "rejected", [["Văn bản quán triệt", "UNKNOWN_DOCUMENT"]]]]);
  });

  it("acknowledgements: one row a person; unknown people, unknown codes and empty rows refused per cell", async () => {
    const result = await ingestTab(
      db,
      officer,
      "xac-nhan-quan-triet",
      ingestBody("xac-nhan-quan-triet", [
        { personId: "GV0001", read: "VB-01", attended: "VB-02", date: "05/10/2025" },
        { personId: "ND-9", read: "VB-01" },
        { personId: "GV0002", attended: "VB-07" },
        { personId: "GV0003" },
      ]),
      options,
    );
    expect(errorsOf(result)).toEqual([
      [2, "accepted", []],
      [3, "rejected", [["Mã cán bộ", "UNKNOWN_PERSON"]]],
      [4, "rejected", [["Đã tham gia quán triệt", "UNKNOWN_DOCUMENT"]]],
      [5, "rejected", [["Đã đọc", "REQUIRED"]]],
    ]);
    expect((await db.doc(`years/${YEAR}/acknowledgements/${UNIT}_GV0001`).get()).data()).toMatchObject({
      read: ["VB-01"],
      attended: ["VB-02"],
    });
    expect((await db.doc(`years/${YEAR}/acknowledgements/${UNIT}_ND-9`).get()).exists).toBe(false);

    const audits = await auditCount(db);
    const again = await ingestTab(
      db,
      officer,
      "xac-nhan-quan-triet",
      ingestBody("xac-nhan-quan-triet", [
        { personId: "GV0001", read: "VB-01", attended: "VB-02", date: "05/10/2025" },
      ]),
      { ...options, requestId: "req-again" },
    );
    expect(again.body.rows[0]?.change).toBe("unchanged");
    expect(await auditCount(db)).toBe(audits);
  });
});

describe("the officers' tabs (school and Department)", () => {
  beforeEach(async () => {
    const department = await ingestTab(
      db,
      specialist,
      "tap-huan-so",
      ingestBody("tap-huan-so", [{ code: "TH-SO", title: "Tập huấn nghiệp vụ", date: "15/10/2025" }], {
        unit: "so-gddt",
      }),
      options,
    );
    expect(department.status).toBe(200);
    await ingestTab(
      db,
      otherOfficer,
      "tap-huan",
      ingestBody("tap-huan", [{ code: "ND-TH", title: "Lớp của trường khác", date: "01/11/2025" }], {
        unit: OTHER_UNIT,
      }),
      options,
    );
  });

  it("Cán bộ làm công tác thi đua: stores the appointment and contact; refuses an unknown person and a bad e-mail", async () => {
    const result = await ingestTab(
      db,
      officer,
      "can-bo-thi-dua",
      ingestBody("can-bo-thi-dua", [
        {
          personId: "GV0001",
          decisionNo: "12/QĐ-THPT",
          decisionDate: "25/08/2025",
          qualifications: "Cử nhân",
          phone: "0912345678",
          email: "canbo@thpt-lqd.edu.vn",
        },
        { personId: "GV0404" },
        { personId: "GV0002", email: "không phải thư" },
      ]),
      options,
    );
    expect(errorsOf(result)).toEqual([
      [2, "accepted", []],
      [3, "rejected", [["Mã cán bộ", "UNKNOWN_PERSON"]]],
      [4, "rejected", [["Thư điện tử", "INVALID_VALUE"]]],
    ]);
    expect((await db.doc(`emulationOfficers/${UNIT}_GV0001`).get()).data()).toMatchObject({
      unitId: UNIT,
      decisionDate: "2025-08-25",
      phone: "0912345678",
    });
  });

  it("Tập huấn and Tham dự tập huấn: the unit's own and the Department's courses, never another school's", async () => {
    const own = await ingestTab(
      db,
      officer,
      "tap-huan",
      ingestBody("tap-huan", [
        { code: "TH-01", title: "Bồi dưỡng tổ trưởng", date: "15/11/2025", planned: 4 },
        { code: "TH-02", title: "", date: "15/11/2025" },
      ]),
      options,
    );
    expect(errorsOf(own)).toEqual([
      [2, "accepted", []],
      [3, "rejected", [["Nội dung tập huấn", "REQUIRED"]]],
    ]);
    expect((await db.doc(`years/${YEAR}/trainingCourses/${UNIT}_TH-01`).get()).data()).toMatchObject({
      organiser: "DON_VI",
      planned: 4,
    });
    expect((await db.doc(`years/${YEAR}/trainingCourses/so-gddt_TH-SO`).get()).get("organiser")).toBe("SO");

    const attendance = await ingestTab(
      db,
      officer,
      "tham-du-tap-huan",
      ingestBody("tham-du-tap-huan", [
        { courseCode: "TH-SO", personId: "GV0001", result: "Đạt" },
        { courseCode: "TH-01", personId: "GV0002", result: "Không đạt" },
        { courseCode: "ND-TH", personId: "GV0003", result: "Đạt" },
        { courseCode: "TH-01", personId: "GV0003", result: "Giỏi" },
      ]),
      options,
    );
    expect(errorsOf(attendance)).toEqual([
      [2, "accepted", []],
      [3, "accepted", []],
      [4, "rejected", [["Mã lớp", "UNKNOWN_COURSE"]]],
      [5, "rejected", [["Kết quả", "INVALID_ENUM"]]],
    ]);
    expect((await db.doc(`years/${YEAR}/trainingAttendance/${UNIT}_TH-SO_GV0001`).get()).get("result")).toBe(
      "DAT",
    );
  });

  it("Giao lưu học hỏi: participants from the roster, a scope of the list", async () => {
    const result = await ingestTab(
      db,
      officer,
      "giao-luu",
      ingestBody("giao-luu", [
        {
          code: "GL-01",
          date: "12/03/2026",
          host: "Trường THPT X",
          scope: "Ngoài tỉnh",
          participantIds: "GV0001; GV0002",
        },
        {
          code: "GL-02",
          date: "12/03/2026",
          host: "Trường THPT Y",
          scope: "Trong tỉnh",
          participantIds: "GV0001; ND-9",
        },
        {
          code: "GL-03",
          date: "12/03/2026",
          host: "Trường THPT Z",
          scope: "Nước ngoài",
          participantIds: "GV0001",
        },
      ]),
      options,
    );
    expect(errorsOf(result)).toEqual([
      [2, "accepted", []],
      [3, "rejected", [["Mã cán bộ tham gia", "UNKNOWN_PERSON"]]],
      [4, "rejected", [["Phạm vi", "INVALID_ENUM"]]],
    ]);
    expect((await db.doc(`years/${YEAR}/exchangeVisits/${UNIT}_GL-01`).get()).data()).toMatchObject({
      scope: "OUT_OF_PROVINCE",
      participantIds: ["GV0001", "GV0002"],
    });
  });
});

describe("from the sheets to the reports", () => {
  it("the rows a school and the Department send are the figures of the reports", async () => {
    const unit = { ...(await db.doc(`units/${UNIT}`).get()).data(), id: UNIT } as Unit;
    await ingestTab(
      db,
      officer,
      "hoi-nghi-quan-triet",
      ingestBody("hoi-nghi-quan-triet", [
        { code: "HN-01", date: "01/10/2025", attendees: 2, documentCodes: "VB-01" },
      ]),
      options,
    );
    await ingestTab(
      db,
      officer,
      "xac-nhan-quan-triet",
      ingestBody("xac-nhan-quan-triet", [
        { personId: "GV0001", attended: "VB-01" },
        { personId: "GV0002", read: "VB-01" },
      ]),
      options,
    );
    const dissemination = await disseminationOf(db, YEAR, [unit], { asOf: "2025-12-01" });
    // VB-02 is in the register for reference only (Phải quán triệt: Không).
    expect(dissemination.units[0]?.documents).toEqual([
      {
        code: "VB-01",
        acknowledged: 2,
        read: 1,
        attended: 1,
        share: 2 / 3,
        sessionDate: "2025-10-01",
        status: "HELD",
        portalLink: null,
      },
    ]);

    await ingestTab(
      db,
      specialist,
      "tap-huan-so",
      ingestBody("tap-huan-so", [{ code: "TH-SO", title: "Tập huấn nghiệp vụ", date: "15/10/2025" }], {
        unit: "so-gddt",
      }),
      options,
    );
    await ingestTab(
      db,
      officer,
      "can-bo-thi-dua",
      ingestBody("can-bo-thi-dua", [{ personId: "GV0003" }]),
      options,
    );
    expect((await officersOf(db, YEAR, [unit])).untrainedUnits.map((entry) => entry.unitId)).toEqual([UNIT]);
    await ingestTab(
      db,
      officer,
      "tham-du-tap-huan",
      ingestBody("tham-du-tap-huan", [{ courseCode: "TH-SO", personId: "GV0003", result: "Đạt" }]),
      options,
    );
    const officers = await officersOf(db, YEAR, [unit]);
    expect(officers.untrainedUnits).toEqual([]);
    expect(officers.units[0]?.officers[0]?.lastTraining).toMatchObject({
      organiser: "SO",
      date: "2025-10-15",
    });
  });
});
