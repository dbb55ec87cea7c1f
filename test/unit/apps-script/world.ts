/** A school spreadsheet laid out by the template setup, with staff rows, for the submit tests. */
import { installTriggers } from "../../../apps-script/src/actions.js";
import { setupTemplate } from "../../../apps-script/src/template.js";
import { findTab, tabsFor } from "../../../functions/src/sheets/tabs/index.js";
import { type FakeSheet, type FakeWorld, fakeWorld } from "./fakes.js";

export const STAFF_TITLE = findTab("can-bo")?.title ?? "Cán bộ";

/** "Trạng thái" follows the staff tab's 9 columns. */
export const STAFF_STATUS_COLUMN = (findTab("can-bo")?.columns.length ?? 0) + 1;

export const staffRow = (i: number): unknown[] => [
  `GV${String(i).padStart(5, "0")}`,
  `Nguyễn Văn ${i}`,
  i % 2 === 0 ? "Nam" : "Nữ",
  "15/08/1985",
  "Kinh",
  "Giáo viên",
  "Tổ Toán",
  "",
  "",
];

/** A laid-out spreadsheet with its triggers, whose staff tab holds `count` filled rows from row 2. */
export function schoolWorld(count: number): { world: FakeWorld; sheet: FakeSheet } {
  const world = fakeWorld();
  setupTemplate(world.env, tabsFor("school"));
  installTriggers(world.env, new Date("2025-09-05T01:00:00Z"));
  const sheet = world.spreadsheet.getSheetByName(STAFF_TITLE);
  if (!sheet) throw new Error("staff sheet");
  sheet.maxRows = Math.max(sheet.maxRows, count + 1);
  sheet.fill(
    Array.from({ length: count }, (_, i) => staffRow(i + 1)),
    2,
  );
  world.spreadsheet.active = sheet;
  for (const key of Object.keys(sheet.calls)) delete sheet.calls[key];
  return { world, sheet };
}
