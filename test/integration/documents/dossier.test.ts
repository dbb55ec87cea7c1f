import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Firestore } from "@google-cloud/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../../../functions/src/domain/errors.js";
import type { User } from "../../../functions/src/domain/model.js";
import { buildDossier } from "../../../functions/src/services/dossier/build.js";
import type { DossierOptions } from "../../../functions/src/services/dossier/options.js";
import { transitionDossier } from "../../../functions/src/services/dossier-workflow.js";
import { type FileStore, localFileStore } from "../../../functions/src/services/files.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import { testFirestore } from "../../support/firestore.js";
import { firstOutOfOrder, pdfText } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
const FIXED = { creationDate: new Date("2026-05-20T08:00:00Z") };

async function seedSchool(db: Firestore): Promise<void> {
  await db.collection(COLLECTIONS.units).doc("LQD").set({
    id: "LQD",
    name: "Trường THPT Lê Quý Đôn",
    abbreviation: "THPTLQĐ",
    level: "THPT",
    clusterId: "C1",
    managingAuthority: "SO_GDDT",
    managingBodyName: "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
    place: "Hà Tĩnh",
    principalName: "Phạm Quốc Dũng",
  });
  const people = [
    {
      id: "P1",
      fullName: "Nguyễn Thị Minh Anh",
      gender: "F",
      birthDate: "1984-02-03",
      position: "Giáo viên",
    },
    { id: "P2", fullName: "Trần Văn Bình", gender: "M", birthDate: "1979-11-21", position: "Giáo viên" },
  ];
  const year = db.collection(COLLECTIONS.years).doc(YEAR);
  for (const person of people) {
    await db
      .collection(COLLECTIONS.people)
      .doc(person.id)
      .set({ ...person, unitId: "LQD" });
    await year.collection(COLLECTIONS.records).doc(person.id).set({
      year: YEAR,
      subjectKind: "individual",
      subjectId: person.id,
      unitId: "LQD",
      rating: "HTXS",
    });
    await year.collection(COLLECTIONS.proposals).doc(`LQD_${person.id}_LDTT`).set({
      year: YEAR,
      unitId: "LQD",
      subjectKind: "individual",
      subjectId: person.id,
      target: "LDTT",
      kind: "CONG_TRANG",
    });
  }
  await year.collection(COLLECTIONS.proposals).doc("LQD_P1_CSTD_CS").set({
    year: YEAR,
    unitId: "LQD",
    subjectKind: "individual",
    subjectId: "P1",
    target: "CSTD_CS",
    kind: "CONG_TRANG",
    summary: "Sáng kiến cấp cơ sở",
  });
  await year.collection(COLLECTIONS.votes).doc("LQD_P1_CSTD_CS").set({
    year: YEAR,
    unitId: "LQD",
    subjectId: "P1",
    target: "CSTD_CS",
    ballotType: "KIN",
    members: 9,
    issued: 9,
    returned: 9,
    valid: 9,
    agree: 9,
  });
  await db.collection(COLLECTIONS.awards).doc("A1").set({
    id: "A1",
    subjectKind: "individual",
    subjectId: "P1",
    unitId: "LQD",
    code: "LDTT",
    kind: "CONG_TRANG",
    year: "2024-2025",
    decisionNo: "22/QĐ-THPTLQĐ",
  });
}

const OPTIONS: DossierOptions = {
  date: "2026-05-20",
  meeting: {
    date: "2026-05-15",
    startTime: "14:00",
    endTime: "16:00",
    location: "Phòng họp",
    present: 9,
    chair: { name: "Phạm Quốc Dũng", title: "Hiệu trưởng" },
    secretary: { name: "Trần Văn Bình", title: "Thư ký" },
  },
  tellers: { head: "Trần Văn Bình", members: ["Nguyễn Thị Minh Anh"] },
};

/** THCS LQĐ's dossier with the fixed options, into a fresh folder. */
async function buildLqd(db: Firestore) {
  const dir = mkdtempSync(join(tmpdir(), "tdkt-dossier-"));
  const built = await buildDossier({
    db,
    unitId: "LQD",
    year: YEAR,
    options: OPTIONS,
    files: localFileStore(dir),
    actor: "test@example.com",
    render: FIXED,
  });
  return { dir, built };
}

describe("dossier service", () => {
  let db: Firestore;
  beforeAll(async () => {
    db = testFirestore("dossier");
    await seedSchool(db);
  });

  it("builds the document set from stored data, stores the files and records their sha256", async () => {
    const { dir, built } = await buildLqd(db);
    expect(built.documents.map((document) => document.type)).toEqual([
      "bien-ban-hop",
      "to-trinh",
      "danh-sach-individual",
      "bien-ban-kiem-phieu",
      "phieu-bau",
      "so-theo-doi",
    ]);
    const toTrinh = built.documents.find((document) => document.type === "to-trinh");
    expect(toTrinh?.number).toBe("01/TTr-THPTLQĐ");
    expect(built.documents.map((document) => document.number).filter(Boolean)).toEqual([
      "01/BB-THPTLQĐ",
      "01/TTr-THPTLQĐ",
      "02/BB-THPTLQĐ",
    ]);
    for (const document of built.documents)
      expect(
        createHash("sha256")
          .update(readFileSync(join(dir, document.file)))
          .digest("hex"),
      ).toBe(document.sha256);
    const stored = (await db.collection(COLLECTIONS.dossiers).doc("LQD_2025-2026").get()).data();
    expect(stored?.documents).toEqual(built.documents);
    expect(stored?.state).toBe("DRAFT");
    expect(stored?.legalBasisVersion).toBe("2025-07");
  });

  it("refuses with every missing item and takes no number", async () => {
    const { tellers: _tellers, meeting: _meeting, ...partial } = OPTIONS;
    const error = await buildDossier({
      db,
      unitId: "LQD",
      year: YEAR,
      options: partial,
      files: localFileStore(mkdtempSync(join(tmpdir(), "tdkt-dossier-"))),
      actor: "test@example.com",
    }).then(
      () => expect.unreachable(),
      (caught: unknown) => caught as AppError,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("MISSING_DATA");
    expect(error.message).toContain("bien-ban-hop: thông tin cuộc họp");
    expect(error.message).toContain("bien-ban-kiem-phieu: Ban kiểm phiếu");
    const counter = await db.collection(COLLECTIONS.counters).doc("LQD__2026__TTr").get();
    expect(counter.get("last")).toBe(1);
  });

  it("reports an unknown unit", async () => {
    await expect(
      buildDossier({
        db,
        unitId: "NOPE",
        year: YEAR,
        options: OPTIONS,
        files: localFileStore(tmpdir()),
        actor: "x",
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
  it("refuses a build overtaken by a workflow step, leaving the stored dossier and its files intact", async () => {
    const raceDb = testFirestore("dossier-race");
    await seedSchool(raceDb);
    const dir = mkdtempSync(join(tmpdir(), "tdkt-dossier-"));
    const request = { db: raceDb, unitId: "LQD", year: YEAR, actor: "ht@lqd.example.org", render: FIXED };
    const first = await buildDossier({ ...request, options: OPTIONS, files: localFileStore(dir) });
    const principal: User = { email: "ht@lqd.example.org", role: "PRINCIPAL", unitId: "LQD" };
    const store = localFileStore(dir);
    let submitted = false;
    // The school submits the stored dossier while a second build is storing its files.
    const racing: FileStore = {
      put: async (name, bytes, mimeType) => {
        if (!submitted) {
          submitted = true;
          await transitionDossier(raceDb, principal, {
            dossierId: `LQD_${YEAR}`,
            to: "SUBMITTED",
            requestId: "submit-during-build",
          });
        }
        return store.put(name, bytes, mimeType);
      },
    };
    await expect(
      buildDossier({ ...request, options: { ...OPTIONS, date: "2026-05-21" }, files: racing }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(submitted).toBe(true);
    const stored = (await raceDb.collection(COLLECTIONS.dossiers).doc(`LQD_${YEAR}`).get()).data();
    expect(stored?.state).toBe("SUBMITTED");
    expect(stored?.documents).toEqual(first.documents);
    for (const document of first.documents)
      expect(
        createHash("sha256")
          .update(readFileSync(join(dir, document.file)))
          .digest("hex"),
      ).toBe(document.sha256);
  });
});

describe("dossier service: the year's căn cứ", () => {
  const quyChe =
    "Quyết định số 25/2024/QĐ-UBND ngày 20 tháng 8 năm 2024 của Ủy ban nhân dân tỉnh Hà Tĩnh ban hành Quy chế công tác thi đua, khen thưởng";
  const corrected =
    "Thông tư số 15/2025/TT-BNV ngày 05 tháng 8 năm 2025 của Bộ trưởng Bộ Nội vụ quy định biện pháp thi hành Luật Thi đua, khen thưởng";

  it("prints the Department's configured texts from years/{year} in the tờ trình's căn cứ", async () => {
    const db = testFirestore("dossier-legal-texts");
    await seedSchool(db);
    await db.doc(`${COLLECTIONS.years}/${YEAR}`).set({
      year: YEAR,
      legalBasisVersion: "2025-07",
      legalTexts: [
        { kind: "QUY_CHE_TINH", citation: quyChe },
        { replaces: "TT_15_2025_BNV", citation: corrected },
      ],
    });
    const { dir, built } = await buildLqd(db);
    const toTrinh = built.documents.find((document) => document.type === "to-trinh");
    // Files are named relative to the file store.
    const text = pdfText(readFileSync(join(dir, toTrinh?.file ?? ""))).replace(/\s+/g, " ");
    expect(
      firstOutOfOrder(text, [
        "Căn cứ Nghị định số 152/2025/NĐ-CP",
        `Căn cứ ${corrected};`,
        "Căn cứ Thông tư số 07/2026/TT-BGDĐT",
        `Căn cứ ${quyChe};`,
        "Căn cứ Biên bản họp Hội đồng Thi đua - Khen thưởng",
      ]),
    ).toBeUndefined();
    expect(text).not.toContain("ngày 04 tháng 8 năm 2025");
  });

  it("refuses a malformed year configuration instead of dropping its texts", async () => {
    const db = testFirestore("dossier-legal-texts-bad");
    await seedSchool(db);
    await db
      .doc(`${COLLECTIONS.years}/${YEAR}`)
      .set({ year: YEAR, legalBasisVersion: "2025-07", legalTexts: [{ replaces: "TT_99", citation: "x" }] });
    await expect(
      buildDossier({
        db,
        unitId: "LQD",
        year: YEAR,
        options: OPTIONS,
        files: localFileStore(mkdtempSync(join(tmpdir(), "tdkt-dossier-"))),
        actor: "test@example.com",
      }),
    ).rejects.toMatchObject({
      code: "MISSING_DATA",
      field: "path.year",
      message: expect.stringContaining("Cấu hình năm học"),
    });
  });
});
