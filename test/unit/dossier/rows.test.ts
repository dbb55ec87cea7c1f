import { describe, expect, it } from "vitest";
import type { DossierEntry } from "../../../functions/src/services/dossier/channels.js";
import { collectiveRows, individualRows, studentRows } from "../../../functions/src/services/dossier/rows.js";
import { contextOf, record, schoolData, vote, YEAR } from "./fixture.js";

const entry = (subjectId: string, code: DossierEntry["code"], name: string): DossierEntry => ({
  code,
  subjectKind: subjectId.startsWith("GV") ? "individual" : "collective",
  subjectId,
  name,
  summary: undefined,
});
const award = (subjectId: string, code: "LDTT" | "CSTD_CS" | "GK_CT_UBND_XA", year: string) => ({
  id: `THCS_ND_${subjectId}_${year}_${code}`,
  subjectKind: "individual" as const,
  subjectId,
  unitId: "THCS_ND",
  code,
  kind: "CONG_TRANG" as const,
  year,
});

describe("danh sách rows", () => {
  it("gives an individual the prior higher awards of five years, the year's initiatives and the vote", () => {
    const context = contextOf(
      schoolData({
        records: [record("GV1", "HTXS"), record("GV1", "HT", "2024-2025")],
        votes: [vote("GV1", "CSTD_CS", 8)],
        awards: [
          award("GV1", "CSTD_CS", "2023-2024"),
          award("GV1", "LDTT", "2024-2025"),
          award("GV1", "GK_CT_UBND_XA", "2019-2020"),
          award("GV1", "GK_CT_UBND_XA", "2020-2021"),
          award("GV1", "GK_CT_UBND_XA", YEAR),
          award("GV2", "CSTD_CS", "2023-2024"),
        ],
        initiatives: [
          {
            id: "SK1",
            kind: "SANG_KIEN",
            title: "Dạy học theo dự án",
            ownerIds: ["GV2", "GV1"],
            unitId: "THCS_ND",
            year: YEAR,
            level: "CO_SO",
            decisionNo: "15/QĐ-THCSND",
            decisionDate: "2026-04-20",
          },
          {
            id: "SK2",
            kind: "SANG_KIEN",
            title: "Sổ tay chủ nhiệm",
            ownerIds: ["GV1"],
            unitId: "THCS_ND",
            year: YEAR,
            level: "CO_SO",
          },
          {
            id: "SK0",
            kind: "SANG_KIEN",
            title: "Năm trước",
            ownerIds: ["GV1"],
            unitId: "THCS_ND",
            year: "2024-2025",
            level: "CO_SO",
          },
        ],
      }),
    );
    const [row] = individualRows(context, [
      entry("GV1", "CSTD_CS", "Nguyễn Thị Hoa"),
      entry("THCS_ND", "TTLDTT", "Trường THCS Nguyễn Du"),
    ]);
    expect(row).toEqual({
      code: "CSTD_CS",
      fullName: "Nguyễn Thị Hoa",
      gender: "F",
      birthDate: "1985-03-04",
      ethnicity: undefined,
      positionAndUnit: "Giáo viên, Trường THCS Nguyễn Du",
      rating: "HTXS",
      initiatives: "Dạy học theo dự án (QĐ 15/QĐ-THCSND ngày 20/04/2026); Sổ tay chủ nhiệm",
      priorAwards: "Chiến sĩ thi đua cơ sở 2023-2024; Giấy khen của Chủ tịch Ủy ban nhân dân xã 2020-2021",
      achievements: undefined,
      vote: "8/9 (88,9%)",
    });
  });

  it("leaves what a subject missing from the roster lacks absent, for the danh sách to report", () => {
    const [row] = individualRows(contextOf(), [entry("GV9", "LDTT", "GV9")]);
    expect(row).toMatchObject({ fullName: "GV9", gender: undefined, rating: undefined, vote: undefined });
    expect(row?.positionAndUnit).toBe("Trường THCS Nguyễn Du");
  });

  it("counts a collective's members, their ratings and the titles proposed for them", () => {
    const context = contextOf(
      schoolData({
        records: [
          record("GV1", "HTXS"),
          record("GV2", "HTT"),
          record("GV3", "HT"),
          record("Tổ Toán", "HTXS"),
        ],
      }),
    );
    const entries = [
      entry("GV1", "LDTT", "Nguyễn Thị Hoa"),
      entry("GV1", "CSTD_CS", "Nguyễn Thị Hoa"),
      entry("GV3", "LDTT", "Trần Minh Khoa"),
      entry("Tổ Toán", "TTLDTT", "Tổ Toán"),
      entry("THCS_ND", "TTLDTT", "Trường THCS Nguyễn Du"),
    ];
    expect(collectiveRows(context, entries)).toEqual([
      {
        code: "TTLDTT",
        name: "Tổ Toán",
        parentUnit: "Trường THCS Nguyễn Du",
        members: 2,
        ldttCount: 1,
        cstdcsCount: 1,
        ratingBreakdown: "HTXS 1, HTT 1, HT 0, KHT 0",
        rating: "HTXS",
        achievements: undefined,
      },
      {
        code: "TTLDTT",
        name: "Trường THCS Nguyễn Du",
        parentUnit: "Ủy ban nhân dân xã An Thịnh",
        members: 3,
        ldttCount: 2,
        cstdcsCount: 1,
        ratingBreakdown: "HTXS 1, HTT 1, HT 1, KHT 0",
        rating: undefined,
        achievements: undefined,
      },
    ]);
  });

  it("lists the students' prizes with their decision and coaches; teachers' prizes are not students'", () => {
    const prize = {
      year: YEAR,
      unitId: "THCS_ND",
      fullName: "Phạm Gia Bảo",
      contest: "Olympic Toán quốc tế",
      contestLevel: "QUOC_TE" as const,
      subject: "Toán",
      coachIds: [] as string[],
    };
    const context = contextOf(
      schoolData({
        achievements: [
          {
            ...prize,
            id: "HS1",
            role: "STUDENT",
            birthDate: "2011-01-02",
            className: "9A",
            prize: "HCV",
            decisionNo: "512/QĐ-BGDĐT",
            decisionDate: "2026-02-25",
            coachIds: ["GV1", "GV2"],
            proposedForm: "BK_CT_UBND_TINH",
          },
          { ...prize, id: "HS2", role: "STUDENT", className: "", prize: "KK" },
          { ...prize, id: "GVP", role: "TEACHER", personId: "GV1", prize: "NHAT" },
        ],
      }),
    );
    expect(studentRows(context)).toEqual([
      {
        code: "BK_CT_UBND_TINH",
        fullName: "Phạm Gia Bảo",
        birthDate: "2011-01-02",
        className: "9A",
        school: "Trường THCS Nguyễn Du",
        competition: "Olympic Toán quốc tế",
        subject: "Toán",
        prize: "Huy chương Vàng",
        prizeDecision: "QĐ số 512/QĐ-BGDĐT ngày 25/02/2026",
        supervisor: "Nguyễn Thị Hoa, Lê Văn Nam",
      },
      {
        code: undefined,
        fullName: "Phạm Gia Bảo",
        birthDate: undefined,
        className: undefined,
        school: "Trường THCS Nguyễn Du",
        competition: "Olympic Toán quốc tế",
        subject: "Toán",
        prize: "Giải Khuyến khích",
        prizeDecision: undefined,
        supervisor: undefined,
      },
    ]);
  });
});
