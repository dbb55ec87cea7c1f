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
  { label: appsScriptMessages.menuBoard, handler: "showBoard" },
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

/**
 * Why the script cannot act for this user, or undefined. Granular consent lets a user untick scopes;
 * without openid the token is null and the server would answer a bare 401.
 */
function authorizationProblem(env: AppsScriptEnv): string | undefined {
  try {
    env.requireAllScopes();
  } catch {
    return appsScriptMessages.scopesMissing;
  }
  return env.identityToken() === null ? appsScriptMessages.identityMissing : undefined;
}

/** Runs a menu action once the user has granted every scope; else explains what to do. */
const authorized =
  <A extends unknown[]>(run: (env: AppsScriptEnv, ...args: A) => void) =>
  (env: AppsScriptEnv, ...args: A): void => {
    const problem = authorizationProblem(env);
    if (problem === undefined) run(env, ...args);
    else show(env, [problem]);
  };

function withSettings(env: AppsScriptEnv, run: (settings: Settings) => string): void {
  const settings = readSettings(env);
  show(env, [settings.ok ? run(settings.settings) : settings.message]);
}

/** Who turned automatic sending on, for everyone to see (each user sees only their own triggers). */
function triggerOwnerLine(env: AppsScriptEnv): string {
  const owner = actions.readTriggerOwner(env.documentProperties);
  return owner ? appsScriptMessages.triggersOwner(owner.email, owner.at) : appsScriptMessages.triggersNone;
}

export const app = {
  setupTemplate: (env: AppsScriptEnv) =>
    show(env, [templateMessage(setupTemplate(env, tabsFor(readAudience(env))))]),
  submitActiveTab: authorized((env) =>
    show(env, submitSheets(env, [env.spreadsheet.getActiveSheet()], true)),
  ),
  submitAll: authorized((env) => {
    const sheets = templateSheets(env);
    show(env, sheets.length > 0 ? submitSheets(env, sheets, true) : [appsScriptMessages.noTemplateTabs]);
  }),
  resendActiveTab: authorized((env) =>
    show(env, submitSheets(env, [env.spreadsheet.getActiveSheet()], true, true)),
  ),
  /** The time-driven run: no dialogs; returns the messages for the execution log. */
  submitScheduled: (env: AppsScriptEnv): string[] => {
    const problem = authorizationProblem(env);
    return problem === undefined ? submitSheets(env, templateSheets(env), false) : [problem];
  },
  onEditInstallable: (event: EditEvent) => handleEdit(event),
  settings: (env: AppsScriptEnv) => {
    if (env.ui) promptSettings(env, env.ui);
  },
  checkEligibility: authorized((env) => withSettings(env, (s) => actions.checkEligibility(env, s))),
  showSummary: authorized((env) => withSettings(env, (s) => actions.writeSummary(env, s))),
  showBoard: authorized((env) => withSettings(env, (s) => actions.writeBoard(env, s))),
  buildDossier: authorized((env, clickId: string, now: Date) =>
    withSettings(env, (s) => actions.buildDossier(env, s, clickId, now)),
  ),
  installTriggers: authorized((env, now: Date) => show(env, [actions.installTriggers(env, now)])),
  showClientId: (env: AppsScriptEnv) => {
    const token = env.identityToken();
    const claims = token === null ? undefined : jwtClaims(token);
    show(env, [
      claims
        ? appsScriptMessages.clientId(String(claims.aud ?? ""), String(claims.email ?? ""))
        : appsScriptMessages.identityMissing,
      triggerOwnerLine(env),
    ]);
  },
};
