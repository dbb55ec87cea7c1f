/**
 * The open year's khen thưởng chuyên đề (docs/domain.md §19): one field the Department declares
 * ("Công nghệ thông tin", at most 2 typical collectives), six schools registered and the inspection's
 * results — two proposed, a tie decided by the earlier registration and left over the cap, one below
 * the threshold, one registered after the deadline, one without a result — so `tdkt thematic` and
 * GET /v1/years/{year}/thematic have every case to show. The schools proposed are ones whose
 * year-end record allows the Giấy khen (rating HTT or better, nội bộ đoàn kết), as a lawful sample must.
 */

import { collectionPath } from "../src/domain/collections.js";
import { joinId, thematicUnitFieldId } from "../src/domain/document-ids.js";
import type { Unit, YearRecord } from "../src/domain/model.js";
import { startYearOf } from "../src/domain/school-year.js";
import type { ThematicField, ThematicRegistration, ThematicResult } from "../src/domain/thematic.js";
import type { IndexedWrite } from "../src/store/unit-index.js";

export interface ThematicSample {
  fields: ThematicField[];
  registrations: ThematicRegistration[];
  results: ThematicResult[];
}

export const SAMPLE_THEMATIC_FIELD = "cntt";

export function thematicSample(
  year: string,
  units: readonly Unit[],
  records: readonly YearRecord[],
  showcaseUnitId: string,
): ThematicSample {
  const start = startYearOf(year);
  const field: ThematicField = {
    year,
    code: SAMPLE_THEMATIC_FIELD,
    name: "Công nghệ thông tin",
    guidanceNo: "1520/SGDĐT-VP",
    guidanceDate: `${start}-09-05`,
    registrationDeadline: `${start}-10-15`,
    division: "Phòng Kế hoạch - Tài chính",
    cap: 2,
  };
  // One pass over the records: a large province has hundreds of thousands.
  const qualifying = new Set(
    records
      .filter(
        (record) =>
          record.year === year &&
          record.subjectKind === "collective" &&
          (record.rating === "HTXS" || record.rating === "HTT") &&
          record.solidarity === true,
      )
      .map((record) => record.subjectId),
  );
  const qualifies = (unitId: string) => qualifying.has(unitId);
  const byId = [...units].sort((a, b) => (a.id < b.id ? -1 : 1)).map((unit) => unit.id);
  // The showcase school first when it qualifies; the proposed and the tied one qualify.
  const eligible = [showcaseUnitId, ...byId.filter((id) => id !== showcaseUnitId)].filter(qualifies);
  const rest = byId.filter((id) => !eligible.slice(0, 3).includes(id));
  const [first, second, tied] = eligible;
  const [below, late, silent] = rest;
  if (!first || !second || !tied || !below || !late || !silent)
    return { fields: [field], registrations: [], results: [] };

  const registration = (unitId: string, day: string, content: string): ThematicRegistration => ({
    year,
    unitId,
    field: field.code,
    registeredOn: `${start}-${day}`,
    content,
  });
  const result = (unitId: string, score: number, day: string, notes: string): ThematicResult => ({
    year,
    unitId,
    field: field.code,
    score,
    inspectedOn: `${start + 1}-${day}`,
    team: "Thường trực thi đua và Phòng Kế hoạch - Tài chính",
    notes,
  });
  return {
    fields: [field],
    registrations: [
      registration(first, "09-20", "Số hóa hồ sơ học sinh; 100% giáo viên dùng học liệu số"),
      registration(second, "09-25", "Phòng học thông minh; cổng thông tin của trường"),
      registration(tied, "10-02", "Ứng dụng phần mềm quản lý trường học"),
      registration(below, "10-01", "Bồi dưỡng kỹ năng số cho giáo viên"),
      registration(late, "10-20", "Thư viện điện tử"),
      registration(silent, "10-10", "Chữ ký số trong văn bản nội bộ"),
    ],
    results: [
      result(first, 96, "03-12", "Dẫn đầu lĩnh vực; mô hình nhân rộng được"),
      result(second, 92, "03-14", "Hoàn thành vượt các nội dung đăng ký"),
      result(tied, 92, "03-18", "Hoàn thành vượt các nội dung đăng ký"),
      result(below, 84, "03-20", "Còn chậm số hóa hồ sơ"),
      result(late, 95, "03-21", "Kết quả tốt nhưng đăng ký sau hạn"),
    ],
  };
}

/** The sample's documents at their paths (the tabs' own ids). */
export function* thematicDocuments(sample: ThematicSample | undefined): Generator<IndexedWrite> {
  if (!sample) return;
  for (const field of sample.fields)
    yield { path: `${collectionPath("thematicFields", field.year)}/${joinId(field.code)}`, data: field };
  for (const registration of sample.registrations)
    yield {
      path: `${collectionPath("thematicRegistrations", registration.year)}/${thematicUnitFieldId(registration)}`,
      data: registration,
    };
  for (const result of sample.results)
    yield {
      path: `${collectionPath("thematicResults", result.year)}/${thematicUnitFieldId(result)}`,
      data: result,
    };
}
