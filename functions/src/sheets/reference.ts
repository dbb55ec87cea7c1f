/**
 * docs/sheets.md, generated from the tab definitions (a unit test keeps the file in step: run
 * `npx vitest run test/unit/sheets -u` after changing a tab).
 */
import { columnTypeLabels } from "../domain/messages/index.js";
import { type Column, optionsOf, type TabAudience, type TabDefinition } from "./definition.js";
import { TABS } from "./tabs/index.js";

const AUDIENCE_TEXT: Record<TabAudience, string> = {
  school: "schools",
  department: "the Department",
  decider: "the deciding levels (the Department's workbook and a commune's, `TDKT_AUDIENCE=commune`)",
};

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

const choicesOf = (column: Column): string =>
  (optionsOf(column) ?? []).map((option) => `${option.label} (\`${option.code}\`)`).join("; ");

function tabSection(tab: TabDefinition): string[] {
  const stored = [tab.primary, ...(tab.companions ?? [])].map((name) => `\`${name}\``).join(", ");
  const keys = tab.naturalKey
    .map((key) => tab.columns.find((column) => column.key === key)?.header ?? key)
    .map((header) => `“${header}”`)
    .join(" + ");
  return [
    `## ${tab.title} (\`${tab.id}\`)`,
    "",
    tab.description,
    "",
    `- For: ${AUDIENCE_TEXT[tab.audience]}; scope of a full-tab send: ${tab.scope}` +
      `${tab.needsYear ? "; needs the school year's configuration" : ""}.`,
    `- Stored in: ${stored}. Natural key: ${keys}.`,
    "",
    "| Cột | key | Kiểu | Bắt buộc | Hướng dẫn | Giá trị |",
    "|---|---|---|---|---|---|",
    ...tab.columns.map(
      (column) =>
        `| ${cell(column.header)} | \`${column.key}\` | ${columnTypeLabels[column.type]} | ${column.required ? "có" : ""} | ${cell(column.help)} | ${cell(choicesOf(column))} |`,
    ),
    "",
  ];
}

export function tabsReference(tabs: readonly TabDefinition[] = TABS): string {
  return [
    "# Sheet tabs",
    "",
    "Generated from `functions/src/sheets/tabs/`, the only definition of the tabs: the row schemas,",
    "the `.xlsx` template (`tdkt template`), the Apps Script template setup and the summaries all derive",
    "from it. Headers match whatever their case or diacritics; enum cells take the label or the code;",
    "list cells separate values with `;`; dates are `dd/MM/yyyy` or spreadsheet serial numbers; numbers",
    "take a decimal comma. Rows go to `POST /v1/sheets/{id}:ingest` (docs/design.md §5.3).",
    "",
    // Who a row may name, and the ids it is stored under (ingest's checkSubjects, domain/document-ids.ts).
    "A row may name only the sending unit's own people and collectives: every “Mã cán bộ” must be on the",
    "unit's Cán bộ tab (not withdrawn; the Lịch sử khen thưởng tab also takes people who have left), and a",
    "collective is the unit itself or a tổ named in that tab's “Tổ chuyên môn” column. Stored ids begin",
    "with the unit (`{unit}_{subject}` for year records and registrations, `{unit}_{subject}_{target}` for",
    "proposals and votes, `{unit}_{subject}_{year}_{code}_{kind}` for awards, as the seeded sample uses),",
    "so one unit's rows never land on another unit's documents or count in its eligibility.",
    "",
    ...tabs.flatMap(tabSection),
  ].join("\n");
}
