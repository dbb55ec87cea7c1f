/**
 * The round trip with the province's system: the Department's lists exported from one project
 * (services/province-export.ts), then read back by the history import (services/history-import.ts)
 * into an empty project holding the same units and people, give the ledger the decision behind
 * those lists would give — subject, code, year, the decision's data, the subject's class. Export and
 * import agree on the columns, the codes, the dates written as text and the classes, or this fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { awardId } from "../../../functions/src/domain/document-ids.js";
import { type HistoryImportResult, importHistory } from "../../../functions/src/services/history-import.js";
import { provinceExports } from "../../../functions/src/services/province-export.js";
import { workbookFromBytes } from "../../../functions/src/sheets/history-workbook.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import { DEPARTMENT } from "../../fixtures/province/lists.js";
import {
  COMMUNE_SCHOOL,
  provinceWorld,
  SO_SCHOOL,
  STAFF,
  seedProvinceWorld,
  YEAR,
} from "../../fixtures/province/world.js";
import { testFirestore } from "../../support/firestore.js";

/** The shared emulator serves eight test runs on two cores. */
const SLOW = 180_000;

/** The Giám đốc Sở's decision whose annexes the lists are. */
const DECISION = {
  year: YEAR,
  decisionNo: "68/QĐ-SGDĐT",
  decisionDate: "2026-06-15",
  issuer: "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
};

const source = testFirestore("round-trip-source");
const target = testFirestore("round-trip-target");
const results: HistoryImportResult[] = [];

beforeAll(async () => {
  await seedProvinceWorld(source);
  // The same units and people, and nothing else: no proposals, no records, no ledger.
  const directory = provinceWorld().filter(({ path }) => /^(units|people)\//.test(path));
  await Promise.all(directory.map(({ path, data }) => target.doc(path).set(data)));
  for (const list of await provinceExports(source, YEAR)) {
    const loaded = await workbookFromBytes(list.bytes);
    if (!loaded.ok) throw new Error(`${list.fileName}: ${loaded.problem}`);
    results.push(
      await importHistory(target, DEPARTMENT, loaded.workbook, {
        format: "province",
        defaults: DECISION,
        dryRun: false,
        file: list.fileName,
        requestId: `round-trip-${list.kind}`,
      }),
    );
  }
}, SLOW);
afterAll(() => Promise.all([source.terminate(), target.terminate()]));

/** A ledger entry the decision gives, written out by hand from the world the source holds. */
function entry(
  subject: { kind: "individual" | "collective"; id: string },
  code: string,
  subjectClass: string,
) {
  const key = { unitId: SO_SCHOOL.id, subjectId: subject.id, year: YEAR, code, kind: "CONG_TRANG" };
  return {
    id: awardId(key),
    ...key,
    subjectKind: subject.kind,
    decisionNo: DECISION.decisionNo,
    decisionDate: DECISION.decisionDate,
    issuer: DECISION.issuer,
    subjectClass,
  };
}

describe("export to the province, then import into an empty project", { timeout: SLOW }, () => {
  it("takes every exported row, none rejected", () => {
    const rows = results.flatMap((result) => result.rows);
    expect(rows.filter((row) => row.status !== "new")).toEqual([]);
    // Four LĐTT and a Giấy khen in the individuals' list, a TTLĐTT in the collectives'.
    expect(rows).toHaveLength(STAFF.length + 2);
    expect(results.reduce((sum, result) => sum + result.written, 0)).toBe(STAFF.length + 2);
  });

  it("gives the ledger the decision gives: subject, code, year, decision data and class", async () => {
    const person = (index: number) => ({ kind: "individual" as const, id: STAFF[index]?.id ?? "" });
    const [head, deputy, groupHead, teacher] = [person(0), person(1), person(2), person(3)];
    const expected = [
      entry(head, "LDTT", "LANH_DAO_TU_PHO_PHONG"),
      entry(deputy, "LDTT", "LANH_DAO_TU_PHO_PHONG"),
      entry(groupHead, "LDTT", "TRUC_TIEP"),
      entry(teacher, "LDTT", "TRUC_TIEP"),
      entry(head, "GK_GD_SO", "LANH_DAO_TU_PHO_PHONG"),
      entry({ kind: "collective", id: SO_SCHOOL.id }, "TTLDTT", "DON_VI_SU_NGHIEP"),
    ];
    const stored = (await target.collection(COLLECTIONS.awards).get()).docs.map((doc) => {
      const { _meta, ...data } = doc.data();
      return data;
    });
    const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.id).localeCompare(String(b.id));
    expect(stored.sort(byId)).toEqual(expected.sort(byId));
    expect(stored.some((award) => award.unitId === COMMUNE_SCHOOL.id)).toBe(false);
  });

  it("reads the same lists again as unchanged, writing nothing", async () => {
    for (const list of await provinceExports(source, YEAR)) {
      const loaded = await workbookFromBytes(list.bytes);
      if (!loaded.ok) throw new Error(list.fileName);
      const again = await importHistory(target, DEPARTMENT, loaded.workbook, {
        format: "province",
        defaults: DECISION,
        dryRun: false,
        file: list.fileName,
        requestId: `round-trip-again-${list.kind}`,
      });
      expect(again.written).toBe(0);
      expect(new Set(again.rows.map((row) => row.status))).toEqual(new Set(["unchanged"]));
    }
  });
});
