import { describe, expect, it } from "vitest";
import { allocateDocumentNumber } from "../../../functions/src/store/counters.js";
import { testFirestore } from "../../support/firestore.js";

describe("document number counters", () => {
  it("gives 20 concurrent requests exactly the numbers 1…20", async () => {
    const db = testFirestore("counters");
    const key = { issuerId: "THPTLQD", year: 2026, type: "TTr" };
    const numbers = await Promise.all(Array.from({ length: 20 }, () => allocateDocumentNumber(db, key)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  }, 120_000);

  it("runs one series per issuer, year and type", async () => {
    const db = testFirestore("counters");
    expect(await allocateDocumentNumber(db, { issuerId: "A", year: 2026, type: "TTr" })).toBe(1);
    expect(await allocateDocumentNumber(db, { issuerId: "A", year: 2026, type: "QĐ" })).toBe(1);
    expect(await allocateDocumentNumber(db, { issuerId: "A", year: 2027, type: "TTr" })).toBe(1);
    expect(await allocateDocumentNumber(db, { issuerId: "A", year: 2026, type: "TTr" })).toBe(2);
  });
});
