/**
 * The sample province's khen thưởng đột xuất (docs/domain.md §11.3): at Trường THPT Lê Quý Đôn a
 * student's Giải Nhất of the national HSG contest and her coach (the case the demo carries to a
 * decision and the public board), and a KHKT Giải Ba whose clock has run past its target with no
 * decision (the overdue flag of the summary and of the reminders).
 */
import { joinId } from "../src/domain/document-ids.js";
import type { Achievement, Person } from "../src/domain/model.js";
import type { Province } from "./province.js";

const SCHOOL = "thpt-le-quy-don";

/** The first teacher of the school's Tổ Toán (else its first teacher not on the board). */
const coachOf = (people: readonly Person[]): Person | undefined =>
  people.find((person) => person.unitId === SCHOOL && !person.withdrawn && person.group?.includes("Toán")) ??
  people.find(
    (person) => person.unitId === SCHOOL && !person.withdrawn && !/hiệu trưởng/i.test(person.position ?? ""),
  );

/** The sample's achievements of the open year at Lê Quý Đôn; none when the school or a teacher is missing. */
export function adHocSample(province: Province): Province {
  const year = province.openYear;
  const coach = coachOf(province.people);
  if (!year || !coach || !province.units.some((unit) => unit.id === SCHOOL)) return province;
  const achievements: Achievement[] = [
    {
      id: joinId(SCHOOL, "hs-hsg-toan"),
      year,
      unitId: SCHOOL,
      role: "STUDENT",
      fullName: "Nguyễn Ngọc Minh Thư",
      birthDate: "2008-04-12",
      className: "12A1",
      contest: `Kỳ thi chọn học sinh giỏi quốc gia THPT năm ${year.slice(5)}`,
      contestLevel: "QUOC_GIA",
      subject: "Toán",
      prize: "NHAT",
      decisionNo: "312/QĐ-BGDĐT",
      decisionDate: `${year.slice(5)}-02-10`,
      coachIds: [coach.id],
    },
    {
      id: joinId(SCHOOL, "hs-khkt"),
      year,
      unitId: SCHOOL,
      role: "STUDENT",
      fullName: "Trần Đức Huy",
      birthDate: "2008-09-30",
      className: "12A2",
      contest: `Cuộc thi Khoa học kỹ thuật cấp quốc gia năm học ${year}`,
      contestLevel: "QUOC_GIA",
      subject: "Khoa học kỹ thuật",
      prize: "BA",
      decisionNo: "845/QĐ-BGDĐT",
      decisionDate: `${year.slice(5)}-03-20`,
      coachIds: [],
    },
  ];
  return { ...province, achievements: [...(province.achievements ?? []), ...achievements] };
}
