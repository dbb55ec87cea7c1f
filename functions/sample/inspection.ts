/**
 * The open year's kiểm tra, tư vấn (docs/duties.md "Kiểm tra, tư vấn"): one team of council members,
 * a plan of four visits (the two sample schools and two more), findings on every checklist item with
 * some chưa đạt, recommendations with deadlines, and one re-check — so the dashboard, the Biên bản and
 * the ranking's INSPECTION group have figures, and the schools not visited show its missing-data rule.
 */
import { INSPECTION_ITEMS, type InspectionItem } from "../src/domain/codes.js";
import type {
  InspectionFinding,
  InspectionMember,
  InspectionVisit,
  VisitKind,
} from "../src/domain/inspection.js";
import type { Person, Unit, User } from "../src/domain/model.js";

export interface InspectionSample {
  inspectionTeams: InspectionMember[];
  inspectionVisits: InspectionVisit[];
  inspectionFindings: InspectionFinding[];
}

/** What a visit found short of đạt: the item, the note, and the recommendation with its re-check. */
interface Shortfall {
  item: InspectionItem;
  note: string;
  recommendation?: {
    text: string;
    deadline: string;
    recheck?: { date: string; done: boolean; note: string };
  };
}

const SAMPLE_TEAM_ID = "doan-1";

export function inspectionSample(
  year: string,
  units: readonly Unit[],
  people: readonly Person[],
  users: readonly User[],
  departmentUnitId: string,
  showcase: { nguyenDu: string; leQuyDon: string },
): InspectionSample {
  const start = year.slice(0, 4);
  const end = year.slice(5);
  const department = users.filter((user) => user.unitId === departmentUnitId);
  const director = department.find((user) => user.role === "COUNCIL_MEMBER");
  const specialists = department.filter((user) => user.role === "DEPT_SPECIALIST");
  const member = (
    memberId: string,
    user: User | undefined,
    position: string,
    teamRole: InspectionMember["teamRole"],
    seniorityYears: number,
    experience: string,
  ): InspectionMember[] =>
    user?.displayName
      ? [
          {
            year,
            teamId: SAMPLE_TEAM_ID,
            teamName: "Đoàn kiểm tra số 1",
            memberId,
            fullName: user.displayName,
            position,
            teamRole,
            seniorityYears,
            experience,
          },
        ]
      : [];
  const inspectionTeams = [
    ...member(
      "tv-01",
      director,
      "Giám đốc Sở, Chủ tịch Hội đồng",
      "TRUONG_DOAN",
      24,
      "Trưởng đoàn kiểm tra nhiều năm",
    ),
    ...member(
      "tv-02",
      specialists[0],
      "Chuyên viên Văn phòng Sở, Thư ký Hội đồng",
      "THU_KY",
      12,
      "Thư ký Hội đồng từ năm 2021",
    ),
    ...member(
      "tv-03",
      specialists[1],
      "Chuyên viên phòng Tổ chức cán bộ",
      "THANH_VIEN",
      8,
      "Thẩm định hồ sơ khen thưởng",
    ),
  ];

  const others = units
    .map((unit) => unit.id)
    .filter((id) => id !== showcase.nguyenDu && id !== showcase.leQuyDon)
    .sort()
    .slice(0, 2);
  const plan: { unitId: string; date: string; kind: VisitKind; shortfalls: Shortfall[] }[] = [
    {
      unitId: showcase.nguyenDu,
      date: `${start}-10-15`,
      kind: "DAU_NAM",
      shortfalls: [
        {
          item: "CONG_KHAI",
          note: "Bảng công khai chưa cập nhật kết quả năm học trước.",
          recommendation: {
            text: "Cập nhật bảng công khai thi đua, khen thưởng năm học trước.",
            deadline: `${start}-11-30`,
            recheck: { date: `${start}-12-10`, done: true, note: "Đã niêm yết đầy đủ tại phòng hội đồng." },
          },
        },
      ],
    },
    {
      unitId: showcase.leQuyDon,
      date: `${start}-11-12`,
      kind: "KET_HOP_KIEM_TRA",
      shortfalls: [
        {
          item: "HO_SO",
          note: "Thiếu biên bản họp Hội đồng Thi đua - Khen thưởng năm học trước.",
          recommendation: {
            text: "Bổ sung biên bản họp Hội đồng vào hồ sơ thi đua.",
            deadline: `${end}-01-15`,
          },
        },
        {
          item: "SANG_KIEN",
          note: "Chưa có quyết định công nhận sáng kiến cấp cơ sở.",
          recommendation: {
            text: "Tổ chức hội đồng đánh giá, công nhận sáng kiến cấp cơ sở.",
            deadline: `${end}-03-31`,
            recheck: { date: `${end}-04-10`, done: false, note: "Hội đồng đánh giá sáng kiến chưa họp." },
          },
        },
      ],
    },
    ...others.map((unitId, index) => ({
      unitId,
      date: `${end}-0${3 + index}-1${index}`,
      kind: "KET_HOP_CHUAN_QG" as const,
      shortfalls:
        index === 0
          ? []
          : [{ item: "DAN_CHU" as const, note: "Chưa công khai quy chế thi đua trên cổng thông tin." }],
    })),
  ];
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const inspectionVisits: InspectionVisit[] = [];
  const inspectionFindings: InspectionFinding[] = [];
  plan.forEach((visit, index) => {
    const visitId = `kt-${String(index + 1).padStart(2, "0")}`;
    const unit = unitById.get(visit.unitId);
    if (!unit) return;
    inspectionVisits.push({
      year,
      visitId,
      teamId: SAMPLE_TEAM_ID,
      unitId: visit.unitId,
      date: visit.date,
      kind: visit.kind,
      number: index + 1,
      ...(unit.principalName ? { unitHead: unit.principalName } : {}),
      unitHeadPosition: unit.level === "GDTX" ? "Giám đốc" : "Hiệu trưởng",
      // The vice-principals receive the team with the head.
      representatives: people
        .filter(
          (person) => person.unitId === unit.id && !person.withdrawn && person.position?.startsWith("Phó"),
        )
        .map((person) => `${person.fullName}, ${person.position}`),
    });
    for (const item of INSPECTION_ITEMS) {
      const shortfall = visit.shortfalls.find((candidate) => candidate.item === item);
      const recommendation = shortfall?.recommendation;
      inspectionFindings.push({
        year,
        visitId,
        item,
        finding: shortfall ? "CHUA_DAT" : "DAT",
        ...(shortfall ? { note: shortfall.note } : {}),
        ...(recommendation ? { recommendation: recommendation.text, deadline: recommendation.deadline } : {}),
        ...(recommendation?.recheck
          ? {
              recheckDate: recommendation.recheck.date,
              recheckDone: recommendation.recheck.done,
              recheckNote: recommendation.recheck.note,
            }
          : {}),
      });
    }
  });
  return { inspectionTeams, inspectionVisits, inspectionFindings };
}
