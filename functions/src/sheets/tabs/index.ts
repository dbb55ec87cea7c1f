/**
 * THE definition of every tab (docs/design.md §4, docs/domain.md §9): one file per tab lists its headers,
 * types, dropdown choices, help, natural key and the stored documents a row becomes. Nothing else
 * lists headers: the row schemas, the .xlsx template, the Apps Script setup and the summaries are
 * derived from TABS. Pure: imports only domain/ (the Apps Script bundle imports this module).
 */
import { type TabDefinition, tabsOfAudience, type Workbook } from "../definition.js";
import { departmentVotes } from "./bieu-quyet-so.js";
import { staff } from "./can-bo.js";
import { emulationOfficers } from "./can-bo-thi-dua.js";
import { yearConfig } from "./cau-hinh.js";
import { manualScores } from "./cham-diem.js";
import { registrations } from "./dang-ky.js";
import { thematicRegistrations } from "./dang-ky-chuyen-de.js";
import { proposals } from "./de-nghi.js";
import { inspectionTeams } from "./doan-kiem-tra.js";
import { units } from "./don-vi.js";
import { achievements } from "./dot-xuat.js";
import { exchangeVisits } from "./giao-luu.js";
import { briefingSessions } from "./hoi-nghi-quan-triet.js";
import { inspectionPlan } from "./ke-hoach-kiem-tra.js";
import { yearResults } from "./ket-qua.js";
import { thematicResults } from "./ket-qua-chuyen-de.js";
import { inspectionFindings } from "./ket-qua-kiem-tra.js";
import { awardHistory } from "./lich-su.js";
import { thematicFields } from "./linh-vuc-chuyen-de.js";
import { meritEvidence } from "./minh-chung.js";
import { users } from "./nguoi-dung.js";
import { decisions } from "./quyet-dinh.js";
import { initiatives } from "./sang-kien.js";
import { departmentCourses, unitCourses } from "./tap-huan.js";
import { trainingAttendance } from "./tham-du-tap-huan.js";
import { criteriaGroups } from "./tieu-chi.js";
import { legalDocuments } from "./van-ban-phap-ly.js";
import { acknowledgements } from "./xac-nhan-quan-triet.js";

export type * from "../definition.js";

/** Every tab, in the order of the workbook. */
export const TABS: readonly TabDefinition[] = [
  staff,
  registrations,
  yearResults,
  initiatives,
  proposals,
  achievements,
  meritEvidence,
  awardHistory,
  units,
  users,
  yearConfig,
  criteriaGroups,
  manualScores,
  departmentVotes,
  // The guidance's other duties (docs/duties.md).
  legalDocuments,
  briefingSessions,
  acknowledgements,
  emulationOfficers,
  departmentCourses,
  unitCourses,
  trainingAttendance,
  exchangeVisits,
  thematicRegistrations,
  thematicFields,
  thematicResults,
  decisions,
  inspectionTeams,
  inspectionPlan,
  inspectionFindings,
];

const tabsById: ReadonlyMap<string, TabDefinition> = new Map(TABS.map((tab) => [tab.id, tab]));

export const findTab = (id: string): TabDefinition | undefined => tabsById.get(id);

export const tabsFor = (workbook: Workbook | "all"): TabDefinition[] => tabsOfAudience(TABS, workbook);
