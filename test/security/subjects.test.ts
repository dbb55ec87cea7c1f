/**
 * Attacks on subject ownership (issue 8, item 2), over sockets against the sample province: one
 * school's officer (THCS Quang Mỹ) tries to change the people, collectives and eligibility of
 * another (THCS Nguyễn Du). Each attack asserts the refusal and that the store did not change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProvince } from "../../functions/sample/province.js";
import { COLLECTIONS, collectionPath, type StoreCollection } from "../../functions/src/domain/collections.js";
import { awardId, subjectYearId } from "../../functions/src/domain/document-ids.js";
import type { IngestResponse } from "../../functions/src/services/ingest.js";
import type { UnitEligibility } from "../../functions/src/services/unit-eligibility.js";
import type { SheetRowInput } from "../../functions/src/sheets/index.js";
import {
  ATTACKER,
  DEPARTMENT,
  NEW_YEAR,
  officerOf,
  startSampleApi,
  VICTIM,
  YEAR,
} from "../fixtures/sample-actors.js";
import { historyRows, storedAwards } from "../fixtures/sheets/history.js";
import { sheetRows } from "../fixtures/sheets/rows.js";
import type { TestApi } from "../support/api.js";

const province = sampleProvince();
/** THCS Nguyễn Du's CSTĐ tỉnh candidate: CSTĐCS in 2023-2024 and 2024-2025, none yet this year. */
const TEACHER = "thcs-nguyen-du-016";
const victimName = province.units.find((unit) => unit.id === VICTIM)?.name ?? "";
const attackerFormer = province.people.find((p) => p.unitId === ATTACKER && p.withdrawn)?.id ?? "";
const SUBJECT_HEADER = "Mã cán bộ / Mã tập thể";

let api: TestApi;
let baseline: Verdict | undefined;
beforeAll(async () => {
  api = await startSampleApi(province);
  baseline = await verdict(TEACHER, "CSTD_TINH");
}, 120_000);
afterAll(() => api.close());

type Verdict = UnitEligibility["results"][number];

/** The victim's verdict as the Department sees it (GET …/eligibility). */
async function verdict(subjectId: string, target: string): Promise<Verdict | undefined> {
  const response = await api.fetch(`/v1/units/${VICTIM}/years/${YEAR}/eligibility`, { as: DEPARTMENT });
  expect(response.status).toBe(200);
  const body = (await response.json()) as UnitEligibility;
  return body.results.find((result) => result.subjectId === subjectId && result.target === target);
}

interface Send {
  unit?: string;
  year?: string;
  mode?: "partial" | "full";
  as?: string;
}

async function send(tab: string, rows: SheetRowInput[], options: Send = {}) {
  const unit = options.unit ?? ATTACKER;
  const response = await api.fetch(`/v1/sheets/${tab}:ingest`, {
    method: "POST",
    as: options.as ?? officerOf(unit),
    body: JSON.stringify({
      unit,
      year: options.year ?? YEAR,
      mode: options.mode ?? "partial",
      rows,
    }),
  });
  return { status: response.status, body: (await response.json()) as IngestResponse };
}

/** Paths and contents of every document in a collection (to compare before and after). */
async function contents(path: string): Promise<Record<string, unknown>> {
  const snapshot = await api.db.collection(path).get();
  return Object.fromEntries(snapshot.docs.map((doc) => [doc.id, doc.data()]));
}

const cstdcs = (year: string, subjectId = TEACHER) => ({
  subjectKind: "individual",
  subjectId,
  year,
  code: "CSTD_CS",
  decisionNo: `${year.slice(2, 4)}/QĐ-UBND`,
});

describe("subject ownership (security)", () => {
  it("starts from a CSTĐ tỉnh verdict the attacks try to flip", () => {
    expect(baseline?.status).toBe("ineligible");
    expect(baseline?.failed).toContain("CSTINH-01");
  });

  it("attack: a school sends three CSTĐCS history rows for another school's teacher", async () => {
    const awardsBefore = await contents(COLLECTIONS.awards);
    const rows = ["2023-2024", "2024-2025", "2025-2026"].map((year) => cstdcs(year));
    const { status, body } = await send("lich-su", sheetRows("lich-su", rows));

    expect(status).toBe(422);
    expect(body).toMatchObject({ accepted: 0, rejected: 3, withdrawn: 0 });
    expect(body.rows.map((row) => row.row)).toEqual([2, 3, 4]);
    for (const row of body.rows) {
      expect(row.status).toBe("rejected");
      expect(row.errors).toEqual([
        expect.objectContaining({ column: SUBJECT_HEADER, code: "UNKNOWN_PERSON" }),
      ]);
      expect(row.errors[0]?.message).toContain(`Cột "${SUBJECT_HEADER}"`);
      expect(row.errors[0]?.message).toContain("danh sách cán bộ");
    }
    expect(await contents(COLLECTIONS.awards)).toEqual(awardsBefore);
    expect(await verdict(TEACHER, "CSTD_TINH")).toEqual(baseline);
  });

  it("attack: awards, records and initiatives written straight into the store under another unit count for the teacher", async () => {
    const batch = api.db.batch();
    for (const year of ["2023-2024", "2024-2025", "2025-2026"]) {
      const award = { ...cstdcs(year), unitId: ATTACKER, kind: "CONG_TRANG" };
      // Under the attacker's id, and under the bare subject id the ledger once used.
      batch.set(api.db.doc(`${COLLECTIONS.awards}/${awardId(award)}`), { ...award, id: awardId(award) });
      const bare = `${TEACHER}_${year}_CSTD_CS_CONG_TRANG`;
      batch.set(api.db.doc(`${COLLECTIONS.awards}/${bare}`), { ...award, id: bare });
    }
    const record = {
      year: YEAR,
      subjectKind: "individual",
      subjectId: TEACHER,
      unitId: ATTACKER,
      rating: "HTXS",
      titles: ["CSTD_CS"],
    };
    batch.set(api.db.doc(`${collectionPath("records", YEAR)}/${TEACHER}`), record);
    batch.set(api.db.doc(`${collectionPath("records", YEAR)}/${subjectYearId(ATTACKER, TEACHER)}`), record);
    batch.set(api.db.doc(`${COLLECTIONS.initiatives}/${ATTACKER}_SK-ATTACK`), {
      id: `${ATTACKER}_SK-ATTACK`,
      kind: "SANG_KIEN",
      title: "Sáng kiến ghi hộ",
      ownerIds: [TEACHER],
      unitId: ATTACKER,
      year: YEAR,
      level: "TINH",
    });
    await batch.commit();

    expect(await verdict(TEACHER, "CSTD_TINH")).toEqual(baseline);
  });

  it("attack: a withdrawn award keeps counting after the school's full send drops it", async () => {
    // The school's own row does count: the verdict flips …
    const added = await send("lich-su", sheetRows("lich-su", [cstdcs(YEAR)]), { unit: VICTIM });
    expect(added).toMatchObject({ status: 200, body: { accepted: 1 } });
    expect((await verdict(TEACHER, "CSTD_TINH"))?.status).toBe("eligible");

    // … and goes back once a full send of the tab no longer lists it.
    const ledger = (await storedAwards(api.db, VICTIM)).filter(
      (award) => !(award.subjectId === TEACHER && award.year === YEAR && award.code === "CSTD_CS"),
    );
    const full = await send("lich-su", historyRows(ledger), { unit: VICTIM, mode: "full" });
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({ accepted: ledger.length, rejected: 0, withdrawn: 1 });
    const stored = await api.db
      .doc(`${COLLECTIONS.awards}/${awardId({ ...cstdcs(YEAR), unitId: VICTIM, kind: "CONG_TRANG" })}`)
      .get();
    expect(stored.get("withdrawn")).toBe(true);
    expect(await verdict(TEACHER, "CSTD_TINH")).toEqual(baseline);
  }, 90_000);

  it("attack: a school squats another school's collective record for a new year", async () => {
    const recordsPath = collectionPath("records", NEW_YEAR);
    const collectiveRow = (rating: string) =>
      sheetRows("ket-qua", [{ subjectKind: "collective", subjectId: VICTIM, rating }]);
    const squat = await send("ket-qua", collectiveRow("HTXS"), {
      year: NEW_YEAR,
    });
    expect(squat.status).toBe(422);
    expect(squat.body.rows[0]?.errors).toEqual([
      expect.objectContaining({ column: SUBJECT_HEADER, code: "UNKNOWN_COLLECTIVE" }),
    ]);
    expect(await contents(recordsPath)).toEqual({});

    // The school itself then sends its own record, which lands under its own id.
    const own = await send("ket-qua", collectiveRow("HT"), {
      unit: VICTIM,
      year: NEW_YEAR,
    });
    expect(own).toMatchObject({ status: 200, body: { rows: [{ status: "accepted", change: "created" }] } });
    const stored = await contents(recordsPath);
    expect(Object.keys(stored)).toEqual([subjectYearId(VICTIM, VICTIM)]);
    expect(stored[subjectYearId(VICTIM, VICTIM)]).toMatchObject({ unitId: VICTIM, rating: "HT" });
  });

  it("attack: an OTHER_UNIT error tells which unit holds a teacher's id", async () => {
    const peopleBefore = await contents(COLLECTIONS.people);
    const { status, body } = await send(
      "can-bo",
      sheetRows("can-bo", [{ id: TEACHER, fullName: "Nguyễn Văn Tân", gender: "Nam" }]),
    );
    expect(status).toBe(422);
    const [error] = body.rows[0]?.errors ?? [];
    expect(error).toMatchObject({ column: "Mã cán bộ", code: "OTHER_UNIT" });
    const withoutId = error?.message.replaceAll(TEACHER, "") ?? "";
    expect(withoutId).not.toContain(VICTIM);
    expect(withoutId).not.toContain(victimName);
    expect(withoutId).not.toContain("Nguyễn Du");
    expect(await contents(COLLECTIONS.people)).toEqual(peopleBefore);
  });

  const teacherRows: [string, StoreCollection, Record<string, unknown>, string, string][] = [
    [
      "dang-ky",
      "registrations",
      { subjectKind: "individual", subjectId: TEACHER, titles: "LDTT" },
      SUBJECT_HEADER,
      "UNKNOWN_PERSON",
    ],
    [
      "ket-qua",
      "records",
      { subjectKind: "individual", subjectId: TEACHER, rating: "HTXS" },
      SUBJECT_HEADER,
      "UNKNOWN_PERSON",
    ],
    [
      "de-nghi",
      "proposals",
      { subjectKind: "individual", subjectId: TEACHER, target: "CSTD_TINH" },
      SUBJECT_HEADER,
      "UNKNOWN_PERSON",
    ],
    [
      "sang-kien",
      "initiatives",
      { code: "SK-X", kind: "SANG_KIEN", title: "Sáng kiến", ownerIds: TEACHER, level: "TINH" },
      "Mã cán bộ tác giả",
      "UNKNOWN_PERSON",
    ],
    [
      "dot-xuat",
      "achievements",
      {
        role: "TEACHER",
        fullName: "Nguyễn Văn Tân",
        personId: TEACHER,
        contest: "HSG quốc gia",
        contestLevel: "QUOC_GIA",
        subject: "Toán",
        prize: "NHAT",
      },
      "Mã cán bộ",
      "UNKNOWN_PERSON",
    ],
    [
      "dot-xuat",
      "achievements",
      {
        role: "STUDENT",
        fullName: "Lê Văn Em",
        contest: "HSG quốc gia",
        contestLevel: "QUOC_GIA",
        subject: "Toán",
        prize: "NHI",
        coachIds: TEACHER,
      },
      "Mã cán bộ giáo viên hướng dẫn",
      "UNKNOWN_PERSON",
    ],
    [
      "dang-ky",
      "registrations",
      { subjectKind: "collective", subjectId: VICTIM, titles: "TTLDXS" },
      SUBJECT_HEADER,
      "UNKNOWN_COLLECTIVE",
    ],
    [
      "de-nghi",
      "proposals",
      { subjectKind: "collective", subjectId: VICTIM, target: "TTLDXS" },
      SUBJECT_HEADER,
      "UNKNOWN_COLLECTIVE",
    ],
    [
      "lich-su",
      "awards",
      { subjectKind: "collective", subjectId: VICTIM, year: "2024-2025", code: "CO_TD_TINH" },
      SUBJECT_HEADER,
      "UNKNOWN_COLLECTIVE",
    ],
    [
      "de-nghi",
      "proposals",
      { subjectKind: "individual", subjectId: attackerFormer, target: "LDTT" },
      SUBJECT_HEADER,
      "UNKNOWN_PERSON",
    ],
  ];
  it.each(teacherRows)(
    "attack: tab %s names another school's person or collective, or a withdrawn teacher (%s: %j)",
    async (tab, collection, row, header, code) => {
      const path = collectionPath(collection, YEAR);
      const before = await contents(path);
      const { status, body } = await send(tab, sheetRows(tab, [row]));
      expect(status).toBe(422);
      expect(body.rows[0]).toMatchObject({ row: 2, status: "rejected" });
      expect(body.rows[0]?.errors).toEqual([expect.objectContaining({ column: header, code })]);
      expect(await contents(path)).toEqual(before);
    },
  );

  it("takes a history row about the school's own former teacher, and its tổ as a collective", async () => {
    const group = province.people.find((p) => p.unitId === ATTACKER && p.group)?.group ?? "";
    const { status, body } = await send(
      "lich-su",
      sheetRows("lich-su", [
        cstdcs("2022-2023", attackerFormer),
        { subjectKind: "collective", subjectId: group, year: "2022-2023", code: "TTLDTT" },
        {
          subjectKind: "collective",
          subjectId: ATTACKER,
          year: "2022-2023",
          code: "GK_GD_SO",
          kind: "CHUYEN_DE",
        },
      ]),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ accepted: 3, rejected: 0 });
  });
});
