/** A commune-managed school's stored data of 2025-2026, as the typed readers return it. */
import { type DossierData, dossierContext } from "../../../functions/src/services/dossier/context.js";

export const YEAR = "2025-2026";

export function schoolData(overrides: Partial<DossierData> = {}): DossierData {
  return {
    unit: {
      id: "THCS_ND",
      name: "Trường THCS Nguyễn Du",
      abbreviation: "THCSND",
      level: "THCS",
      clusterId: "C1",
      managingAuthority: "UBND_XA",
      managingBodyName: "Ủy ban nhân dân xã An Thịnh",
      place: "An Thịnh",
      principalName: "Phan Văn Anh",
    },
    yearConfig: undefined,
    people: [
      {
        id: "GV1",
        unitId: "THCS_ND",
        fullName: "Nguyễn Thị Hoa",
        gender: "F",
        birthDate: "1985-03-04",
        position: "Giáo viên",
        group: "Tổ Toán",
      },
      {
        id: "GV2",
        unitId: "THCS_ND",
        fullName: "Lê Văn Nam",
        gender: "M",
        birthDate: "1990-07-08",
        group: "Tổ Toán",
      },
      { id: "GV3", unitId: "THCS_ND", fullName: "Trần Minh Khoa", gender: "M", group: "Tổ Văn" },
    ],
    proposals: [],
    votes: [],
    achievements: [],
    awards: [],
    initiatives: [],
    records: [],
    registerFrom: "2021-2022",
    ...overrides,
  };
}

export const contextOf = (data: DossierData = schoolData()) => dossierContext(YEAR, data, undefined);

export const record = (subjectId: string, rating: "HTXS" | "HTT" | "HT" | "KHT", year = YEAR) => ({
  year,
  subjectKind: "individual" as const,
  subjectId,
  unitId: "THCS_ND",
  rating,
  titles: [],
  awards: [],
  discipline: [],
  suspended: false,
});

export const vote = (subjectId: string, target: "CSTD_CS" | "LDTT", agree: number, members = 9) => ({
  year: YEAR,
  unitId: "THCS_ND",
  subjectId,
  target,
  ballotType: "KIN" as const,
  members,
  issued: members,
  returned: members,
  valid: members,
  agree,
});

/** The council meeting of the options: what no tab stores. */
export const MEETING = {
  date: "2026-05-15",
  startTime: "14:00",
  endTime: "16:00",
  location: "Phòng họp",
  present: 9,
  absentees: [],
  chair: { name: "Phan Văn Anh", title: "Hiệu trưởng" },
  secretary: { name: "Lê Văn Nam", title: "Thư ký" },
};
