/** The year's căn cứ entered on the Cấu hình tab: stored in years/{year}.legalTexts (emulator). */
import type { Firestore } from "@google-cloud/firestore";
import { beforeEach, describe, expect, it } from "vitest";
import { legalBasesFor } from "../../../functions/src/domain/legal-timeline.js";
import { YearConfig } from "../../../functions/src/domain/model.js";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { ingestBody, seedProvince, specialist } from "../../fixtures/sheets/rows.js";
import { testFirestore } from "../../support/firestore.js";

const QUY_CHE =
  "Quyết định số 25/2024/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Quy chế công tác thi đua, khen thưởng";
const HUONG_DAN =
  "Hướng dẫn số 1520/HD-SGDĐT ngày 10 tháng 9 năm 2025 của Sở Giáo dục và Đào tạo về công tác thi đua, khen thưởng năm học 2026-2027";
const CORRECTED_TT07 =
  "Thông tư số 07/2026/TT-BGDĐT ngày 16 tháng 02 năm 2026 của Bộ trưởng Bộ Giáo dục và Đào tạo hướng dẫn công tác thi đua, khen thưởng ngành Giáo dục";
const YEAR = "2026-2027";
const options = { requestId: "req-legal", maxRows: 5000 };

let db: Firestore;
beforeEach(async () => {
  db = testFirestore("year-legal-texts");
  await seedProvince(db);
});

const send = (values: Record<string, unknown>) =>
  ingestTab(
    db,
    specialist,
    "cau-hinh",
    ingestBody("cau-hinh", [{ year: YEAR, legalBasisVersion: "2025-07", ...values }], { unit: "so-gddt" }),
    options,
  );

describe("Cấu hình: the year's căn cứ", () => {
  it("stores the province's Quy chế, the Department's guidance and a corrected citation as legalTexts", async () => {
    const result = await send({
      provincialRegulation: QUY_CHE,
      departmentGuidance: HUONG_DAN,
      citationOfTT_07_2026_BGDDT: CORRECTED_TT07,
    });
    expect(result.status).toBe(200);
    const stored = YearConfig.parse((await db.doc(`years/${YEAR}`).get()).data());
    expect(stored.legalTexts).toEqual([
      { kind: "QUY_CHE_TINH", citation: QUY_CHE },
      { kind: "HUONG_DAN_SO", citation: HUONG_DAN },
      { replaces: "TT_07_2026_BGDDT", citation: CORRECTED_TT07 },
    ]);
    const lines = legalBasesFor("2027-05-20", stored);
    expect(lines.slice(-3)).toEqual([CORRECTED_TT07, QUY_CHE, HUONG_DAN]);
  });

  it("a row sent again without the texts clears them, and other columns are kept", async () => {
    await send({ provincialRegulation: QUY_CHE, voteThresholdCstdCs: "80" });
    const result = await send({ voteThresholdCstdCs: "80" });
    expect(result.body.rows[0]?.change).toBe("updated");
    const stored = YearConfig.parse((await db.doc(`years/${YEAR}`).get()).data());
    expect(stored.legalTexts).toEqual([]);
    expect(stored.voteThreshold).toEqual({ CSTD_CS: 0.8 });
  });

  it("refuses a citation longer than a cell allows, naming the column", async () => {
    const result = await send({ provincialRegulation: "Quyết định ".repeat(300) });
    expect(result.status).toBe(422);
    expect(result.body.rows[0]?.errors.map((error) => [error.column, error.code])).toEqual([
      ["Quy chế thi đua, khen thưởng của tỉnh", "TOO_LONG"],
    ]);
    expect((await db.doc(`years/${YEAR}`).get()).exists).toBe(false);
  });
});

describe("Cấu hình: the year-end job's settings", () => {
  it("stores the bình xét thresholds (percentages as shares) and the summary spreadsheet's id, so a resend keeps them", async () => {
    const settings = {
      nearAllHtxsShare: "90",
      rotationMinYears: "3",
      managerShareRatio: "2.5",
      resultsMissedShare: "40",
      summarySpreadsheetId: "1AbCdEfGhIjKlMnOpQrStUvWxYz_0123456789-abc",
    };
    await send(settings);
    const result = await send(settings);
    expect(result.body.rows[0]?.change).toBe("unchanged");
    const stored = YearConfig.parse((await db.doc(`years/${YEAR}`).get()).data());
    expect(stored.leveling).toEqual({
      nearAllHtxsShare: 0.9,
      rotationMinYears: 3,
      managerShareRatio: 2.5,
      resultsMissedShare: 0.4,
    });
    expect(stored.summarySpreadsheetId).toBe(settings.summarySpreadsheetId);
  });

  it("refuses a share above 100 % and a ratio below 1, naming the columns", async () => {
    const result = await send({ nearAllHtxsShare: "120", managerShareRatio: "0.5" });
    expect(result.status).toBe(422);
    expect(result.body.rows[0]?.errors.map((error) => error.column)).toEqual([
      "Cảnh báo: tỷ lệ HTXS từ (%)",
      "Cảnh báo: tỷ lệ danh hiệu của cán bộ quản lý gấp (lần)",
    ]);
    expect((await db.doc(`years/${YEAR}`).get()).exists).toBe(false);
  });
});
