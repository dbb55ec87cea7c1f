import { describe, expect, it } from "vitest";
import type { Achievement, Award, Proposal, Registration } from "../../../functions/src/domain/model.js";
import {
  type RecordsIndexInput,
  recordKindOf,
  recordsIndex,
  reportDocumentType,
} from "../../../functions/src/domain/records-index.js";

const YEAR = "2025-2026";
const UNIT = { id: "thcs-a", name: "Trường THCS A" };

const proposal = (subjectId: string, target: Proposal["target"], extra: Partial<Proposal> = {}) => {
  const p: Proposal = {
    year: YEAR,
    unitId: UNIT.id,
    subjectKind: subjectId === UNIT.id ? "collective" : "individual",
    subjectId,
    target,
    kind: "CONG_TRANG",
    ...extra,
  };
  return { ...p, id: `${UNIT.id}_${subjectId}_${target}` };
};
const registration = (subjectId: string): Registration => ({
  year: YEAR,
  unitId: UNIT.id,
  subjectKind: subjectId === UNIT.id ? "collective" : "individual",
  subjectId,
  titles: [],
  forms: [],
  commitments: [],
  registeredOn: "2025-09-20",
});

const input = (extra: Partial<RecordsIndexInput>): RecordsIndexInput => ({
  unit: UNIT,
  year: YEAR,
  proposals: [],
  registrations: [],
  votes: [],
  achievements: [],
  dossiers: [],
  awards: [],
  nameOf: (_kind, id) => `Tên ${id}`,
  ...extra,
});

const documents = (index: ReturnType<typeof recordsIndex>, kind: string) =>
  index.sets
    .find((set) => set.kind === kind)
    ?.items.map((item) => [item.document, item.subject?.subjectId, item.present]);

describe("recordsIndex: the expected set of a unit's year, by kind", () => {
  it("expects only the unit's registration and the sổ theo dõi of a year without proposals", () => {
    const index = recordsIndex(input({}));
    expect(index.sets.map((set) => set.kind)).toEqual(["THUONG_XUYEN"]);
    expect(documents(index, "THUONG_XUYEN")).toEqual([
      ["DANG_KY", undefined, false],
      ["SO_THEO_DOI", undefined, false],
    ]);
    expect(index).toMatchObject({ expected: 2, present: 0, missing: 2 });
  });

  it("adds, for thường xuyên proposals, each subject's registration, the batch, the votes, the reports and the decisions", () => {
    const index = recordsIndex(
      input({
        proposals: [proposal("gv1", "LDTT"), proposal("gv1", "CSTD_CS"), proposal(UNIT.id, "TTLDTT")],
        registrations: [registration(UNIT.id)],
        votes: [
          {
            year: YEAR,
            unitId: UNIT.id,
            subjectId: "gv1",
            target: "CSTD_CS",
            ballotType: "KIN",
            members: 9,
            agree: 8,
          },
        ],
        dossiers: [
          {
            id: `${UNIT.id}_${YEAR}`,
            documents: [
              { type: "to-trinh", file: "a/01-to-trinh.pdf", number: "01/TTr-THCSA" },
              { type: "danh-sach-individual", file: "a/03-danh-sach-ca-nhan.pdf" },
              { type: reportDocumentType(`${UNIT.id}_gv1_CSTD_CS`), file: "a/bao-cao-gv1.pdf" },
            ],
          },
        ],
        awards: [
          {
            id: "x",
            subjectKind: "individual",
            subjectId: "gv1",
            unitId: UNIT.id,
            code: "LDTT",
            kind: "CONG_TRANG",
            year: YEAR,
            decisionNo: "12/QĐ-UBND",
            decisionDate: "2026-06-10",
          } satisfies Award,
        ],
      }),
    );
    expect(documents(index, "THUONG_XUYEN")).toEqual([
      ["DANG_KY", undefined, true],
      ["DANG_KY", "gv1", false],
      ["BIEN_BAN", undefined, false],
      ["TO_TRINH", undefined, true],
      ["DANH_SACH", undefined, true],
      ["KET_QUA_BO_PHIEU", "gv1", true],
      ["BAO_CAO", "gv1", true],
      ["BAO_CAO", UNIT.id, false],
      ["QUYET_DINH", "gv1", true],
      ["QUYET_DINH", "gv1", false],
      ["QUYET_DINH", UNIT.id, false],
      ["SO_THEO_DOI", undefined, false],
    ]);
    const set = index.sets[0];
    expect(set).toMatchObject({ expected: 12, present: 6, missing: 6 });
    expect(set?.items.find((item) => item.document === "QUYET_DINH" && item.present)?.reference).toEqual({
      decisionNo: "12/QĐ-UBND",
      decisionDate: "2026-06-10",
    });
  });

  it("opens a chuyên đề set and a đột xuất set only when the unit has something of that kind", () => {
    const prize: Achievement = {
      id: "hs1",
      year: YEAR,
      unitId: UNIT.id,
      role: "STUDENT",
      fullName: "Lê Học Sinh",
      contest: "Olympic",
      contestLevel: "QUOC_GIA",
      subject: "Toán",
      prize: "NHAT",
      coachIds: [],
    };
    const index = recordsIndex(
      input({
        proposals: [
          proposal("gv2", "GK_GD_SO", { kind: "CHUYEN_DE" }),
          proposal("gv3", "GK_GD_SO", { kind: "DOT_XUAT", summary: "Giải Nhất quốc gia" }),
          proposal("gv4", "GK_GD_SO", { kind: "DOT_XUAT" }),
        ],
        achievements: [prize, { ...prize, id: "hs2", decisionNo: "5/QĐ-BGDĐT" }],
      }),
    );
    expect(index.sets.map((set) => set.kind)).toEqual(["THUONG_XUYEN", "CHUYEN_DE", "DOT_XUAT"]);
    expect(documents(index, "CHUYEN_DE")).toEqual([
      ["BIEN_BAN", undefined, false],
      ["TO_TRINH", undefined, false],
      ["DANH_SACH", undefined, false],
      ["BAO_CAO", "gv2", false],
      ["QUYET_DINH", "gv2", false],
    ]);
    expect(documents(index, "DOT_XUAT")).toEqual([
      ["TO_TRINH", undefined, false],
      ["DANH_SACH", undefined, false],
      ["TOM_TAT", "gv3", true],
      ["TOM_TAT", "gv4", false],
      ["MINH_CHUNG", "hs1", false],
      ["MINH_CHUNG", "hs2", true],
      ["QUYET_DINH", "gv3", false],
      ["QUYET_DINH", "gv4", false],
    ]);
    // Thường xuyên keeps its yearly items, and no subject of another kind is asked to register.
    expect(documents(index, "THUONG_XUYEN")).toEqual([
      ["DANG_KY", undefined, false],
      ["SO_THEO_DOI", undefined, false],
    ]);
    expect(index.expected).toBe(2 + 5 + 8);
  });

  it("files tổng kết phong trào with chuyên đề, and cống hiến with thường xuyên", () => {
    expect(recordKindOf("PHONG_TRAO")).toBe("CHUYEN_DE");
    expect(recordKindOf("CONG_HIEN")).toBe("THUONG_XUYEN");
    expect(recordKindOf("DOT_XUAT")).toBe("DOT_XUAT");
  });
});
