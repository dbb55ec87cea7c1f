/**
 * The sample chuyên đề field end to end against the emulator (issue "From proposal to public board",
 * item 3): the three tabs' rows (the Department's field, the schools' registrations, the inspection
 * results) → the year-end selection → proposals of kind CHUYEN_DE in approved dossiers → a decision
 * recorded and published through services/decisions.ts → the units' public boards; and G-03: next
 * year's eligibility from records leaves the chuyên đề award out of the công trạng counters, where
 * the same form as công trạng counts.
 */
import type { Firestore } from "@google-cloud/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { sampleProvince } from "../../../functions/sample/province.js";
import { SAMPLE_THEMATIC_FIELD } from "../../../functions/sample/thematic.js";
import { awardCodeLabels } from "../../../functions/src/domain/messages/index.js";
import type { User } from "../../../functions/src/domain/model.js";
import { formatDateVi } from "../../../functions/src/domain/text.js";
import { publishDecision, recordDecision } from "../../../functions/src/services/decisions.js";
import { ingestTab } from "../../../functions/src/services/ingest.js";
import { publicBoardFiles } from "../../../functions/src/services/public-board.js";
import { proposeThematicAwards, thematicSelection } from "../../../functions/src/services/thematic.js";
import { evaluateUnitProposals } from "../../../functions/src/services/unit-eligibility.js";
import { findTab } from "../../../functions/src/sheets/index.js";
import { testFirestore } from "../../support/firestore.js";
import { seedUnitsOf } from "../../support/province.js";

const province = sampleProvince();
const sample = province.thematic;
const YEAR = province.openYear ?? "";
const NEXT_YEAR = "2026-2027";
if (!sample) throw new Error("the sample province has no chuyên đề field");
const department = province.users.find((user) => user.role === "DEPT_SPECIALIST") as User;
const officerOf = (unitId: string) =>
  province.users.find((user) => user.unitId === unitId && user.role === "SCHOOL_OFFICER") as User;
const unitIds = [...new Set(sample.registrations.map((registration) => registration.unitId))];
const nameOf = (unitId: string) => province.units.find((unit) => unit.id === unitId)?.name ?? unitId;

/** { column key: value } → the sheet's row of Vietnamese headers and cell texts. */
function sheetRow(tabId: string, row: number, values: Record<string, unknown>) {
  const tab = findTab(tabId);
  if (!tab) throw new Error(tabId);
  const cells: Record<string, unknown> = {};
  for (const column of tab.columns) {
    const value = values[column.key];
    if (value === undefined) continue;
    cells[column.header] = column.type === "date" ? formatDateVi(String(value)) : value;
  }
  return { row, values: cells };
}
const send = (db: Firestore, user: User, tabId: string, unit: string, rows: Record<string, unknown>[]) =>
  ingestTab(
    db,
    user,
    tabId,
    { unit, year: YEAR, rows: rows.map((values, index) => sheetRow(tabId, index + 2, values)) },
    { requestId: `sheet:${tabId}:${unit}`, maxRows: 5000 },
  );

const decisionInput = (dossierIds: string[], proposals: unknown[]) => ({
  level: "SO",
  number: 640,
  date: "2026-06-25",
  year: YEAR,
  issuer: {
    parentName: "Ủy ban nhân dân tỉnh Hà Tĩnh",
    name: "Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh",
    abbreviation: "SGDĐT",
    place: "Hà Tĩnh",
  },
  issuerTitle: "Giám đốc Sở Giáo dục và Đào tạo",
  signer: { title: "Giám đốc", name: "Phạm Văn Hùng" },
  advisor: "Chánh Văn phòng Sở",
  fundSource: "quỹ thi đua, khen thưởng của Sở Giáo dục và Đào tạo",
  executors: ["Chánh Văn phòng Sở"],
  dossierIds,
  proposals,
});

let db: Firestore;
let proposed: string[];
beforeAll(async () => {
  db = testFirestore("thematic-year-end");
  await seedUnitsOf(db, { ...province, thematic: undefined }, unitIds);
}, 120_000);

// The machine is shared: recording judges each dossier's proposals on the emulator.
describe("the sample chuyên đề field, from the sheets to the public board", { timeout: 180_000 }, () => {
  it("the three tabs' rows are ingested: the field, each school's registration, the inspection results", async () => {
    const fields = await send(db, department, "linh-vuc-chuyen-de", department.unitId, sample.fields);
    expect(fields.body).toMatchObject({ accepted: 1, rejected: 0 });
    for (const registration of sample.registrations) {
      const result = await send(
        db,
        officerOf(registration.unitId),
        "dang-ky-chuyen-de",
        registration.unitId,
        [registration],
      );
      expect(result.body.rejected).toBe(0);
      // Only the registration after the deadline carries a note in its status.
      expect(result.body.rows[0]?.notes !== undefined).toBe(registration.registeredOn > "2025-10-15");
    }
    const results = await send(db, department, "ket-qua-chuyen-de", department.unitId, sample.results);
    expect(results.body).toMatchObject({ accepted: sample.results.length, rejected: 0 });
  });

  it("the selection orders the field's units, proposes two within the cap and names the rest with reasons", async () => {
    const selection = await thematicSelection(db, YEAR);
    expect(selection.fieldsSource).toBe("DEPARTMENT");
    const field = selection.fields.find((candidate) => candidate.field.code === SAMPLE_THEMATIC_FIELD);
    expect(field?.cap).toBe(2);
    expect(field?.entries.map((entry) => entry.status)).toEqual([
      "PROPOSED",
      "LATE",
      "PROPOSED",
      "OVER_CAP",
      "BELOW_THRESHOLD",
      "NO_RESULT",
    ]);
    expect(field?.entries[3]?.tieBreak).toContain("đăng ký sớm hơn");
    expect(field?.entries.every((entry) => entry.reason.length > 0)).toBe(true);
    proposed = (field?.entries ?? [])
      .filter((entry) => entry.status === "PROPOSED")
      .map((entry) => entry.unitId);
    expect(proposed[0]).toBe("thcs-nguyen-du");
  });

  it("the proposals are stored as CHUYEN_DE in approved dossiers; a rerun changes nothing", async () => {
    const result = await proposeThematicAwards(db, department, YEAR, "req-propose");
    expect(result.skipped).toEqual([]);
    expect(result.proposals.map((proposal) => proposal.subjectId)).toEqual([...proposed].sort());
    for (const unitId of proposed) {
      const proposal = (await db.doc(`years/${YEAR}/proposals/${unitId}_${unitId}_GK_GD_SO`).get()).data();
      expect(proposal).toMatchObject({
        unitId,
        subjectKind: "collective",
        subjectId: unitId,
        kind: "CHUYEN_DE",
      });
      expect(proposal?.summary).toContain("Công nghệ thông tin");
      const dossier = (await db.doc(`dossiers/${unitId}_${YEAR}_chuyen-de`).get()).data();
      expect(dossier).toMatchObject({ unitId, year: YEAR, state: "APPROVED" });
    }
    const audits = (await db.collection("audit").count().get()).data().count;
    await proposeThematicAwards(db, department, YEAR, "req-propose-again");
    expect((await db.collection("audit").count().get()).data().count).toBe(audits);
  });

  it("the Department records and publishes its decision; the ledger holds CHUYEN_DE entries; the boards show them", async () => {
    const { proposals } = await proposeThematicAwards(db, department, YEAR, "req-propose-3");
    const input = decisionInput(
      proposals.map((proposal) => proposal.dossierId),
      proposals.map(({ dossierId, subjectId, target }) => ({ dossierId, subjectId, target })),
    );
    const decision = await recordDecision(db, department, input, { requestId: "req-decision" });
    expect(decision.subjects.map((subject) => [subject.subjectId, subject.target, subject.kind])).toEqual(
      [...proposed].sort().map((unitId) => [unitId, "GK_GD_SO", "CHUYEN_DE"]),
    );
    const published = await publishDecision(db, department, decision.id, { requestId: "req-publish" });
    expect(published.state).toBe("PUBLISHED");
    for (const unitId of proposed) {
      const award = (await db.doc(`awards/${unitId}_${unitId}_${YEAR}_GK_GD_SO_CHUYEN_DE`).get()).data();
      expect(award).toMatchObject({
        kind: "CHUYEN_DE",
        code: "GK_GD_SO",
        decisionId: decision.id,
        decisionNo: "640/QĐ-SGDĐT",
      });
      expect((await db.doc(`dossiers/${unitId}_${YEAR}_chuyen-de`).get()).get("state")).toBe("PUBLISHED");
      const { board } = await publicBoardFiles(db, officerOf(unitId), unitId, YEAR);
      const group = board.groups.find((candidate) => candidate.code === "GK_GD_SO");
      expect(group?.label).toBe(awardCodeLabels.GK_GD_SO);
      expect(group?.lines).toEqual([{ subjectKind: "collective", name: nameOf(unitId) }]);
    }
    // The unit over the cap has no award and nothing on its board.
    const overCap = sample.registrations
      .map((registration) => registration.unitId)
      .find(
        (unitId) =>
          !proposed.includes(unitId) &&
          sample.results.some((result) => result.unitId === unitId && result.score === 92),
      ) as string;
    const { board } = await publicBoardFiles(db, officerOf(overCap), overCap, YEAR);
    expect(board.groups.find((candidate) => candidate.code === "GK_GD_SO")).toBeUndefined();
  });

  it("G-03: next year the chuyên đề award is left out of the công trạng counters; the same form as công trạng counts", async () => {
    const [withMerit, withThematic] = proposed as [string, string];
    // The history tab: each school's Bằng khen tỉnh of this year, one công trạng, one chuyên đề.
    for (const [unitId, kind] of [
      [withMerit, "Công trạng"],
      [withThematic, "Chuyên đề"],
    ] as const) {
      const result = await send(db, officerOf(unitId), "lich-su", unitId, [
        {
          subjectKind: "Tập thể",
          subjectId: unitId,
          year: YEAR,
          code: awardCodeLabels.BK_CT_UBND_TINH,
          kind,
          decisionNo: "900/QĐ-UBND",
          decisionDate: "2026-07-01",
        },
      ]);
      expect(result.body.rejected).toBe(0);
    }
    // Next year: its configuration, each school's year-end record and its proposal for BK Thủ tướng.
    await db.doc(`years/${NEXT_YEAR}`).set({ ...province.yearConfigs.at(-1), year: NEXT_YEAR });
    for (const unitId of proposed) {
      const record = province.records.find(
        (candidate) =>
          candidate.year === YEAR && candidate.subjectKind === "collective" && candidate.unitId === unitId,
      );
      await db.doc(`years/${NEXT_YEAR}/records/${unitId}_${unitId}`).set({ ...record, year: NEXT_YEAR });
      await db.doc(`years/${NEXT_YEAR}/proposals/${unitId}_${unitId}_BK_TTG`).set({
        year: NEXT_YEAR,
        unitId,
        subjectKind: "collective",
        subjectId: unitId,
        target: "BK_TTG",
        kind: "CONG_TRANG",
      });
    }
    const checksOf = async (unitId: string) => {
      const { results } = await evaluateUnitProposals(db, unitId, NEXT_YEAR);
      const result = results.find((candidate) => candidate.target === "BK_TTG");
      expect(result).toBeDefined();
      return result?.checks ?? [];
    };
    const merit = await checksOf(withMerit);
    const thematic = await checksOf(withThematic);
    // BKTTG-02 starts its window after a công trạng Bằng khen tỉnh: found for one, not for the other.
    const priorOf = (checks: typeof merit) =>
      checks.find((check) => check.rule === "BKTTG-02")?.message ?? "";
    expect(priorOf(merit)).toContain(YEAR);
    expect(priorOf(thematic)).toMatch(/^Chưa được tặng/);
    // G-03 names what it left out: the chuyên đề Giấy khen of the recorded decision, and the chuyên đề Bằng khen.
    const excluded = (checks: typeof merit) => checks.find((check) => check.rule === "G-03")?.message ?? "";
    expect(excluded(merit)).toContain(`${awardCodeLabels.GK_GD_SO} (chuyên đề, ${YEAR})`);
    expect(excluded(merit)).not.toContain(awardCodeLabels.BK_CT_UBND_TINH);
    expect(excluded(thematic)).toContain(`${awardCodeLabels.BK_CT_UBND_TINH} (chuyên đề, ${YEAR})`);
    expect(excluded(thematic)).toContain(`${awardCodeLabels.GK_GD_SO} (chuyên đề, ${YEAR})`);
  });
});
