/**
 * Issue 8, item 8: the seeded sample province and the "Lịch sử khen thưởng" tab give an award the
 * same document id, so a school's first full send of its history, filled from the stored ledger,
 * changes nothing: no award withdrawn, none created or updated.
 */
import type { Firestore } from "@google-cloud/firestore";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLE_SCHOOLS, sampleProvince } from "../../../functions/sample/province.js";
import { seedProvince } from "../../../functions/sample/seed.js";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { historyRows, storedAwards } from "../../fixtures/sheets/history.js";
import { testFirestore } from "../../support/firestore.js";

const province = sampleProvince();
let db: Firestore;
beforeAll(async () => {
  db = testFirestore("history-ids");
  await seedProvince(db, province);
}, 120_000);
afterAll(() => db.terminate());

describe("the sample's awards and the history tab share one id rule", () => {
  // THCS Quang Mỹ's ledger also holds awards of teachers who have since left.
  it.each(["thcs-quang-my", SAMPLE_SCHOOLS.nguyenDu])(
    "%s: a full send of the history tab filled from the stored ledger changes nothing",
    async (unitId) => {
      const awards = await storedAwards(db, unitId);
      expect(awards).toHaveLength(province.awards.filter((award) => award.unitId === unitId).length);
      const officer = province.users.find((user) => user.unitId === unitId && user.role === "SCHOOL_OFFICER");
      if (!officer) throw new Error(`no officer of ${unitId}`);
      const result = await ingestTab(
        db,
        officer,
        "lich-su",
        { unit: unitId, year: "2025-2026", mode: "full", rows: historyRows(awards) },
        { requestId: `history-${unitId}`, maxRows: 5000 },
      );
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ accepted: awards.length, rejected: 0, withdrawn: 0 });
      expect(result.body.rows.filter((row) => row.change !== "unchanged")).toEqual([]);
      expect(await storedAwards(db, unitId)).toEqual(awards);
    },
    60_000,
  );
});
