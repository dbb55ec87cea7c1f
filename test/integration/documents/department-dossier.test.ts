/**
 * The Department's dossier on the emulator, from the seeded sample province: its documents (read with
 * pdftotext) carry exactly the eligible proposals the consolidation holds for the units the Department
 * manages, the biên bản its council's stored votes, and a rebuild changes nothing.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Firestore } from "@google-cloud/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { departmentOptions } from "../../../functions/sample/demo-department.js";
import {
  DEPARTMENT_UNIT_ID,
  type Province,
  SAMPLE_SCHOOLS,
  sampleProvince,
} from "../../../functions/sample/province.js";
import type { Consolidation } from "../../../functions/src/domain/consolidation.js";
import { awardCodeLabels } from "../../../functions/src/domain/messages/index.js";
import {
  type BuiltDepartmentDossier,
  buildDepartmentDossier,
} from "../../../functions/src/services/department-dossier.js";
import { localFileStore } from "../../../functions/src/services/files.js";
import { evaluateUnitProposals } from "../../../functions/src/services/unit-eligibility.js";
import { consolidateStoredYear } from "../../../functions/src/services/year-consolidation.js";
import { COLLECTIONS } from "../../../functions/src/store/firestore.js";
import { testFirestore } from "../../support/firestore.js";
import { seedUnitsOf } from "../../support/province.js";
import { pdfText } from "../../unit/documents/pdf-tools.js";

const YEAR = "2025-2026";
const SO_SCHOOL = SAMPLE_SCHOOLS.leQuyDon;
const COMMUNE_SCHOOL = SAMPLE_SCHOOLS.nguyenDu;

/** The text of one document, whitespace folded (table cells wrap names over lines). */
const textOf = (dir: string, built: BuiltDepartmentDossier, type: string): string =>
  built.documents
    .filter((document) => document.type === type)
    .map((document) => pdfText(readFileSync(join(dir, document.file))))
    .join("\n")
    .replace(/\s+/gu, " ");

/** A name as a whole, not within a longer name of `others` ("Nguyễn Thị Hồng" in "Nguyễn Thị Hồng Hoa"). */
const mentions = (text: string, name: string, others: readonly string[] = []): boolean => {
  const rest = others
    .filter((other) => other !== name && other.includes(name))
    .reduce((left, other) => left.replaceAll(other, " "), text);
  return new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u").test(rest);
};

describe("the Department's dossier", () => {
  let db: Firestore;
  let province: Province;
  let consolidation: Consolidation;
  let dir: string;
  let built: BuiltDepartmentDossier;
  const request = () => ({
    departmentUnitId: DEPARTMENT_UNIT_ID,
    options: departmentOptions(province, YEAR),
    files: localFileStore(dir),
    actor: "chuyenvien1@sogddt.example.org",
  });

  beforeAll(async () => {
    db = testFirestore("dept-dossier");
    province = sampleProvince();
    // The two schools' share of the province, and the Department's votes.
    await seedUnitsOf(db, province, [SO_SCHOOL, COMMUNE_SCHOOL, DEPARTMENT_UNIT_ID]);
    // The Department's school and a commune's school (whose Bằng khen goes through its UBND xã).
    consolidation = await consolidateStoredYear(db, YEAR);
    dir = mkdtempSync(join(tmpdir(), "tdkt-dept-"));
    built = await buildDepartmentDossier(db, YEAR, consolidation, request());
  }, 240_000);

  it("carries exactly the eligible proposals of the Department's units that the consolidation holds", async () => {
    // The engine's own verdicts, read apart from the consolidation.
    const verdicts = (await evaluateUnitProposals(db, SO_SCHOOL, YEAR)).results;
    const eligible = verdicts.filter((verdict) => verdict.status === "eligible");
    const upward = eligible.filter((verdict) => ["BK_CT_UBND_TINH", "CO_TD_TINH"].includes(verdict.target));
    expect(upward.length).toBeGreaterThan(0);
    expect(built.included.map((line) => `${line.subjectId}/${line.target}`).sort()).toEqual(
      eligible.map((verdict) => `${verdict.subjectId}/${verdict.target}`).sort(),
    );
    // Commune-managed schools' proposals are their UBND xã's to carry, not the Department's.
    expect(
      consolidation.included.some((line) => line.unitId === COMMUNE_SCHOOL && line.decider === "TINH"),
    ).toBe(true);
    expect(built.included.every((line) => line.unitId === SO_SCHOOL)).toBe(true);

    const toTrinh = textOf(dir, built, "to-trinh");
    const lists = `${textOf(dir, built, "danh-sach-individual")} ${textOf(dir, built, "danh-sach-collective")}`;
    const decision = textOf(dir, built, "quyet-dinh");
    expect(toTrinh).toContain("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh (qua Sở Nội vụ)");
    // The tờ trình counts what it proposes, by form; its danh sách names them.
    for (const target of new Set(upward.map((verdict) => verdict.target))) {
      const people = upward.filter(
        (verdict) => verdict.target === target && verdict.subjectKind === "individual",
      );
      if (people.length > 0)
        expect(toTrinh).toContain(
          `${awardCodeLabels[target as keyof typeof awardCodeLabels]}: ${people.length} cá nhân`,
        );
    }
    // Every person of the school: in the danh sách iff proposed upwards and eligible, in the Giám
    // đốc's quyết định iff eligible for what the Department decides.
    const staff = province.people.filter((person) => person.unitId === SO_SCHOOL);
    const carried = (personId: string, upwards: boolean) =>
      built.included.some((line) => line.subjectId === personId && (line.decider !== "SO") === upwards);
    const names = province.people.map((person) => person.fullName);
    const homonyms = (name: string) => staff.filter((person) => person.fullName === name).length > 1;
    for (const person of staff.filter((member) => !homonyms(member.fullName))) {
      expect(mentions(lists, person.fullName, names), `danh sách: ${person.fullName}`).toBe(
        carried(person.id, true),
      );
      expect(mentions(decision, person.fullName, names), `quyết định: ${person.fullName}`).toBe(
        carried(person.id, false),
      );
    }
    // What the engine refused is reported with its rules, and a target refused to all is not proposed.
    const refused = verdicts.filter((verdict) => verdict.status !== "eligible");
    expect(built.excluded.map((left) => `${left.subjectId}/${left.target}`).sort()).toEqual(
      refused.map((verdict) => `${verdict.subjectId}/${verdict.target}`).sort(),
    );
    for (const left of built.excluded) expect(left.failed.length + left.missing.length).toBeGreaterThan(0);
    for (const target of new Set(refused.map((verdict) => verdict.target)))
      if (!eligible.some((verdict) => verdict.target === target))
        expect(`${toTrinh} ${decision}`).not.toContain(
          awardCodeLabels[target as keyof typeof awardCodeLabels],
        );
  });

  it("prints the Department council's stored votes on what it forwards in the biên bản", () => {
    const minutes = textOf(dir, built, "bien-ban-hop");
    const votes = province.votes.filter((vote) => vote.unitId === DEPARTMENT_UNIT_ID);
    const forwarded = votes.filter((vote) =>
      built.included.some((line) => line.subjectId === vote.subjectId && line.target === vote.target),
    );
    expect(forwarded.length).toBeGreaterThan(0);
    const nameOf = (subjectId: string) =>
      province.people.find((person) => person.id === subjectId)?.fullName ??
      province.units.find((unit) => unit.id === subjectId)?.name ??
      subjectId;
    for (const vote of forwarded) {
      expect(minutes).toContain(nameOf(vote.subjectId));
      const percent = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 }).format(
        (100 * vote.agree) / vote.members,
      );
      expect(minutes).toContain(`${percent}%`);
    }
    // A vote on a proposal the consolidation left out does not reach the biên bản.
    for (const vote of votes.filter((candidate) => !forwarded.includes(candidate)))
      expect(mentions(minutes, nameOf(vote.subjectId))).toBe(false);
    expect(minutes).toContain("Phòng họp Sở Giáo dục và Đào tạo");
  });

  it("stores the dossier under the Department's unit, with numbers from its counters and each file's sha256", async () => {
    expect(built.documents.map((document) => document.type)).toEqual(
      expect.arrayContaining(["bien-ban-hop", "to-trinh", "danh-sach-individual", "quyet-dinh"]),
    );
    expect(built.documents.find((document) => document.type === "to-trinh")?.number).toMatch(
      /^\d{2}\/TTr-SGDĐT$/,
    );
    for (const document of built.documents)
      expect(
        createHash("sha256")
          .update(readFileSync(join(dir, document.file)))
          .digest("hex"),
      ).toBe(document.sha256);
    const stored = (
      await db.collection(COLLECTIONS.dossiers).doc(`${DEPARTMENT_UNIT_ID}_${YEAR}`).get()
    ).data();
    expect(stored?.unitId).toBe(DEPARTMENT_UNIT_ID);
    expect(stored?.documents).toEqual(built.documents);
    const audits = await db
      .collection(COLLECTIONS.audit)
      .where("path", "==", `dossiers/${DEPARTMENT_UNIT_ID}_${YEAR}`)
      .get();
    expect(audits.size).toBe(1);
  });

  it("rebuilds the same consolidation into the same documents, taking no new number", async () => {
    const counters = async () =>
      (await db.collection(COLLECTIONS.counters).get()).docs
        .filter((doc) => doc.id.startsWith(`${DEPARTMENT_UNIT_ID}__`))
        .map((doc) => [doc.id, doc.get("last")]);
    const before = await counters();
    expect(before.length).toBeGreaterThan(0);
    const again = await buildDepartmentDossier(db, YEAR, consolidation, request());
    expect(again.documents).toEqual(built.documents);
    expect(await counters()).toEqual(before);
    const audits = await db
      .collection(COLLECTIONS.audit)
      .where("path", "==", `dossiers/${DEPARTMENT_UNIT_ID}_${YEAR}`)
      .get();
    expect(audits.size).toBe(1);
  });

  it("refuses a consolidation of another year and a year with nothing for the Department", async () => {
    await expect(
      buildDepartmentDossier(db, YEAR, { ...consolidation, year: "2024-2025" }, request()),
    ).rejects.toMatchObject({ code: "INVALID_ARGUMENT", field: "path.year" });
    await expect(
      buildDepartmentDossier(db, YEAR, { year: YEAR, included: [], excluded: [] }, request()),
    ).rejects.toMatchObject({ code: "MISSING_DATA" });
  });
});
