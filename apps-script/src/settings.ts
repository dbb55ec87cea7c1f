/**
 * The script's settings: where the API is, which unit, which year. Each spreadsheet keeps its own in
 * its document properties (an add-on's script properties are shared by every school that installs
 * it); a bound script's pilot may still keep them in the script properties, read as the fallback.
 */

import type { AppsScriptEnv, UiPort } from "./ports.js";
import { appsScriptMessages, type Workbook } from "./server.js";

const SETTING_KEYS = { apiUrl: "TDKT_API_URL", unit: "TDKT_UNIT_ID", year: "TDKT_YEAR" } as const;

/**
 * Optional: "department" makes the setup lay out the Department's tabs instead of a school's;
 * "commune" a commune's (the tab "Quyết định khen thưởng" only).
 */
const AUDIENCE_KEY = "TDKT_AUDIENCE";

/** The two places a setting may live; this spreadsheet's own value wins. */
export type SettingsSources = Pick<AppsScriptEnv, "documentProperties" | "scriptProperties">;

const readSetting = (sources: SettingsSources, key: string): string => {
  const own = sources.documentProperties.getProperty(key)?.trim() ?? "";
  return own !== "" ? own : (sources.scriptProperties.getProperty(key)?.trim() ?? "");
};

export const readAudience = (sources: SettingsSources): Workbook => {
  const value = readSetting(sources, AUDIENCE_KEY);
  return value === "department" || value === "commune" ? value : "school";
};

export interface Settings {
  apiUrl: string;
  unit: string;
  year: string;
}

type SettingName = keyof Settings;

const validators: Record<SettingName, (value: string) => string | undefined> = {
  apiUrl: (value) =>
    /^https?:\/\/[^\s/]+/.test(value) ? undefined : appsScriptMessages.settingsInvalidUrl(value),
  unit: (value) =>
    value !== "" && !value.includes("/") ? undefined : appsScriptMessages.settingsInvalidUnit(value),
  year: (value) => {
    const match = /^(\d{4})-(\d{4})$/.exec(value);
    return match && Number(match[2]) === Number(match[1]) + 1
      ? undefined
      : appsScriptMessages.settingsInvalidYear(value);
  },
};

export type SettingsResult = { ok: true; settings: Settings } | { ok: false; message: string };

export function readSettings(sources: SettingsSources): SettingsResult {
  const names = Object.keys(SETTING_KEYS) as SettingName[];
  const value = (name: SettingName) => readSetting(sources, SETTING_KEYS[name]);
  const missing = names.filter((name) => value(name) === "").map((name) => SETTING_KEYS[name]);
  if (missing.length > 0) return { ok: false, message: appsScriptMessages.settingsMissing(missing) };
  const settings: Settings = { apiUrl: value("apiUrl"), unit: value("unit"), year: value("year") };
  for (const name of names) {
    const problem = validators[name](settings[name]);
    if (problem !== undefined) return { ok: false, message: problem };
  }
  return { ok: true, settings };
}

const PROMPTS: Record<SettingName, string> = {
  apiUrl: appsScriptMessages.settingsApiUrlPrompt,
  unit: appsScriptMessages.settingsUnitPrompt,
  year: appsScriptMessages.settingsYearPrompt,
};

/**
 * Asks for each setting in turn (current value shown), checks it, and saves them all at the end in
 * this spreadsheet's document properties.
 */
export function promptSettings(sources: SettingsSources, ui: UiPort): void {
  const answers: Partial<Settings> = {};
  for (const name of Object.keys(SETTING_KEYS) as SettingName[]) {
    const current = readSetting(sources, SETTING_KEYS[name]);
    const question =
      current === "" ? PROMPTS[name] : `${PROMPTS[name]}\n${appsScriptMessages.settingsCurrent(current)}`;
    const answer = ui.prompt(question);
    if (answer === null) return;
    // An empty answer keeps the current value.
    const value = answer.trim() || current;
    const problem = validators[name](value);
    if (problem !== undefined) {
      ui.alert(problem);
      return;
    }
    answers[name] = value;
  }
  for (const name of Object.keys(answers) as SettingName[]) {
    sources.documentProperties.setProperty(SETTING_KEYS[name], answers[name] ?? "");
  }
  ui.alert(appsScriptMessages.settingsSaved(answers.apiUrl ?? "", answers.unit ?? "", answers.year ?? ""));
}
