/**
 * The read side of the store against the emulator: each reader keeps the unit's own documents that
 * are not withdrawn, parses them, leaves out (and warns about) a document that does not parse, and
 * stops on a unit that does not parse.
 */
import type { Firestore } from "@google-cloud/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collectionPath } from "../../../functions/src/domain/collections.js";
import { awardId, subjectYearId } from "../../../functions/src/domain/document-ids.js";
import { AppError } from "../../../functions/src/domain/errors.js";
import type { Award, Person, YearRecord } from "../../../functions/src/domain/model.js";
import {
  activeHolders,
  decidedDocuments,
  dossierStateOf,
  dossierUnitOf,
  MALFORMED_DOCUMENT_WARNING,
  subjectsLedger,
  unitDocuments,
  unitRecordsOver,
  unitsSubjectsRecords,
  unitYearDocuments,
} from "../../../functions/src/store/readers.js";
import { loadUnit, loadUser } from "../../../functions/src/store/registry.js";
import { communeSchool } from "../../fixtures/store/units.js";
import { testFirestore } from "../../support/firestore.js";

const SCHOOL = communeSchool.id;
const OTHER = "thpt-le-quy-don";
const YEAR = "2025-2026";
const LAST_YEAR = "2024-2025";

const unit = communeSchool;

const person = (id: string, fullName: string, extra: Partial<Person> = {}): Person => ({
  id,
  unitId: SCHOOL,
  fullName,
  gender: "F",
  group: "to-toan",
  ...extra,
});

const record = (subjectId: string, year: string, unitId = SCHOOL): YearRecord => ({
  year,
  subjectKind: "individual",
  subjectId,
  unitId,
  rating: "HTXS",
  titles: ["LDTT"],
  awards: [],
  discipline: [],
  suspended: false,
});

const award = (subjectId: string, year: string, unitId = SCHOOL): Award => {
  const entry = {
    subjectKind: "individual",
    subjectId,
    unitId,
    code: "CSTD_CS",
    kind: "CONG_TRANG",
    year,
  } as const;
  return { ...entry, id: awardId(entry) };
};

let db: Firestore;
let warnings: Error[];
const onWarning = (warning: Error) => {
  if ((warning as Error & { code?: string }).code === MALFORMED_DOCUMENT_WARNING) warnings.push(warning);
};
beforeEach(() => {
  db = testFirestore("readers");
  warnings = [];
  process.on("warning", onWarning);
});
afterEach(() => {
  process.off("warning", onWarning);
});

describe("unit documents", () => {
  it("lists the unit's own people, leaving out withdrawn staff unless asked for them", async () => {
    await Promise.all([
      db.doc(`people/${SCHOOL}_gv-lan`).set(person(`${SCHOOL}_gv-lan`, "Nguyễn Thị Lan")),
      db.doc(`people/${SCHOOL}_gv-hoa`).set(person(`${SCHOOL}_gv-hoa`, "Trần Thị Hoa", { withdrawn: true })),
      db.doc(`people/${OTHER}_gv-minh`).set({ ...person(`${OTHER}_gv-minh`, "Lê Văn Minh"), unitId: OTHER }),
    ]);
    const active = await unitDocuments(db, SCHOOL, "people");
    expect(active.map((p) => p.fullName)).toEqual(["Nguyễn Thị Lan"]);
    const roster = await unitDocuments(db, SCHOOL, "people", { includeWithdrawn: true });
    expect(roster.map((p) => p.fullName).sort()).toEqual(["Nguyễn Thị Lan", "Trần Thị Hoa"]);
  });

  it("lists the unit's documents of one school year only", async () => {
    await Promise.all([
      db
        .doc(`${collectionPath("records", YEAR)}/${subjectYearId(SCHOOL, "gv-lan")}`)
        .set(record("gv-lan", YEAR)),
      db
        .doc(`${collectionPath("records", LAST_YEAR)}/${subjectYearId(SCHOOL, "gv-lan")}`)
        .set(record("gv-lan", LAST_YEAR)),
      db
        .doc(`${collectionPath("records", YEAR)}/${subjectYearId(OTHER, "gv-lan")}`)
        .set(record("gv-lan", YEAR, OTHER)),
    ]);
    const records = await unitYearDocuments(db, SCHOOL, YEAR, "records");
    expect(records.map((r) => [r.unitId, r.year])).toEqual([[SCHOOL, YEAR]]);
    const over = await unitRecordsOver(db, SCHOOL, [LAST_YEAR, YEAR]);
    expect(over.map((r) => r.year)).toEqual([LAST_YEAR, YEAR]);
  });

  it("leaves out a stored document that does not parse, with one counted warning", async () => {
    await Promise.all([
      db.doc(`people/${SCHOOL}_gv-lan`).set(person(`${SCHOOL}_gv-lan`, "Nguyễn Thị Lan")),
      db.doc(`people/${SCHOOL}_gv-x`).set({ id: `${SCHOOL}_gv-x`, unitId: SCHOOL, fullName: "" }),
      db.doc(`people/${SCHOOL}_gv-y`).set({ id: `${SCHOOL}_gv-y`, unitId: SCHOOL, gender: "?" }),
    ]);
    const people = await unitDocuments(db, SCHOOL, "people");
    expect(people.map((p) => p.fullName)).toEqual(["Nguyễn Thị Lan"]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((warning) => warning.message)).toEqual([
      "2 stored document(s) of people do not parse and are left out",
    ]);
  });

  it("returns the parsed value, defaults filled in", async () => {
    const { titles: _titles, awards: _awards, ...bare } = record("gv-lan", YEAR);
    await db.doc(`${collectionPath("records", YEAR)}/${subjectYearId(SCHOOL, "gv-lan")}`).set(bare);
    const [read] = await unitYearDocuments(db, SCHOOL, YEAR, "records");
    expect(read).toMatchObject({ titles: [], awards: [], rating: "HTXS" });
  });
});

describe("subjects' ledger and records", () => {
  it("reads the ledger of the named subjects of the unit, past Firestore's 30-value filter", async () => {
    const subjects = Array.from({ length: 35 }, (_, index) => `gv-${index}`);
    const batch = db.batch();
    for (const subjectId of subjects) {
      const entry = award(subjectId, LAST_YEAR);
      batch.set(db.doc(`awards/${entry.id}`), entry);
    }
    const foreign = award("gv-0", LAST_YEAR, OTHER);
    batch.set(db.doc(`awards/${foreign.id}`), foreign);
    const withdrawn = award("gv-1", YEAR);
    batch.set(db.doc(`awards/${withdrawn.id}`), { ...withdrawn, withdrawn: true });
    await batch.commit();

    const ledger = await subjectsLedger(db, SCHOOL, subjects);
    expect(ledger).toHaveLength(35);
    expect(ledger.every((entry) => entry.unitId === SCHOOL && entry.year === LAST_YEAR)).toBe(true);
    expect(await subjectsLedger(db, SCHOOL, ["gv-0"])).toEqual([award("gv-0", LAST_YEAR)]);
  });

  it("leaves out the ledger entries of a revoked decision (G-10), in the ledger and the unit's awards alike", async () => {
    const standing = { ...award("gv-lan", LAST_YEAR), decisionId: "SO_2025-07-01_1" };
    const revoked = { ...award("gv-lan", YEAR), decisionId: "SO_2026-07-01_2", revoked: true };
    await Promise.all([
      db.doc(`awards/${standing.id}`).set(standing),
      db.doc(`awards/${revoked.id}`).set({ ...revoked, revocationReason: "Kê khai sai" }),
    ]);
    expect(await subjectsLedger(db, SCHOOL, ["gv-lan"])).toEqual([standing]);
    expect(await unitDocuments(db, SCHOOL, "awards")).toEqual([standing]);
    expect(
      await decidedDocuments(db, [`awards/${standing.id}`, `awards/${revoked.id}`, "awards/none"]),
    ).toEqual([true, true, false]);
  });

  it("reads a subject's records by id, never another unit's record under a bare id", async () => {
    await Promise.all([
      db
        .doc(`${collectionPath("records", YEAR)}/${subjectYearId(SCHOOL, "gv-lan")}`)
        .set(record("gv-lan", YEAR)),
      // A record filed under the bare subject id by another unit is not this unit's.
      db.doc(`${collectionPath("records", LAST_YEAR)}/gv-lan`).set(record("gv-lan", LAST_YEAR, OTHER)),
    ]);
    const records = await unitsSubjectsRecords(db, [
      { unitId: SCHOOL, subjectIds: ["gv-lan"], years: [LAST_YEAR, YEAR] },
    ]);
    expect(records.get(SCHOOL)?.map((r) => r.year)).toEqual([YEAR]);
  });

  it("names the unit holding each active document, and none for absent or withdrawn ones", async () => {
    await Promise.all([
      db.doc("people/a").set(person("a", "Nguyễn Thị Lan")),
      db.doc("people/b").set(person("b", "Trần Thị Hoa", { withdrawn: true })),
    ]);
    expect(await activeHolders(db, ["people/a", "people/b", "people/c"])).toEqual([
      SCHOOL,
      undefined,
      undefined,
    ]);
  });
});

describe("single documents", () => {
  it("loads a unit, NOT_FOUND for an absent one", async () => {
    await db.doc(`units/${SCHOOL}`).set(unit);
    expect(await loadUnit(db, SCHOOL)).toEqual(unit);
    await expect(loadUnit(db, "khong-co")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(loadUnit(db, "")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads a dossier's state as stored, undefined when there is no dossier", async () => {
    await db.doc("dossiers/d1").set({ unitId: SCHOOL, state: "SUBMITTED" });
    expect(await dossierStateOf(db, "d1")).toBe("SUBMITTED");
    expect(await dossierStateOf(db, "d2")).toBeUndefined();
  });

  it("names the unit holding a dossier, undefined when there is no dossier or it names none", async () => {
    await db.doc("dossiers/d1").set({ unitId: SCHOOL, state: "DRAFT" });
    await db.doc("dossiers/d3").set({ unitId: 7, state: "DRAFT" });
    expect(await dossierUnitOf(db, "d1")).toBe(SCHOOL);
    expect(await dossierUnitOf(db, "d2")).toBeUndefined();
    expect(await dossierUnitOf(db, "d3")).toBeUndefined();
  });

  it("stops on a stored unit that does not parse, naming the unit", async () => {
    await db.doc(`units/${SCHOOL}`).set({ id: SCHOOL, managingAuthority: "UBND_XA" });
    const failure = await loadUnit(db, SCHOOL).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect(failure).toMatchObject({ code: "MISSING_DATA", field: "path.unit" });
    expect((failure as AppError).message).toContain(SCHOOL);
  });

  it("loads a user by email, undefined when unknown or malformed", async () => {
    await db.doc("users/hieutruong@nguyendu.edu.vn").set({ role: "SCHOOL_OFFICER", unitId: SCHOOL });
    await db.doc("users/sai@nguyendu.edu.vn").set({ role: "KHONG_CO", unitId: SCHOOL });
    expect(await loadUser(db, "hieutruong@nguyendu.edu.vn")).toEqual({
      email: "hieutruong@nguyendu.edu.vn",
      role: "SCHOOL_OFFICER",
      unitId: SCHOOL,
    });
    expect(await loadUser(db, "sai@nguyendu.edu.vn")).toBeUndefined();
    expect(await loadUser(db, "khach@gmail.com")).toBeUndefined();
  });
});
