import { describe, expect, it } from "vitest";
import {
  isManager,
  type MeritEvidence,
  type MeritEvidenceInput,
  proposalEvidence,
} from "../../../functions/src/domain/merit-evidence.js";
import type { Person, Proposal } from "../../../functions/src/domain/model.js";

const YEAR = "2025-2026";
const UNIT = "thcs-a";
const person = (id: string, position: string): Person => ({
  id,
  unitId: UNIT,
  fullName: id,
  gender: "F",
  position,
});
const proposal = (
  subjectId: string,
  target: Proposal["target"],
  kind: Proposal["kind"] = "CONG_TRANG",
): Proposal => ({
  year: YEAR,
  unitId: UNIT,
  subjectKind: subjectId === UNIT ? "collective" : "individual",
  subjectId,
  target,
  kind,
});
const row = (subjectId: string, values: Partial<MeritEvidence>): MeritEvidence => ({
  year: YEAR,
  unitId: UNIT,
  subjectKind: subjectId === UNIT ? "collective" : "individual",
  subjectId,
  ...values,
});
const input = (extra: Partial<MeritEvidenceInput>): MeritEvidenceInput => ({
  unitId: UNIT,
  year: YEAR,
  proposals: [],
  people: [person("ht", "Hiệu trưởng"), person("pht", "Phó Hiệu trưởng"), person("gv", "Giáo viên")],
  evidence: [],
  registrations: [],
  initiatives: [],
  achievements: [],
  ...extra,
});
const unitRow = row(UNIT, {
  quality: "Đạt chỉ tiêu",
  attendance: 97.5,
  retention: 99,
  finance: "Không sai phạm",
  staffCare: "Có",
  movements: "Phong trào A",
});

describe("proposalEvidence: managers and teachers", () => {
  it("tells managers (Hiệu trưởng, Phó Giám đốc, typed without accents too) from teachers and tổ trưởng", () => {
    expect(
      ["Hiệu trưởng", "Phó Hiệu trưởng", "Giám đốc", "pho giam doc"].map((position) =>
        isManager({ position }),
      ),
    ).toEqual([true, true, true, true]);
    expect(["Giáo viên", "Tổ trưởng", "Trưởng ban", ""].some((position) => isManager({ position }))).toBe(
      false,
    );
  });

  it("gives a manager the unit's figures from the unit's row, and his own where he has them", () => {
    const [principal] = proposalEvidence(
      input({
        proposals: [proposal("pht", "LDTT")],
        evidence: [unitRow, row("pht", { movements: "Hội thi B" })],
      }),
    );
    expect(principal?.audience).toBe("MANAGER");
    expect(principal?.values).toEqual([
      { field: "quality", value: "Đạt chỉ tiêu", from: "unit" },
      { field: "attendance", value: 97.5, from: "unit" },
      { field: "retention", value: 99, from: "unit" },
      { field: "finance", value: "Không sai phạm", from: "unit" },
      { field: "staffCare", value: "Có", from: "unit" },
      { field: "movements", value: "Hội thi B", from: "subject" },
    ]);
    expect(principal?.flag).toBeNull();
  });

  it("reads a manager's unit-level figures from the unit's row even when his own row has some", () => {
    const [head] = proposalEvidence(
      input({
        proposals: [proposal("ht", "LDTT")],
        evidence: [unitRow, row("ht", { quality: "Của riêng tôi" })],
      }),
    );
    expect(head?.values[0]).toEqual({ field: "quality", value: "Đạt chỉ tiêu", from: "unit" });
  });

  it("never lends the unit's figures to a teacher: his own row or a flag", () => {
    const [teacher] = proposalEvidence(
      input({ proposals: [proposal("gv", "CSTD_CS")], evidence: [unitRow] }),
    );
    expect(teacher?.audience).toBe("TEACHER");
    expect(teacher?.values.map((value) => value.field)).toEqual([
      "quality",
      "homeroom",
      "attendance",
      "gifted",
      "remedial",
      "movements",
    ]);
    expect(teacher?.values.every((value) => value.value === null)).toBe(true);
    expect(teacher?.flag).toEqual({ code: "NO_EVIDENCE", missing: ["quality", "attendance", "movements"] });
  });

  it("flags a row that lacks a required field, and not one that lacks what applies by assignment", () => {
    const results = proposalEvidence(
      input({
        proposals: [proposal("gv", "LDTT"), proposal("ht", "LDTT")],
        evidence: [
          row("gv", { quality: "Tốt", movements: "A" }),
          row(UNIT, { quality: "Đạt", attendance: 96, retention: 99 }),
        ],
      }),
    );
    expect(results[0]?.flag).toEqual({ code: "INCOMPLETE_EVIDENCE", missing: ["attendance"] });
    expect(results[1]?.flag).toEqual({ code: "INCOMPLETE_EVIDENCE", missing: ["finance", "staffCare"] });
    const complete = proposalEvidence(
      input({
        proposals: [proposal("gv", "LDTT")],
        evidence: [row("gv", { quality: "Tốt", attendance: 98, movements: "A" })],
      }),
    );
    expect(complete[0]?.flag).toBeNull();
  });

  it("asks evidence of year-end công trạng proposals only: a đột xuất proposal is never flagged", () => {
    const [adHoc] = proposalEvidence(input({ proposals: [proposal("gv", "GK_GD_SO", "DOT_XUAT")] }));
    expect(adHoc).toMatchObject({ required: false, flag: null });
  });

  it("adds what the system holds: commitments met, the year's initiatives, prizes coached", () => {
    const [teacher, school] = proposalEvidence(
      input({
        proposals: [proposal("gv", "CSTD_CS"), proposal(UNIT, "TTLDTT")],
        registrations: [
          {
            year: YEAR,
            unitId: UNIT,
            subjectKind: "individual",
            subjectId: "gv",
            titles: [],
            forms: [],
            commitments: [
              { key: "Khá giỏi (%)", target: 80, achieved: 85 },
              { key: "Sáng kiến", target: 1, achieved: 0 },
              { key: "Chuyên đề", target: 2 },
            ],
          },
        ],
        initiatives: [
          {
            id: "sk1",
            kind: "SANG_KIEN",
            title: "Dạy học dự án",
            ownerIds: ["gv"],
            unitId: UNIT,
            year: YEAR,
            level: "CO_SO",
          },
          {
            id: "sk0",
            kind: "SANG_KIEN",
            title: "Cũ",
            ownerIds: ["gv"],
            unitId: UNIT,
            year: "2024-2025",
            level: "CO_SO",
          },
        ],
        achievements: [
          {
            id: "a1",
            year: YEAR,
            unitId: UNIT,
            role: "STUDENT",
            fullName: "HS",
            contest: "HSG",
            contestLevel: "QUOC_GIA",
            subject: "Toán",
            prize: "BA",
            coachIds: ["gv"],
          },
        ],
      }),
    );
    expect(teacher?.held).toEqual({
      commitments: { met: 1, total: 2 },
      initiatives: ["Dạy học dự án"],
      coached: 1,
    });
    expect(school?.audience).toBe("COLLECTIVE");
    expect(school?.held).toEqual({ commitments: null, initiatives: [], coached: 1 });
  });
});
