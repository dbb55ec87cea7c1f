/**
 * What each global of main.ts does, given the services. Kept apart from main.ts so that tests can
 * run every menu action against fakes; main.ts only gathers the real services and delegates.
 */

import * as actions from "./actions.js";
import { type EditEvent, handleEdit } from "./edit.js";
import { jwtClaims } from "./identity.js";
import type { AppsScriptEnv, SheetPort } from "./ports.js";
import { appsScriptMessages, TABS, tabsFor } from "./server.js";
import { promptSettings, readAudience, readSettings, type Settings } from "./settings.js";
import { submitSheets } from "./submit.js";
import { setupTemplate, templateMessage } from "./template.js";

export type MenuEntry = { label: string; handler: string } | "separator";

/** The Thi đua menu; each handler is a global of main.ts. */
export const MENU: readonly MenuEntry[] = [
  { label: appsScriptMessages.menuSetup, handler: "setupTemplate" },
  "separator",
  { label: appsScriptMessages.menuSubmitActive, handler: "submitActiveTab" },
  { label: appsScriptMessages.menuSubmitAll, handler: "submitAll" },
  { label: appsScriptMessages.menuResendFull, handler: "resendActiveTab" },
  "separator",
  { label: appsScriptMessages.menuEligibility, handler: "checkEligibility" },
  { label: appsScriptMessages.menuSummary, handler: "showSummary" },
  { label: appsScriptMessages.menuDossier, handler: "buildDossier" },
  "separator",
  { label: appsScriptMessages.menuSettings, handler: "settings" },
  { label: appsScriptMessages.menuTriggers, handler: "installTriggers" },
  { label: appsScriptMessages.menuClientId, handler: "showClientId" },
];

const show = (env: AppsScriptEnv, messages: readonly string[]): void => env.ui?.alert(messages.join("\n\n"));

/** The template tabs that this spreadsheet has. */
const templateSheets = (env: AppsScriptEnv): SheetPort[] =>
  TABS.flatMap((tab) => env.spreadsheet.getSheetByName(tab.title) ?? []);

function withSettings(env: AppsScriptEnv, run: (settings: Settings) => string): void {
  const settings = readSettings(env.scriptProperties);
  show(env, [settings.ok ? run(settings.settings) : settings.message]);
}

export const app = {
  setupTemplate: (env: AppsScriptEnv) =>
    show(env, [templateMessage(setupTemplate(env, tabsFor(readAudience(env.scriptProperties))))]),
  submitActiveTab: (env: AppsScriptEnv) =>
    show(env, submitSheets(env, [env.spreadsheet.getActiveSheet()], true)),
  submitAll: (env: AppsScriptEnv) => {
    const sheets = templateSheets(env);
    show(env, sheets.length > 0 ? submitSheets(env, sheets, true) : [appsScriptMessages.noTemplateTabs]);
  },
  resendActiveTab: (env: AppsScriptEnv) =>
    show(env, submitSheets(env, [env.spreadsheet.getActiveSheet()], true, true)),
  /** The time-driven run: no dialogs; returns the messages for the execution log. */
  submitScheduled: (env: AppsScriptEnv) => submitSheets(env, templateSheets(env), false),
  onEditInstallable: (env: AppsScriptEnv, event: EditEvent) => handleEdit(env, event),
  settings: (env: AppsScriptEnv) => {
    if (env.ui) promptSettings(env.scriptProperties, env.ui);
  },
  checkEligibility: (env: AppsScriptEnv) => withSettings(env, (s) => actions.checkEligibility(env, s)),
  showSummary: (env: AppsScriptEnv) => withSettings(env, (s) => actions.writeSummary(env, s)),
  buildDossier: (env: AppsScriptEnv, clickId: string, now: Date) =>
    withSettings(env, (s) => actions.buildDossier(env, s, clickId, now)),
  installTriggers: (env: AppsScriptEnv) => show(env, [actions.installTriggers(env)]),
  showClientId: (env: AppsScriptEnv) => {
    const token = env.identityToken();
    const claims = token === null ? undefined : jwtClaims(token);
    show(env, [
      claims
        ? appsScriptMessages.clientId(String(claims.aud ?? ""), String(claims.email ?? ""))
        : appsScriptMessages.identityMissing,
    ]);
  },
};
